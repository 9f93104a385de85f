/* Line classification and pragma extraction.  This is not a C preprocessor:
 * it understands comments, line continuations, #if 0 blocks and labels, which
 * is what is needed to find the statement a pragma stands before. */
#include "pragma/source.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/strbuf.h"

void hls_source_init(hls_source *s, const char *path, const char *text, size_t len) {
  memset(s, 0, sizeof *s);
  s->path = hls_xstrdup(path);
  s->text = hls_xstrndup(text, len);
  s->len = len;
}

int hls_source_read_file(hls_source *s, const char *path) {
  size_t len;
  char *text = hls_read_file(path, &len);
  if (!text)
    return -1;
  hls_source_init(s, path, text, len);
  free(text);
  return 0;
}

void hls_source_free(hls_source *s) {
  free(s->path);
  free(s->text);
  free(s->line_kind);
  free(s->line_start);
  free(s->pragmas);
  memset(s, 0, sizeof *s);
}

/* Physical lines as [start, end) offsets into the text. */
typedef struct {
  size_t *start;
  unsigned n;
} line_table;

static line_table split_lines(const char *text, size_t len) {
  line_table t;
  unsigned n = 1;
  for (size_t i = 0; i < len; i++)
    n += text[i] == '\n';
  t.start = hls_xmalloc((n + 2) * sizeof *t.start);
  t.n = n;
  unsigned k = 1;
  t.start[0] = 0; /* unused: lines count from 1 */
  t.start[1] = 0;
  for (size_t i = 0; i < len; i++)
    if (text[i] == '\n')
      t.start[++k] = i + 1;
  t.start[n + 1] = len + 1; /* sentinel: one past the virtual final newline */
  return t;
}

typedef struct {
  hls_source *s;
  line_table lines;
  hls_diags *diags;
  /* The module's constants, then the file's own definitions as they are
   * read (#define, const and constexpr integers): a pragma may name any
   * defined above it, also without -fdebug-macro or when the constant was
   * folded away. */
  hls_symbols symbols;
  hls_symbol *symbol_items;
  size_t symbol_capacity;
  int in_comment; /* inside a block comment */
  long braces;    /* '{' minus '}' in the code so far: 0 at file scope */
  int if0_depth;  /* nesting depth inside #if 0 */
  int pp_depth;   /* #if nesting inside an #if 0 block */
} scanner;

static size_t line_end(const scanner *sc, unsigned line) {
  size_t e = sc->lines.start[line + 1] - 1; /* the newline, or len */
  if (e > 0 && e <= sc->s->len && sc->s->text[e - 1] == '\r')
    e--;
  return e;
}

/* Skips spaces and comments from offset i on one physical line; updates the
 * block-comment state.  Returns the offset of the first significant char, or
 * the end of the line. */
static size_t skip_insignificant(scanner *sc, size_t i, size_t end) {
  const char *t = sc->s->text;
  while (i < end) {
    if (sc->in_comment) {
      if (t[i] == '*' && i + 1 < end && t[i + 1] == '/') {
        sc->in_comment = 0;
        i += 2;
      } else
        i++;
    } else if (isspace((unsigned char)t[i]))
      i++;
    else if (t[i] == '/' && i + 1 < end && t[i + 1] == '/')
      return end;
    else if (t[i] == '/' && i + 1 < end && t[i + 1] == '*') {
      sc->in_comment = 1;
      i += 2;
    } else
      return i;
  }
  return end;
}

/* Joins a directive's continuation lines into buf with comments removed,
 * however long (a fixed buffer once cut a pragma at 1023 bytes and lost its
 * FACTOR=4).  Returns the last physical line of the directive. */
