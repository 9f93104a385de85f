/* Dependences through arrays carried by a loop, from the accesses' affine
 * subscripts (model/analytic_facts.c): a store in one iteration of loop l
 * and a load of the same element `distance` iterations later, as in
 * `x[i] = x[i - 1] + a[i]` (distance 1 in i) or a time step that reads the
 * previous step's row, `s[t][j] = f(s[t - 1][k])` (distance 1 in t).
 *
 * The test is the uniform one (same coefficients on both sides, constant
 * offsets), per subscript:
 *   - a loop outside l: the coefficients must agree (the same outer iteration);
 *   - a loop inside l: the subscript can take many values on both sides, so it
 *     may meet; it constrains nothing, unless l's coefficient is larger than
 *     every inner one (a row-major flattened index, p[t * S + j]): then the
 *     offsets in l's units decide, as below;
 *   - l itself: store a*x + s0 and load a*(x + distance) + l0 meet when
 *     distance = (s0 - l0) / a; with a = 0, only when s0 = l0.
 * Anything the test cannot decide (different coefficients, a subscript that
 * is not affine, accesses through different GEP chains) claims nothing, as
 * before this analysis: the estimate stays as optimistic as it was rather
 * than serialising a loop on a guess.  Only true dependences count
 * (distance >= 1): a load that reads an element before a later iteration
 * overwrites it orders nothing in the hardware the tools build. */
#include <stdlib.h>

#include "model/analytic_impl.h"

/* Whether region r (a loop) is loop l or inside it. */
static int inside(const hls_graph *g, int32_t r, int32_t l) {
  for (; r >= 0 && r < (int32_t)g->nloops; r = g->loops[r].parent)
    if (r == l)
      return 1;
  return 0;
}

/* The largest |coefficient| of loops inside the one at `depth`, 0 if none. */
static int64_t inner_terms(const hls_afact_index *x, uint32_t depth) {
  int64_t most = 0;
  for (uint32_t d = depth; d < HLS_AFF_DEPTHS; d++)
    most = llabs(x->coef[d]) > most ? llabs(x->coef[d]) : most;
  return most;
}

/* The distance of the dependence carried by the loop at `depth` from store
 * st to load ld, 0 when there is none or the test cannot tell. */
static int64_t distance(const hls_analytic *a, const hls_afact_inst *st, const hls_afact_inst *ld,
                        uint32_t depth, int *still) {
  *still = 0;
  if (st->index_end - st->index_begin != ld->index_end - ld->index_begin)
    return 0;
  int64_t dist = 0;
  int moved = 0; /* does l's induction variable move any subscript? */
  for (uint32_t k = 0; k < st->index_end - st->index_begin; k++) {
    const hls_afact_index *s = &a->indices[st->index_begin + k], *l = &a->indices[ld->index_begin + k];
    for (uint32_t d = 0; d + 1 < depth; d++)
      if (s->coef[d] != l->coef[d])
        return 0;
    int64_t c = s->coef[depth - 1], diff = s->k - l->k;
    int64_t inner_s = inner_terms(s, depth), inner_l = inner_terms(l, depth);
    int64_t inner = inner_s > inner_l ? inner_s : inner_l;
    moved |= c != 0 || l->coef[depth - 1] != 0;
    if (inner && (c == 0 || llabs(c) <= inner))
      continue; /* the inner loops move it as much as l does: it may meet anywhere */
    if (c != l->coef[depth - 1])
      return 0;
    if (c == 0) {
      if (diff != 0)
        return 0; /* different elements on every iteration */
      continue;
    }
    if (diff % c != 0 || (dist && dist != diff / c))
      return 0;
    dist = diff / c;
  }
  *still = !moved;
  return dist;
}

/* The latency of the recurrence from load ld to store st in one body (load,
 * the path, the store), -1 when the store does not depend on the load. */
static double body_latency(hls_analytic *a, uint32_t ld, uint32_t st) {
  const hls_afact_region *rg = &a->region[a->inst[ld].region];
  hls_afact_path_from(a, rg, ld, a->start);
  return !hls_afact_reached(a->start[st]) ? -1 : a->start[st] + hls_op_costs[HLS_OPC_store].latency;
}

