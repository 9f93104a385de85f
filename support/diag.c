#define _POSIX_C_SOURCE 200809L /* fileno */
#include "support/diag.h"

#include <errno.h>
#include <sys/stat.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void out_of_memory(void) {
  fputs("hlsmoe: out of memory\n", stderr);
  abort();
}

void *hls_xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p)
    out_of_memory();
  return p;
}

void *hls_xcalloc(size_t n, size_t size) {
  void *p = calloc(n ? n : 1, size ? size : 1);
  if (!p)
    out_of_memory();
  return p;
}

void *hls_xrealloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q)
    out_of_memory();
  return q;
}

char *hls_xstrndup(const char *s, size_t n) {
  char *p = hls_xmalloc(n + 1);
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

char *hls_xstrdup(const char *s) { return hls_xstrndup(s, strlen(s)); }

void hls_diags_init(hls_diags *d) { memset(d, 0, sizeof *d); }

void hls_diags_free(hls_diags *d) {
  for (size_t i = 0; i < d->count; i++) {
    free(d->items[i].file);
    free(d->items[i].message);
  }
  free(d->items);
  hls_diags_init(d);
}

void hls_diag_add(hls_diags *d, hls_severity sev, const char *file,
                  unsigned line, unsigned col, const char *fmt, ...) {
  if (d->count == d->capacity) {
    d->capacity = d->capacity ? 2 * d->capacity : 8;
    d->items = hls_xrealloc(d->items, d->capacity * sizeof *d->items);
  }
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  char *msg = hls_xmalloc((size_t)(n < 0 ? 0 : n) + 1);
  va_start(ap, fmt);
  vsnprintf(msg, (size_t)(n < 0 ? 0 : n) + 1, fmt, ap);
  va_end(ap);
  hls_diag *g = &d->items[d->count++];
  g->severity = sev;
  g->file = hls_xstrdup(file ? file : "");
  g->line = line;
  g->col = col;
  g->message = msg;
  if (sev == HLS_SEV_ERROR)
    d->errors++;
}

/* Insertion sort keeps equal keys in insertion order; lists are short. */
static int diag_before(const hls_diag *a, const hls_diag *b) {
  int c = strcmp(a->file, b->file);
  if (c)
    return c < 0;
  if (a->line != b->line)
    return a->line < b->line;
  return a->col < b->col;
}

void hls_diags_sort(hls_diags *d) {
  for (size_t i = 1; i < d->count; i++) {
    hls_diag key = d->items[i];
    size_t j = i;
    while (j > 0 && diag_before(&key, &d->items[j - 1])) {
      d->items[j] = d->items[j - 1];
      j--;
    }
    d->items[j] = key;
  }
}

void hls_diags_print(const hls_diags *d, FILE *out) {
  static const char *const severity[] = {"remark", "warning", "error"};
  for (size_t i = 0; i < d->count; i++) {
    const hls_diag *g = &d->items[i];
    fputs(g->file[0] ? g->file : "hlsmoe", out);
    if (g->line)
      fprintf(out, ":%u", g->line);
    if (g->line && g->col)
      fprintf(out, ":%u", g->col);
    fprintf(out, ": %s: %s\n", severity[g->severity], g->message);
  }
}

char *hls_read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  struct stat st;
  int err = fstat(fileno(f), &st) != 0        ? errno
            : S_ISDIR(st.st_mode)            ? EISDIR
            : !S_ISREG(st.st_mode)           ? ENODEV
            : st.st_size > HLS_READ_FILE_MAX ? EFBIG
                                             : 0;
  if (err) {
    fclose(f);
    errno = err;
    return NULL;
  }
  size_t cap = 1 << 16, n = 0;
  char *buf = hls_xmalloc(cap + 1);
  for (;;) {
    n += fread(buf + n, 1, cap - n, f);
    if (n < cap)
      break;
    if (n >= HLS_READ_FILE_MAX) { /* grew while read */
      fclose(f);
      free(buf);
      errno = EFBIG;
      return NULL;
    }
    buf = hls_xrealloc(buf, (cap *= 2) + 1);
  }
  err = ferror(f) ? (errno ? errno : EIO) : 0;
  fclose(f);
  if (err) {
    free(buf);
    errno = err;
    return NULL;
  }
  buf[n] = '\0';
  *len = n;
  return buf;
}

