/* Parser for the text of one HLS pragma.  A tiny lexer turns the text into
 * words, numbers, punctuation and auto{KNOB} placeholders; one function per
 * dialect then checks the words against that dialect's grammar. */
#include "pragma/pragma.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* TOK_EXPR: a value written as an expression (`c_dim*c_dim`, `(N/2)`). */
typedef enum { TOK_END, TOK_WORD, TOK_NUMBER, TOK_KNOB, TOK_PUNCT, TOK_EXPR } tok_kind;

typedef struct {
  tok_kind kind;
  const char *start; /* into the pragma text */
  size_t len;
  char punct; /* for TOK_PUNCT */
} token;

#define MAX_TOKENS 64

typedef struct {
  const char *text;
  const char *file;
  unsigned line, col, text_col;
  token toks[MAX_TOKENS];
  int ntoks, pos;
  hls_diags *diags;
  hls_pragma base; /* location, dialect and text shared by all records */
  hls_pragma *out;
  int nout;
  const hls_symbols *symbols;
  char unresolved[128]; /* the first value that named no known constant */
  token value;          /* the value of the current Vitis option */
} parser;

static int is_word_char(char c) {
  return isalnum((unsigned char)c) || c == '_' || c == '.';
}

static int error_at(parser *p, const token *t, const char *fmt, const char *arg) {
  unsigned col = t && t->start ? p->text_col + (unsigned)(t->start - p->text) : p->col;
  char msg[700];
  snprintf(msg, sizeof msg, fmt, arg);
  hls_diag_add(p->diags, HLS_SEV_ERROR, p->file, p->line, col, "%s in '#pragma %s'",
               msg, p->base.text);
  return -1;
}

static int lex(parser *p) {
  const char *s = p->text;
  p->ntoks = 0;
  for (;;) {
    while (isspace((unsigned char)*s))
      s++;
    if (p->ntoks == MAX_TOKENS - 1) {
      token t = {TOK_WORD, s, 1, 0};
      return error_at(p, &t, "%s", "too many words");
    }
    token *t = &p->toks[p->ntoks++];
    t->start = s;
    t->punct = 0;
    if (!*s) {
      t->kind = TOK_END;
      t->len = 0;
      return 0;
    }
    if (strncmp(s, "auto{", 5) == 0) {
      const char *name = s + 5, *e = name;
      while (isalnum((unsigned char)*e) || *e == '_')
        e++;
      if (*e != '}' || e == name || (size_t)(e - name) >= HLS_KNOB_MAX) {
        t->len = 4;
        return error_at(p, t, "%s",
                        "malformed knob placeholder: expected auto{NAME} with NAME "
                        "made of letters, digits and '_' (at most 63)");
      }
      t->kind = TOK_KNOB;
      t->start = name;
      t->len = (size_t)(e - name);
      s = e + 1;
    } else if (isdigit((unsigned char)*s) || *s == '-' || *s == '+') {
      const char *e = s + 1;
      while (is_word_char(*e))
        e++;
      t->kind = TOK_NUMBER;
      t->len = (size_t)(e - s);
      s = e;
    } else if (is_word_char(*s)) {
      const char *e = s;
      while (is_word_char(*e))
        e++;
      t->kind = TOK_WORD;
      t->len = (size_t)(e - s);
      s = e;
    } else {
      t->kind = TOK_PUNCT;
      t->punct = *s;
      t->len = 1;
      s++;
    }
  }
}

static const token *peek(parser *p) { return &p->toks[p->pos]; }
static const token *next(parser *p) {
  const token *t = &p->toks[p->pos];
  if (t->kind != TOK_END)
    p->pos++;
  return t;
}

static int tok_is(const token *t, const char *word) {
  return t->kind == TOK_WORD && strlen(word) == t->len &&
         strncasecmp(t->start, word, t->len) == 0;
}

static int tok_punct(const token *t, char c) {
  return t->kind == TOK_PUNCT && t->punct == c;
}

static void tok_copy(const token *t, char *dst, size_t cap) {
  size_t n = t->len < cap - 1 ? t->len : cap - 1;
  memcpy(dst, t->start, n);
  dst[n] = '\0';
}

static void tok_lower(const token *t, char *dst, size_t cap) {
  tok_copy(t, dst, cap);
  for (char *c = dst; *c; c++)
    *c = (char)tolower((unsigned char)*c);
}

