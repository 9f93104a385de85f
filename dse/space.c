#include "dse/space.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/strbuf.h"

static int is_pow2(int64_t v) { return v > 0 && (v & (v - 1)) == 0; }

#define MAX_FACTORS 16

/* Sorts, adds `extra` (a value as written, when not listed) and drops duplicates. */
static size_t tidy_factors(int64_t *v, size_t n, int64_t extra) {
  if (extra > 0)
    v[n++] = extra;
  for (size_t i = 1; i < n; i++)
    for (size_t j = i; j > 0 && v[j] < v[j - 1]; j--) {
      int64_t tmp = v[j];
      v[j] = v[j - 1];
      v[j - 1] = tmp;
    }
  size_t u = 0;
  for (size_t i = 0; i < n; i++)
    if (!u || v[i] != v[u - 1])
      v[u++] = v[i];
  return u;
}

/* The factor lists of a loop whose trip count is unknown: 1..32. */
static size_t unknown_trip_factors(int64_t *out) {
  size_t n = 0;
  for (int64_t f = 1; f <= 32; f *= 2)
    out[n++] = f;
  return n;
}

/* Appends the powers of two below t while fewer than `cap` values are listed. */
static size_t add_powers_below(int64_t t, int64_t *out, size_t n, size_t cap) {
  for (int64_t f = 1; f < t && n < cap; f *= 2)
    out[n++] = f;
  return n;
}

/* Appends at most `most` of the largest divisors of t that are not powers of
 * two (from t/2 down), while fewer than `cap` values are listed. */
static size_t add_large_divisors(int64_t t, int64_t *out, size_t n, size_t most, size_t cap) {
  for (int64_t dv = t / 2; dv >= 3 && most && n < cap; dv--)
    if (t % dv == 0 && !is_pow2(dv))
      out[n++] = dv, most--;
  return n;
}

/* Parallel factors for trip count t: 1, the powers of two below t, the four
 * largest other divisors of t, and t itself (full unroll).  Unknown t: 1..32.
 * (Unsorted: put_knob sorts every list.) */
static size_t parallel_factors(int64_t t, int64_t *out) {
  if (t <= 0)
    return unknown_trip_factors(out);
  size_t n = add_powers_below(t, out, 0, 11);
  n = add_large_divisors(t, out, n, 4, MAX_FACTORS);
  out[n++] = t;
  return n;
}

/* Unroll factors of a Vitis loop, as the HLSyn-Vitis spaces have them: the
 * divisors of t and the powers of two below it, t itself (full unroll) when
 * the loop is small; at most MAX_FACTORS, the powers of two first, then the
 * largest other divisors.  Unknown t: 1..32. */
#define FULL_UNROLL_MAX 128
static size_t unroll_factors(int64_t t, int64_t *out) {
  if (t <= 0)
    return unknown_trip_factors(out);
  size_t n = add_powers_below(t, out, 0, MAX_FACTORS - 1);
  if (t <= FULL_UNROLL_MAX)
    out[n++] = t;
  return add_large_divisors(t, out, n, MAX_FACTORS, MAX_FACTORS);
}

/* Parallel or unroll factors of a loop whose trip count is only a bound
 * (`loop_tripcount`, `for (i = 0; i < n; i++)`): 1 and the powers of two
 * below it.  Such a loop cannot be unrolled fully (UG1399, pragma HLS
 * unroll: a variable bound leaves a partial unroll with exit checks), and
 * the divisors of a bound say nothing about the iterations that run. */
static size_t bounded_trip_factors(int64_t t, int64_t *out) {
  size_t n = add_powers_below(t, out, 0, MAX_FACTORS);
  if (n == 0) /* a bound of 1: nothing to unroll */
    out[n++] = 1;
  return n;
}

/* Tile factors: 1, 2, 4, 8 below t, and t. */
static size_t tile_factors(int64_t t, int64_t *out) {
  size_t n = 0;
  for (int64_t f = 1; f <= 8 && (t <= 0 || f < t); f *= 2)
    out[n++] = f;
  if (t > 0)
    out[n++] = t;
  return n;
}

static void put_list(hls_strbuf *b, const int64_t *v, size_t n) {
  hls_strbuf_printf(b, "[");
  for (size_t i = 0; i < n; i++)
    hls_strbuf_printf(b, i ? ",%lld" : "%lld", (long long)v[i]);
  hls_strbuf_printf(b, "]");
}