void hls_text_position(const char *text, size_t len, size_t off, unsigned *line, unsigned *col) {
  *line = 1;
  *col = 1;
  for (size_t i = 0; i < off && i < len; i++) {
    if (text[i] == '\n') {
      ++*line;
      *col = 1;
    } else {
      ++*col;
    }
  }
}

int hls_json_key_position(const char *text, size_t len, const char *key, unsigned *line,
                          unsigned *col) {
  size_t n = strlen(key);
  for (size_t i = 0; i + n + 2 <= len; i++) {
    if (text[i] != '"' || memcmp(text + i + 1, key, n) != 0 || text[i + n + 1] != '"')
      continue;
    size_t j = i + n + 2;
    while (j < len && (text[j] == ' ' || text[j] == '\t' || text[j] == '\n' || text[j] == '\r'))
      j++;
    if (j < len && text[j] == ':') {
      hls_text_position(text, len, i, line, col);
      return 1;
    }
  }
  return 0;
}

void hls_key_cursor_init(hls_key_cursor *c, const char *text, size_t len) {
  c->text = text;
  c->len = len;
  c->off = 0;
  c->line = c->col = 1;
  c->lost = 0;
}

/* Is there `"key"` then white space and a colon at text[i]?  Returns the
 * offset after the colon, or 0. */
static size_t key_at(const char *text, size_t len, size_t i, const char *key, size_t n) {
  if (text[i] != '"' || i + n + 2 > len || memcmp(text + i + 1, key, n) != 0 ||
      text[i + n + 1] != '"')
    return 0;
  size_t j = i + n + 2;
  while (j < len && (text[j] == ' ' || text[j] == '\t' || text[j] == '\n' || text[j] == '\r'))
    j++;
  return j < len && text[j] == ':' ? j + 1 : 0;
}

/* Moves the cursor to offset `to`, counting lines and columns. */
static void advance(hls_key_cursor *c, size_t to) {
  for (; c->off < to; c->off++) {
    if (c->text[c->off] == '\n') {
      c->line++;
      c->col = 1;
    } else
      c->col++;
  }
}

int hls_key_cursor_find(hls_key_cursor *c, const char *key, unsigned *line, unsigned *col) {
  if (c->lost)
    return 0;
  size_t n = strlen(key), i = c->off, end = 0;
  while (i < c->len && !(end = key_at(c->text, c->len, i, key, n)))
    i++;
  if (!end) {
    c->lost = 1;
    return 0;
  }
  advance(c, i);
  *line = c->line;
  *col = c->col;
  advance(c, end); /* past the key: the next search must not find it again */
  return 1;
}

int hls_write_text(const char *path, const char *text) {
  FILE *f = strcmp(path, "-") == 0 ? stdout : fopen(path, "w");
  if (!f)
    return -1;
  int bad = fputs(text, f) < 0 || fputc('\n', f) == EOF;
  if (f != stdout)
    bad |= fclose(f) != 0;
  else
    bad |= fflush(f) != 0;
  return bad ? -1 : 0;
}

int hls_for_each_line(char *text, size_t len, hls_line_fn fn, void *ctx) {
  unsigned line_no = 0;
  for (char *line = text; line < text + len;) {
    char *end = memchr(line, '\n', (size_t)(text + len - line));
    if (end)
      *end = '\0';
    ++line_no;
    int rc = line[strspn(line, " \t\r")] ? fn(ctx, line, line_no) : 0;
    if (rc)
      return rc;
    line = end ? end + 1 : text + len;
  }
  return 0;
}