static unsigned join_directive(scanner *sc, unsigned line, size_t from, hls_strbuf *buf) {
  const char *t = sc->s->text;
  hls_strbuf_append(buf, "", 0);
  for (;;) {
    size_t end = line_end(sc, line);
    int cont = end > from && t[end - 1] == '\\';
    size_t stop = cont ? end - 1 : end;
    for (size_t i = from; i < stop; i++) {
      if (sc->in_comment) {
        if (t[i] == '*' && i + 1 < stop && t[i + 1] == '/') {
          sc->in_comment = 0;
          i++;
        }
        continue;
      }
      if (t[i] == '/' && i + 1 < stop && t[i + 1] == '/')
        break;
      if (t[i] == '/' && i + 1 < stop && t[i + 1] == '*') {
        sc->in_comment = 1;
        i++;
        hls_strbuf_append(buf, " ", 1);
        continue;
      }
      size_t run = i;
      while (run < stop && t[run] != '/')
        run++; /* copy up to the next possible comment in one piece */
      hls_strbuf_append(buf, t + i, run > i ? run - i : 1);
      i = run > i ? run - 1 : i;
    }
    if (!cont || line >= sc->lines.n)
      break;
    hls_strbuf_append(buf, " ", 1);
    line++;
    sc->s->line_kind[line] = HLS_LINE_PRAGMA; /* provisional; caller fixes */
    from = sc->lines.start[line];
  }
  return line;
}

static int word_at(const char *p, const char *w) {
  size_t n = strlen(w);
  return strncmp(p, w, n) == 0 && !(isalnum((unsigned char)p[n]) || p[n] == '_');
}

static void add_symbol(scanner *sc, const char *name, size_t nlen, const char *text, size_t tlen) {
  if (sc->symbols.count == sc->symbol_capacity) {
    sc->symbol_capacity = sc->symbol_capacity ? 2 * sc->symbol_capacity : 16;
    sc->symbol_items = hls_xrealloc(sc->symbol_items, sc->symbol_capacity * sizeof *sc->symbol_items);
  }
  sc->symbol_items[sc->symbols.count].name = hls_xstrndup(name, nlen);
  sc->symbol_items[sc->symbols.count].text = hls_xstrndup(text, tlen);
  sc->symbols.count++;
  sc->symbols.items = sc->symbol_items;
}

static size_t identifier_length(const char *p) {
  size_t n = 0;
  if (isalpha((unsigned char)*p) || *p == '_')
    while (isalnum((unsigned char)p[n]) || p[n] == '_')
      n++;
  return n;
}

/* "define NAME VALUE" (d after the '#'): an object-like macro. */
static void harvest_define(scanner *sc, const char *d) {
  d += 6;
  while (*d == ' ' || *d == '\t')
    d++;
  size_t n = identifier_length(d);
  if (!n || d[n] == '(')
    return;
  const char *v = d + n, *e;
  while (*v == ' ' || *v == '\t')
    v++;
  e = strstr(v, "//");
  e = e ? e : v + strlen(v);
  while (e > v && isspace((unsigned char)e[-1]))
    e--;
  if (e > v)
    add_symbol(sc, d, n, v, (size_t)(e - v));
}

/* "[static] const|constexpr <integer type> NAME = VALUE;" on one line. */
static void harvest_constant(scanner *sc, const char *t, size_t len) {
  static const char *const type_words[] = {
      "static", "const", "constexpr", "unsigned", "signed", "int", "long", "short", "char",
      "size_t", "int8_t", "int16_t", "int32_t", "int64_t", "uint8_t", "uint16_t", "uint32_t",
      "uint64_t", NULL};
  const char *p = t, *end = t + len, *name = NULL;
  size_t nlen = 0;
  int is_const = 0;
  for (;;) {
    while (p < end && isspace((unsigned char)*p))
      p++;
    size_t n = p < end ? identifier_length(p) : 0;
    if (!n)
      break;
    int known = 0;
    for (int i = 0; type_words[i]; i++)
      known |= strlen(type_words[i]) == n && strncmp(p, type_words[i], n) == 0;
    if (!known) {
      name = p, nlen = n;
      p += n;
      break;
    }
    is_const |= (n == 5 && strncmp(p, "const", 5) == 0) || (n == 9 && strncmp(p, "constexpr", 9) == 0);
    p += n;
  }
  while (p < end && isspace((unsigned char)*p))
    p++;
  if (!name || !is_const || p >= end || *p != '=')
    return;
  const char *v = p + 1, *semi = memchr(v, ';', (size_t)(end - v));
  if (semi)
    add_symbol(sc, name, nlen, v, (size_t)(semi - v));
}

