/* AutoDSE design spaces: a tiny Python-subset evaluator for the `options`
 * and `order` expressions of ds_config files, plus counting, enumeration and
 * membership tests.  See dspace.h for the API, docs/design-space.md for the
 * supported subset.
 *
 * Layout of this file:
 *   1. values, lists and small helpers
 *   2. expressions: lexer, recursive-descent parser, name resolution
 *   3. evaluator
 *   4. loading a ds_config file (JSON -> knobs -> dependency order)
 *   5. counting (memoised depth-first search), enumeration, membership */
#include "dse/dspace.h"

#include <cJSON.h>
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ======================================================================
 * 1. Values
 * ====================================================================== */

/* Evaluation values: Python's int, bool, float (only `/` makes one), str
 * and list.  Strings are never created by evaluation (the subset has no
 * string operators), so every string points at an expression literal or at
 * a knob value: no ownership to track.  Lists live in the evaluation
 * context's pool and die with the evaluation. */
typedef enum { V_INT, V_BOOL, V_FLOAT, V_STR, V_LIST } vtag;

typedef struct vlist vlist;
typedef struct {
  vtag tag;
  union {
    int64_t i; /* V_INT, V_BOOL (0/1) */
    double f;
    const char *s;
    vlist *l;
  } u;
} val;

struct vlist {
  val *items;
  size_t n, cap;
};

static val mk_int(int64_t i) { val v; v.tag = V_INT; v.u.i = i; return v; }
static val mk_bool(int b) { val v; v.tag = V_BOOL; v.u.i = b != 0; return v; }
static val mk_float(double f) { val v; v.tag = V_FLOAT; v.u.f = f; return v; }
static val mk_str(const char *s) { val v; v.tag = V_STR; v.u.s = s; return v; }

static const char *type_name(vtag t) {
  static const char *const names[] = {"int", "bool", "float", "str", "list"};
  return names[t];
}

static int is_intlike(val v) { return v.tag == V_INT || v.tag == V_BOOL; }
static int is_number(val v) { return is_intlike(v) || v.tag == V_FLOAT; }
static double as_double(val v) { return v.tag == V_FLOAT ? v.u.f : (double)v.u.i; }

static int truthy(val v) {
  switch (v.tag) {
  case V_INT:
  case V_BOOL: return v.u.i != 0;
  case V_FLOAT: return v.u.f != 0.0;
  case V_STR: return v.u.s[0] != '\0';
  case V_LIST: return v.u.l->n != 0;
  }
  return 0;
}

static val from_public(hls_dspace_value v) {
  return v.is_string ? mk_str(v.string) : mk_int(v.integer);
}

/* Python ==: numbers compare by value across int/bool/float, different
 * kinds are simply unequal.  List nesting is bounded by expression depth. */
static int val_equal(val a, val b) {
  if (is_number(a) && is_number(b)) {
    if (is_intlike(a) && is_intlike(b))
      return a.u.i == b.u.i;
    return as_double(a) == as_double(b);
  }
  if (a.tag != b.tag)
    return 0;
  if (a.tag == V_STR)
    return strcmp(a.u.s, b.u.s) == 0;
  if (a.u.l->n != b.u.l->n)
    return 0;
  for (size_t i = 0; i < a.u.l->n; i++)
    if (!val_equal(a.u.l->items[i], b.u.l->items[i]))
      return 0;
  return 1;
}

int hls_dspace_value_equal(hls_dspace_value a, hls_dspace_value b) {
  if (a.is_string != b.is_string)
    return 0;
  return a.is_string ? strcmp(a.string, b.string) == 0 : a.integer == b.integer;
}

/* Appends printf output to buf[size] at *pos, never overflowing. */
static void bprintf(char *buf, size_t size, size_t *pos, const char *fmt, ...)
    HLS_PRINTF(4, 5);
static void bprintf(char *buf, size_t size, size_t *pos, const char *fmt, ...) {
  if (!buf || size == 0 || *pos >= size)
    return;
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(buf + *pos, size - *pos, fmt, ap);
  va_end(ap);
  if (n > 0)
    *pos = (size_t)n >= size - *pos ? size - 1 : *pos + (size_t)n;
}

/* Python repr of a string: single quotes, backslash before ' and \. */
static void format_str(const char *s, char *buf, size_t size, size_t *pos) {
  bprintf(buf, size, pos, "'");
  for (; *s; s++)
    bprintf(buf, size, pos, (*s == '\'' || *s == '\\') ? "\\%c" : "%c", *s);
  bprintf(buf, size, pos, "'");
}

/* Like Python's repr: the shortest form that reads back, with ".0" when
 * it would otherwise look like an integer. */
static void format_float(double f, char *buf, size_t size, size_t *pos) {
  char tmp[40];
  for (int prec = 15; prec <= 17; prec++) {
    snprintf(tmp, sizeof tmp, "%.*g", prec, f);
    if (strtod(tmp, NULL) == f)
      break;
  }
  bprintf(buf, size, pos, "%s%s", tmp, strpbrk(tmp, ".einf") ? "" : ".0");
}

static void format_val(val v, char *buf, size_t size, size_t *pos) {
  switch (v.tag) {
  case V_INT: bprintf(buf, size, pos, "%" PRId64, v.u.i); break;
  case V_BOOL: bprintf(buf, size, pos, "%s", v.u.i ? "True" : "False"); break;
  case V_FLOAT: format_float(v.u.f, buf, size, pos); break;
  case V_STR: format_str(v.u.s, buf, size, pos); break;
  case V_LIST: bprintf(buf, size, pos, "[...%zu items]", v.u.l->n); break;
  }
}

void hls_dspace_value_format(hls_dspace_value v, char *buf, size_t size) {
  size_t pos = 0;
  if (buf && size)
    buf[0] = '\0';
  format_val(from_public(v), buf, size, &pos);
}

/* A growable array of public values: option lists, memo keys. */
typedef struct {
  hls_dspace_value *v;
  size_t n, cap;
} valbuf;

static void valbuf_push(valbuf *b, hls_dspace_value v) {
  if (b->n == b->cap) {
    b->cap = b->cap ? 2 * b->cap : 16;
    b->v = hls_xrealloc(b->v, b->cap * sizeof *b->v);
  }
  b->v[b->n++] = v;
}

static void format_options(const hls_dspace_value *v, size_t n, char *buf, size_t size,
                           size_t *pos) {
  bprintf(buf, size, pos, "[");
  for (size_t i = 0; i < n; i++) {
    if (i)
      bprintf(buf, size, pos, ", ");
    format_val(from_public(v[i]), buf, size, pos);
  }
  bprintf(buf, size, pos, "]");
}

/* ======================================================================
 * 2. Expressions
 * ====================================================================== */

typedef enum {
  N_INT, N_BOOL, N_STR,
  N_NAME, /* identifier before resolution; becomes N_KNOB or N_VAR */
  N_KNOB, /* num = knob index */
  N_VAR,  /* num = variable slot (comprehension variable, or x of `order`) */
  N_LIST, /* kid[0] = first element, chained through next */
  N_COMP, /* [kid0 for str in kid1 if kid2 (chained)], num = slot */
  N_NEG, N_POS, N_NOT,
  N_BIN,  /* op = bin_op */
  N_AND, N_OR,
  N_CMP,  /* kid[0] op1 link1 op2 link2...: kid[1] = first N_LINK */
  N_LINK, /* op = cmp_op, kid[0] = right operand */
  N_COND  /* kid[0] if kid[1] else kid[2] */
} node_kind;

typedef enum { OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_FLOORDIV, OP_MOD, OP_BAND, OP_BOR } bin_op;
typedef enum { C_EQ, C_NE, C_LT, C_LE, C_GT, C_GE } cmp_op;

static const char *const bin_op_text[] = {"+", "-", "*", "/", "//", "%", "&", "|"};
static const char *const cmp_op_text[] = {"==", "!=", "<", "<=", ">", ">="};

typedef struct {
  node_kind kind;
  int op;
  unsigned col;   /* 1-based column of the token that made the node */
  unsigned depth; /* evaluation recursion depth below and including this node */
  int kid[3];     /* children, -1 when absent */
  int next;       /* sibling chain: list elements, comprehension ifs, links */
  int64_t num;
  char *str; /* owned: string literal, identifier, comprehension variable */
} node;

typedef struct {
  char *text;        /* owned copy of the source text */
  const char *knob;  /* borrowed knob name, for messages */
  const char *field; /* "options" or "order" */
  node *nodes;
  size_t count, cap;
  int root;
  int nslots; /* slot 0 is `x` of an order expression */
} expr;

static void expr_free(expr *e) {
  for (size_t i = 0; i < e->count; i++)
    free(e->nodes[i].str);
  free(e->nodes);
  free(e->text);
  memset(e, 0, sizeof *e);
}

/* "knob K: options: WHAT at column C: 'EXPR'" plus the expression again
 * with a caret under column C, so the offending character is obvious. */
static void expr_error(hls_diags *d, const char *path, unsigned line, const expr *e,
                       unsigned col, const char *fmt, ...) HLS_PRINTF(6, 7);