/* Appends one condition of a comprehension's filter. */
static void put_condition(hls_strbuf *b, int *nconds, const char *fmt, const char *a,
                          const char *c) {
  hls_strbuf_printf(b, *nconds ? " and " : " if ");
  hls_strbuf_printf(b, fmt, a, c);
  ++*nconds;
}

/* For every pipeline knob of an enclosing loop: `keep` (the knob's default)
 * unless that loop is not pipelined fine-grained (a fine-grained pipelined
 * loop unrolls everything inside it). */
static void put_ancestor_rule(hls_strbuf *b, int *nconds, const hls_graph *g, int32_t loop,
                              const char *keep) {
  for (int32_t p = g->loops[loop].parent; p >= 0; p = g->loops[p].parent) {
    const hls_graph_slot *a = &g->loops[p].pipeline;
    if (!a->present || !a->knob[0])
      continue;
    if (a->vocab == HLS_DIALECT_MERLIN)
      put_condition(b, nconds, "(%s or %s!='flatten')", keep, a->knob);
    else {
      hls_strbuf_printf(b, *nconds ? " and " : " if ");
      hls_strbuf_printf(b, "(%s or %s=='NA' or %s=='off')", keep, a->knob, a->knob);
      ++*nconds;
    }
  }
}

/* AutoDSE's rule for the knobs hlsmoe derives: nothing to choose inside a
 * fully unrolled loop either. */
static void put_unrolled_ancestor_rule(hls_strbuf *b, int *nconds, const hls_graph *g,
                                       int32_t loop, const char *keep) {
  for (int32_t p = g->loops[loop].parent; p >= 0; p = g->loops[p].parent) {
    const hls_graph_slot *a = &g->loops[p].parallel;
    if (a->present && a->knob[0] && g->loops[p].trip_count > 0) {
      char bound[32];
      snprintf(bound, sizeof bound, "%lld", (long long)g->loops[p].trip_count);
      hls_strbuf_printf(b, *nconds ? " and " : " if ");
      hls_strbuf_printf(b, "(%s or %s!=%s)", keep, a->knob, bound);
      ++*nconds;
    }
  }
}

/* The Vitis options beyond NA, pipeline and off: an II as written, and the
 * IIs the user asks for (-hls-pipeline-ii). */
static void put_vitis_iis(hls_strbuf *b, const char *written, const hls_space_options *o) {
  int listed = strcmp(written, "NA") == 0 || strcmp(written, "   ") == 0 || strcmp(written, "off") == 0;
  if (!listed)
    hls_strbuf_printf(b, ",'%s'", written); /* II=N as written */
  for (size_t i = 0; o && i < o->npipeline_ii; i++) {
    char v[32];
    snprintf(v, sizeof v, "II=%u", o->pipeline_ii[i]);
    if (o->pipeline_ii[i] > 1 && strcmp(v, written) != 0)
      hls_strbuf_printf(b, ",'%s'", v);
  }
}

/* The factors a knob lists (unsorted, before tidy_factors): tile, Merlin
 * parallel or Vitis unroll factors of its loop's trip count. */
static size_t knob_factors(const hls_graph *g, const hls_graph_knob *k, int64_t *f) {
  int64_t t = g->loops[k->loop].trip_count;
  if (k->kind != HLS_KNOB_PARALLEL)
    return tile_factors(t, f);
  if (t > 0 && !g->loops[k->loop].trip_known)
    return bounded_trip_factors(t, f);
  return k->vocab == HLS_DIALECT_MERLIN ? parallel_factors(t, f) : unroll_factors(t, f);
}

/* Can the parallel knob named `name` fully unroll its loop (take the trip count)? */
static int knob_can_unroll_fully(const hls_graph *g, const char *name, int64_t t) {
  int i = hls_graph_knob_index(g, name);
  if (i < 0 || t <= 0)
    return 0;
  const hls_graph_knob *k = &g->knobs[i];
  int64_t f[MAX_FACTORS + 1];
  size_t n = knob_factors(g, k, f);
  if (k->derived && strtoll(k->written, NULL, 10) == t)
    return 1; /* the value as written is always an option */
  for (size_t j = 0; j < n; j++)
    if (f[j] == t)
      return 1;
  return 0;
}

/* Vitis: a fully unrolled loop has no iterations left to pipeline, so a
 * pipeline pragma on it is redundant: such a design would only repeat the
 * one without it.  The loop's own pipeline knob then takes no pragma ("NA"),
 * or its value as written, which must stay in the space (the design as
 * written is a point of it).  The condition names the loop's parallel knob,
 * so that knob comes first in the assignment order (dse/dspace.h). */
