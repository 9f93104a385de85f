/* A knob's options and order ranks: evaluates its expressions under a point
 * and checks what they give (a list of values of the knob's type, an integer
 * rank), so that everything downstream handles public values only. */
#include "dse/dspace_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Evaluates `e` of knob k under `point`; x (may be NULL) is slot 0. */
static int eval_top(evalctx *c, const knob_info *k, const expr *e, const hls_dspace_value *point,
                    const val *x, val *out) {
  c->e = e;
  c->line = k->line;
  c->point = point;
  c->used = 0;
  c->failed = 0;
  c->steps = c->elements = 0;
  c->timed_out = 0;
  c->has_x = x != NULL;
  c->deps = x ? NULL : k->deps; /* an order expression reads only x */
  c->ndeps = x ? 0 : k->ndeps;
  if (x)
    c->slots[0] = *x;
  *out = dspace_eval(c);
  return c->timed_out ? HLS_DSPACE_TIMEOUT : c->failed ? -1 : 0;
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
    dspace_eval_error(c, 1, "expected a list, got '%s'", dspace_type_name(r.tag));
    return -1;
  }
  int want_string = k->type == HLS_DS_PIPELINE || k->type == HLS_DS_FLATTEN;
  for (size_t i = 0; i < r.u.l->n; i++) {
    val v = r.u.l->items[i];
    if (v.tag != (want_string ? V_STR : V_INT)) {
      char shown[128]; /* a long string option is cut: the type is the news */
      hls_strbuf b = {0};
      dspace_format_val(&b, v);
      hls_strbuf_copy(&b, shown, sizeof shown);
      hls_strbuf_free(&b);
      dspace_eval_error(c, 1, "option %s ('%s') has the wrong type for a %s knob (expected %s)",
                        shown, dspace_type_name(v.tag), hls_dspace_type_name(k->type),
                        want_string ? "str" : "int");
      return -1;
    }
    hls_dspace_value pv;
    memset(&pv, 0, sizeof pv);
    pv.is_string = want_string;
    if (want_string)
      pv.string = v.u.s;
    else
      pv.integer = v.u.i;
    dspace_valbuf_push(out, pv);
  }
  return 0;
}

const hls_dspace_value *dspace_options_of(evalctx *c, const hls_dspace *s, size_t ki,
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
    dspace_eval_error(c, 1, "expected an integer, got '%s'", dspace_type_name(r.tag));
    return -1;
  }
  *out = r.u.i;
  return 0;
}

/* Knobs whose options depend on nothing are evaluated now: their lists are
 * reused by every walk, and type errors surface at load time.  Their order
 * expression is checked on every option too. */
int dspace_precompute(hls_dspace *s, hls_diags *d) {
  evalctx c;
  dspace_ctx_init(&c, s, d);
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
  dspace_ctx_free(&c);
  return rc;
}

int hls_dspace_order(const hls_dspace *s, size_t knob, hls_dspace_value x, int64_t *out,
                     hls_diags *d) {
  evalctx c;
  dspace_ctx_init(&c, s, d);
  int rc = eval_order(&c, &s->knobs[knob], x, out);
  dspace_ctx_free(&c);
  return rc < 0 && c.timed_out ? HLS_DSPACE_TIMEOUT : rc;
}

int hls_dspace_options(const hls_dspace *s, size_t knob, const hls_dspace_value *point,
                       hls_dspace_value **out, size_t *count, hls_diags *d) {
  evalctx c;
  valbuf scratch = {NULL, 0, 0};
  size_t n = 0;
  dspace_ctx_init(&c, s, d);
  const hls_dspace_value *v = dspace_options_of(&c, s, knob, point, &scratch, &n);
  dspace_ctx_free(&c);
  *out = NULL;
  *count = 0;
  if (v) {
    *out = hls_xmalloc((n ? n : 1) * sizeof **out);
    if (n)
      memcpy(*out, v, n * sizeof **out);
    *count = n;
  }
  free(scratch.v);
  return v ? 0 : c.timed_out ? HLS_DSPACE_TIMEOUT : -1;
}