/* Is the value store st writes computed from a load (in its body) of an
 * array that loop l's nest writes?  Then a dependence into it may close a
 * cycle through the nest; a store of outside data (shift[0] = x[n]) closes
 * none. */
static int stores_nest_data(hls_analytic *a, uint32_t st, const uint32_t *acc, size_t n) {
  const hls_afact_region *rg = &a->region[a->inst[st].region];
  for (uint32_t j = rg->inst_begin; j < rg->inst_end; j++) {
    uint32_t ld = a->region_inst[j];
    if (a->inst[ld].cls != HLS_OPC_load || ld > st)
      continue;
    int written = 0;
    for (size_t x = 0; x < n && !written; x++)
      written = a->inst[acc[x]].cls == HLS_OPC_store && a->inst[acc[x]].object == a->inst[ld].object;
    if (written && body_latency(a, ld, st) >= 0)
      return 1;
  }
  return 0;
}

/* The distance when loop l moves neither access (`still`), made in
 * different bodies inside it, the load first, the stored value computed from
 * the nest's own data: each iteration reads what the previous one wrote last
 * (a time loop over whole rows, B[i] = f(A[i - 1..i + 1]) then
 * A[i] = f(B[...]) in two inner loops): 1.  A store before the load is read
 * in its own iteration (sum[p] = ... then out = sum[p]); in one body, the
 * pair is the body's own recurrence (find_recurrences). */
static int64_t still_distance(hls_analytic *a, uint32_t st, uint32_t ld, const uint32_t *acc,
                              size_t n) {
  if (a->inst[st].region == a->inst[ld].region || st < ld)
    return 0;
  return stores_nest_data(a, st, acc, n);
}

/* The accesses of the arrays that loop l's nest both reads and writes. */
static size_t nest_accesses(const hls_analytic *a, int32_t l, uint32_t *out) {
  size_t n = 0;
  for (size_t i = 0; i < a->ninst; i++) {
    const hls_afact_inst *in = &a->inst[i];
    if ((in->cls == HLS_OPC_load || in->cls == HLS_OPC_store) && in->affine && in->object >= 0 &&
        inside(a->g, in->region, l))
      out[n++] = (uint32_t)i;
  }
  return n;
}

static void add_dep(hls_analytic *a, size_t *cap, size_t *count, hls_afact_dep dep) {
  if (*count == *cap) {
    *cap = *cap ? 2 * *cap : 32;
    a->deps = hls_xrealloc(a->deps, *cap * sizeof *a->deps);
  }
  a->deps[(*count)++] = dep;
}

void hls_afact_find_deps(hls_analytic *a) {
  const hls_graph *g = a->g;
  size_t cap = 0, count = 0;
  uint32_t *acc = hls_xmalloc((a->ninst + 1) * sizeof *acc);
  a->dep_begin = hls_xcalloc(g->nloops + 1, sizeof *a->dep_begin);
  for (size_t l = 0; l < g->nloops; l++) {
    a->dep_begin[l] = (uint32_t)count;
    uint32_t depth = g->loops[l].depth;
    int64_t trip = g->loops[l].trip_count;
    if (depth < 1 || depth > HLS_AFF_DEPTHS)
      continue;
    size_t n = nest_accesses(a, (int32_t)l, acc);
    for (size_t x = 0; x < n; x++) {
      const hls_afact_inst *st = &a->inst[acc[x]];
      if (st->cls != HLS_OPC_store)
        continue;
      for (size_t y = 0; y < n; y++) {
        const hls_afact_inst *ld = &a->inst[acc[y]];
        if (ld->cls != HLS_OPC_load || ld->object != st->object)
          continue;
        int still;
        int64_t dist = distance(a, st, ld, depth, &still);
        if (dist == 0 && still)
          dist = still_distance(a, acc[x], acc[y], acc, n);
        if (dist < 1 || (trip > 0 && dist >= trip))
          continue;
        int own = st->region == (int32_t)l && ld->region == (int32_t)l;
        double lat = st->region == ld->region ? body_latency(a, acc[y], acc[x]) : -1;
        if (st->region == ld->region && lat < 0)
          continue; /* no cycle: the store's value does not come from the load */
        add_dep(a, &cap, &count, (hls_afact_dep){(int32_t)dist, (uint8_t)own, lat});
      }
    }
  }
  a->dep_begin[g->nloops] = (uint32_t)count;
  free(acc);
}