static void put_unrolled_self_rule(hls_strbuf *b, int *nconds, const hls_graph *g, int32_t loop,
                                   const char *keep) {
  const hls_graph_loop *l = &g->loops[loop];
  const hls_graph_slot *u = &l->parallel;
  if (!u->present)
    return;
  if (u->knob[0] && knob_can_unroll_fully(g, u->knob, l->trip_count)) {
    char cond[HLS_KNOB_MAX + 48];
    snprintf(cond, sizeof cond, "%s!=%lld", u->knob, (long long)l->trip_count);
    put_condition(b, nconds, "(%s or x=='NA' or %s)", keep, cond);
  } else if (!u->knob[0] && (u->factor == 0 || (l->trip_count > 0 && u->factor == l->trip_count)))
    put_condition(b, nconds, "(%s or %s)", keep, "x=='NA'"); /* a literal full unroll */
}

/* Does a loop inside `loop` have a trip count the compiler cannot prove (a
 * data-dependent bound, `for (k = begin[n]; k < end[n]; k++)`)? */
static int has_variable_inner(const hls_graph *g, int32_t loop) {
  for (size_t i = 0; i < g->nloops; i++)
    for (int32_t p = g->loops[i].parent; p >= 0; p = g->loops[p].parent)
      if (p == loop && !g->loops[i].trip_known)
        return 1;
  return 0;
}

/* A fine-grained pipeline (Vitis `pipeline` on a loop with inner loops,
 * Merlin `flatten`) unrolls the inner loops fully, which a loop of variable
 * bound cannot be: the tool leaves such a loop unpipelined (UG1399, pragma HLS
 * pipeline).  A derived knob offers it only as written. */
static void put_variable_inner_rule(hls_strbuf *b, int *nconds, const hls_graph *g, int32_t loop,
                                    int vitis, const char *keep) {
  if (has_variable_inner(g, loop))
    put_condition(b, nconds, "(%s or %s)", keep, vitis ? "x=='NA' or x=='off'" : "x!='flatten'");
}

static void put_pipeline_knob(hls_strbuf *b, const hls_graph *g, const hls_graph_knob *k,
                              const hls_space_options *o) {
  int nconds = 0, vitis = k->vocab != HLS_DIALECT_MERLIN;
  const char *deflt = k->derived ? k->written : vitis ? "NA" : "off";
  char keep[48];
  snprintf(keep, sizeof keep, "x=='%s'", deflt);
  hls_strbuf_printf(b, "\"default\": \"%s\", \"ds_type\": \"PIPELINE\", \"options\": \"[x for x in ",
                    deflt);
  if (!vitis) {
    hls_strbuf_printf(b, "['off','','flatten']");
  } else {
    hls_strbuf_printf(b, "['NA','   ','off'");
    put_vitis_iis(b, deflt, o);
    hls_strbuf_printf(b, "]");
  }
  put_ancestor_rule(b, &nconds, g, k->loop, keep);
  if (k->derived)
    put_unrolled_ancestor_rule(b, &nconds, g, k->loop, keep);
  if (k->derived && vitis)
    put_unrolled_self_rule(b, &nconds, g, k->loop, keep);
  if (k->derived)
    put_variable_inner_rule(b, &nconds, g, k->loop, vitis, keep);
  hls_strbuf_printf(b, "]\", \"order\": \"%s\"}",
                    vitis ? "0 if x=='NA' or x=='off' else 1" : "0 if x!='flatten' else 1");
}

/* "off" matters only where the tool would flatten the nest: the loop is
 * pipelined (not `pipeline off`) and not unrolled away, and its parent is
 * not unrolled (a pipelined parent unrolls it: the ancestor rule).  Elsewhere
 * the knob keeps its value as written.  The conditions name the loops'
 * other knobs, which the assignment order puts first (dse/dspace.h). */