static int tok_text_error(parser *p, const token *t, const char *fmt) {
  char word[128];
  if (t->kind == TOK_END)
    snprintf(word, sizeof word, "end of pragma");
  else
    tok_copy(t, word, sizeof word);
  return error_at(p, t, fmt, word);
}

/* A knob or variable name into a fixed field: one that does not fit is an
 * error, never cut (a reduction variable cut at 63 characters names another
 * variable, or none). */
static int tok_name(parser *p, const token *t, char *dst, size_t cap, const char *what) {
  if (t->len >= cap) {
    char msg[160];
    snprintf(msg, sizeof msg, "%s '%%s...' is %zu characters long, over the limit of %zu", what,
             t->len, cap - 1);
    return tok_text_error(p, t, msg);
  }
  tok_copy(t, dst, cap);
  return 0;
}

/* A value written with names: resolved through the module's constants.  One
 * that names no known constant makes the pragma unmodelled (see
 * hls_pragma_parse), so it reads as 1 here. */
static int resolve_value(parser *p, const token *t, int64_t *out) {
  char name[sizeof p->unresolved];
  if (hls_symbols_eval(p->symbols, t->start, t->len, out, name, sizeof name) == 0)
    return 0;
  if (!p->unresolved[0])
    snprintf(p->unresolved, sizeof p->unresolved, "%s", name);
  *out = 1;
  return 1;
}

/* A positive integer that fits in 31 bits: a literal, or a constant
 * expression of the module's macros and constants. */
static int parse_positive(parser *p, const token *t, const char *what, int64_t *out) {
  char buf[64], msg[160];
  snprintf(msg, sizeof msg, "%s expects a positive integer, got '%%s'", what);
  if (t->kind == TOK_WORD || t->kind == TOK_EXPR) {
    int64_t v;
    if (resolve_value(p, t, &v))
      return *out = v, 0;
    if (v <= 0 || v > INT_MAX)
      return tok_text_error(p, t, msg);
    *out = v;
    return 0;
  }
  if (t->kind != TOK_NUMBER)
    return tok_text_error(p, t, msg);
  tok_copy(t, buf, sizeof buf);
  char *end = NULL;
  errno = 0;
  long long v = strtoll(buf, &end, 10);
  if (errno || *end || v <= 0 || v > INT_MAX)
    return tok_text_error(p, t, msg);
  *out = v;
  return 0;
}

/* Extends the value token `first` over an expression that continues it
 * (`c_dim*c_dim`, `N-1`, `(N/2)`) into *out: operators between operands,
 * anything inside parentheses.  Without one, *out is first. */
static void extend_expression(parser *p, const token *first, token *out) {
  *out = *first;
  int depth = tok_punct(first, '(') ? 1 : 0, want_operand = depth > 0, more = depth > 0;
  const token *last = first;
  for (const token *t = peek(p); t->kind != TOK_END; t = peek(p)) {
    int op = t->kind == TOK_PUNCT && strchr("+-*/%<>&|^~", t->punct);
    int signed_number = t->kind == TOK_NUMBER && (*t->start == '-' || *t->start == '+');
    if (depth > 0)
      depth += tok_punct(t, '(') - tok_punct(t, ')');
    else if (op)
      want_operand = 1;
    else if (signed_number && !want_operand)
      ; /* N-1 lexes as N, -1 */
    else if (want_operand && (t->kind == TOK_WORD || t->kind == TOK_NUMBER || tok_punct(t, '(')))
      want_operand = 0, depth = tok_punct(t, '(');
    else
      break;
    last = next(p);
    more = 1;
  }
  if (more) {
    out->kind = TOK_EXPR;
    out->len = (size_t)(last->start + last->len - first->start);
  }
}

/* FACTOR value: positive integer (or constant expression) or auto{KNOB}. */
static int parse_factor_token(parser *p, const token *t, const char *what, hls_pragma *r) {
  if (t->kind == TOK_KNOB)
    return tok_name(p, t, r->knob, sizeof r->knob, "knob name");
  if (t->kind != TOK_NUMBER && t->kind != TOK_WORD && t->kind != TOK_EXPR) {
    char msg[160];
    snprintf(msg, sizeof msg, "%s expects a positive integer or auto{KNOB}, got '%%s'", what);
    return tok_text_error(p, t, msg);
  }
  return parse_positive(p, t, what, &r->factor);
}

