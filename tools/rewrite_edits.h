/* Edits of a source text by byte range, applied at once (hls-rewrite). */
#ifndef HLSMOE_TOOLS_REWRITE_EDITS_H
#define HLSMOE_TOOLS_REWRITE_EDITS_H

#include <stddef.h>

#include "support/strbuf.h"

typedef struct {
  size_t start, end; /* bytes [start, end) are replaced by text */
  char *text;        /* owned */
  size_t seq;        /* insertion order: edits at one offset keep it */
} hls_edit;

typedef struct {
  hls_edit *edits;
  size_t count;
} hls_edits;

void hls_edits_add(hls_edits *e, size_t start, size_t end, const char *text);
/* The text with every edit applied (edits must not overlap). */
void hls_edits_apply(const hls_edits *e, const char *text, size_t len, hls_strbuf *out);
void hls_edits_free(hls_edits *e);

#endif
