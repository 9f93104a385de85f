/* Expressions of ds_config files, from text to a resolved syntax tree: a
 * lexer, a recursive-descent parser with Python's precedence, and name
 * resolution against the comprehension variables and the file's knobs.
 * Every error names its column; nesting is bounded so that hostile input
 * cannot exhaust the stack. */
#include "dse/dspace_impl.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const dspace_bin_op_text[] = {"+", "-", "*", "/", "//", "%", "&", "|"};
const char *const dspace_cmp_op_text[] = {"==", "!=", "<", "<=", ">", ">="};

void dspace_expr_free(expr *e) {
  for (size_t i = 0; i < e->count; i++)
    free(e->nodes[i].str);
  free(e->nodes);
  free(e->text);
  memset(e, 0, sizeof *e);
}

void dspace_expr_error(hls_diags *d, const char *path, unsigned line, const expr *e,
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
    dspace_expr_error(p->d, p->path, p->line, p->e, col, "%s", what);
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
    if (is_op(p, dspace_cmp_op_text[k]))
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
  const hls_dspace *space; /* NULL when knobs may not be referenced */
  unsigned char *refs; /* refs[k] set when knob k is referenced */
} resolver;

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
  long k = r->space ? hls_dspace_knob_index(r->space, n->str) : -1;
  if (k < 0) {
    char what[300];
    snprintf(what, sizeof what, "unknown %s '%.200s'%s", r->space ? "knob" : "name", n->str,
             r->space ? "" : " (an order expression sees only x)");
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

int dspace_expr_compile(expr *e, const char *text, const char *knob, const char *field,
                        const char *path, unsigned line, const hls_dspace *space,
                        unsigned char *refs, hls_diags *d) {
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
  resolver r = {&p, space, refs};
  scope sc;
  sc.n = 0;
  if (!space) {
    sc.name[0] = "x";
    sc.slot[0] = 0;
    sc.n = 1;
  }
  if (resolve(&r, root, &sc) < 0)
    return -1;
  e->root = root;
  return 0;
}