static int parse_factor_value(parser *p, const char *what, hls_pragma *r) {
  const token *t = next(p);
  token value;
  extend_expression(p, t, &value);
  return parse_factor_token(p, &value, what, r);
}

static int expect_punct(parser *p, char c, const char *after) {
  const token *t = next(p);
  if (!tok_punct(t, c)) {
    char msg[160];
    snprintf(msg, sizeof msg, "expected '%c' after %s, got '%%s'", c, after);
    return tok_text_error(p, t, msg);
  }
  return 0;
}

static int expect_end(parser *p) {
  const token *t = peek(p);
  if (t->kind != TOK_END)
    return tok_text_error(p, t, "unexpected '%s'");
  return 0;
}

static hls_pragma *emit(parser *p, hls_pragma_kind kind, const char *keyword) {
  hls_pragma *r = &p->out[p->nout++];
  *r = p->base;
  r->kind = kind;
  snprintf(r->keyword, sizeof r->keyword, "%s", keyword);
  return r;
}

/* ---- Merlin: #pragma ACCEL ... ---------------------------------------- */

static const char *const merlin_unmodelled[] = {
    "interface", "cache",         "false_dependence", "line_buffer",
    "inline",    "skip_sync",     "coalescing",       "array_partition",
    "loop_flatten", "bus_bitwidth", "reduction",      "name",
    NULL};

static int merlin_pipeline(parser *p) {
  hls_pragma *r = emit(p, HLS_PRAGMA_PIPELINE, "pipeline");
  const token *t = next(p);
  if (t->kind == TOK_END)
    r->pipe = HLS_PIPE_CG; /* plain PIPELINE is Merlin's coarse-grained mode */
  else if (t->kind == TOK_KNOB) {
    if (tok_name(p, t, r->knob, sizeof r->knob, "knob name"))
      return -1;
  } else if (tok_is(t, "off"))
    r->pipe = HLS_PIPE_OFF;
  else if (tok_is(t, "cg"))
    r->pipe = HLS_PIPE_CG;
  else if (tok_is(t, "fg") || tok_is(t, "flatten"))
    r->pipe = HLS_PIPE_FG;
  else
    return tok_text_error(p, t,
                          "PIPELINE expects off, cg, fg, flatten or auto{KNOB}, got '%s'");
  return expect_end(p);
}

static int merlin_parallel(parser *p) {
  hls_pragma *r = emit(p, HLS_PRAGMA_PARALLEL, "parallel");
  int seen_factor = 0;
  for (const token *t = next(p); t->kind != TOK_END; t = next(p)) {
    if (tok_is(t, "reduction")) {
      if (r->has_reduction)
        return tok_text_error(p, t, "'%s' given twice");
      r->has_reduction = 1;
      if (tok_punct(peek(p), '=')) {
        next(p);
        const token *v = next(p);
        if (v->kind != TOK_WORD)
          return tok_text_error(p, v, "reduction= expects a variable name, got '%s'");
        if (tok_name(p, v, r->reduction, sizeof r->reduction, "reduction variable"))
          return -1;
      }
    } else if (tok_is(t, "factor")) {
      if (seen_factor)
        return tok_text_error(p, t, "'%s' given twice");
      seen_factor = 1;
      if (expect_punct(p, '=', "FACTOR") || parse_factor_value(p, "FACTOR", r))
        return -1;
    } else if (tok_is(t, "priority") || tok_is(t, "flatten")) {
      /* Merlin scheduling hints without effect on the model's vocabulary. */
      if (tok_punct(peek(p), '=')) {
        next(p);
        next(p);
      }
    } else {
      return tok_text_error(p, t, "unknown PARALLEL option '%s' (expected FACTOR= or reduction)");
    }
  }
  return 0; /* no FACTOR: Merlin unrolls fully, factor 0 */
}

static int merlin_tile(parser *p) {
  hls_pragma *r = emit(p, HLS_PRAGMA_TILE, "tile");
  const token *t = next(p);
  if (!tok_is(t, "factor"))
    return tok_text_error(p, t, "TILE expects FACTOR=, got '%s'");
  if (expect_punct(p, '=', "FACTOR") || parse_factor_value(p, "FACTOR", r))
    return -1;
  return expect_end(p);
}