static void put_flatten_rules(hls_strbuf *b, int *nconds, const hls_graph *g, int32_t loop,
                              const char *keep) {
  const hls_graph_loop *l = &g->loops[loop], *p = &g->loops[l->parent];
  char cond[HLS_KNOB_MAX + 48];
  if (l->pipeline.present && l->pipeline.knob[0]) {
    snprintf(cond, sizeof cond, "%s!='off'", l->pipeline.knob);
    put_condition(b, nconds, "(%s or %s)", keep, cond);
  } else if (l->pipeline.present && l->pipeline.pipe == HLS_PIPE_OFF)
    put_condition(b, nconds, "%s%s", keep, "");
  if (l->parallel.present && l->parallel.knob[0] && knob_can_unroll_fully(g, l->parallel.knob, l->trip_count)) {
    snprintf(cond, sizeof cond, "%s!=%lld", l->parallel.knob, (long long)l->trip_count);
    put_condition(b, nconds, "(%s or %s)", keep, cond);
  }
  if (p->parallel.present && p->parallel.knob[0]) {
    snprintf(cond, sizeof cond, "%s==1", p->parallel.knob);
    put_condition(b, nconds, "(%s or %s)", keep, cond);
  } else if (p->parallel.present && p->parallel.factor != 1)
    put_condition(b, nconds, "%s%s", keep, "");
}

static void put_flatten_knob(hls_strbuf *b, const hls_graph *g, const hls_graph_knob *k) {
  int nconds = 0;
  char keep[32];
  snprintf(keep, sizeof keep, "x=='%s'", k->written);
  hls_strbuf_printf(b, "\"default\": \"%s\", \"ds_type\": \"FLATTEN\", \"options\": "
                       "\"[x for x in ['NA','off']",
                    k->written);
  put_ancestor_rule(b, &nconds, g, k->loop, keep);
  put_unrolled_ancestor_rule(b, &nconds, g, k->loop, keep);
  put_flatten_rules(b, &nconds, g, k->loop, keep);
  hls_strbuf_printf(b, "]\", \"order\": \"0 if x=='NA' else 1\"}");
}

static void put_knob(hls_strbuf *b, const hls_graph *g, const hls_graph_knob *k,
                     const hls_space_options *o) {
  const hls_graph_loop *l = &g->loops[k->loop];
  int64_t t = l->trip_count, f[MAX_FACTORS + 1];
  int nconds = 0;
  hls_strbuf_printf(b, "\"%s\": {", k->name);
  if (k->kind == HLS_KNOB_PIPELINE) {
    put_pipeline_knob(b, g, k, o);
    return;
  }
  if (k->kind == HLS_KNOB_FLATTEN) {
    put_flatten_knob(b, g, k);
    return;
  }
  if (k->kind == HLS_KNOB_II) { /* II=auto{K}: the IIs worth asking for */
    hls_strbuf_printf(b, "\"default\": 1, \"ds_type\": \"II\", \"options\": \"[1,2,4,8]\", "
                         "\"order\": \"0\"}");
    return;
  }
  int parallel = k->kind == HLS_KNOB_PARALLEL;
  int64_t deflt = k->derived ? strtoll(k->written, NULL, 10) : 1;
  size_t n = tidy_factors(f, knob_factors(g, k, f), k->derived ? deflt : 0);
  char keep[40];
  snprintf(keep, sizeof keep, "x==%lld", (long long)deflt);
  hls_strbuf_printf(b, "\"default\": %lld, \"ds_type\": \"%s\", \"options\": \"[x for x in ",
                    (long long)deflt, parallel ? "PARALLEL" : "TILING");
  put_list(b, f, n);
  if (parallel && l->tile.present && l->tile.knob[0] && t > 0) {
    char bound[32];
    snprintf(bound, sizeof bound, "%lld", (long long)t);
    put_condition(b, &nconds, "x*%s<=%s", l->tile.knob, bound);
  }
  put_ancestor_rule(b, &nconds, g, k->loop, keep);
  if (k->derived)
    put_unrolled_ancestor_rule(b, &nconds, g, k->loop, keep);
  hls_strbuf_printf(b, "]\", \"order\": \"0 if x&(x-1)==0 else 1\"}");
}

char *hls_space_derive_text(const hls_graph *g, const hls_space_options *o) {
  hls_strbuf b = {0};
  hls_strbuf_printf(&b, "{\"design-space.definition\": {");
  for (size_t k = 0; k < g->nknobs; k++) {
    if (k)
      hls_strbuf_printf(&b, ", ");
    put_knob(&b, g, &g->knobs[k], o);
  }
  hls_strbuf_printf(&b, "}}\n");
  return b.text;
}

hls_dspace *hls_space_derive(const hls_graph *g, const hls_space_options *o, hls_diags *d) {
  char *text = hls_space_derive_text(g, o);
  hls_dspace *s = hls_dspace_parse("<derived design space>", text, strlen(text), d);
  free(text);
  return s;
}
