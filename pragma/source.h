/* A source file as the pragma scanner sees it: its text (embedded in the IR
 * by -gembed-source, or read from disk), what each line holds, and the HLS
 * pragmas found in it. */
#ifndef HLSMOE_SOURCE_H
#define HLSMOE_SOURCE_H

#include <stddef.h>

#include "support/diag.h"
#include "pragma/pragma.h"

typedef enum {
  HLS_LINE_BLANK,
  HLS_LINE_COMMENT,
  HLS_LINE_PRAGMA, /* any #pragma, ours or not */
  HLS_LINE_PREPROC,
  HLS_LINE_LABEL,    /* "name:" alone on its line */
  HLS_LINE_DISABLED, /* inside #if 0 ... #endif */
  HLS_LINE_CODE
} hls_line_kind;

typedef struct {
  char *path; /* as the debug info names it: directory/filename */
  char *text;
  size_t len;
  unsigned nlines;
  unsigned char *line_kind; /* [nlines + 2], 1-based, hls_line_kind values */
  size_t *line_start;       /* [nlines + 2], 1-based: offset of each line; [nlines + 1] = len + 1 */
  hls_pragma *pragmas;      /* in source order */
  size_t npragmas;
} hls_source;

/* Takes a copy of text.  Never fails (allocation failure aborts). */
void hls_source_init(hls_source *s, const char *path, const char *text, size_t len);

/* Reads path from disk.  Returns 0, or -1 leaving *s untouched. */
int hls_source_read_file(hls_source *s, const char *path);

void hls_source_free(hls_source *s);

/* Classifies every line and parses every pragma; malformed HLS pragmas and
 * unsupported forms (such as _Pragma with HLS text) are reported to *diags.
 * `symbols` (may be NULL) resolves pragma values written as names. */
void hls_source_scan(hls_source *s, const hls_symbols *symbols, hls_diags *diags);

/* First line after `line` that holds code (skipping blank lines, comments,
 * pragmas, other directives, labels and #if 0 blocks); 0 if none. */
unsigned hls_source_next_code_line(const hls_source *s, unsigned line);

#endif