static int parse_merlin(parser *p) {
  p->base.dialect = HLS_DIALECT_MERLIN;
  p->base.placement = HLS_PLACE_BEFORE_LOOP;
  const token *t = next(p);
  if (tok_is(t, "pipeline"))
    return merlin_pipeline(p);
  if (tok_is(t, "parallel"))
    return merlin_parallel(p);
  if (tok_is(t, "tile"))
    return merlin_tile(p);
  if (tok_is(t, "kernel")) {
    p->base.placement = HLS_PLACE_BEFORE_FUNCTION;
    emit(p, HLS_PRAGMA_KERNEL, "kernel");
    return 0; /* "kernel name=..." options are accepted as written */
  }
  for (const char *const *k = merlin_unmodelled; *k; k++) {
    if (tok_is(t, *k)) {
      char kw[32];
      tok_lower(t, kw, sizeof kw);
      emit(p, HLS_PRAGMA_UNMODELLED, kw);
      return 0;
    }
  }
  return tok_text_error(p, t,
                        "unknown Merlin pragma '%s' (expected PIPELINE, PARALLEL, TILE or kernel)");
}

/* ---- Vitis: #pragma HLS ... ------------------------------------------- */

static const char *const vitis_unmodelled[] = {
    "loop_tripcount", "array_partition", "array_reshape",
    "inline",        "interface",      "stream",          "bind_op",
    "bind_storage",  "dependence",     "latency",         "loop_merge",
    "occurrence",    "reset",          "resource",        "allocation",
    "aggregate",     "disaggregate",   "expression_balance", "function_instantiate",
    "performance",   "protocol",       "stable",          "top",
    "cache",         "alias",          "array_stencil",   "stream_stable",
    NULL};

/* key[=value] option list; value may be a word, a number or an expression
 * (kept in p->value, which *value then points to). */
static int vitis_option(parser *p, const token **key, const token **value) {
  *key = next(p);
  *value = NULL;
  if ((*key)->kind != TOK_WORD)
    return tok_text_error(p, *key, "expected an option name, got '%s'");
  if (tok_punct(peek(p), '=')) {
    next(p);
    const token *v = next(p);
    if (v->kind == TOK_END || (v->kind == TOK_PUNCT && !tok_punct(v, '(')))
      return tok_text_error(p, v, "expected a value after '=', got '%s'");
    extend_expression(p, v, &p->value);
    *value = &p->value;
  }
  return 0;
}

static int is_true_value(const token *v) {
  return !v || tok_is(v, "true") || (v->kind == TOK_NUMBER && v->len == 1 && *v->start == '1');
}

static int vitis_pipeline(parser *p) {
  hls_pragma *r = emit(p, HLS_PRAGMA_PIPELINE, "pipeline");
  r->pipe = HLS_PIPE_FG;
  if (peek(p)->kind == TOK_KNOB) { /* the HLSyn-Vitis knob: its value is the option text */
    tok_copy(next(p), r->knob, sizeof r->knob);
    r->pipe = HLS_PIPE_UNSET;
    return expect_end(p);
  }
  while (peek(p)->kind != TOK_END) {
    const token *k, *v;
    if (vitis_option(p, &k, &v))
      return -1;
    if (tok_is(k, "ii")) {
      if (v && v->kind == TOK_KNOB)
        tok_copy(v, r->ii_knob, sizeof r->ii_knob); /* II=auto{K}: an integer knob */
      else if (!v || parse_positive(p, v, "II", &r->ii))
        return v ? -1 : tok_text_error(p, k, "'%s' expects =N");
    } else if (tok_is(k, "off")) {
      if (is_true_value(v))
        r->pipe = HLS_PIPE_OFF;
    } else if (!(tok_is(k, "rewind") || tok_is(k, "enable_flush") || tok_is(k, "style"))) {
      return tok_text_error(p, k,
                            "unknown pipeline option '%s' (expected II=, off, rewind, "
                            "enable_flush or style=)");
    }
  }
  return 0;
}

static int vitis_unroll(parser *p) {
  hls_pragma *r = emit(p, HLS_PRAGMA_PARALLEL, "unroll");
  int off = 0;
  if (peek(p)->kind == TOK_KNOB) {
    /* "unroll auto{K}" (one HLSyn-Vitis kernel writes it): read as the factor;
     * Vitis itself is given "unroll 4" there, which it does not document */
    tok_copy(next(p), r->knob, sizeof r->knob);
    return expect_end(p);
  }
  while (peek(p)->kind != TOK_END) {
    const token *k, *v;
    if (vitis_option(p, &k, &v))
      return -1;
    if (tok_is(k, "factor")) {
      if (!v)
        return tok_text_error(p, k, "'%s' expects =N");
      if (parse_factor_token(p, v, "factor", r))
        return -1;
    } else if (tok_is(k, "off")) {
      off = is_true_value(v);
    } else if (!tok_is(k, "skip_exit_check") && !tok_is(k, "region")) {
      return tok_text_error(p, k,
                            "unknown unroll option '%s' (expected factor=, off or "
                            "skip_exit_check)");
    }
  }
  if (off) { /* unroll off: keep the loop rolled, i.e. parallel factor 1 */
    r->factor = 1;
    r->knob[0] = '\0';
  }
  return 0;
}

