/* hls-rewrite: writes a design into a C/C++ source, in the kernel's own
 * dialect, so the result goes straight to the HLS tool.
 *
 *   hls-rewrite SOURCE POINT [--rank N] [-o OUT]
 *
 * POINT is an hls-moe report (-hls-report; the design of rank N, default 1),
 * a point object ({"__PARA__L0": 4, ...}) or a dataset line (with a "point"
 * member).
 * * auto{KNOB} placeholders get the knob's value as text (the upstream
 *   flow's substitution); a Vitis `#pragma HLS pipeline auto{K}` whose value
 *   is "NA" loses its line.
 * * Knobs hlsmoe derived for loops without auto{} (graph/derive.h) need the
 *   report: it says where each loop is and which pragma the design writes
 *   (`top[].pragmas`).  A Vitis pragma goes at the top of the loop body, a
 *   Merlin one on the line before the loop, indented as the code around it;
 *   a written pragma is replaced, or removed when the design sets the tool's
 *   default.  No other byte changes.
 * Every knob of the point must be used and every placeholder must get a
 * value; a loop the rewrite cannot reach is an error naming it. */
#define _GNU_SOURCE /* memmem, realpath */
#define _GNU_SOURCE /* memmem, realpath */
#include <cJSON.h>
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dse/point.h"
#include "pragma/source.h"
#include "rewrite_edits.h"
#include "support/diag.h"
#include "support/strbuf.h"

typedef struct {
  const hls_source *src;
  size_t *line_start; /* byte offset of each line (1-based index), plus the end */
  unsigned nlines;
  hls_point *point;
  hls_edits edits;
  hls_diags *d;
} rewriter;

static void index_lines(rewriter *w) {
  const hls_source *s = w->src;
  size_t n = 2;
  for (size_t i = 0; i < s->len; i++)
    n += s->text[i] == '\n';
  w->line_start = hls_xcalloc(n + 1, sizeof *w->line_start);
  unsigned line = 1;
  w->line_start[1] = 0;
  for (size_t i = 0; i < s->len; i++)
    if (s->text[i] == '\n')
      w->line_start[++line] = i + 1;
  w->nlines = line;
  w->line_start[line + 1] = s->len;
}

static size_t line_end(const rewriter *w, unsigned line) { /* after its '\n' */
  return w->line_start[line + 1];
}

/* The indentation of a line (spaces and tabs), copied to buf. */
static void indentation(const rewriter *w, unsigned line, char *buf, size_t cap) {
  size_t i = w->line_start[line], n = 0;
  while (i < w->src->len && (w->src->text[i] == ' ' || w->src->text[i] == '\t') && n + 1 < cap)
    buf[n++] = w->src->text[i++];
  buf[n] = '\0';
}

/* ---- auto{} placeholders ------------------------------------------------------ */

/* Text that replaces auto{name}, the value marked used; NULL if there is none. */
static const char *replacement(hls_point *point, const char *name, char *buf, size_t cap) {
  hls_knob_value *v = hls_point_find(point, name);
  if (!v)
    return NULL;
  v->used = 1;
  if (!v->is_string) {
    if (!v->valid_integer)
      return NULL;
    snprintf(buf, cap, "%lld", (long long)v->integer);
    return buf;
  }
  const char *s = v->string;
  while (*s == ' ')
    s++; /* the Vitis data's "   " (pipeline with no options) */
  return s;
}

static int is_vitis_pipeline(const char *line, const char *placeholder) {
  const char *p = line;
  while (isspace((unsigned char)*p))
    p++;
  char head[64];
  snprintf(head, sizeof head, "%.*s", (int)(placeholder - p > 63 ? 63 : placeholder - p), p);
  char a[16], b[16], c[16];
  return sscanf(head, "#%15s %15s %15s", a, b, c) == 3 && strcmp(a, "pragma") == 0 &&
         strcasecmp(b, "HLS") == 0 && strcasecmp(c, "pipeline") == 0;
}