static void add_pragmas(scanner *sc, const hls_pragma *recs, int n) {
  hls_source *s = sc->s;
  s->pragmas = hls_xrealloc(s->pragmas, (s->npragmas + (size_t)n) * sizeof *s->pragmas);
  memcpy(s->pragmas + s->npragmas, recs, (size_t)n * sizeof *recs);
  s->npragmas += (size_t)n;
}

/* Tracks #if 0 blocks: the only conditional whose outcome is certain. */
static int track_conditionals(scanner *sc, const char *d) {
  if (sc->if0_depth) {
    if (word_at(d, "if") || word_at(d, "ifdef") || word_at(d, "ifndef"))
      sc->pp_depth++;
    else if (word_at(d, "endif") || ((word_at(d, "else") || word_at(d, "elif")) && !sc->pp_depth)) {
      if (sc->pp_depth && word_at(d, "endif"))
        sc->pp_depth--;
      else
        sc->if0_depth = 0;
    }
    return 1;
  }
  if (word_at(d, "if")) {
    const char *e = d + 2;
    while (*e == ' ' || *e == '\t')
      e++;
    if (e[0] == '0' && !isalnum((unsigned char)e[1])) {
      sc->if0_depth = 1;
      sc->pp_depth = 0;
    }
  }
  return 0;
}

static unsigned scan_directive(scanner *sc, unsigned line, size_t hash) {
  hls_source *s = sc->s;
  hls_strbuf joined = {0};
  unsigned last = join_directive(sc, line, hash + 1, &joined);
  const char *buf = joined.text, *d = buf;
  while (*d == ' ' || *d == '\t')
    d++;
  int was_disabled = sc->if0_depth > 0;
  int disabled = track_conditionals(sc, d);
  hls_line_kind kind = HLS_LINE_PREPROC;
  if (!disabled && word_at(d, "define"))
    harvest_define(sc, d);
  if (was_disabled && disabled)
    kind = HLS_LINE_DISABLED;
  else if (word_at(d, "pragma")) {
    kind = HLS_LINE_PRAGMA;
    const char *text = d + 6;
    unsigned col = (unsigned)(hash - sc->lines.start[line]) + 1;
    unsigned text_col = col + 1 + (unsigned)(text - buf);
    hls_pragma recs[HLS_PRAGMA_MAX_RECORDS];
    int n = hls_pragma_parse(text, s->path, line, col, text_col, &sc->symbols, recs, sc->diags);
    for (int k = 0; k < n; k++)
      recs[k].file_scope = sc->braces <= 0;
    if (n > 0)
      add_pragmas(sc, recs, n);
  } else if (strstr(d, "_Pragma") && (strstr(d, "HLS") || strstr(d, "ACCEL"))) {
    hls_diag_add(sc->diags, HLS_SEV_WARNING, s->path, line,
                 (unsigned)(hash - sc->lines.start[line]) + 1,
                 "HLS pragmas written with _Pragma inside a macro are not read by "
                 "hlsmoe; write them as #pragma lines before or inside the loop");
  }
  for (unsigned l = line; l <= last; l++)
    s->line_kind[l] = (unsigned char)kind;
  hls_strbuf_free(&joined);
  return last;
}

/* Offset after the string or character literal that opens at text[i]
 * (escapes skipped), or end when it runs to the end of the line. */
static size_t skip_literal(const char *t, size_t i, size_t end) {
  char quote = t[i];
  for (i++; i < end; i++) {
    if (t[i] == '\\')
      i++;
    else if (t[i] == quote)
      return i + 1;
  }
  return end;
}

/* Counts the braces of one code line from offset i, outside comments and
 * literals: file scope, where no function can be, is brace depth 0. */
static void count_braces(scanner *sc, size_t i, size_t end) {
  const char *t = sc->s->text;
  while (i < end) {
    i = skip_insignificant(sc, i, end);
    if (i >= end)
      break;
    if (t[i] == '"' || t[i] == '\'') {
      i = skip_literal(t, i, end);
      continue;
    }
    sc->braces += (t[i] == '{') - (t[i] == '}');
    i++;
  }
}