/* loop_tripcount min= max= avg=: the iteration count Vitis assumes for a loop
 * whose bound it cannot derive.  The graph uses it the same way (tripcount:
 * the largest value given, max= else avg= else min=). */
static int vitis_tripcount(parser *p) {
  hls_pragma *r = emit(p, HLS_PRAGMA_TRIPCOUNT, "loop_tripcount");
  int64_t val[3] = {-1, -1, -1}; /* min, max, avg */
  static const char *const names[3] = {"min", "max", "avg"};
  while (peek(p)->kind != TOK_END) {
    const token *k, *v;
    int64_t n = 0;
    if (vitis_option(p, &k, &v))
      return -1;
    int which = tok_is(k, "min") ? 0 : tok_is(k, "max") ? 1 : tok_is(k, "avg") ? 2 : -1;
    if (which < 0)
      return tok_text_error(p, k, "unknown loop_tripcount option '%s' (expected min=, max=, avg=)");
    if (!v)
      return tok_text_error(p, k, "'%s' expects =N");
    if (!(v->kind == TOK_NUMBER && v->len == 1 && *v->start == '0') &&
        parse_positive(p, v, "loop_tripcount", &n))
      return -1;
    val[which] = n;
  }
  if (val[0] < 0 && val[1] < 0 && val[2] < 0)
    return error_at(p, NULL, "%s", "loop_tripcount needs at least one of min=, max=, avg=");
  static const int order[3][2] = {{0, 2}, {2, 1}, {0, 1}}; /* min <= avg <= max */
  for (int i = 0; i < 3; i++) {
    int a = order[i][0], b = order[i][1];
    if (val[a] >= 0 && val[b] >= 0 && val[a] > val[b]) {
      char msg[128];
      snprintf(msg, sizeof msg, "loop_tripcount %s=%lld is larger than %s=%lld", names[a],
               (long long)val[a], names[b], (long long)val[b]);
      return error_at(p, NULL, "%s", msg);
    }
  }
  r->tripcount = val[1] >= 0 ? val[1] : val[2] >= 0 ? val[2] : val[0];
  if (r->tripcount == 0)
    return error_at(p, NULL, "%s",
                    "loop_tripcount gives no positive count (the largest of max=, avg=, min= is 0)");
  return 0;
}

/* loop_flatten [off[=true|false]]: placed in the innermost loop of a nest.
 * Vitis flattens perfect nests on its own, so the plain pragma states the
 * default; `off` keeps this loop from merging with its inner loop, and on an
 * innermost loop keeps the whole nest apart (UG1399, pragma HLS loop_flatten). */
static int vitis_flatten(parser *p) {
  hls_pragma *r = emit(p, HLS_PRAGMA_FLATTEN, "loop_flatten");
  r->pipe = HLS_PIPE_UNSET;
  while (peek(p)->kind != TOK_END) {
    const token *k, *v;
    if (vitis_option(p, &k, &v))
      return -1;
    if (!tok_is(k, "off"))
      return tok_text_error(p, k, "unknown loop_flatten option '%s' (expected off)");
    r->pipe = is_true_value(v) ? HLS_PIPE_OFF : HLS_PIPE_UNSET;
  }
  return 0;
}

static int parse_vitis(parser *p) {
  p->base.dialect = HLS_DIALECT_VITIS;
  p->base.placement = HLS_PLACE_IN_BODY;
  const token *t = next(p);
  if (tok_is(t, "pipeline"))
    return vitis_pipeline(p);
  if (tok_is(t, "unroll"))
    return vitis_unroll(p);
  if (tok_is(t, "dataflow")) {
    hls_pragma *r = emit(p, HLS_PRAGMA_PIPELINE, "dataflow");
    r->pipe = HLS_PIPE_CG;
    return 0;
  }
  if (tok_is(t, "loop_tripcount"))
    return vitis_tripcount(p);
  if (tok_is(t, "loop_flatten"))
    return vitis_flatten(p);
  for (const char *const *k = vitis_unmodelled; *k; k++) {
    if (tok_is(t, *k)) {
      char kw[32];
      tok_lower(t, kw, sizeof kw);
      emit(p, HLS_PRAGMA_UNMODELLED, kw);
      return 0;
    }
  }
  return tok_text_error(p, t, "unknown Vitis HLS pragma '%s'");
}