static void placeholders(rewriter *w) {
  const char *text = w->src->text;
  for (unsigned line = 1; line <= w->nlines; line++) {
    size_t a = w->line_start[line], b = line_end(w, line);
    const char *q = text + a;
    while (q < text + b && isspace((unsigned char)*q))
      q++;
    if (q >= text + b || *q != '#')
      continue;
    for (const char *p = text + a; p < text + b;) {
      const char *hit = memmem(p, (size_t)(text + b - p), "auto{", 5);
      const char *close = hit ? memchr(hit, '}', (size_t)(text + b - hit)) : NULL;
      if (!hit || !close)
        break;
      char name[128], buf[32];
      snprintf(name, sizeof name, "%.*s", (int)(close - hit - 5), hit + 5);
      const char *rep = replacement(w->point, name, buf, sizeof buf);
      if (!rep) {
        hls_diag_add(w->d, HLS_SEV_ERROR, w->src->path, line, (unsigned)(hit - text - a) + 1,
                     "the design point has no usable value for knob '%s'", name);
        rep = "";
      }
      if (strcmp(rep, "NA") == 0 && is_vitis_pipeline(text + a, hit)) {
        hls_edits_add(&w->edits, a, b, ""); /* "NA": no pipeline pragma at all */
        break;
      }
      size_t start = (size_t)(hit - text);
      if (!*rep && start > a && text[start - 1] == ' ')
        start--; /* "PIPELINE auto{K}" with an empty value: drop the space too */
      hls_edits_add(&w->edits, start, (size_t)(close + 1 - text), rep);
      p = close + 1;
    }
  }
}

/* ---- derived knobs ----------------------------------------------------------------- */

/* Offset of the character after the loop header's closing ')' (or after `do`),
 * scanning from `at`; (size_t)-1 when the text does not look like a loop. */
static size_t after_header(const char *t, size_t len, size_t at) {
  if (len - at >= 2 && strncmp(t + at, "do", 2) == 0 && !isalnum((unsigned char)t[at + 2]))
    return at + 2;
  size_t i = at;
  while (i < len && t[i] != '(' && t[i] != ';' && t[i] != '{')
    i++;
  if (i >= len || t[i] != '(')
    return (size_t)-1;
  int depth = 0;
  for (; i < len; i++) {
    if (t[i] == '"' || t[i] == '\'') { /* skip a literal */
      char q = t[i];
      for (i++; i < len && t[i] != q; i++)
        if (t[i] == '\\')
          i++;
    } else if (t[i] == '(')
      depth++;
    else if (t[i] == ')' && --depth == 0)
      return i + 1;
  }
  return (size_t)-1;
}

static size_t skip_space_and_comments(const char *t, size_t len, size_t i) {
  for (;;) {
    while (i < len && isspace((unsigned char)t[i]))
      i++;
    if (i + 1 < len && t[i] == '/' && t[i + 1] == '/')
      while (i < len && t[i] != '\n')
        i++;
    else if (i + 1 < len && t[i] == '/' && t[i + 1] == '*') {
      const char *e = memmem(t + i + 2, len - i - 2, "*/", 2);
      i = e ? (size_t)(e - t) + 2 : len;
    } else
      return i;
  }
}

static unsigned line_of(const rewriter *w, size_t offset) {
  unsigned lo = 1, hi = w->nlines;
  while (lo < hi) {
    unsigned mid = (lo + hi + 1) / 2;
    if (w->line_start[mid] <= offset)
      lo = mid;
    else
      hi = mid - 1;
  }
  return lo;
}

static int keyword_at(const char *t, size_t len, size_t i, const char *kw) {
  size_t n = strlen(kw);
  return len - i >= n && strncmp(t + i, kw, n) == 0 &&
         (i + n == len || !(isalnum((unsigned char)t[i + n]) || t[i + n] == '_'));
}

/* The offset after the closing bracket matching the one at i, skipping
 * literals and comments. */
static size_t after_match(const char *t, size_t len, size_t i) {
  int depth = 0;
  for (; i < len; i++) {
    if (t[i] == '"' || t[i] == '\'') {
      char q = t[i];
      for (i++; i < len && t[i] != q; i++)
        if (t[i] == '\\')
          i++;
    } else if (t[i] == '/' && i + 1 < len && (t[i + 1] == '/' || t[i + 1] == '*')) {
      i = skip_space_and_comments(t, len, i) - 1;
    } else if (t[i] == '(' || t[i] == '[' || t[i] == '{') {
      depth++;
    } else if ((t[i] == ')' || t[i] == ']' || t[i] == '}') && --depth == 0) {
      return i + 1;
    }
  }
  return len;
}