/* "name:" alone on a line (not "::", not a ternary's tail). */
static int is_label(const char *t, size_t i, size_t end) {
  if (!(isalpha((unsigned char)t[i]) || t[i] == '_'))
    return 0;
  while (i < end && (isalnum((unsigned char)t[i]) || t[i] == '_'))
    i++;
  while (i < end && (t[i] == ' ' || t[i] == '\t'))
    i++;
  if (i >= end || t[i] != ':' || (i + 1 < end && t[i + 1] == ':'))
    return 0;
  for (i++; i < end; i++) {
    if (t[i] == '/' && i + 1 < end && (t[i + 1] == '/' || t[i + 1] == '*'))
      return 1;
    if (!isspace((unsigned char)t[i]))
      return 0;
  }
  return 1;
}

static void warn_pragma_operator(scanner *sc, unsigned line, size_t from, size_t end) {
  const char *t = sc->s->text;
  for (size_t i = from; i + 7 < end; i++) {
    if (strncmp(t + i, "_Pragma", 7) != 0)
      continue;
    const char *close = memchr(t + i, ')', end - i);
    size_t n = close ? (size_t)(close - (t + i)) : end - i;
    char frag[256];
    snprintf(frag, sizeof frag, "%.*s", (int)(n < 200 ? n : 200), t + i);
    if (strstr(frag, "HLS") || strstr(frag, "ACCEL"))
      hls_diag_add(sc->diags, HLS_SEV_WARNING, sc->s->path, line,
                   (unsigned)(i - sc->lines.start[line]) + 1,
                   "HLS pragmas written with _Pragma are not read by hlsmoe; "
                   "write them as #pragma lines");
  }
}

void hls_source_scan(hls_source *s, const hls_symbols *symbols, hls_diags *diags) {
  scanner sc;
  memset(&sc, 0, sizeof sc);
  sc.s = s;
  sc.diags = diags;
  for (size_t k = 0; symbols && k < symbols->count; k++)
    add_symbol(&sc, symbols->items[k].name, strlen(symbols->items[k].name),
               symbols->items[k].text, strlen(symbols->items[k].text));
  sc.lines = split_lines(s->text, s->len);
  s->nlines = sc.lines.n;
  free(s->line_kind);
  s->line_kind = hls_xcalloc(s->nlines + 2, 1);
  free(s->pragmas);
  s->pragmas = NULL;
  s->npragmas = 0;
  for (unsigned line = 1; line <= s->nlines; line++) {
    size_t start = sc.lines.start[line], end = line_end(&sc, line);
    int was_comment = sc.in_comment;
    size_t i = skip_insignificant(&sc, start, end);
    if (i < end && s->text[i] == '#' && !was_comment) {
      line = scan_directive(&sc, line, i);
      continue;
    }
    if (sc.if0_depth)
      s->line_kind[line] = HLS_LINE_DISABLED;
    else if (i >= end)
      s->line_kind[line] = (unsigned char)(was_comment || i > start ? HLS_LINE_COMMENT
                                                                    : HLS_LINE_BLANK);
    else {
      s->line_kind[line] = (unsigned char)(is_label(s->text, i, end) ? HLS_LINE_LABEL
                                                                   : HLS_LINE_CODE);
      warn_pragma_operator(&sc, line, i, end);
      harvest_constant(&sc, s->text + i, end - i);
      count_braces(&sc, i, end); /* also keeps the block-comment state right */
    }
    if (s->line_kind[line] == HLS_LINE_COMMENT) {
      /* a line of only whitespace counts as blank */
      int blank = 1;
      for (size_t k = start; k < end; k++)
        blank &= isspace((unsigned char)s->text[k]) != 0;
      if (blank && !was_comment)
        s->line_kind[line] = HLS_LINE_BLANK;
    }
  }
  free(s->line_start);
  s->line_start = sc.lines.start; /* kept for the labels (pragma/label.h) */
  for (size_t k = 0; k < sc.symbols.count; k++) {
    free((char *)sc.symbol_items[k].name);
    free((char *)sc.symbol_items[k].text);
  }
  free(sc.symbol_items);
}

unsigned hls_source_next_code_line(const hls_source *s, unsigned line) {
  for (unsigned l = line + 1; l <= s->nlines; l++)
    if (s->line_kind[l] == HLS_LINE_CODE)
      return l;
  return 0;
}