/* ---- clang: #pragma clang loop ..., #pragma [GCC] unroll, nounroll ----- */

static int clang_loop_option(parser *p) {
  const token *name = next(p);
  if (name->kind != TOK_WORD)
    return tok_text_error(p, name, "expected a loop hint name, got '%s'");
  if (expect_punct(p, '(', "the loop hint name"))
    return -1;
  const token *arg = next(p);
  if (expect_punct(p, ')', "the loop hint argument"))
    return -1;
  char kw[32];
  tok_lower(name, kw, sizeof kw);
  if (tok_is(name, "unroll_count")) {
    hls_pragma *r = emit(p, HLS_PRAGMA_PARALLEL, kw);
    return parse_positive(p, arg, "unroll_count", &r->factor);
  }
  if (tok_is(name, "unroll") && (tok_is(arg, "full") || tok_is(arg, "disable"))) {
    hls_pragma *r = emit(p, HLS_PRAGMA_PARALLEL, kw);
    r->factor = tok_is(arg, "disable") ? 1 : 0;
    return 0;
  }
  if (tok_is(name, "pipeline")) {
    if (!tok_is(arg, "disable"))
      return tok_text_error(p, arg, "pipeline(...) accepts only 'disable', got '%s'");
    emit(p, HLS_PRAGMA_PIPELINE, kw)->pipe = HLS_PIPE_OFF;
    return 0;
  }
  if (tok_is(name, "pipeline_initiation_interval")) {
    hls_pragma *r = emit(p, HLS_PRAGMA_PIPELINE, kw);
    r->pipe = HLS_PIPE_FG;
    return parse_positive(p, arg, "pipeline_initiation_interval", &r->ii);
  }
  static const char *const other[] = {"unroll", "vectorize", "vectorize_width",
                                      "interleave", "interleave_count", "distribute",
                                      "vectorize_predicate", NULL};
  for (const char *const *k = other; *k; k++)
    if (tok_is(name, *k)) {
      emit(p, HLS_PRAGMA_UNMODELLED, kw);
      return 0;
    }
  return tok_text_error(p, name, "unknown clang loop hint '%s'");
}

static int parse_clang_loop(parser *p) {
  p->base.dialect = HLS_DIALECT_CLANG;
  p->base.placement = HLS_PLACE_BEFORE_LOOP;
  if (peek(p)->kind == TOK_END)
    return tok_text_error(p, peek(p), "expected a loop hint, got '%s'");
  while (peek(p)->kind != TOK_END) {
    if (p->nout == HLS_PRAGMA_MAX_RECORDS)
      return tok_text_error(p, peek(p), "too many loop hints at '%s'");
    if (clang_loop_option(p))
      return -1;
  }
  return 0;
}

/* #pragma unroll, #pragma unroll N, #pragma unroll(N), #pragma GCC unroll N */
static int parse_unroll(parser *p, int disable) {
  p->base.dialect = HLS_DIALECT_CLANG;
  p->base.placement = HLS_PLACE_BEFORE_LOOP;
  hls_pragma *r = emit(p, HLS_PRAGMA_PARALLEL, disable ? "nounroll" : "unroll");
  if (disable) {
    r->factor = 1;
    return expect_end(p);
  }
  int paren = tok_punct(peek(p), '(');
  if (paren)
    next(p);
  if (peek(p)->kind != TOK_END && !tok_punct(peek(p), ')')) {
    if (parse_positive(p, next(p), "unroll", &r->factor))
      return -1;
  }
  if (paren && expect_punct(p, ')', "the unroll count"))
    return -1;
  return expect_end(p);
}

/* A pragma whose value names no known constant: Vitis would know it, we do
 * not, so the pragma is kept as written but not modelled, and one warning
 * says which name it was. */