/* The offset after the statement that starts at (or after blanks from) i. */
static size_t statement_end(const char *t, size_t len, size_t i) {
  i = skip_space_and_comments(t, len, i);
  if (i >= len)
    return len;
  if (t[i] == '{')
    return after_match(t, len, i);
  if (keyword_at(t, len, i, "for") || keyword_at(t, len, i, "while") ||
      keyword_at(t, len, i, "switch")) {
    size_t h = after_header(t, len, i);
    return h == (size_t)-1 ? len : statement_end(t, len, h);
  }
  if (keyword_at(t, len, i, "if")) {
    size_t h = after_header(t, len, i);
    size_t e = h == (size_t)-1 ? len : statement_end(t, len, h);
    size_t j = skip_space_and_comments(t, len, e);
    return keyword_at(t, len, j, "else") ? statement_end(t, len, j + 4) : e;
  }
  if (keyword_at(t, len, i, "do")) {
    size_t e = skip_space_and_comments(t, len, statement_end(t, len, i + 2));
    size_t h = keyword_at(t, len, e, "while") ? after_header(t, len, e) : (size_t)-1;
    e = h == (size_t)-1 ? e : skip_space_and_comments(t, len, h);
    return e < len && t[e] == ';' ? e + 1 : e;
  }
  for (; i < len && t[i] != ';'; i++)
    if (t[i] == '(' || t[i] == '[' || t[i] == '{' || t[i] == '"' || t[i] == '\'')
      i = after_match(t, len, i) - 1;
  return i < len ? i + 1 : len;
}

/* The pragmas (text after "#pragma ") that go at the top of one loop's body. */
typedef struct {
  unsigned line, col;
  const char *name;
  char text[3][128];
  int n;
} body_pragmas;

/* Inserts the pragmas at the top of the body of the loop at line:col
 * (Vitis).  A body without braces gets them.  Returns 0, or -1 when the text
 * there does not look like a loop. */
static int insert_in_body(rewriter *w, const body_pragmas *bp) {
  const char *t = w->src->text;
  size_t len = w->src->len, at = w->line_start[bp->line] + (bp->col ? bp->col - 1 : 0);
  if (at >= line_end(w, bp->line)) /* a column past the line: the report is not this file's */
    return -1;
  size_t h = after_header(t, len, at);
  if (h == (size_t)-1)
    return -1;
  size_t body = skip_space_and_comments(t, len, h);
  char loop_indent[64], body_indent[80], lines[512] = "";
  indentation(w, bp->line, loop_indent, sizeof loop_indent);
  snprintf(body_indent, sizeof body_indent, "%s  ", loop_indent);
  if (body < len && t[body] == '{') {
    unsigned bline = line_of(w, body);
    size_t rest = skip_space_and_comments(t, len, body + 1);
    int alone = line_of(w, rest) > bline; /* nothing but comments after the '{' */
    if (alone && rest < len && t[rest] != '}')
      indentation(w, line_of(w, rest), body_indent, sizeof body_indent);
    for (int i = 0; i < bp->n; i++) {
      size_t n = strlen(lines);
      snprintf(lines + n, sizeof lines - n, "%s%s#pragma %s%s", alone ? "" : "\n", body_indent,
               bp->text[i], alone ? "\n" : "");
    }
    if (alone)
      hls_edits_add(&w->edits, line_end(w, bline), line_end(w, bline), lines);
    else {
      size_t n = strlen(lines);
      snprintf(lines + n, sizeof lines - n, "\n%s", body_indent);
      hls_edits_add(&w->edits, body + 1, body + 1, lines);
    }
    return 0;
  }
  /* one statement: it gets braces around it and the pragmas on top */
  size_t end = statement_end(t, len, body);
  int own_line = line_of(w, body) > line_of(w, h - 1);
  if (own_line)
    indentation(w, line_of(w, body), body_indent, sizeof body_indent);
  snprintf(lines, sizeof lines, "{\n");
  for (int i = 0; i < bp->n; i++) {
    size_t n = strlen(lines);
    snprintf(lines + n, sizeof lines - n, "%s#pragma %s\n", body_indent, bp->text[i]);
  }
  size_t n = strlen(lines);
  snprintf(lines + n, sizeof lines - n, "%s", own_line ? "" : body_indent);
  if (own_line) { /* "for (...)\n    s;": the '{' after the header */
    hls_edits_add(&w->edits, h, h, " {");
    hls_edits_add(&w->edits, w->line_start[line_of(w, body)], w->line_start[line_of(w, body)],
                  lines + 2);
  } else {
    hls_edits_add(&w->edits, body, body, lines);
  }
  char close[80];
  snprintf(close, sizeof close, "\n%s}", loop_indent);
  hls_edits_add(&w->edits, end, end, close);
  return 0;
}

