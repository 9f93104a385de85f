/* Values and the evaluation of one expression tree: Python semantics for
 * the subset of docs/design-space.md, with int64 arithmetic that reports
 * overflow instead of growing.  Which tree, under which knob values, is the
 * caller's business (dspace_options.c). */
#include "dse/dspace_impl.h"

#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- values ---- */

static val mk_int(int64_t i) { val v; v.tag = V_INT; v.u.i = i; return v; }
static val mk_bool(int b) { val v; v.tag = V_BOOL; v.u.i = b != 0; return v; }
static val mk_float(double f) { val v; v.tag = V_FLOAT; v.u.f = f; return v; }
static val mk_str(const char *s) { val v; v.tag = V_STR; v.u.s = s; return v; }

const char *dspace_type_name(vtag t) {
  static const char *const names[] = {"int", "bool", "float", "str", "list"};
  return names[t];
}

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

/* Python repr of a string: single quotes, backslash before ' and \. */
static void format_str(hls_strbuf *b, const char *s) {
  hls_strbuf_append(b, "'", 1);
  for (; *s; s++) {
    if (*s == '\'' || *s == '\\')
      hls_strbuf_append(b, "\\", 1);
    hls_strbuf_append(b, s, 1);
  }
  hls_strbuf_append(b, "'", 1);
}

/* Like Python's repr: the shortest form that reads back, with ".0" when
 * it would otherwise look like an integer. */
static void format_float(hls_strbuf *b, double f) {
  char tmp[40];
  for (int prec = 15; prec <= 17; prec++) {
    snprintf(tmp, sizeof tmp, "%.*g", prec, f);
    if (strtod(tmp, NULL) == f)
      break;
  }
  hls_strbuf_printf(b, "%s%s", tmp, strpbrk(tmp, ".einf") ? "" : ".0");
}

void dspace_format_val(hls_strbuf *b, val v) {
  switch (v.tag) {
  case V_INT: hls_strbuf_printf(b, "%" PRId64, v.u.i); break;
  case V_BOOL: hls_strbuf_printf(b, "%s", v.u.i ? "True" : "False"); break;
  case V_FLOAT: format_float(b, v.u.f); break;
  case V_STR: format_str(b, v.u.s); break;
  case V_LIST: hls_strbuf_printf(b, "[...%zu items]", v.u.l->n); break;
  }
}

void dspace_format_value(hls_strbuf *b, hls_dspace_value v) {
  dspace_format_val(b, from_public(v));
}

void hls_dspace_value_format(hls_dspace_value v, char *buf, size_t size) {
  hls_strbuf b = {0};
  dspace_format_value(&b, v);
  hls_strbuf_copy(&b, buf, size);
  hls_strbuf_free(&b);
}

void dspace_format_options(hls_strbuf *b, const hls_dspace_value *v, size_t n, size_t limit) {
  hls_strbuf_append(b, "[", 1);
  for (size_t i = 0; i < n && b->len <= limit; i++) {
    if (i)
      hls_strbuf_append(b, ", ", 2);
    dspace_format_value(b, v[i]);
  }
  hls_strbuf_append(b, "]", 1);
}

void dspace_valbuf_push(valbuf *b, hls_dspace_value v) {
  if (b->n == b->cap) {
    b->cap = b->cap ? 2 * b->cap : 16;
    b->v = hls_xrealloc(b->v, b->cap * sizeof *b->v);
  }
  b->v[b->n++] = v;
}

/* ---- evaluation ---- */

/* " (with x = 4)" or " (with __TILE__L0 = 0, ...)": runtime errors depend
 * on the values being evaluated, so the message names them. */
static void format_inputs(hls_strbuf *b, const evalctx *c) {
  if (!c->has_x && c->ndeps == 0)
    return;
  hls_strbuf_printf(b, " (with ");
  if (c->has_x) {
    hls_strbuf_printf(b, "x = ");
    dspace_format_val(b, c->slots[0]);
  }
  for (size_t i = 0; i < c->ndeps; i++) {
    hls_strbuf_printf(b, "%s%s = ", i ? ", " : "", c->space->knobs[c->deps[i]].name);
    dspace_format_value(b, c->point[c->deps[i]]);
  }
  hls_strbuf_printf(b, ")");
}

void dspace_ctx_init(evalctx *c, const hls_dspace *s, hls_diags *d) {
  memset(c, 0, sizeof *c);
  c->space = s;
  c->path = s->path;
  c->nslots = s->max_slots > 0 ? s->max_slots : 1;
  c->slots = hls_xcalloc((size_t)c->nslots, sizeof *c->slots);
  c->d = d;
}

void dspace_ctx_free(evalctx *c) {
  for (size_t i = 0; i < c->cap; i++)
    if (c->lists[i]) {
      free(c->lists[i]->items);
      free(c->lists[i]);
    }
  free(c->lists);
  free(c->slots);
}

/* The budgets of one evaluation (dspace.h): a small file must not buy
 * unbounded time or memory, as `[y+y for y in [[1]]]` nested 60 deep would
 * (2^60 elements).  Every node evaluated is a step; every list made and
 * every element put into a list is an element.  Returns -1 after reporting
 * the limit at the column of node n. */
