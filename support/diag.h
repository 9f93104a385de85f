/* Diagnostics collected by the C core and handed to the pass shim, which
 * turns them into LLVM diagnostics and remarks.  Every message carries a
 * source location (file:line:col); line 0 means "no line" (whole file). */
#ifndef HLSMOE_DIAG_H
#define HLSMOE_DIAG_H

#include <stddef.h>
#include <stdio.h>

typedef enum {
  HLS_SEV_REMARK,  /* informational: shown as an optimization remark */
  HLS_SEV_WARNING, /* suspicious, but the result can still be trusted */
  HLS_SEV_ERROR    /* the result cannot be trusted: the run must fail */
} hls_severity;

typedef struct {
  hls_severity severity;
  char *file; /* owned; may be "" when unknown */
  unsigned line, col;
  char *message; /* owned */
} hls_diag;

typedef struct {
  hls_diag *items;
  size_t count, capacity;
  size_t errors;
} hls_diags;

void hls_diags_init(hls_diags *d);
void hls_diags_free(hls_diags *d);

#if defined(__GNUC__)
#define HLS_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define HLS_PRINTF(fmt, args)
#endif

/* Appends one diagnostic; the message is printf-formatted.  Allocation
 * failure aborts (the shim cannot report anything meaningful without memory). */
void hls_diag_add(hls_diags *d, hls_severity sev, const char *file,
                  unsigned line, unsigned col, const char *fmt, ...)
    HLS_PRINTF(6, 7);

/* Prints "file:line:col: error|warning|remark: message" lines (clang's
 * format; ":col" left out when unknown, and ":line" too) to out.  For the
 * command-line tools. */
void hls_diags_print(const hls_diags *d, FILE *out);

/* Sorts by file, line, column, then insertion order: deterministic output. */
void hls_diags_sort(hls_diags *d);

/* Files larger than this are refused before they are read. */
#define HLS_READ_FILE_MAX ((long long)1 << 30)

/* Reads a whole regular file into a NUL-terminated buffer (caller frees);
 * *len gets its size.  NULL with errno set when it cannot be opened or read:
 * EISDIR for a directory, ENODEV for a device or pipe (/dev/zero would never
 * end), EFBIG above HLS_READ_FILE_MAX. */
char *hls_read_file(const char *path, size_t *len);

/* Writes text and a newline to path ("-" is stdout).  Returns 0, or -1 with
 * errno set. */
int hls_write_text(const char *path, const char *text);

/* Calls fn for every line of text[0..len) that is not blank, with its
 * 1-based number: the reader of JSON Lines files.  The line is
 * NUL-terminated in place (text is modified).  Stops when fn returns nonzero
 * and returns that value; 0 when every line was visited. */
typedef int (*hls_line_fn)(void *ctx, char *line, unsigned line_no);
int hls_for_each_line(char *text, size_t len, hls_line_fn fn, void *ctx);

/* Line and column (1-based) of byte `off` of a text of `len` bytes. */
void hls_text_position(const char *text, size_t len, size_t off, unsigned *line, unsigned *col);

/* Line and column of the first `"key" :` in a JSON text of `len` bytes, for
 * messages about a member (cJSON keeps no positions).  Returns 0, leaving
 * *line and *col alone, when there is none. */
int hls_json_key_position(const char *text, size_t len, const char *key, unsigned *line,
                          unsigned *col);

/* The same for many keys in the order they appear in the text, in time
 * linear in the text (one hls_json_key_position per key of a 40,000-key
 * file took 38 s): each search starts where the last one ended and lines are
 * counted on the way.  A key that is not found (written with escapes, say)
 * leaves the cursor where it was, and after one miss the cursor gives up, so
 * that misses cannot add up to quadratic time either. */
typedef struct {
  const char *text;
  size_t len, off;
  unsigned line, col; /* of text[off] */
  int lost;
} hls_key_cursor;

void hls_key_cursor_init(hls_key_cursor *c, const char *text, size_t len);
/* Returns 1 with the key's line and column, or 0 (leaving them alone). */
int hls_key_cursor_find(hls_key_cursor *c, const char *key, unsigned *line, unsigned *col);

/* Small helpers shared by the C core. */
void *hls_xmalloc(size_t n);
void *hls_xcalloc(size_t n, size_t size);
void *hls_xrealloc(void *p, size_t n);
char *hls_xstrdup(const char *s);
char *hls_xstrndup(const char *s, size_t n);

#endif