static int not_modelled(parser *p) {
  hls_diag_add(p->diags, HLS_SEV_WARNING, p->file, p->line, p->col,
               "'%s' in '#pragma %s' names no integer constant hlsmoe knows (a #define or a "
               "const or constexpr integer above the pragma, a constant global, or a macro in "
               "-fdebug-macro debug info): the pragma is not modelled",
               p->unresolved, p->base.text);
  hls_pragma r = p->out[0];
  memset(p->out, 0, sizeof *p->out);
  *p->out = p->base;
  p->out->kind = HLS_PRAGMA_UNMODELLED;
  memcpy(p->out->keyword, r.keyword, sizeof r.keyword);
  return 1;
}

/* The text as written, whitespace runs (continuations) folded to one space,
 * into out[cap].  Returns 0 when it does not fit. */
static int fold_text(const char *t, char *out, size_t cap) {
  size_t n = 0;
  for (const char *c = t; *c; c++) {
    if (isspace((unsigned char)*c) && (!n || out[n - 1] == ' '))
      continue;
    if (n + 1 >= cap) {
      out[n] = '\0';
      return 0;
    }
    out[n++] = isspace((unsigned char)*c) ? ' ' : *c;
  }
  while (n && out[n - 1] == ' ')
    n--;
  out[n] = '\0';
  return 1;
}

int hls_pragma_parse(const char *text, const char *file, unsigned line, unsigned col,
                     unsigned text_col, const hls_symbols *symbols,
                     hls_pragma out[HLS_PRAGMA_MAX_RECORDS], hls_diags *diags) {
  parser p;
  memset(&p, 0, sizeof p);
  p.symbols = symbols;
  p.text = text;
  p.file = file;
  p.line = line;
  p.col = col;
  p.text_col = text_col;
  p.diags = diags;
  p.out = out;
  p.base.line = line;
  p.base.col = col;
  const char *t = text;
  while (isspace((unsigned char)*t))
    t++;
  int fits = fold_text(t, p.base.text, sizeof p.base.text);

  /* Only our namespaces are lexed: other pragmas may hold arbitrary text. */
  const char *w = t;
  size_t wl = 0;
  while (is_word_char(w[wl]))
    wl++;
  int ours = (wl == 5 && strncasecmp(w, "ACCEL", 5) == 0) ||
             (wl == 3 && strncasecmp(w, "HLS", 3) == 0) ||
             (wl == 5 && strncmp(w, "clang", 5) == 0) ||
             (wl == 6 && strncmp(w, "unroll", 6) == 0) ||
             (wl == 8 && strncmp(w, "nounroll", 8) == 0) ||
             (wl == 3 && strncmp(w, "GCC", 3) == 0);
  if (!ours)
    return 0;
  if (!fits) {
    /* The text goes into metadata and messages as written: rather than cut
     * it (and have them disagree with what was parsed), refuse it. */
    hls_diag_add(diags, HLS_SEV_ERROR, file, line, col,
                 "this pragma is %zu bytes long, over the limit of %zu that hlsmoe reads; "
                 "split it into several pragmas", strlen(t), sizeof p.base.text - 1);
    return -1;
  }
  if (lex(&p))
    return -1;
  const token *first = next(&p);
  int rc;
  if (tok_is(first, "ACCEL"))
    rc = parse_merlin(&p);
  else if (tok_is(first, "HLS"))
    rc = parse_vitis(&p);
  else if (strncmp(first->start, "clang", 5) == 0) {
    if (!tok_is(peek(&p), "loop"))
      return 0; /* other clang pragmas: diagnostic, attribute, ... */
    next(&p);
    rc = parse_clang_loop(&p);
  } else if (strncmp(first->start, "GCC", 3) == 0) {
    if (!tok_is(peek(&p), "unroll"))
      return 0; /* GCC diagnostic, GCC optimize, ... */
    next(&p);
    rc = parse_unroll(&p, 0);
  } else
    rc = parse_unroll(&p, first->len == 8);
  if (rc < 0)
    return -1;
  return p.unresolved[0] && p.nout ? not_modelled(&p) : p.nout;
}

const char *hls_dialect_name(hls_dialect d) {
  return d == HLS_DIALECT_MERLIN ? "merlin" : d == HLS_DIALECT_VITIS ? "vitis" : "clang";
}

const char *hls_pragma_kind_name(hls_pragma_kind k) {
  static const char *const names[] = {"kernel",    "pipeline",  "parallel",
                                      "tile",      "tripcount", "flatten",
                                      "unmodelled"};
  return names[k];
}
