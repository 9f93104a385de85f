/* A lower bound on a kernel's cycles under a design point (docs/analytic.md,
 * "Lower bound").  The estimate of model/analytic.c is a guess that may be
 * too low or too high; this is a floor that the flows cannot beat, so that
 * a prediction below it (model/physical.c) is known to be wrong.
 *
 * It counts only what the hardware must do one after another, under
 * assumptions chosen to hold for every schedule the flows make:
 *   - a hardware loop iteration takes at least one cycle (a pipeline starts
 *     at most one iteration per cycle, II >= 1);
 *   - a loop of trip count T with parallel factor u and tile factor t runs at
 *     least ceil(T / (u * t)) hardware iterations: tiling is counted as
 *     parallelism the flow may add (Merlin may unroll the tile's inner loop);
 *   - what a pipeline contains is fully unrolled (flatten, a Vitis pipeline
 *     on an outer loop, an innermost pipelined loop's callees): it adds
 *     nothing;
 *   - the inner loops of a coarse-grained pipeline overlap as stages: an
 *     iteration takes at least the slowest stage, not their sum;
 *   - unrolled copies run in parallel: a copy's bound, not their sum;
 *   - only loops whose trip count is exact and calls that no branch bypasses
 *     (analytic_facts.c, find_every) are counted; a loop of unknown or
 *     bounded trip count may run no iteration at all.
 * Nothing here reads operation latencies, recurrences or ports: those are
 * where the estimate's guesses are, and tools break recurrences (partial
 * sums, re-association) and ports (partitioning, register promotion) in ways
 * the graph does not show. */
#include <math.h>

#include "model/analytic_impl.h"

/* Vitis pipelines loops on its own (syn.compile.pipeline_loops, default 64,
 * UG1399; the Merlin flow's Vitis 2021.1 backend too): a loop nest of at
 * most this many iterations in all is fully unrolled and its parent
 * pipelined, whatever the loop's own pragma says (HLSyn's gemm-blocked, every
 * pipeline "off": 8 x 8 x 64 iterations around a nest of 8 x 8 take 5,298
 * cycles in all, where a cycle per inner iteration would be 262,144).  An
 * outermost loop of the kernel has no parent to
 * pipeline: UG1399 has it pipelined "regardless of its tripcount". */
#define AUTO_UNROLL_ITERATIONS 64.0

static double function_bound(hls_analytic *a, int32_t f);

/* The calls of a region that run every time it does: summed, or their
 * maximum when `overlap`. */
static double calls_bound(hls_analytic *a, int32_t region, int overlap) {
  const hls_afact_region *rg = &a->region[region];
  double b = 0;
  for (uint32_t j = rg->inst_begin; j < rg->inst_end; j++) {
    const hls_afact_inst *in = &a->inst[a->region_inst[j]];
    if (in->callee < 0 || !in->every)
      continue;
    double x = function_bound(a, in->callee);
    b = overlap ? (x > b ? x : b) : b + x;
  }
  return b;
}

/* Hardware iterations of loop l: ceil(trip / (parallel x tile factor));
 * 0 when the trip count is not exact. */
static double iterations_of(const hls_analytic *a, int32_t l) {
  const hls_graph_loop *gl = &a->g->loops[l];
  const hls_loop_setting *s = &a->settings[l];
  if (!gl->trip_known || gl->trip_count <= 0)
    return 0;
  double trip = (double)gl->trip_count;
  double u = (double)(s->unroll > 1 ? s->unroll : 1) * (double)(s->tile > 1 ? s->tile : 1);
  return ceil(trip / (u < trip ? u : trip));
}

/* Iterations of loop l's nest in all (its own times its inner loops'), or
 * HUGE_VAL when some trip count is not exact: such a nest is not unrolled
 * fully. */
static double nest_iterations(const hls_analytic *a, int32_t l) {
  double it = iterations_of(a, l), inner = 0;
  if (it <= 0)
    return HUGE_VAL;
  for (uint32_t c = a->child_begin[l]; c < a->child_begin[l + 1]; c++)
    inner += nest_iterations(a, (int32_t)a->children[c]);
  return it * (inner > 1 ? inner : 1);
}

static double loop_bound(hls_analytic *a, int32_t l) {
  const hls_loop_setting *s = &a->settings[l];
  double iterations = iterations_of(a, l);
  if (iterations <= 0)
    return 0; /* a bound, not a count: the loop may run no iteration */
  /* The flow may unroll a small nest fully into a pipelined parent: one
   * inside another loop, or in a function that may be called inside one
   * (the kernel's own outermost loops have no parent to pipeline). */
  const hls_graph_loop *gl = &a->g->loops[l];
  if ((gl->parent >= 0 || a->called[gl->function]) &&
      nest_iterations(a, l) <= AUTO_UNROLL_ITERATIONS)
    return 0;
  int innermost = a->child_begin[l] == a->child_begin[l + 1];
  double body = 0;
  if (s->pipe == HLS_PIPE_FG || (innermost && s->pipe != HLS_PIPE_OFF)) {
    body = 0; /* pipelined: what it contains is unrolled into one iteration */
  } else {
    int overlap = s->pipe == HLS_PIPE_CG; /* coarse-grained: the inner loops are stages */
    body = calls_bound(a, l, overlap);
    for (uint32_t c = a->child_begin[l]; c < a->child_begin[l + 1]; c++) {
      int32_t k = (int32_t)a->children[c];
      if (!a->loop_every[k])
        continue;
      double x = loop_bound(a, k);
      body = overlap ? (x > body ? x : body) : body + x;
    }
  }
  /* One hardware iteration: the loop may vanish into its parent (a trip
   * count of 1, or unrolled fully), leaving only its body. */
  return iterations > 1 ? iterations * (body > 1 ? body : 1) : body;
}

/* A function: what runs every time outside its loops, then its outermost
 * loops in sequence. */
static double function_bound(hls_analytic *a, int32_t f) {
  if (a->on_stack[f]) /* recursion: HLS rejects it */
    return 0;
  a->on_stack[f] = 1;
  double b = calls_bound(a, (int32_t)a->g->nloops + f, 0);
  for (uint32_t t = a->top_begin[f]; t < a->top_begin[f + 1]; t++)
    if (a->loop_every[a->tops[t]])
      b += loop_bound(a, (int32_t)a->tops[t]);
  a->on_stack[f] = 0;
  return b;
}

double hls_analytic_lower_bound(hls_analytic *a, const hls_loop_setting *settings) {
  const hls_graph *g = a->g;
  a->settings = settings;
  double b = 0;
  /* The kernel and what it calls, as hls_analytic_estimate reads it. */
  for (size_t f = 0; f < g->nfunctions; f++)
    if (g->kernel[0] ? f == 0 : !a->called[f])
      b += function_bound(a, (int32_t)f);
  return b > 1 ? b : 1;
}
