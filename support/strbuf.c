#include "support/strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Makes room for n more bytes and the terminating NUL; doubling keeps
 * appends amortised O(1). */
static void reserve(hls_strbuf *b, size_t n) {
  if (b->len + n + 1 > b->cap) {
    b->cap = 2 * (b->len + n + 1);
    b->text = hls_xrealloc(b->text, b->cap);
  }
}

void hls_strbuf_append(hls_strbuf *b, const char *s, size_t n) {
  reserve(b, n);
  if (n)
    memcpy(b->text + b->len, s, n);
  b->len += n;
  b->text[b->len] = '\0';
}

void hls_strbuf_vprintf(hls_strbuf *b, const char *fmt, va_list ap) {
  va_list again;
  va_copy(again, ap);
  int n = vsnprintf(NULL, 0, fmt, ap);
  if (n < 0)
    n = 0; /* an encoding error appends nothing */
  reserve(b, (size_t)n);
  vsnprintf(b->text + b->len, (size_t)n + 1, fmt, again);
  va_end(again);
  b->len += (size_t)n;
  b->text[b->len] = '\0';
}

void hls_strbuf_printf(hls_strbuf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  hls_strbuf_vprintf(b, fmt, ap);
  va_end(ap);
}

void hls_strbuf_copy(const hls_strbuf *b, char *buf, size_t size) {
  if (!buf || size == 0)
    return;
  size_t n = b->len < size - 1 ? b->len : size - 1;
  if (n)
    memcpy(buf, b->text, n);
  buf[n] = '\0';
}

void hls_strbuf_free(hls_strbuf *b) {
  free(b->text);
  b->text = NULL;
  b->len = b->cap = 0;
}