static int spend(evalctx *c, const node *n, uint64_t steps, uint64_t elements) {
  uint64_t before = c->steps;
  c->steps += steps;
  c->elements += elements;
  if (c->failed)
    return -1;
  /* The clock every 4096 steps: cheap, and an evaluation near the step
   * limit would otherwise overrun the search's deadline by a second. */
  if ((before >> 12) != (c->steps >> 12) && hls_deadline_passed(c->space->deadline)) {
    c->timed_out = c->failed = 1;
    return -1;
  }
  if (c->steps > HLS_DSPACE_MAX_STEPS) {
    dspace_eval_error(c, n->col, "evaluation exceeds the limit of %llu steps (HLS_DSPACE_MAX_STEPS)",
                      (unsigned long long)HLS_DSPACE_MAX_STEPS);
    return -1;
  }
  if (c->elements > HLS_DSPACE_MAX_ELEMENTS) {
    dspace_eval_error(c, n->col,
                      "evaluation exceeds the limit of %llu list elements (HLS_DSPACE_MAX_ELEMENTS)",
                      (unsigned long long)HLS_DSPACE_MAX_ELEMENTS);
    return -1;
  }
  return 0;
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

val dspace_eval_error(evalctx *c, unsigned col, const char *fmt, ...) {
  if (!c->failed) {
    char what[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    /* Cut to 255 bytes: long lists of inputs would bury the message. */
    char inputs[256];
    hls_strbuf b = {0};
    format_inputs(&b, c);
    hls_strbuf_copy(&b, inputs, sizeof inputs);
    hls_strbuf_free(&b);
    dspace_expr_error(c->d, c->path, c->line, c->e, col, "%s%s", what, inputs);
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
      return dspace_eval_error(c, n->col, "integer division by zero");
    ovf = floordiv_ovf(a, b, &r);
    break;
  case OP_MOD:
    if (b == 0)
      return dspace_eval_error(c, n->col, "integer modulo by zero");
    r = py_mod(a, b);
    break;
  default: break; /* DIV, BAND, BOR are handled by the caller */
  }
  if (ovf)
    return dspace_eval_error(c, n->col, "integer overflow in '%s'", dspace_bin_op_text[n->op]);
  return mk_int(r);
}

static val float_arith(evalctx *c, const node *n, double a, double b) {
  switch ((bin_op)n->op) {
  case OP_ADD: return mk_float(a + b);
  case OP_SUB: return mk_float(a - b);
  case OP_MUL: return mk_float(a * b);
  case OP_DIV:
    if (b == 0)
      return dspace_eval_error(c, n->col, "division by zero");
    return mk_float(a / b);
  case OP_FLOORDIV:
  case OP_MOD: {
    if (b == 0)
      return dspace_eval_error(c, n->col, "float modulo or division by zero");
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
    size_t n_out = a.u.l->n + b.u.l->n;
    if (spend(c, n, n_out, n_out + 1) < 0)
      return mk_int(0);
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
  return dspace_eval_error(c, n->col, "unsupported operand types for %s: '%s' and '%s'",
                           dspace_bin_op_text[op], dspace_type_name(a.tag),
                           dspace_type_name(b.tag));
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
    dspace_eval_error(c, col, "'%s' not supported between '%s' and '%s'", dspace_cmp_op_text[op],
                      dspace_type_name(a.tag), dspace_type_name(b.tag));
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
    return dspace_eval_error(c, c->e->nodes[n->kid[1]].col,
                             "can only iterate over a list, not '%s'", dspace_type_name(src.tag));
  if (spend(c, n, 0, 1) < 0)
    return src;
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
    if (c->failed || spend(c, n, 0, 1) < 0)
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
    return dspace_eval_error(c, n->col, "bad operand type for unary %s: '%s'",
                             n->kind == N_NEG ? "-" : "+", dspace_type_name(a.tag));
  if (n->kind == N_POS)
    return mk_int(a.u.i);
  if (a.u.i == INT64_MIN)
    return dspace_eval_error(c, n->col, "integer overflow in unary '-'");
  return mk_int(-a.u.i);
}

static val eval(evalctx *c, int id) {
  const node *n = &c->e->nodes[id];
  if (spend(c, n, 1, 0) < 0)
    return mk_int(0);
  switch (n->kind) {
  case N_INT: return mk_int(n->num);
  case N_BOOL: return mk_bool((int)n->num);
  case N_STR: return mk_str(n->str);
  case N_KNOB: return from_public(c->point[n->num]);
  case N_VAR: return c->slots[n->num];
  case N_LIST: {
    if (spend(c, n, 0, 1) < 0)
      return mk_int(0);
    vlist *l = new_list(c);
    for (int k = n->kid[0]; k >= 0; k = c->e->nodes[k].next) {
      val item = eval(c, k);
      if (c->failed || spend(c, n, 0, 1) < 0)
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
  default: return dspace_eval_error(c, n->col, "internal error: unresolved name");
  }
}

val dspace_eval(evalctx *c) { return eval(c, c->e->root); }
