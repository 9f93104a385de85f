#include "rewrite_edits.h"

#include <stdlib.h>
#include <string.h>

#include "support/diag.h"

void hls_edits_add(hls_edits *e, size_t start, size_t end, const char *text) {
  e->edits = hls_xrealloc(e->edits, (e->count + 1) * sizeof *e->edits);
  e->edits[e->count] = (hls_edit){start, end, hls_xstrdup(text), e->count};
  e->count++;
}

static int by_position(const void *a, const void *b) {
  const hls_edit *x = a, *y = b;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void hls_edits_apply(const hls_edits *e, const char *text, size_t len, hls_strbuf *out) {
  hls_edit *sorted = hls_xcalloc(e->count + 1, sizeof *sorted);
  memcpy(sorted, e->edits, e->count * sizeof *sorted);
  qsort(sorted, e->count, sizeof *sorted, by_position);
  size_t at = 0;
  hls_strbuf_append(out, "", 0);
  for (size_t i = 0; i < e->count; i++) {
    if (sorted[i].start > at)
      hls_strbuf_append(out, text + at, sorted[i].start - at);
    hls_strbuf_append(out, sorted[i].text, strlen(sorted[i].text));
    if (sorted[i].end > at)
      at = sorted[i].end;
  }
  if (at < len)
    hls_strbuf_append(out, text + at, len - at);
  free(sorted);
}

void hls_edits_free(hls_edits *e) {
  for (size_t i = 0; i < e->count; i++)
    free(e->edits[i].text);
  free(e->edits);
  memset(e, 0, sizeof *e);
}