/* The line of a pragma and its continuation lines. */
static unsigned pragma_last_line(const rewriter *w, unsigned line) {
  while (line < w->nlines) {
    size_t e = line_end(w, line);
    size_t k = e;
    while (k > w->line_start[line] && isspace((unsigned char)w->src->text[k - 1]))
      k--;
    if (k == w->line_start[line] || w->src->text[k - 1] != '\\')
      break;
    line++;
  }
  return line;
}
/* A line or column of the report: 0 when it is missing (cJSON gives NaN
 * then), not a number, or outside unsigned; casting NaN or 1e300 to an
 * integer is undefined behaviour (clang's float-cast-overflow found it). */
static unsigned report_position(const cJSON *j) {
  double v = cJSON_IsNumber(j) ? j->valuedouble : 0;
  return v >= 1 && v <= 4294967295.0 ? (unsigned)v : 0;
}


static void write_slot(rewriter *w, const cJSON *loop, unsigned pragma_line, const char *dialect,
                       const char *text, body_pragmas *body) {
  unsigned line = report_position(cJSON_GetObjectItem(loop, "line"));
  unsigned col = report_position(cJSON_GetObjectItem(loop, "col"));
  const char *name = cJSON_GetStringValue(cJSON_GetObjectItem(loop, "name"));
  char indent[64], ins[256];
  if (pragma_line && pragma_line <= w->nlines) { /* replace or remove the written one */
    unsigned last = pragma_last_line(w, pragma_line);
    indentation(w, pragma_line, indent, sizeof indent);
    snprintf(ins, sizeof ins, "%s#pragma %s\n", indent, text);
    hls_edits_add(&w->edits, w->line_start[pragma_line], line_end(w, last), *text ? ins : "");
    return;
  }
  if (!*text)
    return; /* the default, and nothing written: nothing to do */
  if (!line || line > w->nlines) {
    hls_diag_add(w->d, HLS_SEV_ERROR, w->src->path, 0, 0,
                 "loop %s has no source location in the report: write '#pragma %s' by hand",
                 name ? name : "?", text);
  } else if (strcmp(dialect, "merlin") == 0) {
    indentation(w, line, indent, sizeof indent);
    snprintf(ins, sizeof ins, "%s#pragma %s\n", indent, text);
    hls_edits_add(&w->edits, w->line_start[line], w->line_start[line], ins);
  } else { /* Vitis: collected, then written once per loop (braces may be needed) */
    body->line = line, body->col = col, body->name = name;
    snprintf(body->text[body->n++], sizeof body->text[0], "%s", text);
  }
}

/* A pragma the report asks for: one line of one dialect's pragma, never
 * other code (a report may come from anywhere). */
static int pragma_text_ok(const char *text) {
  if (!*text)
    return 1;
  for (const char *c = text; *c; c++)
    if (!isprint((unsigned char)*c))
      return 0;
  return strlen(text) < 120 && (strncmp(text, "HLS ", 4) == 0 || strncmp(text, "ACCEL ", 6) == 0);
}

/* Same file?  The report names files as the debug info does (relative to
 * the compile's directory, or absolute). */