static void expr_error(hls_diags *d, const char *path, unsigned line, const expr *e,
                       unsigned col, const char *fmt, ...) {
  if (!d)
    return; /* the caller asked for no messages */
  char what[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(what, sizeof what, fmt, ap);
  va_end(ap);
  size_t len = strlen(e->text);
  if (col == 0 || col > len + 1)
    col = (unsigned)len + 1;
  /* Columns count characters, not bytes: skip UTF-8 continuation bytes. */
  unsigned chars = 1;
  for (size_t i = 0; i + 1 < col; i++)
    chars += ((unsigned char)e->text[i] & 0xC0) != 0x80;
  col = chars;
  hls_diag_add(d, HLS_SEV_ERROR, path, line, 0,
               "knob %s: %s: %s at column %u: '%s'\n    %s\n    %*s^", e->knob, e->field,
               what, col, e->text, e->text, (int)(col - 1), "");
}

/* ---- lexer ---- */

typedef enum { T_END, T_INT, T_STR, T_NAME, T_OP, T_BAD } tok_kind;

typedef struct {
  tok_kind kind;
  size_t start, len; /* byte range in the text */
  int64_t num;       /* T_INT */
  const char *bad;   /* T_BAD: what is wrong */
} token;

typedef struct {
  expr *e;
  size_t pos; /* lexer position: just after the current token */
  token tok;
  int depth; /* parser recursion, bounded by HLS_DSPACE_MAX_DEPTH */
  int failed;
  const char *path;
  unsigned line;
  hls_diags *d;
} parser;

static int is_ident_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
static int is_digit(char c) { return c >= '0' && c <= '9'; }
static int is_ident_char(char c) { return is_ident_start(c) || is_digit(c); }

static void lex_bad(parser *p, size_t at, const char *why) {
  p->tok.kind = T_BAD;
  p->tok.start = at;
  p->tok.len = 1;
  p->tok.bad = why;
}

static void lex_number(parser *p, size_t start) {
  const char *s = p->e->text;
  size_t i = start;
  int64_t v = 0;
  int overflow = 0;
  for (; is_digit(s[i]); i++) {
    int digit = s[i] - '0';
    if (v > (INT64_MAX - digit) / 10)
      overflow = 1;
    else
      v = v * 10 + digit;
  }
  /* 1.5, 1e3, 0x10, 1_000, 10j: other Python number forms are not in the
   * subset; point at the character where the subset stops. */
  if (s[i] == '.' || is_ident_char(s[i])) {
    lex_bad(p, i, "unsupported syntax");
    return;
  }
  if (s[start] == '0' && i - start > 1 && v != 0) {
    lex_bad(p, start, "unsupported syntax (leading zero)");
    return;
  }
  if (overflow) {
    lex_bad(p, start, "integer literal out of range");
    return;
  }
  p->tok.kind = T_INT;
  p->tok.start = start;
  p->tok.len = i - start;
  p->tok.num = v;
  p->pos = i;
}

static void lex_string(parser *p, size_t start) {
  const char *s = p->e->text;
  char quote = s[start];
  size_t i = start + 1;
  for (; s[i] && s[i] != quote; i++) {
    if (s[i] == '\\') {
      lex_bad(p, i, "unsupported syntax (escape sequence)");
      return;
    }
    if (s[i] == '\n')
      break;
  }
  if (s[i] != quote) {
    lex_bad(p, start, "unterminated string literal");
    return;
  }
  p->tok.kind = T_STR;
  p->tok.start = start;
  p->tok.len = i + 1 - start;
  p->pos = i + 1;
}

static void lex(parser *p) {
  const char *s = p->e->text;
  size_t i = p->pos;
  while (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')
    i++;
  memset(&p->tok, 0, sizeof p->tok);
  p->tok.start = i;
  if (!s[i]) {
    p->tok.kind = T_END;
    p->pos = i;
    return;
  }
  if (is_digit(s[i])) {
    lex_number(p, i);
    return;
  }
  if (s[i] == '\'' || s[i] == '"') {
    lex_string(p, i);
    return;
  }
  if (is_ident_start(s[i])) {
    size_t j = i;
    while (is_ident_char(s[j]))
      j++;
    p->tok.kind = T_NAME;
    p->tok.len = j - i;
    p->pos = j;
    return;
  }
  static const char *const two[] = {"//", "==", "!=", "<=", ">="};
  for (size_t k = 0; k < sizeof two / sizeof *two; k++)
    if (s[i] == two[k][0] && s[i + 1] == two[k][1]) {
      p->tok.kind = T_OP;
      p->tok.len = 2;
      p->pos = i + 2;
      return;
    }
  /* `**`, `<<`, `>>` would otherwise lex as two valid one-character
   * operators and be reported at their second character. */
  if ((s[i] == '*' || s[i] == '<' || s[i] == '>') && s[i + 1] == s[i]) {
    lex_bad(p, i, "unsupported syntax");
    return;
  }
  if (strchr("+-*/%&|<>()[],", s[i])) {
    p->tok.kind = T_OP;
    p->tok.len = 1;
    p->pos = i + 1;
    return;
  }
  lex_bad(p, i, "unsupported syntax");
}

static int tok_is(const parser *p, tok_kind kind, const char *text) {
  size_t n = strlen(text);
  return p->tok.kind == kind && p->tok.len == n &&
         memcmp(p->e->text + p->tok.start, text, n) == 0;
}
static int is_op(const parser *p, const char *text) { return tok_is(p, T_OP, text); }
static int is_kw(const parser *p, const char *text) { return tok_is(p, T_NAME, text); }
static unsigned tok_col(const parser *p) { return (unsigned)p->tok.start + 1; }

/* ---- parser ---- */

static void perror_at(parser *p, unsigned col, const char *what) {
  if (!p->failed)
    expr_error(p->d, p->path, p->line, p->e, col, "%s", what);
  p->failed = 1;
}

/* The current token does not fit the grammar here. */
static int syntax_error(parser *p) {
  if (p->tok.kind == T_BAD)
    perror_at(p, tok_col(p), p->tok.bad);
  else if (p->tok.kind == T_END)
    perror_at(p, tok_col(p), "incomplete expression");
  else
    perror_at(p, tok_col(p), "unsupported syntax");
  return -1;
}

/* Records that `child` is evaluated recursively below `parent`. */
static int bump(parser *p, int parent, int child) {
  node *n = &p->e->nodes[parent];
  unsigned d = p->e->nodes[child].depth + 1;
  if (d > n->depth)
    n->depth = d;
  if (n->depth > HLS_DSPACE_MAX_DEPTH) {
    perror_at(p, n->col, "expression nested too deeply");
    return -1;
  }
  return 0;
}

static int mk(parser *p, node_kind kind, unsigned col, int k0, int k1, int k2) {
  expr *e = p->e;
  if (e->count == e->cap) {
    e->cap = e->cap ? 2 * e->cap : 16;
    e->nodes = hls_xrealloc(e->nodes, e->cap * sizeof *e->nodes);
  }
  int id = (int)e->count++;
  node *n = &e->nodes[id];
  memset(n, 0, sizeof *n);
  n->kind = kind;
  n->col = col;
  n->depth = 1;
  n->kid[0] = k0;
  n->kid[1] = k1;
  n->kid[2] = k2;
  n->next = -1;
  for (int i = 0; i < 3; i++)
    if (n->kid[i] >= 0 && bump(p, id, n->kid[i]) < 0)
      return -1;
  return id;
}

/* Appends `item` to the chain starting at *head (tail tracked by *tail). */
static int chain(parser *p, int owner, int *head, int *tail, int item) {
  if (*head < 0)
    *head = item;
  else
    p->e->nodes[*tail].next = item;
  *tail = item;
  return bump(p, owner, item);
}

static int enter(parser *p) {
  if (++p->depth > HLS_DSPACE_MAX_DEPTH) {
    perror_at(p, tok_col(p), "expression nested too deeply");
    return 0;
  }
  return 1;
}

static int parse_test(parser *p);
static int parse_or(parser *p);

static const char *const python_keywords[] = {
    "None", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
    "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
    "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with",
    "yield"};

static int is_keyword_token(const parser *p) {
  for (size_t i = 0; i < sizeof python_keywords / sizeof *python_keywords; i++)
    if (is_kw(p, python_keywords[i]))
      return 1;
  return 0;
}

/* [ elements ] or [ elem for NAME in iterable (if cond)* ]; '[' is current. */
static int parse_list(parser *p) {
  unsigned col = tok_col(p);
  lex(p);
  int list = mk(p, N_LIST, col, -1, -1, -1);
  if (list < 0 || is_op(p, "]")) {
    lex(p);
    return list;
  }
  int first = parse_test(p);
  if (first < 0)
    return -1;
  if (is_kw(p, "for")) {
    unsigned fcol = tok_col(p);
    lex(p);
    if (p->tok.kind != T_NAME || is_keyword_token(p) || is_kw(p, "True") || is_kw(p, "False"))
      return syntax_error(p);
    char *var = hls_xstrndup(p->e->text + p->tok.start, p->tok.len);
    lex(p);
    if (!is_kw(p, "in")) {
      free(var);
      return syntax_error(p);
    }
    lex(p);
    int iter = parse_or(p);
    int comp = iter < 0 ? -1 : mk(p, N_COMP, fcol, first, iter, -1);
    if (comp < 0) {
      free(var);
      return -1;
    }
    node *c = &p->e->nodes[comp];
    c->str = var;
    c->num = p->e->nslots++;
    int head = -1, tail = -1;
    while (is_kw(p, "if")) {
      lex(p);
      int cond = parse_or(p);
      if (cond < 0 || chain(p, comp, &head, &tail, cond) < 0)
        return -1;
    }
    p->e->nodes[comp].kid[2] = head;
    if (!is_op(p, "]"))
      return syntax_error(p);
    lex(p);
    return comp;
  }
  int head = -1, tail = -1;
  if (chain(p, list, &head, &tail, first) < 0)
    return -1;
  while (is_op(p, ",")) {
    lex(p);
    if (is_op(p, "]"))
      break;
    int item = parse_test(p);
    if (item < 0 || chain(p, list, &head, &tail, item) < 0)
      return -1;
  }
  p->e->nodes[list].kid[0] = head;
  if (!is_op(p, "]"))
    return syntax_error(p);
  lex(p);
  return list;
}

static int parse_atom(parser *p) {
  unsigned col = tok_col(p);
  int id;
  switch (p->tok.kind) {
  case T_INT:
    id = mk(p, N_INT, col, -1, -1, -1);
    if (id >= 0)
      p->e->nodes[id].num = p->tok.num;
    lex(p);
    return id;
  case T_STR:
    id = mk(p, N_STR, col, -1, -1, -1);
    if (id >= 0)
      p->e->nodes[id].str = hls_xstrndup(p->e->text + p->tok.start + 1, p->tok.len - 2);
    lex(p);
    return id;
  case T_NAME:
    if (is_kw(p, "True") || is_kw(p, "False")) {
      id = mk(p, N_BOOL, col, -1, -1, -1);
      if (id >= 0)
        p->e->nodes[id].num = is_kw(p, "True");
    } else if (is_keyword_token(p)) {
      return syntax_error(p);
    } else {
      id = mk(p, N_NAME, col, -1, -1, -1);
      if (id >= 0)
        p->e->nodes[id].str = hls_xstrndup(p->e->text + p->tok.start, p->tok.len);
    }
    lex(p);
    return id;
  case T_OP:
    if (is_op(p, "["))
      return parse_list(p); /* its elements go through parse_test: bounded */
    if (is_op(p, "(")) {
      lex(p);
      id = parse_test(p);
      if (id < 0)
        return -1;
      if (!is_op(p, ")"))
        return syntax_error(p);
      lex(p);
      return id;
    }
    return syntax_error(p);
  default:
    return syntax_error(p);
  }
}

static int parse_unary(parser *p) {
  if (!is_op(p, "-") && !is_op(p, "+"))
    return parse_atom(p);
  node_kind kind = is_op(p, "-") ? N_NEG : N_POS;
  unsigned col = tok_col(p);
  if (!enter(p))
    return -1;
  lex(p);
  int a = parse_unary(p);
  p->depth--;
  return a < 0 ? -1 : mk(p, kind, col, a, -1, -1);
}

/* One left-associative level of binary operators; `ops` lists the token
 * texts, `codes` the matching bin_op values. */
static int parse_binary(parser *p, int (*sub)(parser *), const char *const *ops,
                        const bin_op *codes, size_t nops) {
  int a = sub(p);
  while (a >= 0) {
    size_t k = 0;
    while (k < nops && !is_op(p, ops[k]))
      k++;
    if (k == nops)
      break;
    unsigned col = tok_col(p);
    lex(p);
    int b = sub(p);
    if (b < 0)
      return -1;
    a = mk(p, N_BIN, col, a, b, -1);
    if (a >= 0)
      p->e->nodes[a].op = codes[k];
  }
  return a;
}

static int parse_term(parser *p) {
  static const char *const ops[] = {"*", "/", "//", "%"};
  static const bin_op codes[] = {OP_MUL, OP_DIV, OP_FLOORDIV, OP_MOD};
  return parse_binary(p, parse_unary, ops, codes, 4);
}

static int parse_arith(parser *p) {
  static const char *const ops[] = {"+", "-"};
  static const bin_op codes[] = {OP_ADD, OP_SUB};
  return parse_binary(p, parse_term, ops, codes, 2);
}

/* Python binds & and | tighter than comparisons (unlike C), so
 * `x&(x-1)==0` means `(x&(x-1))==0`. */
static int parse_bitand(parser *p) {
  static const char *const ops[] = {"&"};
  static const bin_op codes[] = {OP_BAND};
  return parse_binary(p, parse_arith, ops, codes, 1);
}

static int parse_bitor(parser *p) {
  static const char *const ops[] = {"|"};
  static const bin_op codes[] = {OP_BOR};
  return parse_binary(p, parse_bitand, ops, codes, 1);
}

static int cmp_token(const parser *p) {
  for (int k = 0; k < 6; k++)
    if (is_op(p, cmp_op_text[k]))
      return k;
  return -1;
}

/* a < b <= c is (a < b) and (b <= c) with b evaluated once. */
static int parse_comparison(parser *p) {
  int a = parse_bitor(p);
  if (a < 0 || cmp_token(p) < 0)
    return a;
  int head = mk(p, N_CMP, tok_col(p), a, -1, -1);
  int first = -1, tail = -1;
  int op;
  while (head >= 0 && (op = cmp_token(p)) >= 0) {
    unsigned col = tok_col(p);
    lex(p);
    int b = parse_bitor(p);
    int link = b < 0 ? -1 : mk(p, N_LINK, col, b, -1, -1);
    if (link < 0 || chain(p, head, &first, &tail, link) < 0)
      return -1;
    p->e->nodes[link].op = op;
  }
  if (head >= 0)
    p->e->nodes[head].kid[1] = first;
  return head;
}

static int parse_not(parser *p) {
  if (!is_kw(p, "not"))
    return parse_comparison(p);
  unsigned col = tok_col(p);
  if (!enter(p))
    return -1;
  lex(p);
  int a = parse_not(p);
  p->depth--;
  return a < 0 ? -1 : mk(p, N_NOT, col, a, -1, -1);
}

/* One left-associative level of a boolean keyword operator (and, or). */
static int parse_logical(parser *p, int (*sub)(parser *), const char *kw, node_kind kind) {
  int a = sub(p);
  while (a >= 0 && is_kw(p, kw)) {
    unsigned col = tok_col(p);
    lex(p);
    int b = sub(p);
    a = b < 0 ? -1 : mk(p, kind, col, a, b, -1);
  }
  return a;
}

static int parse_and(parser *p) { return parse_logical(p, parse_not, "and", N_AND); }

static int parse_or(parser *p) { return parse_logical(p, parse_and, "or", N_OR); }

/* A if C else B; the else branch may itself be conditional. */
static int parse_test(parser *p) {
  if (!enter(p))
    return -1;
  int a = parse_or(p);
  if (a >= 0 && is_kw(p, "if")) {
    unsigned col = tok_col(p);
    lex(p);
    int c = parse_or(p);
    if (c >= 0 && !is_kw(p, "else"))
      c = syntax_error(p);
    int b = -1;
    if (c >= 0) {
      lex(p);
      b = parse_test(p);
    }
    a = b < 0 ? -1 : mk(p, N_COND, col, a, c, b);
  }
  p->depth--;
  return a;
}

/* ---- name resolution ---- */

/* Comprehension variables visible at a point: innermost last. */
typedef struct {
  const char *name[HLS_DSPACE_MAX_DEPTH + 2];
  int slot[HLS_DSPACE_MAX_DEPTH + 2];
  int n;
} scope;

typedef struct {
  parser *p;
  char *const *knob_names; /* sorted; NULL when knobs may not be referenced */
  size_t nknobs;
  unsigned char *refs; /* refs[k] set when knob k is referenced */
} resolver;

static long find_name(char *const *names, size_t n, const char *name) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = strcmp(names[mid], name);
    if (c == 0)
      return (long)mid;
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return -1;
}

static int resolve(resolver *r, int id, scope *sc);

static int resolve_chain(resolver *r, int id, scope *sc) {
  for (; id >= 0; id = r->p->e->nodes[id].next)
    if (resolve(r, id, sc) < 0)
      return -1;
  return 0;
}

static int resolve_name(resolver *r, node *n, scope *sc) {
  for (int i = sc->n - 1; i >= 0; i--)
    if (strcmp(sc->name[i], n->str) == 0) {
      n->kind = N_VAR;
      n->num = sc->slot[i];
      return 0;
    }
  long k = r->knob_names ? find_name(r->knob_names, r->nknobs, n->str) : -1;
  if (k < 0) {
    char what[300];
    snprintf(what, sizeof what, "unknown %s '%.200s'%s", r->knob_names ? "knob" : "name",
             n->str, r->knob_names ? "" : " (an order expression sees only x)");
    perror_at(r->p, n->col, what);
    return -1;
  }
  n->kind = N_KNOB;
  n->num = k;
  r->refs[k] = 1;
  return 0;
}

/* Recursion follows kids only (chains are iterated), so its depth is the
 * node depth, bounded by the parser. */
static int resolve(resolver *r, int id, scope *sc) {
  node *n = &r->p->e->nodes[id];
  switch (n->kind) {
  case N_NAME: return resolve_name(r, n, sc);
  case N_LIST: return resolve_chain(r, n->kid[0], sc);
  case N_COMP: {
    /* Python evaluates the iterable in the enclosing scope. */
    if (resolve(r, n->kid[1], sc) < 0)
      return -1;
    sc->name[sc->n] = n->str;
    sc->slot[sc->n] = (int)n->num;
    sc->n++;
    int rc = resolve(r, n->kid[0], sc);
    if (rc == 0)
      rc = resolve_chain(r, n->kid[2], sc);
    sc->n--;
    return rc;
  }
  case N_CMP:
    if (resolve(r, n->kid[0], sc) < 0)
      return -1;
    return resolve_chain(r, n->kid[1], sc);
  default:
    for (int i = 0; i < 3; i++)
      if (n->kid[i] >= 0 && resolve(r, n->kid[i], sc) < 0)
        return -1;
    return 0;
  }
}

/* Parses and resolves `text`.  For options, `knob_names` are the names that
 * may be referenced and refs[] records which are; an order expression sees
 * only `x`.  Returns 0 or -1 (error reported). */
static int expr_compile(expr *e, const char *text, const char *knob, const char *field,
                        const char *path, unsigned line, char *const *knob_names,
                        size_t nknobs, unsigned char *refs, hls_diags *d) {
  memset(e, 0, sizeof *e);
  e->text = hls_xstrdup(text);
  e->knob = knob;
  e->field = field;
  e->nslots = 1;
  e->root = -1;
  parser p;
  memset(&p, 0, sizeof p);
  p.e = e;
  p.path = path;
  p.line = line;
  p.d = d;
  lex(&p);
  int root = parse_test(&p);
  if (root >= 0 && p.tok.kind != T_END)
    root = syntax_error(&p);
  if (root < 0)
    return -1;
  resolver r = {&p, knob_names, nknobs, refs};
  scope sc;
  sc.n = 0;
  if (!knob_names) {
    sc.name[0] = "x";
    sc.slot[0] = 0;
    sc.n = 1;
  }
  if (resolve(&r, root, &sc) < 0)
    return -1;
  e->root = root;
  return 0;
}

/* ======================================================================
 * 3. Evaluator
 * ====================================================================== */

/* Scratch state of evaluations: reused across many evaluations so that
 * walking a space does not allocate per point. */
typedef struct {
  const expr *e;
  const char *path;
  unsigned line;
  const hls_dspace_value *point; /* knob values by knob index */
  val *slots;
  int nslots;
  vlist **lists; /* pool; lists[0..used) belong to the current evaluation */
  size_t used, cap;
  hls_diags *d;
  int failed;
  /* For messages: the inputs of the failing evaluation. */
  const hls_dspace *space;
  const size_t *deps; /* knobs the expression reads */
  size_t ndeps;
  int has_x;
} evalctx;

static void format_inputs(const evalctx *c, char *buf, size_t size);

static void ctx_free(evalctx *c) {
  for (size_t i = 0; i < c->cap; i++)
    if (c->lists[i]) {
      free(c->lists[i]->items);
      free(c->lists[i]);
    }
  free(c->lists);
  free(c->slots);
}

static vlist *new_list(evalctx *c) {
  if (c->used == c->cap) {
    size_t cap = c->cap ? 2 * c->cap : 8;
    c->lists = hls_xrealloc(c->lists, cap * sizeof *c->lists);
    memset(c->lists + c->cap, 0, (cap - c->cap) * sizeof *c->lists);
    c->cap = cap;
  }
  if (!c->lists[c->used])
    c->lists[c->used] = hls_xcalloc(1, sizeof(vlist));
  vlist *l = c->lists[c->used++];
  l->n = 0;
  return l;
}

static void list_push(vlist *l, val v) {
  if (l->n == l->cap) {
    l->cap = l->cap ? 2 * l->cap : 8;
    l->items = hls_xrealloc(l->items, l->cap * sizeof *l->items);
  }
  l->items[l->n++] = v;
}

static val eval_error(evalctx *c, unsigned col, const char *fmt, ...) HLS_PRINTF(3, 4);
static val eval_error(evalctx *c, unsigned col, const char *fmt, ...) {
  if (!c->failed) {
    char what[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    char inputs[256];
    format_inputs(c, inputs, sizeof inputs);
    expr_error(c->d, c->path, c->line, c->e, col, "%s%s", what, inputs);
  }
  c->failed = 1;
  return mk_int(0);
}

/* Checked int64 arithmetic: Python ints do not overflow, ours report it. */
static int add_ovf(int64_t a, int64_t b, int64_t *r) {
  if ((b > 0 && a > INT64_MAX - b) || (b < 0 && a < INT64_MIN - b))
    return 1;
  *r = a + b;
  return 0;
}

static int sub_ovf(int64_t a, int64_t b, int64_t *r) {
  if ((b < 0 && a > INT64_MAX + b) || (b > 0 && a < INT64_MIN + b))
    return 1;
  *r = a - b;
  return 0;
}

static int mul_ovf(int64_t a, int64_t b, int64_t *r) {
  if (a != 0 && b != 0) {
    if (a > 0 ? (b > 0 ? a > INT64_MAX / b : b < INT64_MIN / a)
              : (b > 0 ? a < INT64_MIN / b : b < INT64_MAX / a))
      return 1;
  }
  *r = a * b;
  return 0;
}

/* Python's floor division and modulo: the remainder takes the divisor's
 * sign.  b != 0 is checked by the caller. */
static int floordiv_ovf(int64_t a, int64_t b, int64_t *r) {
  if (a == INT64_MIN && b == -1)
    return 1;
  int64_t q = a / b;
  if (a % b != 0 && ((a < 0) != (b < 0)))
    q--;
  *r = q;
  return 0;
}

static int64_t py_mod(int64_t a, int64_t b) {
  if (b == -1)
    return 0; /* INT64_MIN % -1 is undefined in C */
  int64_t m = a % b;
  if (m != 0 && ((m < 0) != (b < 0)))
    m += b;
  return m;
}

static val int_arith(evalctx *c, const node *n, int64_t a, int64_t b) {
  int64_t r = 0;
  int ovf = 0;
  switch ((bin_op)n->op) {
  case OP_ADD: ovf = add_ovf(a, b, &r); break;
  case OP_SUB: ovf = sub_ovf(a, b, &r); break;
  case OP_MUL: ovf = mul_ovf(a, b, &r); break;
  case OP_FLOORDIV:
    if (b == 0)
      return eval_error(c, n->col, "integer division by zero");
    ovf = floordiv_ovf(a, b, &r);
    break;
  case OP_MOD:
    if (b == 0)
      return eval_error(c, n->col, "integer modulo by zero");
    r = py_mod(a, b);
    break;
  default: break; /* DIV, BAND, BOR are handled by the caller */
  }
  if (ovf)
    return eval_error(c, n->col, "integer overflow in '%s'", bin_op_text[n->op]);
  return mk_int(r);
}

static val float_arith(evalctx *c, const node *n, double a, double b) {
  switch ((bin_op)n->op) {
  case OP_ADD: return mk_float(a + b);
  case OP_SUB: return mk_float(a - b);
  case OP_MUL: return mk_float(a * b);
  case OP_DIV:
    if (b == 0)
      return eval_error(c, n->col, "division by zero");
    return mk_float(a / b);
  case OP_FLOORDIV:
  case OP_MOD: {
    if (b == 0)
      return eval_error(c, n->col, "float modulo or division by zero");
    double m = fmod(a, b);
    if (m != 0 && ((m < 0) != (b < 0)))
      m += b;
    return n->op == OP_MOD ? mk_float(m) : mk_float(floor(a / b));
  }
  default: return mk_float(0);
  }
}

static val binary(evalctx *c, const node *n, val a, val b) {
  bin_op op = (bin_op)n->op;
  if (op == OP_ADD && a.tag == V_LIST && b.tag == V_LIST) {
    vlist *l = new_list(c);
    for (size_t i = 0; i < a.u.l->n; i++)
      list_push(l, a.u.l->items[i]);
    for (size_t i = 0; i < b.u.l->n; i++)
      list_push(l, b.u.l->items[i]);
    val r;
    r.tag = V_LIST;
    r.u.l = l;
    return r;
  }
  if (op == OP_BAND || op == OP_BOR) {
    if (!is_intlike(a) || !is_intlike(b))
      goto type_error;
    int64_t r = op == OP_BAND ? (a.u.i & b.u.i) : (a.u.i | b.u.i);
    return a.tag == V_BOOL && b.tag == V_BOOL ? mk_bool(r != 0) : mk_int(r);
  }
  if (!is_number(a) || !is_number(b))
    goto type_error;
  if (op == OP_DIV || a.tag == V_FLOAT || b.tag == V_FLOAT)
    return float_arith(c, n, as_double(a), as_double(b));
  return int_arith(c, n, a.u.i, b.u.i);
type_error:
  return eval_error(c, n->col, "unsupported operand types for %s: '%s' and '%s'",
                    bin_op_text[op], type_name(a.tag), type_name(b.tag));
}

/* Returns 0/1, or -1 after an error. */
static int compare(evalctx *c, unsigned col, cmp_op op, val a, val b) {
  if (op == C_EQ || op == C_NE)
    return val_equal(a, b) == (op == C_EQ);
  int r;
  if (is_number(a) && is_number(b)) {
    if (is_intlike(a) && is_intlike(b))
      r = (a.u.i > b.u.i) - (a.u.i < b.u.i);
    else
      r = (as_double(a) > as_double(b)) - (as_double(a) < as_double(b));
  } else if (a.tag == V_STR && b.tag == V_STR) {
    r = strcmp(a.u.s, b.u.s);
  } else {
    eval_error(c, col, "'%s' not supported between '%s' and '%s'", cmp_op_text[op],
               type_name(a.tag), type_name(b.tag));
    return -1;
  }
  switch (op) {
  case C_LT: return r < 0;
  case C_LE: return r <= 0;
  case C_GT: return r > 0;
  default: return r >= 0;
  }
}

static val eval(evalctx *c, int id);

static val eval_comparison(evalctx *c, const node *n) {
  val left = eval(c, n->kid[0]);
  for (int l = n->kid[1]; l >= 0 && !c->failed; l = c->e->nodes[l].next) {
    const node *link = &c->e->nodes[l];
    val right = eval(c, link->kid[0]);
    if (c->failed)
      break;
    int r = compare(c, link->col, (cmp_op)link->op, left, right);
    if (r <= 0)
      return mk_bool(0);
    left = right;
  }
  return mk_bool(1);
}

static val eval_comprehension(evalctx *c, const node *n) {
  val src = eval(c, n->kid[1]);
  if (c->failed)
    return src;
  if (src.tag != V_LIST)
    return eval_error(c, c->e->nodes[n->kid[1]].col, "can only iterate over a list, not '%s'",
                      type_name(src.tag));
  vlist *out = new_list(c);
  for (size_t i = 0; i < src.u.l->n; i++) {
    c->slots[n->num] = src.u.l->items[i];
    int keep = 1;
    for (int k = n->kid[2]; k >= 0 && keep; k = c->e->nodes[k].next) {
      val cond = eval(c, k);
      if (c->failed)
        return cond;
      keep = truthy(cond);
    }
    if (!keep)
      continue;
    val item = eval(c, n->kid[0]);
    if (c->failed)
      return item;
    list_push(out, item);
  }
  val r;
  r.tag = V_LIST;
  r.u.l = out;
  return r;
}

static val eval_unary(evalctx *c, const node *n) {
  val a = eval(c, n->kid[0]);
  if (c->failed)
    return a;
  if (n->kind == N_NOT)
    return mk_bool(!truthy(a));
  if (a.tag == V_FLOAT)
    return mk_float(n->kind == N_NEG ? -a.u.f : a.u.f);
  if (!is_intlike(a))
    return eval_error(c, n->col, "bad operand type for unary %s: '%s'",
                      n->kind == N_NEG ? "-" : "+", type_name(a.tag));
  if (n->kind == N_POS)
    return mk_int(a.u.i);
  if (a.u.i == INT64_MIN)
    return eval_error(c, n->col, "integer overflow in unary '-'");
  return mk_int(-a.u.i);
}

static val eval(evalctx *c, int id) {
  const node *n = &c->e->nodes[id];
  switch (n->kind) {
  case N_INT: return mk_int(n->num);
  case N_BOOL: return mk_bool((int)n->num);
  case N_STR: return mk_str(n->str);
  case N_KNOB: return from_public(c->point[n->num]);
  case N_VAR: return c->slots[n->num];
  case N_LIST: {
    vlist *l = new_list(c);
    for (int k = n->kid[0]; k >= 0; k = c->e->nodes[k].next) {
      val item = eval(c, k);
      if (c->failed)
        return item;
      list_push(l, item);
    }
    val r;
    r.tag = V_LIST;
    r.u.l = l;
    return r;
  }
  case N_COMP: return eval_comprehension(c, n);
  case N_NEG:
  case N_POS:
  case N_NOT: return eval_unary(c, n);
  case N_BIN: {
    val a = eval(c, n->kid[0]);
    if (c->failed)
      return a;
    val b = eval(c, n->kid[1]);
    return c->failed ? b : binary(c, n, a, b);
  }
  case N_AND:
  case N_OR: {
    /* Python returns the deciding operand, not a bool. */
    val a = eval(c, n->kid[0]);
    if (c->failed || truthy(a) == (n->kind == N_OR))
      return a;
    return eval(c, n->kid[1]);
  }
  case N_CMP: return eval_comparison(c, n);
  case N_COND: {
    val cond = eval(c, n->kid[1]);
    if (c->failed)
      return cond;
    return eval(c, truthy(cond) ? n->kid[0] : n->kid[2]);
  }
  default: return eval_error(c, n->col, "internal error: unresolved name");
  }
}

/* ======================================================================
 * 4. Loading
 * ====================================================================== */

typedef struct {
  char *name;
  unsigned line; /* of the knob's key in the JSON text; 0 when unknown */
  hls_ds_type type;
  hls_dspace_value def;
  char *def_string; /* owned storage of def.string */
  expr options;
  expr order;
  int has_order;
  size_t *deps; /* sorted knob indices the options refer to */
  size_t ndeps;
  valbuf cache; /* options of a knob without deps, evaluated once */
} knob_info;

struct hls_dspace {
  char *path;
  knob_info *knobs;
  size_t n;
  size_t *order;    /* assignment order of the enumeration */
  size_t *level_of; /* inverse of order */
  size_t *live_off; /* live knobs at level i: live[live_off[i] .. live_off[i+1]) */
  size_t *live;
  int max_slots;
};

static const char *const type_names[] = {"PARALLEL", "PIPELINE", "TILING"};

const char *hls_dspace_type_name(hls_ds_type t) {
  return (unsigned)t < 3 ? type_names[t] : "?";
}

void hls_dspace_free(hls_dspace *s) {
  if (!s)
    return;
  for (size_t i = 0; i < s->n; i++) {
    knob_info *k = &s->knobs[i];
    free(k->name);
    free(k->def_string);
    expr_free(&k->options);
    expr_free(&k->order);
    free(k->deps);
    free(k->cache.v);
  }
  free(s->knobs);
  free(s->order);
  free(s->level_of);
  free(s->live_off);
  free(s->live);
  free(s->path);
  free(s);
}

/* Line of the first `"name" :` in the text; cJSON keeps no positions. */
static unsigned key_line(const char *text, size_t len, const char *name) {
  size_t n = strlen(name);
  for (size_t i = 0; i + n + 2 <= len; i++) {
    if (text[i] != '"' || memcmp(text + i + 1, name, n) != 0 || text[i + n + 1] != '"')
      continue;
    size_t j = i + n + 2;
    while (j < len && (text[j] == ' ' || text[j] == '\t' || text[j] == '\n' || text[j] == '\r'))
      j++;
    if (j < len && text[j] == ':') {
      unsigned line, col;
      hls_text_position(text, len, i, &line, &col);
      return line;
    }
  }
  return 0;
}

static int cmp_knob_name(const void *a, const void *b) {
  return strcmp(((const knob_info *)a)->name, ((const knob_info *)b)->name);
}

static void knob_error(hls_diags *d, const hls_dspace *s, const knob_info *k,
                       const char *fmt, ...) HLS_PRINTF(4, 5);
static void knob_error(hls_diags *d, const hls_dspace *s, const knob_info *k,
                       const char *fmt, ...) {
  char what[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(what, sizeof what, fmt, ap);
  va_end(ap);
  hls_diag_add(d, HLS_SEV_ERROR, s->path, k->line, 0, "knob %s: %s", k->name, what);
}

/* A JSON number that is an exact int64: 4 and 4.0, not 4.5 or 1e300. */
static int json_integer(const cJSON *item, int64_t *out) {
  if (!cJSON_IsNumber(item))
    return 0;
  double v = item->valuedouble;
  if (!(v >= -9223372036854775808.0 && v < 9223372036854775808.0) || floor(v) != v)
    return 0;
  *out = (int64_t)v;
  return 1;
}

static int load_default(hls_dspace *s, knob_info *k, const cJSON *obj, hls_diags *d) {
  const cJSON *def = cJSON_GetObjectItemCaseSensitive(obj, "default");
  int want_string = k->type == HLS_DS_PIPELINE;
  if (!def) {
    knob_error(d, s, k, "missing \"default\"");
    return -1;
  }
  if (want_string && cJSON_IsString(def)) {
    k->def_string = hls_xstrdup(def->valuestring);
    k->def.is_string = 1;
    k->def.string = k->def_string;
    return 0;
  }
  if (!want_string && json_integer(def, &k->def.integer))
    return 0;
  knob_error(d, s, k, "default: expected %s for a %s knob", want_string ? "a string" : "an integer",
             type_names[k->type]);
  return -1;
}

/* The fields of one knob object, except its expressions' meaning. */
static int load_knob_fields(hls_dspace *s, knob_info *k, const cJSON *obj, hls_diags *d) {
  if (!cJSON_IsObject(obj)) {
    knob_error(d, s, k, "expected an object with default, ds_type and options");
    return -1;
  }
  const cJSON *type = cJSON_GetObjectItemCaseSensitive(obj, "ds_type");
  int t = -1;
  for (int i = 0; i < 3 && cJSON_IsString(type); i++)
    if (strcmp(type->valuestring, type_names[i]) == 0)
      t = i;
  if (t < 0) {
    knob_error(d, s, k, "ds_type: expected \"PARALLEL\", \"PIPELINE\" or \"TILING\"");
    return -1;
  }
  k->type = (hls_ds_type)t;
  int rc = load_default(s, k, obj, d);
  const cJSON *options = cJSON_GetObjectItemCaseSensitive(obj, "options");
  if (!options) {
    knob_error(d, s, k, "missing \"options\"");
    rc = -1;
  } else if (!cJSON_IsString(options)) {
    knob_error(d, s, k, "options: expected a string holding a Python expression");
    rc = -1;
  }
  const cJSON *order = cJSON_GetObjectItemCaseSensitive(obj, "order");
  if (order && !cJSON_IsString(order)) {
    knob_error(d, s, k, "order: expected a string holding a Python expression in x");
    rc = -1;
  }
  return rc;
}

/* Compiles options and order; fills deps. */
static int compile_knob(hls_dspace *s, size_t i, const cJSON *obj, char *const *names,
                        unsigned char *refs, hls_diags *d) {
  knob_info *k = &s->knobs[i];
  const cJSON *options = cJSON_GetObjectItemCaseSensitive(obj, "options");
  const cJSON *order = cJSON_GetObjectItemCaseSensitive(obj, "order");
  memset(refs, 0, s->n);
  int rc = expr_compile(&k->options, options->valuestring, k->name, "options", s->path, k->line,
                        names, s->n, refs, d);
  if (order) {
    k->has_order = 1;
    if (expr_compile(&k->order, order->valuestring, k->name, "order", s->path, k->line, NULL, 0,
                     NULL, d) < 0)
      rc = -1;
  }
  if (rc < 0)
    return -1;
  k->deps = hls_xmalloc(s->n * sizeof *k->deps);
  for (size_t j = 0; j < s->n; j++)
    if (refs[j])
      k->deps[k->ndeps++] = j;
  if (k->options.nslots > s->max_slots)
    s->max_slots = k->options.nslots;
  if (k->order.nslots > s->max_slots)
    s->max_slots = k->order.nslots;
  return 0;
}

/* Depth-first post-order over the dependency graph: a knob is placed right
 * after the knobs it depends on.  Compared with a level-by-level order this
 * keeps related knobs adjacent, so few assigned values are still needed by
 * later knobs -- which is what makes the memoised count cheap.  Recursion
 * depth is bounded by HLS_DSPACE_MAX_KNOBS. */
static int topo_visit(hls_dspace *s, size_t k, unsigned char *color, size_t *stack,
                      size_t depth, size_t *placed, hls_diags *d) {
  if (color[k] == 2)
    return 0;
  if (color[k] == 1) {
    char msg[1024];
    size_t pos = 0, from = depth;
    while (from > 0 && stack[from - 1] != k)
      from--;
    for (size_t i = from ? from - 1 : 0; i < depth; i++)
      bprintf(msg, sizeof msg, &pos, "%s -> ", s->knobs[stack[i]].name);
    bprintf(msg, sizeof msg, &pos, "%s", s->knobs[k].name);
    hls_diag_add(d, HLS_SEV_ERROR, s->path, s->knobs[k].line, 0,
                 "knob %s: options: dependency cycle: %s", s->knobs[k].name, msg);
    return -1;
  }
  color[k] = 1;
  stack[depth] = k;
  const knob_info *kb = &s->knobs[k];
  for (size_t i = 0; i < kb->ndeps; i++)
    if (topo_visit(s, kb->deps[i], color, stack, depth + 1, placed, d) < 0)
      return -1;
  color[k] = 2;
  s->order[(*placed)++] = k;
  return 0;
}

/* A knob assigned at level j is live at levels j+1 .. last use: the memo key
 * of a level is the values of its live knobs. */
static void compute_live(hls_dspace *s) {
  size_t n = s->n;
  size_t *last = hls_xcalloc(n, sizeof *last);
  for (size_t lvl = 0; lvl < n; lvl++) {
    const knob_info *k = &s->knobs[s->order[lvl]];
    for (size_t i = 0; i < k->ndeps; i++)
      last[k->deps[i]] = lvl; /* levels increase: the final write is the last use */
  }
  s->live_off = hls_xcalloc(n + 2, sizeof *s->live_off);
  s->live = hls_xmalloc((n * n + 1) * sizeof *s->live);
  size_t m = 0;
  for (size_t lvl = 0; lvl <= n; lvl++) {
    s->live_off[lvl] = m;
    for (size_t j = 0; j < lvl; j++)
      if (last[s->order[j]] >= lvl)
        s->live[m++] = s->order[j];
  }
  s->live_off[n + 1] = m;
  free(last);
}

static int order_knobs(hls_dspace *s, hls_diags *d) {
  unsigned char *color = hls_xcalloc(s->n, 1);
  size_t *stack = hls_xmalloc(s->n * sizeof *stack);
  size_t placed = 0;
  int rc = 0;
  s->order = hls_xmalloc(s->n * sizeof *s->order);
  for (size_t k = 0; k < s->n && rc == 0; k++)
    rc = topo_visit(s, k, color, stack, 0, &placed, d);
  free(color);
  free(stack);
  if (rc < 0)
    return -1;
  s->level_of = hls_xmalloc(s->n * sizeof *s->level_of);
  for (size_t lvl = 0; lvl < s->n; lvl++)
    s->level_of[s->order[lvl]] = lvl;
  compute_live(s);
  return 0;
}

/* " (with x = 4)" or " (with __TILE__L0 = 0, ...)": runtime errors depend
 * on the values being evaluated, so the message names them. */
static void format_inputs(const evalctx *c, char *buf, size_t size) {
  size_t pos = 0;
  buf[0] = '\0';
  if (!c->has_x && c->ndeps == 0)
    return;
  bprintf(buf, size, &pos, " (with ");
  if (c->has_x) {
    bprintf(buf, size, &pos, "x = ");
    format_val(c->slots[0], buf, size, &pos);
  }
  for (size_t i = 0; i < c->ndeps; i++) {
    bprintf(buf, size, &pos, "%s%s = ", i ? ", " : "", c->space->knobs[c->deps[i]].name);
    format_val(from_public(c->point[c->deps[i]]), buf, size, &pos);
  }
  bprintf(buf, size, &pos, ")");
}

static void ctx_init(evalctx *c, const hls_dspace *s, hls_diags *d) {
  memset(c, 0, sizeof *c);
  c->space = s;
  c->path = s->path;
  c->nslots = s->max_slots > 0 ? s->max_slots : 1;
  c->slots = hls_xcalloc((size_t)c->nslots, sizeof *c->slots);
  c->d = d;
}

/* Evaluates `e` of knob k under `point`; x (may be NULL) is slot 0. */
static int eval_top(evalctx *c, const knob_info *k, const expr *e, const hls_dspace_value *point,
                    const val *x, val *out) {
  c->e = e;
  c->line = k->line;
  c->point = point;
  c->used = 0;
  c->failed = 0;
  c->has_x = x != NULL;
  c->deps = x ? NULL : k->deps; /* an order expression reads only x */
  c->ndeps = x ? 0 : k->ndeps;
  if (x)
    c->slots[0] = *x;
  *out = eval(c, e->root);
  return c->failed ? -1 : 0;
}

/* Evaluates knob k's options into out (cleared first), checking that the
 * result is a list of values of the knob's type. */
static int eval_options_into(evalctx *c, const knob_info *k, const hls_dspace_value *point,
                             valbuf *out) {
  val r;
  out->n = 0;
  if (eval_top(c, k, &k->options, point, NULL, &r) < 0)
    return -1;
  if (r.tag != V_LIST) {
    eval_error(c, 1, "expected a list, got '%s'", type_name(r.tag));
    return -1;
  }
  int want_string = k->type == HLS_DS_PIPELINE;
  for (size_t i = 0; i < r.u.l->n; i++) {
    val v = r.u.l->items[i];
    if (v.tag != (want_string ? V_STR : V_INT)) {
      char shown[128];
      size_t pos = 0;
      format_val(v, shown, sizeof shown, &pos);
      eval_error(c, 1, "option %s ('%s') has the wrong type for a %s knob (expected %s)", shown,
                 type_name(v.tag), type_names[k->type], want_string ? "str" : "int");
      return -1;
    }
    hls_dspace_value pv;
    memset(&pv, 0, sizeof pv);
    pv.is_string = want_string;
    if (want_string)
      pv.string = v.u.s;
    else
      pv.integer = v.u.i;
    valbuf_push(out, pv);
  }
  return 0;
}

/* The options of knob `ki`: the cached list when they depend on no knob,
 * else evaluated into `scratch`.  Returns the array or NULL on error. */
static const hls_dspace_value *options_of(evalctx *c, const hls_dspace *s, size_t ki,
                                          const hls_dspace_value *point, valbuf *scratch,
                                          size_t *n) {
  static const hls_dspace_value no_options[1]; /* non-NULL "empty list" */
  const knob_info *k = &s->knobs[ki];
  if (k->ndeps == 0) {
    *n = k->cache.n;
    return k->cache.v ? k->cache.v : no_options;
  }
  if (eval_options_into(c, k, point, scratch) < 0)
    return NULL;
  *n = scratch->n;
  return scratch->v ? scratch->v : no_options;
}

static int eval_order(evalctx *c, const knob_info *k, hls_dspace_value x, int64_t *out) {
  *out = 0;
  if (!k->has_order)
    return 0;
  val xv = from_public(x), r;
  if (eval_top(c, k, &k->order, NULL, &xv, &r) < 0)
    return -1;
  if (!is_intlike(r)) {
    eval_error(c, 1, "expected an integer, got '%s'", type_name(r.tag));
    return -1;
  }
  *out = r.u.i;
  return 0;
}

/* Knobs whose options depend on nothing are evaluated now: their lists are
 * reused by every walk, and type errors surface at load time.  Their order
 * expression is checked on every option too. */
static int precompute(hls_dspace *s, hls_diags *d) {
  evalctx c;
  ctx_init(&c, s, d);
  int rc = 0;
  for (size_t i = 0; i < s->n; i++) {
    knob_info *k = &s->knobs[i];
    if (k->ndeps != 0)
      continue;
    if (eval_options_into(&c, k, NULL, &k->cache) < 0) {
      rc = -1;
      continue;
    }
    int64_t rank;
    for (size_t j = 0; j < k->cache.n; j++)
      if (eval_order(&c, k, k->cache.v[j], &rank) < 0) {
        rc = -1;
        break;
      }
  }
  ctx_free(&c);
  return rc;
}

/* Creates the knobs from the definition object: names sorted, fields read. */
static int load_knobs(hls_dspace *s, const cJSON *def, const char *text, size_t len,
                      hls_diags *d) {
  size_t n = 0;
  for (const cJSON *it = def->child; it; it = it->next)
    n++;
  if (n == 0 || n > HLS_DSPACE_MAX_KNOBS) {
    hls_diag_add(d, HLS_SEV_ERROR, s->path, 0, 0,
                 "design-space.definition: expected 1 to %d knobs, found %zu",
                 HLS_DSPACE_MAX_KNOBS, n);
    return -1;
  }
  s->knobs = hls_xcalloc(n, sizeof *s->knobs);
  for (const cJSON *it = def->child; it; it = it->next) {
    knob_info *k = &s->knobs[s->n++];
    k->name = hls_xstrdup(it->string ? it->string : "");
    k->line = key_line(text, len, k->name);
  }
  qsort(s->knobs, s->n, sizeof *s->knobs, cmp_knob_name);
  int rc = 0;
  for (size_t i = 0; i + 1 < s->n; i++)
    if (strcmp(s->knobs[i].name, s->knobs[i + 1].name) == 0) {
      knob_error(d, s, &s->knobs[i], "defined twice");
      rc = -1;
    }
  for (size_t i = 0; i < s->n; i++) {
    const cJSON *obj = cJSON_GetObjectItemCaseSensitive(def, s->knobs[i].name);
    if (load_knob_fields(s, &s->knobs[i], obj, d) < 0)
      rc = -1;
  }
  return rc;
}

static int compile_all(hls_dspace *s, const cJSON *def, hls_diags *d) {
  char **names = hls_xmalloc(s->n * sizeof *names);
  unsigned char *refs = hls_xmalloc(s->n);
  for (size_t i = 0; i < s->n; i++)
    names[i] = s->knobs[i].name;
  int rc = 0;
  for (size_t i = 0; i < s->n; i++) {
    const cJSON *obj = cJSON_GetObjectItemCaseSensitive(def, s->knobs[i].name);
    if (compile_knob(s, i, obj, names, refs, d) < 0)
      rc = -1;
  }
  free(names);
  free(refs);
  return rc;
}

static const cJSON *find_definition(const hls_dspace *s, const cJSON *root, hls_diags *d) {
  if (!cJSON_IsObject(root)) {
    hls_diag_add(d, HLS_SEV_ERROR, s->path, 0, 0, "expected a JSON object at the top level");
    return NULL;
  }
  const cJSON *def = cJSON_GetObjectItemCaseSensitive(root, "design-space.definition");
  if (!cJSON_IsObject(def)) {
    hls_diag_add(d, HLS_SEV_ERROR, s->path, 0, 0,
                 def ? "\"design-space.definition\" is not an object"
                     : "missing \"design-space.definition\"");
    return NULL;
  }
  return def;
}

hls_dspace *hls_dspace_parse(const char *path, const char *text, size_t len, hls_diags *d) {
  hls_dspace *s = hls_xcalloc(1, sizeof *s);
  s->path = hls_xstrdup(path ? path : "");
  const char *end = NULL;
  cJSON *root = cJSON_ParseWithLengthOpts(text, len, &end, 0);
  /* Anything but white space after the value is malformed too. */
  while (root && end && end < text + len && strchr(" \t\r\n", *end) && *end)
    end++;
  if (root && end && end < text + len) {
    cJSON_Delete(root);
    root = NULL;
  }
  if (!root) {
    unsigned line, col;
    size_t off = end && end >= text && end <= text + len ? (size_t)(end - text) : 0;
    hls_text_position(text, len, off, &line, &col);
    hls_diag_add(d, HLS_SEV_ERROR, s->path, line, col, "malformed JSON");
    hls_dspace_free(s);
    return NULL;
  }
  const cJSON *def = find_definition(s, root, d);
  int ok = def && load_knobs(s, def, text, len, d) == 0 && compile_all(s, def, d) == 0 &&
           order_knobs(s, d) == 0 && precompute(s, d) == 0;
  cJSON_Delete(root);
  if (!ok) {
    hls_dspace_free(s);
    return NULL;
  }
  return s;
}

/* Reads a whole file; NULL after a diagnostic. */
static char *read_file(const char *path, size_t *len, hls_diags *d) {
  char *buf = hls_read_file(path, len);
  if (!buf && errno == EISDIR)
    hls_diag_add(d, HLS_SEV_ERROR, path, 0, 0, "cannot read (is it a directory?)");
  else if (!buf)
    hls_diag_add(d, HLS_SEV_ERROR, path, 0, 0, "cannot open: %s", strerror(errno));
  return buf;
}

hls_dspace *hls_dspace_load(const char *path, hls_diags *d) {
  size_t len = 0;
  char *text = read_file(path, &len, d);
  if (!text)
    return NULL;
  hls_dspace *s = hls_dspace_parse(path, text, len, d);
  free(text);
  return s;
}

/* ---- accessors ---- */

size_t hls_dspace_knob_count(const hls_dspace *s) { return s->n; }
const char *hls_dspace_knob_name(const hls_dspace *s, size_t knob) {
  return s->knobs[knob].name;
}
hls_ds_type hls_dspace_knob_type(const hls_dspace *s, size_t knob) {
  return s->knobs[knob].type;
}
hls_dspace_value hls_dspace_knob_default(const hls_dspace *s, size_t knob) {
  return s->knobs[knob].def;
}
const size_t *hls_dspace_knob_deps(const hls_dspace *s, size_t knob, size_t *count) {
  *count = s->knobs[knob].ndeps;
  return s->knobs[knob].deps;
}
const size_t *hls_dspace_assign_order(const hls_dspace *s) { return s->order; }
int hls_dspace_knob_has_order(const hls_dspace *s, size_t knob) {
  return s->knobs[knob].has_order;
}

long hls_dspace_knob_index(const hls_dspace *s, const char *name) {
  size_t lo = 0, hi = s->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = strcmp(s->knobs[mid].name, name);
    if (c == 0)
      return (long)mid;
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return -1;
}

int hls_dspace_order(const hls_dspace *s, size_t knob, hls_dspace_value x, int64_t *out,
                     hls_diags *d) {
  evalctx c;
  ctx_init(&c, s, d);
  int rc = eval_order(&c, &s->knobs[knob], x, out);
  ctx_free(&c);
  return rc;
}

int hls_dspace_options(const hls_dspace *s, size_t knob, const hls_dspace_value *point,
                       hls_dspace_value **out, size_t *count, hls_diags *d) {
  evalctx c;
  valbuf scratch = {NULL, 0, 0};
  size_t n = 0;
  ctx_init(&c, s, d);
  const hls_dspace_value *v = options_of(&c, s, knob, point, &scratch, &n);
  ctx_free(&c);
  *out = NULL;
  *count = 0;
  if (v) {
    *out = hls_xmalloc((n ? n : 1) * sizeof **out);
    if (n)
      memcpy(*out, v, n * sizeof **out);
    *count = n;
  }
  free(scratch.v);
  return v ? 0 : -1;
}

/* ======================================================================
 * 5. Counting, enumeration, membership
 * ====================================================================== */

/* The number of completions below level L depends only on the values of
 * the knobs live at L (assigned earlier, referenced at L or later).  The memo
 * maps (L, live values) to that number, so a space of 10^13 points whose
 * knobs form small dependency clusters is counted in milliseconds. */
typedef struct {
  uint64_t hash;
  uint64_t count;
  size_t key;  /* offset of the key values in the key pool */
  size_t level; /* SIZE_MAX: empty slot */
} memo_slot;

typedef struct {
  const hls_dspace *s;
  evalctx ctx;
  hls_dspace_value *point;
  valbuf *scratch; /* one per level: options stay alive while deeper levels run */
  memo_slot *table;
  size_t cap, used;
  valbuf keys;
  uint64_t cap_points; /* 0: none */
  int stopped;         /* the cap was reached: unwind without memoising */
  int saturated;
} counter;

static uint64_t hash_bytes(uint64_t h, const void *p, size_t n) {
  const unsigned char *b = p;
  for (size_t i = 0; i < n; i++) {
    h ^= b[i];
    h *= 1099511628211ull; /* FNV-1a */
  }
  return h;
}

static uint64_t level_hash(const counter *c, size_t level) {
  uint64_t h = hash_bytes(14695981039346656037ull, &level, sizeof level);
  for (size_t i = c->s->live_off[level]; i < c->s->live_off[level + 1]; i++) {
    hls_dspace_value v = c->point[c->s->live[i]];
    h = hash_bytes(h, &v.is_string, sizeof v.is_string);
    h = v.is_string ? hash_bytes(h, v.string, strlen(v.string) + 1)
                    : hash_bytes(h, &v.integer, sizeof v.integer);
  }
  return h;
}

static int key_matches(const counter *c, const memo_slot *m, size_t level) {
  const size_t *live = c->s->live + c->s->live_off[level];
  size_t n = c->s->live_off[level + 1] - c->s->live_off[level];
  for (size_t i = 0; i < n; i++)
    if (!hls_dspace_value_equal(c->keys.v[m->key + i], c->point[live[i]]))
      return 0;
  return 1;
}

static memo_slot *memo_find(counter *c, size_t level, uint64_t h) {
  size_t mask = c->cap - 1;
  for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
    memo_slot *m = &c->table[i];
    if (m->level == SIZE_MAX)
      return m;
    if (m->level == level && m->hash == h && key_matches(c, m, level))
      return m;
  }
}

static void memo_grow(counter *c) {
  memo_slot *old = c->table;
  size_t old_cap = c->cap;
  c->cap = old_cap ? 2 * old_cap : 1024;
  c->table = hls_xmalloc(c->cap * sizeof *c->table);
  for (size_t i = 0; i < c->cap; i++)
    c->table[i].level = SIZE_MAX;
  for (size_t i = 0; i < old_cap; i++) {
    if (old[i].level == SIZE_MAX)
      continue;
    size_t j = (size_t)old[i].hash & (c->cap - 1);
    while (c->table[j].level != SIZE_MAX)
      j = (j + 1) & (c->cap - 1);
    c->table[j] = old[i];
  }
  free(old);
}

/* Spaces whose knobs all depend on each other gain nothing from the memo
 * (every key is new), so it stops growing at a bound: counting then goes on
 * as a plain depth-first search in bounded memory. */
#define MEMO_MAX_ENTRIES ((size_t)1 << 19)
#define MEMO_MAX_KEY_VALUES ((size_t)1 << 21)

static void memo_store(counter *c, size_t level, uint64_t h, uint64_t count) {
  size_t width = c->s->live_off[level + 1] - c->s->live_off[level];
  if (c->used >= MEMO_MAX_ENTRIES || c->keys.n + width > MEMO_MAX_KEY_VALUES)
    return;
  if (2 * (c->used + 1) > c->cap)
    memo_grow(c);
  memo_slot *m = memo_find(c, level, h);
  m->level = level;
  m->hash = h;
  m->count = count;
  m->key = c->keys.n;
  for (size_t i = c->s->live_off[level]; i < c->s->live_off[level + 1]; i++)
    valbuf_push(&c->keys, c->point[c->s->live[i]]);
  c->used++;
}

static uint64_t sat_add(counter *c, uint64_t a, uint64_t b) {
  if (a > UINT64_MAX - b) {
    c->saturated = 1;
    return UINT64_MAX;
  }
  return a + b;
}

/* Points below `level` under the current prefix; sets c->stopped once the
 * cap is known to be reached.  Returns -1 on an evaluation error. */
static int count_rec(counter *c, size_t level, uint64_t *out) {
  const hls_dspace *s = c->s;
  if (level == s->n) {
    *out = 1;
    return 0;
  }
  uint64_t h = level_hash(c, level);
  memo_slot *m = memo_find(c, level, h);
  if (m->level != SIZE_MAX) {
    *out = m->count;
    return 0;
  }
  size_t ki = s->order[level], n;
  const hls_dspace_value *opts = options_of(&c->ctx, s, ki, c->point, &c->scratch[level], &n);
  if (!opts)
    return -1;
  uint64_t total = 0;
  if (level + 1 == s->n) {
    total = n; /* the last knob: its options are its completions */
  } else {
    for (size_t i = 0; i < n && !c->stopped; i++) {
      uint64_t sub;
      c->point[ki] = opts[i];
      if (count_rec(c, level + 1, &sub) < 0)
        return -1;
      total = sat_add(c, total, sub);
      /* Every point below this prefix is a point of the space, so a partial
       * sum at any level is already a lower bound of the whole count. */
      if (c->cap_points && total >= c->cap_points)
        c->stopped = 1;
    }
  }
  if (c->cap_points && total >= c->cap_points)
    c->stopped = 1;
  if (!c->stopped)
    memo_store(c, level, h, total);
  *out = total;
  return 0;
}

int hls_dspace_count(const hls_dspace *s, uint64_t cap, uint64_t *out, hls_diags *d) {
  counter c;
  memset(&c, 0, sizeof c);
  c.s = s;
  ctx_init(&c.ctx, s, d);
  c.point = hls_xcalloc(s->n, sizeof *c.point);
  c.scratch = hls_xcalloc(s->n, sizeof *c.scratch);
  c.cap_points = cap;
  memo_grow(&c);
  uint64_t total = 0;
  int rc = count_rec(&c, 0, &total);
  for (size_t i = 0; i < s->n; i++)
    free(c.scratch[i].v);
  free(c.scratch);
  free(c.point);
  free(c.table);
  free(c.keys.v);
  ctx_free(&c.ctx);
  if (rc < 0)
    return -1;
  if (c.stopped) {
    *out = cap;
    return 1;
  }
  *out = total;
  return c.saturated ? 1 : 0;
}

/* ---- enumeration ---- */

struct hls_dspace_iter {
  const hls_dspace *s;
  evalctx ctx;
  hls_dspace_value *point;
  valbuf *scratch;
  const hls_dspace_value **opts; /* per level */
  size_t *nopts, *index;         /* per level */
  int state; /* 0 fresh, 1 running, 2 finished */
};

hls_dspace_iter *hls_dspace_iter_new(const hls_dspace *s) {
  hls_dspace_iter *it = hls_xcalloc(1, sizeof *it);
  it->s = s;
  ctx_init(&it->ctx, s, NULL);
  it->point = hls_xcalloc(s->n, sizeof *it->point);
  it->scratch = hls_xcalloc(s->n, sizeof *it->scratch);
  it->opts = hls_xcalloc(s->n, sizeof *it->opts);
  it->nopts = hls_xcalloc(s->n, sizeof *it->nopts);
  it->index = hls_xcalloc(s->n, sizeof *it->index);
  return it;
}

void hls_dspace_iter_free(hls_dspace_iter *it) {
  if (!it)
    return;
  for (size_t i = 0; i < it->s->n; i++)
    free(it->scratch[i].v);
  free(it->scratch);
  free(it->opts);
  free(it->nopts);
  free(it->index);
  free(it->point);
  ctx_free(&it->ctx);
  free(it);
}

/* Moves to the next option at the deepest level that has one left;
 * returns the level below it (to be refilled), or -1 when exhausted. */
static long iter_advance(hls_dspace_iter *it, long level) {
  for (; level >= 0; level--) {
    if (++it->index[level] < it->nopts[level]) {
      it->point[it->s->order[level]] = it->opts[level][it->index[level]];
      return level + 1;
    }
  }
  return -1;
}

int hls_dspace_iter_next(hls_dspace_iter *it, const hls_dspace_value **point, hls_diags *d) {
  const hls_dspace *s = it->s;
  long n = (long)s->n, level;
  if (it->state == 2)
    return 0;
  it->ctx.d = d;
  level = it->state == 0 ? 0 : iter_advance(it, n - 1);
  it->state = 1;
  while (level >= 0 && level < n) {
    size_t ki = s->order[level];
    const hls_dspace_value *o =
        options_of(&it->ctx, s, ki, it->point, &it->scratch[level], &it->nopts[level]);
    if (!o) {
      it->state = 2;
      return -1;
    }
    it->opts[level] = o;
    it->index[level] = 0;
    if (it->nopts[level] == 0) {
      level = iter_advance(it, level - 1); /* dead end: no option fits */
      continue;
    }
    it->point[ki] = o[0];
    level++;
  }
  if (level < 0) {
    it->state = 2;
    return 0;
  }
  *point = it->point;
  return 1;
}

int hls_dspace_foreach(const hls_dspace *s, hls_dspace_visit_fn fn, void *user, hls_diags *d) {
  hls_dspace_iter *it = hls_dspace_iter_new(s);
  const hls_dspace_value *pt;
  int rc;
  while ((rc = hls_dspace_iter_next(it, &pt, d)) == 1)
    if (fn(pt, s->n, user)) {
      rc = 2;
      break;
    }
  hls_dspace_iter_free(it);
  return rc == 2 ? 1 : rc;
}

/* ---- membership ---- */

int hls_dspace_contains(const hls_dspace *s, const hls_dspace_value *point, char *why,
                        size_t why_size, hls_diags *d) {
  evalctx c;
  valbuf scratch = {NULL, 0, 0};
  int rc = 1;
  ctx_init(&c, s, d);
  if (why && why_size)
    why[0] = '\0';
  /* In assignment order, so the reported knob is the first one that fails. */
  for (size_t lvl = 0; lvl < s->n && rc == 1; lvl++) {
    size_t ki = s->order[lvl], n;
    const hls_dspace_value *opts = options_of(&c, s, ki, point, &scratch, &n);
    if (!opts) {
      rc = -1;
      break;
    }
    size_t i = 0;
    while (i < n && !hls_dspace_value_equal(opts[i], point[ki]))
      i++;
    if (i == n) {
      size_t pos = 0;
      bprintf(why, why_size, &pos, "%s = ", s->knobs[ki].name);
      format_val(from_public(point[ki]), why, why_size, &pos);
      bprintf(why, why_size, &pos, " is not among its options ");
      format_options(opts, n, why, why_size, &pos);
      const knob_info *k = &s->knobs[ki];
      for (size_t j = 0; j < k->ndeps; j++) {
        bprintf(why, why_size, &pos, "%s%s = ", j ? ", " : " given ", s->knobs[k->deps[j]].name);
        format_val(from_public(point[k->deps[j]]), why, why_size, &pos);
      }
      rc = 0;
    }
  }
  free(scratch.v);
  ctx_free(&c);
  return rc;
}

int hls_dspace_point_from_json(const hls_dspace *s, const cJSON *obj, hls_dspace_value *point,
                               char *why, size_t why_size) {
  size_t pos = 0;
  if (why && why_size)
    why[0] = '\0';
  if (!cJSON_IsObject(obj)) {
    bprintf(why, why_size, &pos, "the point is not a JSON object");
    return 1;
  }
  unsigned char *seen = hls_xcalloc(s->n, 1);
  int rc = 0;
  for (const cJSON *it = obj->child; it && rc == 0; it = it->next) {
    const char *name = it->string ? it->string : "";
    long k = hls_dspace_knob_index(s, name);
    hls_dspace_value v;
    memset(&v, 0, sizeof v);
    if (k < 0) {
      bprintf(why, why_size, &pos, "knob %s is not in the space", name);
      rc = 1;
    } else if (seen[k]) {
      bprintf(why, why_size, &pos, "knob %s appears twice", name);
      rc = 1;
    } else if (cJSON_IsString(it)) {
      v.is_string = 1;
      v.string = it->valuestring;
    } else if (!json_integer(it, &v.integer)) {
      bprintf(why, why_size, &pos, "knob %s: value is neither an integer nor a string", name);
      rc = 1;
    }
    if (rc == 0) {
      seen[k] = 1;
      point[k] = v;
    }
  }
  for (size_t k = 0; k < s->n && rc == 0; k++)
    if (!seen[k]) {
      bprintf(why, why_size, &pos, "knob %s is missing", s->knobs[k].name);
      rc = 1;
    }
  free(seen);
  return rc;
}