static int same_file(const char *a, const char *b) {
  char ra[PATH_MAX], rb[PATH_MAX];
  if (realpath(a, ra) && realpath(b, rb))
    return strcmp(ra, rb) == 0;
  const char *ba = strrchr(a, '/'), *bb = strrchr(b, '/');
  return strcmp(ba ? ba + 1 : a, bb ? bb + 1 : b) == 0;
}

static int same_site(const cJSON *a, const cJSON *b) {
  if (!report_position(cJSON_GetObjectItem(a, "line")) ||
      !report_position(cJSON_GetObjectItem(b, "line")))
    return 0;
  const char *fa = cJSON_GetStringValue(cJSON_GetObjectItem(a, "file"));
  const char *fb = cJSON_GetStringValue(cJSON_GetObjectItem(b, "file"));
  return fa && fb && strcmp(fa, fb) == 0 &&
         cJSON_GetNumberValue(cJSON_GetObjectItem(a, "line")) ==
             cJSON_GetNumberValue(cJSON_GetObjectItem(b, "line")) &&
         cJSON_GetNumberValue(cJSON_GetObjectItem(a, "col")) ==
             cJSON_GetNumberValue(cJSON_GetObjectItem(b, "col"));
}

static int same_site_before(const cJSON *loops, const cJSON *loop) {
  for (const cJSON *o = loops->child; o && o != loop; o = o->next)
    if (same_site(o, loop))
      return 1;
  return 0;
}

static void derived_slots(rewriter *w, const cJSON *loops, const cJSON *pragmas) {
  static const char *const slots[4] = {"pipeline", "parallel", "tile", "flatten"};
  const cJSON *lp = cJSON_IsArray(pragmas) ? pragmas->child : NULL;
  for (const cJSON *loop = loops ? loops->child : NULL; loop; loop = loop->next, lp = lp ? lp->next : NULL) {
    const char *file = cJSON_GetStringValue(cJSON_GetObjectItem(loop, "file"));
    const cJSON *ls = cJSON_GetObjectItem(loop, "slots");
    if (same_site_before(loops, loop))
      continue; /* another instance of a template's loop: one source line, one knob */
    body_pragmas body = {0};
    for (int k = 0; k < 4; k++) {
      const cJSON *s = cJSON_GetObjectItem(ls, slots[k]);
      const char *knob = cJSON_GetStringValue(cJSON_GetObjectItem(s, "knob"));
      if (!knob || !cJSON_IsTrue(cJSON_GetObjectItem(s, "derived")))
        continue;
      hls_knob_value *v = hls_point_find(w->point, knob);
      if (v)
        v->used = 1;
      if (!file || !same_file(file, w->src->path))
        continue; /* another file of the kernel: rewrite that one with its own run */
      const char *text = cJSON_GetStringValue(cJSON_GetObjectItem(lp, slots[k]));
      const char *dialect = cJSON_GetStringValue(cJSON_GetObjectItem(s, "dialect"));
      if (!text || !dialect) {
        hls_diag_add(w->d, HLS_SEV_ERROR, w->src->path, 0, 0,
                     "the report's design has no pragma for knob '%s'", knob);
        continue;
      }
      if (!pragma_text_ok(text)) {
        hls_diag_add(w->d, HLS_SEV_ERROR, w->src->path, 0, 0,
                     "the report's pragma for knob '%s' is not one line of HLS or ACCEL pragma "
                     "text; it is not written", knob);
        continue;
      }
      unsigned pl = report_position(cJSON_GetObjectItem(s, "pragma_line"));
      write_slot(w, loop, pl, dialect, text, &body);
    }
    if (body.n && insert_in_body(w, &body))
      hls_diag_add(w->d, HLS_SEV_ERROR, w->src->path, body.line, body.col,
                   "loop %s: no loop statement found here, so '#pragma %s' has no place; "
                   "write it as the first line of the loop's body",
                   body.name ? body.name : "?", body.text[0]);
  }
}

/* ---- driver ---------------------------------------------------------------------- */

/* The design object inside what the file holds (a report's design of rank
 * `rank`, a dataset line or a point), or NULL after an error. */
static const cJSON *find_design(const cJSON *root, int rank, const char *path,
                                const cJSON **loops, hls_diags *d) {
  *loops = NULL;
  const cJSON *format = cJSON_GetObjectItemCaseSensitive(root, "format");
  if (cJSON_IsString(format) && strcmp(format->valuestring, "hlsmoe-report") == 0) {
    const cJSON *design = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(root, "top"), rank - 1);
    if (!design)
      hls_diag_add(d, HLS_SEV_ERROR, path, 0, 0, "the report has no design of rank %d", rank);
    *loops = cJSON_GetObjectItemCaseSensitive(root, "loops");
    return design;
  }
  return root;
}

static int write_file(const char *path, const char *text, size_t len) {
  FILE *f = strcmp(path, "-") == 0 ? stdout : fopen(path, "wb");
  if (!f)
    return 1;
  int bad = fwrite(text, 1, len, f) != len;
  bad |= f == stdout ? fflush(f) != 0 : fclose(f) != 0;
  return bad;
}

static int rewrite_file(const hls_source *src, const char *point_path, const hls_source *pfile,
                        int rank, const char *out_path, hls_diags *d) {
  cJSON *root = cJSON_Parse(pfile->text);
  const cJSON *loops = NULL;
  const cJSON *design = root ? find_design(root, rank, point_path, &loops, d) : NULL;
  const cJSON *inner = design ? cJSON_GetObjectItemCaseSensitive(design, "point") : NULL;
  const cJSON *point = cJSON_IsObject(inner) ? inner : design;
  hls_point pt = {0};
  int rc = 1;
  if (!root)
    hls_diag_add(d, HLS_SEV_ERROR, point_path, 0, 0, "malformed JSON");
  else if (design && !cJSON_IsObject(point))
    hls_diag_add(d, HLS_SEV_ERROR, point_path, 0, 0, "no design point object found");
  else if (design && hls_point_from_json(&pt, point_path, point, pfile->text, d) == 0) {
    rewriter w = {.src = src, .point = &pt, .d = d};
    index_lines(&w);
    placeholders(&w);
    derived_slots(&w, loops, cJSON_GetObjectItemCaseSensitive(design, "pragmas"));
    for (size_t i = 0; i < pt.count; i++)
      if (!pt.values[i].used)
        hls_diag_add(d, HLS_SEV_ERROR, point_path, pt.values[i].line, pt.values[i].col,
                     "knob '%s' has no auto{%s} placeholder in %s%s", pt.values[i].name,
                     pt.values[i].name, src->path,
                     loops ? "" : " (a knob hlsmoe derived needs the report, -hls-report)");
    if (!d->errors) {
      hls_strbuf out = {0};
      hls_edits_apply(&w.edits, src->text, src->len, &out);
      rc = write_file(out_path, out.text, out.len);
      if (rc)
        hls_diag_add(d, HLS_SEV_ERROR, out_path, 0, 0, "cannot write the rewritten source");
      hls_strbuf_free(&out);
    }
    hls_edits_free(&w.edits);
    free(w.line_start);
  }
  hls_point_free(&pt);
  cJSON_Delete(root);
  return d->errors ? 1 : rc;
}

int main(int argc, char **argv) {
  const char *source = NULL, *point_path = NULL, *out_path = "-";
  int rank = 1;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
      out_path = argv[++i];
    else if (strcmp(argv[i], "--rank") == 0 && i + 1 < argc)
      rank = atoi(argv[++i]);
    else if (!source)
      source = argv[i];
    else if (!point_path)
      point_path = argv[i];
  }
  if (!source || !point_path || rank < 1) {
    fprintf(stderr, "usage: hls-rewrite SOURCE POINT.json [--rank N] [-o OUT]\n");
    return 2;
  }
  hls_diags d;
  hls_diags_init(&d);
  hls_source src, pfile;
  int rc = 1;
  if (hls_source_read_file(&src, source)) {
    fprintf(stderr, "%s: error: cannot read\n", source);
    return 1;
  }
  if (hls_source_read_file(&pfile, point_path) == 0) {
    rc = rewrite_file(&src, point_path, &pfile, rank, out_path, &d);
    hls_source_free(&pfile);
  } else
    fprintf(stderr, "%s: error: cannot read\n", point_path);
  hls_diags_print(&d, stderr);
  hls_diags_free(&d);
  hls_source_free(&src);
  return rc;
}
