/* The analytic estimator's schedule: loops, pipelines and calls composed
 * into cycles and resources for one design point (docs/analytic.md).  The
 * per-graph facts come from model/analytic_facts.c. */
#include "model/analytic.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "graph/encode.h"
#include "model/analytic_impl.h"

/* Array partitioning: an access that an unrolled loop's induction variable
 * moves is spread over that many banks at most (the flow partitions arrays
 * cyclically by the unroll factor, as Merlin does; beyond this the tool
 * stops partitioning).  Each bank has two ports.  An array behind a pointer
 * argument is one bank unless the flow partitions those too (flows.def). */
#define MAX_BANKS 16.0
#define PORTS_PER_BANK 2.0
/* What every kernel has: control, the AXI-lite interface; per loop its
 * counter and state. */
#define BASE_LUT 2000.0
#define BASE_FF 2500.0
#define LOOP_LUT 40.0
#define LOOP_FF 40.0
/* Block RAM: 18 Kb blocks; arrays of fewer elements go to registers or LUT RAM. */
#define BRAM_BITS 18432.0
#define BRAM_MIN_ELEMENTS 64.0
#define ELEMENT_BITS 32.0

const char *hls_sched_name(hls_sched s) {
  static const char *const names[] = {"sequential", "pipelined", "flattened",
                                      "stages",     "unrolled",  "merged"};
  return s <= HLS_SCHED_MERGED ? names[s] : "?";
}

const char *hls_ii_limit_name(hls_ii_limit l) {
  static const char *const names[] = {"none", "recurrence", "memory", "given"};
  return l <= HLS_II_GIVEN ? names[l] : "?";
}

/* ---- settings ------------------------------------------------------------------ */

static int64_t trip_of(const hls_graph_loop *l) { return l->trip_count > 0 ? l->trip_count : 1; }

/* A slot's factor: the knob's value or the literal; 0 (full unroll) is the trip count. */
static int64_t factor_of(const hls_graph *g, const hls_graph_loop *l, const hls_graph_slot *s,
                         const hls_value *point) {
  if (!s->present)
    return 1;
  int64_t f = s->knob[0] ? point[hls_graph_knob_index(g, s->knob)].integer : s->factor;
  return f > 0 ? f : trip_of(l);
}

/* A tile slot's factor; 0 means no tiling (graph/schema.def). */
static int64_t tile_of(const hls_graph *g, const hls_graph_slot *s, const hls_value *point) {
  if (!s->present)
    return 1;
  int64_t f = s->knob[0] ? point[hls_graph_knob_index(g, s->knob)].integer : s->factor;
  return f > 0 ? f : 1;
}

void hls_analytic_settings(const hls_graph *g, const hls_value *point, hls_loop_setting *out) {
  for (size_t i = 0; i < g->nloops; i++) {
    const hls_graph_loop *l = &g->loops[i];
    hls_loop_setting *s = &out[i];
    memset(s, 0, sizeof *s);
    hls_loop_pipeline(g, l, point, &s->pipe, &s->ii);
    s->unroll = factor_of(g, l, &l->parallel, point);
    s->tile = tile_of(g, &l->tile, point);
    s->reduction = l->parallel.present && l->parallel.reduction;
    s->flatten_off = hls_loop_flatten_off(g, l, point);
  }
}

/* The encoder writes log2(factor) / scale: exact for integer factors once rounded. */
static int64_t decode_log2(float column, int feature) {
  return (int64_t)llround(exp2((double)column * hls_pragma_feature_scale(feature)));
}

void hls_analytic_settings_encoded(const hls_graph *g, const float *pragma, hls_loop_setting *out) {
  for (size_t i = 0; i < g->nloops; i++) {
    const hls_graph_loop *l = &g->loops[i];
    hls_loop_setting *s = &out[i];
    memset(s, 0, sizeof *s);
    s->unroll = s->tile = 1;
    if (l->scope < 0)
      continue;
    const float *row = pragma + (size_t)l->scope * HLS_PRAGMA_DIM;
    s->pipe = row[HLS_PF_pipe_off] > 0.5f   ? HLS_PIPE_OFF
              : row[HLS_PF_pipe_cg] > 0.5f  ? HLS_PIPE_CG
              : row[HLS_PF_pipe_fg] > 0.5f  ? HLS_PIPE_FG
                                            : HLS_PIPE_UNSET;
    s->ii = row[HLS_PF_pipe_log_ii] > 0 ? decode_log2(row[HLS_PF_pipe_log_ii], HLS_PF_pipe_log_ii) : 0;
    if (l->parallel.present)
      s->unroll = decode_log2(row[HLS_PF_par_log_factor], HLS_PF_par_log_factor);
    if (l->tile.present)
      s->tile = decode_log2(row[HLS_PF_tile_log_factor], HLS_PF_tile_log_factor);
    s->reduction = row[HLS_PF_par_reduction] > 0.5f;
    s->flatten_off = row[HLS_PF_flat_off] > 0.5f;
  }
}

/* ---- resources ---------------------------------------------------------------------- */

/* Adds `copies` instances of every operation of a region. */
static void add_ops(hls_analytic *a, const hls_afact_region *rg, double copies) {
  for (int c = 0; c < HLS_OPCS; c++) {
    a->count[HLS_UTIL_LUT] += rg->ops[c] * hls_op_costs[c].lut * copies;
    a->count[HLS_UTIL_FF] += rg->ops[c] * hls_op_costs[c].ff * copies;
    a->count[HLS_UTIL_DSP] += rg->ops[c] * hls_op_costs[c].dsp * copies;
  }
}

static void add_arrays(hls_analytic *a) {
  for (size_t o = 0; o < a->nobjects; o++) {
    const hls_afact_object *ob = &a->objects[o];
    if (ob->is_local && !ob->is_register && ob->extent >= BRAM_MIN_ELEMENTS)
      a->count[HLS_UTIL_BRAM] += ceil(ob->extent * ELEMENT_BITS / BRAM_BITS);
  }
}

/* The bit of loop l's induction variable in an access's ivmask. */
static uint32_t depth_bit(const hls_graph *g, int32_t l) {
  uint32_t d = g->loops[l].depth;
  return d >= 1 && d <= 32 ? 1u << (d - 1) : 0;
}

/* ---- critical paths ------------------------------------------------------------------- */

static double function_cycles(hls_analytic *a, int32_t f, double copies);

/* The longest path through a region's instructions (calls take their
 * callee's latency), in whole cycles (an inlined function's in fractions);
 * adds the region's operations and callees as `copies` instances.  a->start
 * holds finish times here. */
static double region_depth(hls_analytic *a, int32_t region, double copies) {
  const hls_afact_region *rg = &a->region[region];
  add_ops(a, rg, copies);
  double depth = 0;
  for (uint32_t j = rg->inst_begin; j < rg->inst_end; j++) {
    uint32_t i = a->region_inst[j];
    const hls_afact_inst *in = &a->inst[i];
    double s = 0;
    for (uint32_t p = in->pred_begin; p < in->pred_end; p++)
      s = a->start[a->preds[p]] > s ? a->start[a->preds[p]] : s;
    double end = s + hls_op_costs[in->cls].latency;
    if (in->callee >= 0)
      end += function_cycles(a, in->callee, copies);
    a->start[i] = end;
    depth = end > depth ? end : depth;
  }
  /* Bulk copies share the one memory interface: they take their turns.  An
   * inlined function's operations chain with its caller's within a cycle. */
  int32_t f = region - (int32_t)a->g->nloops;
  if (f >= 0 && a->inlined[f])
    return depth + rg->bulk;
  return ceil(depth - 1e-9) + rg->bulk;
}

/* A loop's recurrences: the longest accumulation (x += y on every
 * iteration, which a flow may sum as a tree over unrolled copies) and the
 * longest other chain. */
typedef struct {
  double chain, sum;
} recurrence;

static void take(double *most, double x) { *most = x > *most ? x : *most; }

/* Loop l's memory recurrences in `region` that l carries (l does not move the address). */
static void take_memrecs(const hls_analytic *a, int32_t l, int32_t region, recurrence *r) {
  uint32_t bit = depth_bit(a->g, l);
  const hls_afact_region *rg = &a->region[region];
  for (uint32_t k = rg->rec_begin; k < rg->rec_end; k++)
    if (!(a->memrecs[k].ivmask & bit))
      take(a->memrecs[k].sums ? &r->sum : &r->chain, a->memrecs[k].latency);
}

/* The recurrence a loop carries in its own body: through scalars, and
 * through arrays whose store address the loop's induction variable does not
 * move. */
static recurrence own_recurrence(const hls_analytic *a, int32_t l) {
  const hls_afact_region *rg = &a->region[l];
  recurrence r = {rg->reg_rec, rg->reg_sum};
  take_memrecs(a, l, l, &r);
  /* and through elements the address moves to (x[i] = f(x[i - d])): one
   * link per d iterations */
  for (uint32_t k = a->dep_begin[l]; k < a->dep_begin[l + 1]; k++) {
    const hls_afact_dep *dp = &a->deps[k];
    if (dp->own_body)
      take(&r.chain, dp->latency / dp->distance);
  }
  return r;
}

/* The recurrence of loop l carried by arrays in the bodies of its inner
 * loops (when they are unrolled into it). */
static void inner_memory_recurrence(const hls_analytic *a, int32_t l, int32_t inner, recurrence *r) {
  take_memrecs(a, l, inner, r);
  for (uint32_t c = a->child_begin[inner]; c < a->child_begin[inner + 1]; c++)
    inner_memory_recurrence(a, l, (int32_t)a->children[c], r);
}

/* A dependence loop l carries through its inner loops' bodies: the
 * shortest distance (0 if none) and the longest link, the latency from the
 * load to the store; where they are in different bodies, whose path the
 * facts do not follow, the whole iteration (`depth`). */
static int32_t carried_inner(const hls_analytic *a, int32_t l, double depth, double *link) {
  int32_t dist = 0;
  *link = 0;
  for (uint32_t k = a->dep_begin[l]; k < a->dep_begin[l + 1]; k++) {
    const hls_afact_dep *dp = &a->deps[k];
    if (dp->own_body)
      continue;
    double x = dp->latency >= 0 ? dp->latency : depth;
    *link = x > *link ? x : *link;
    dist = dist == 0 || dp->distance < dist ? dp->distance : dist;
  }
  return dist;
}

/* ---- memory ports ------------------------------------------------------------------------- */


/* Per array, over one hardware iteration of loop l: the accesses with
 * distinct addresses (copies of one access made by unrolling are distinct
 * where the unrolled loop's induction variable moves the address, and merge
 * where it does not) and the banks they can spread over. */
static void tally_region(const hls_analytic *a, int32_t region, int32_t l, double unroll,
                         double *need, double *banks) {
  const hls_graph *g = a->g;
  const hls_afact_region *rg = &a->region[region];
  for (uint32_t j = rg->inst_begin; j < rg->inst_end; j++) {
    const hls_afact_inst *in = &a->inst[a->region_inst[j]];
    if (in->cls != HLS_OPC_load && in->cls != HLS_OPC_store)
      continue;
    double distinct = (in->ivmask & depth_bit(g, l)) ? unroll : 1.0;
    for (int32_t k = region; k != l; k = g->loops[k].parent)
      distinct *= (in->ivmask & depth_bit(g, k)) ? (double)trip_of(&g->loops[k]) : 1.0;
    need[in->object] += distinct;
    double most = a->partitions_args || a->objects[in->object].is_local ? MAX_BANKS : 1.0;
    double b = distinct < most ? distinct : most;
    banks[in->object] = b > banks[in->object] ? b : banks[in->object];
  }
}

static void tally_subtree(const hls_analytic *a, int32_t region, int32_t l, double unroll,
                          double *need, double *banks) {
  tally_region(a, region, l, unroll, need, banks);
  for (uint32_t c = a->child_begin[region]; c < a->child_begin[region + 1]; c++)
    tally_subtree(a, (int32_t)a->children[c], l, unroll, need, banks);
}

/* The II the arrays' ports allow loop l: the accesses of each array over
 * two ports per bank.  The copies of l that run at once (a->at_once) share
 * an argument array's ports where the flow does not partition arguments; a
 * local array is partitioned with its copies. */
static double port_ii(const hls_analytic *a, int32_t l, double unroll, int flattened) {
  double *need = hls_xcalloc(a->nobjects + 1, sizeof *need);
  double *banks = hls_xcalloc(a->nobjects + 1, sizeof *banks);
  if (flattened)
    tally_subtree(a, l, l, unroll, need, banks);
  else
    tally_region(a, l, l, unroll, need, banks);
  double ii = 1;
  for (size_t o = 0; o < a->nobjects; o++)
    if (need[o] > 0) {
      if (!a->partitions_args && !a->objects[o].is_local)
        need[o] *= a->at_once;
      double x = ceil(need[o] / (PORTS_PER_BANK * (banks[o] > 1 ? banks[o] : 1)));
      ii = x > ii ? x : ii;
    }
  free(need);
  free(banks);
  return ii;
}

/* Per stream and direction, the elements one hardware iteration of loop l
 * moves through `region` (l's body, or flattened also its inner loops'
 * bodies, each once per inner iteration): the most is the cycles the
 * iteration needs at least, since a FIFO moves one element per cycle each
 * way however far the loop is unrolled (UG1399, hls::stream). */
static double fifo_tally(const hls_analytic *a, int32_t region, int32_t l, double unroll,
                         int flattened, double *moved) {
  const hls_afact_region *rg = &a->region[region];
  double most = 0;
  for (uint32_t j = rg->inst_begin; j < rg->inst_end; j++) {
    const hls_afact_inst *in = &a->inst[a->region_inst[j]];
    if (in->fifo < 0)
      continue;
    double n = unroll;
    for (int32_t k = region; k != l; k = a->g->loops[k].parent)
      n *= (double)trip_of(&a->g->loops[k]);
    double *m = &moved[2 * in->fifo + in->fifo_write];
    *m += n;
    most = *m > most ? *m : most;
  }
  for (uint32_t c = a->child_begin[region]; flattened && c < a->child_begin[region + 1]; c++) {
    double x = fifo_tally(a, (int32_t)a->children[c], l, unroll, flattened, moved);
    most = x > most ? x : most;
  }
  return most;
}

static double fifo_cycles(const hls_analytic *a, int32_t l, double unroll, int flattened) {
  double *moved = hls_xcalloc(2 * a->nobjects + 2, sizeof *moved);
  double most = fifo_tally(a, l, l, unroll, flattened, moved);
  free(moved);
  return most;
}

/* ---- loops ------------------------------------------------------------------------------ */

static double loop_cycles(hls_analytic *a, int32_t l, double copies);
static double flat_depth(hls_analytic *a, int32_t l, double copies, int in_pipeline);
static int stays_loop(const hls_analytic *a, int32_t l);

static int32_t carried_distance(const hls_analytic *a, int32_t l) {
  int32_t dist = 0;
  for (uint32_t k = a->dep_begin[l]; k < a->dep_begin[l + 1]; k++)
    dist = dist == 0 || a->deps[k].distance < dist ? a->deps[k].distance : dist;
  return dist;
}

static int64_t clamp_unroll(int64_t u, int64_t trip) { return u < 1 ? 1 : u > trip ? trip : u; }

/* Are a loop's accumulations summed as a tree over its unrolled copies?
 * Where its pragma names a reduction (Merlin), and in a pipeline: there both
 * flows re-associate them (measured, docs/analytic.md "Sums"); in straight
 * code they stay a chain.  Other recurrences: only for a reduction pragma. */
static int sum_tree(const hls_loop_setting *s, int in_pipeline) { return s->reduction || in_pipeline; }

/* The links u copies of a recurrence of latency rec add in a row: u - 1, or
 * a tree of log2(u) levels; none for combinational (integer) recurrences,
 * which the flow re-associates. */
static double links(double u, double rec, int tree) {
  if (u <= 1 || rec < 1)
    return 0;
  return (tree ? ceil(log2(u)) : u - 1) * rec;
}

/* The extra latency of u copies of a body chained by its recurrences. */
static double unroll_chain(const hls_loop_setting *s, double u, recurrence rec, int in_pipeline) {
  double chain = links(u, rec.chain, s->reduction);
  double sum = links(u, rec.sum, sum_tree(s, in_pipeline));
  return chain > sum ? chain : sum;
}

/* An inner loop fully unrolled into a flattened ancestor: its body copies,
 * chained by its own recurrence (a tree of sums in_pipeline: the ancestor
 * runs more than one iteration).  Returns its latency inside the ancestor. */
static double unrolled_chain(hls_analytic *a, int32_t l, double copies, int in_pipeline) {
  const hls_loop_setting *s = &a->settings[l];
  double trip = (double)trip_of(&a->g->loops[l]);
  double depth = flat_depth(a, l, copies * trip, in_pipeline);
  double cycles = depth + unroll_chain(s, trip, own_recurrence(a, l), in_pipeline);
  hls_analytic_loop *row = &a->rows[l];
  row->trip = (int64_t)trip;
  row->sched = HLS_SCHED_UNROLLED;
  row->unroll = (int64_t)trip;
  row->iterations = 1;
  row->depth = depth;
  row->cycles = cycles;
  return cycles;
}

static double flat_depth(hls_analytic *a, int32_t l, double copies, int in_pipeline) {
  double d = region_depth(a, l, copies);
  for (uint32_t c = a->child_begin[l]; c < a->child_begin[l + 1]; c++)
    d += unrolled_chain(a, (int32_t)a->children[c], copies, in_pipeline);
  return d;
}

/* A recurrence over u unrolled copies, as the pipeline's II sees it: u
 * links in a row, unless they form a tree (sum_tree) or are combinational
 * integer operations, which the flow re-associates (an induction variable
 * steps by u). */
static double unrolled_recurrence(const hls_loop_setting *s, recurrence rec, double u) {
  double chain = s->reduction || rec.chain < 1 ? rec.chain : rec.chain * u;
  double sum = sum_tree(s, 1) || rec.sum < 1 ? rec.sum : rec.sum * u;
  return chain > sum ? chain : sum;
}

/* The recurrence loop l carries: through its own body, and when flattened
 * also through arrays in its inner loops' bodies. */
static recurrence pipeline_recurrence(const hls_analytic *a, int32_t l, int flattened) {
  recurrence rec = own_recurrence(a, l);
  for (uint32_t c = a->child_begin[l]; flattened && c < a->child_begin[l + 1]; c++)
    inner_memory_recurrence(a, l, (int32_t)a->children[c], &rec);
  return rec;
}

/* The II of a pipelined loop and what sets it; the cycles its accesses take
 * in turns on their FIFOs and ports in *turns. */
static double pipeline_ii(hls_analytic *a, int32_t l, double u, int flattened, uint8_t *limit,
                          double *turns) {
  const hls_loop_setting *s = &a->settings[l];
  double rec = unrolled_recurrence(s, pipeline_recurrence(a, l, flattened), u);
  double ports = port_ii(a, l, u, flattened), ii = 1;
  double fifo = fifo_cycles(a, l, u, flattened);
  ports = fifo > ports ? fifo : ports;
  *turns = ports;
  *limit = HLS_II_NONE;
  if (ceil(rec - 1e-9) > ii) {
    ii = ceil(rec - 1e-9);
    *limit = HLS_II_RECURRENCE;
  }
  if (ports > ii) {
    ii = ports;
    *limit = HLS_II_MEMORY;
  }
  if ((double)s->ii > ii) {
    ii = (double)s->ii;
    *limit = HLS_II_GIVEN;
  }
  return ii;
}

/* A pipelined loop: (iterations - 1) * II + depth; operators shared over the II. */
static double pipelined(hls_analytic *a, int32_t l, double u, double copies, int flattened) {
  hls_analytic_loop *row = &a->rows[l];
  const hls_loop_setting *s = &a->settings[l];
  double turns;
  row->ii = pipeline_ii(a, l, u, flattened, &row->limit, &turns);
  double share = copies * u / row->ii;
  int in_pipeline = row->iterations > 1; /* one iteration: straight code */
  double depth = flattened ? flat_depth(a, l, share, in_pipeline) : region_depth(a, l, share);
  /* Only the own body's chain: one through inner loops' arrays would make a
   * fully unrolled nest (one iteration) as slow as its II, and measured on
   * every labelled point of v21 and v25 that is worse (gemm-blocked's
   * median error 2^2.19 -> 2^2.55; docs/analytic.md). */
  row->depth = depth + unroll_chain(s, u, own_recurrence(a, l), in_pipeline);
  /* a FIFO moves one element per cycle and a port one access: an iteration
   * lasts while its copies take their turns */
  row->depth = turns > row->depth ? turns : row->depth;
  double link;
  int32_t dist = flattened ? carried_inner(a, l, depth, &link) : 0;
  if (dist > 0) { /* copies `dist` apart wait for each other; so do iterations */
    row->depth += (ceil(u / dist) - 1) * link;
    if (ceil(link * u / dist - 1e-9) > row->ii) {
      row->ii = ceil(link * u / dist - 1e-9);
      row->limit = HLS_II_RECURRENCE;
    }
  }
  int has_inner = a->child_begin[l] != a->child_begin[l + 1];
  row->sched = flattened && has_inner ? HLS_SCHED_FLATTENED : HLS_SCHED_PIPELINED;
  return ((double)row->iterations - 1) * row->ii + row->depth + 1;
}

/* Can loop l merge with its inner loop, as the tool's automatic loop
 * flattening does (UG1399, pragma HLS loop_flatten)?  Its body holds exactly
 * one loop, which runs on every iteration and has a loop-invariant (known)
 * trip count, and nothing else that branches or calls: the instructions
 * between the loop statements, which the tool pushes into the inner loop.
 * The inner loop must be one pipeline (pipelined, or itself merged); that
 * is checked once it is scheduled.  `loop_flatten off` on l keeps l apart
 * from its inner loop; on an innermost loop it keeps the whole nest apart
 * (UG1399), and a nest kept apart below l leaves l no pipeline to join. */
static int mergeable(const hls_analytic *a, int32_t l, double u) {
  if (!a->merges_nests || u != 1 || a->child_begin[l + 1] - a->child_begin[l] != 1 ||
      a->settings[l].flatten_off)
    return 0;
  int32_t c = (int32_t)a->children[a->child_begin[l]];
  int c_innermost = a->child_begin[c] == a->child_begin[c + 1];
  if (c_innermost && a->settings[c].flatten_off)
    return 0;
  return a->loop_every[c] && a->g->loops[c].trip_known && a->g->loops[c].trip_count > 0 &&
         a->region[l].straight;
}

/* The iterations of the one pipeline that loop l runs as (merged loops multiply). */
static double pipeline_iterations(const hls_analytic *a, int32_t l) {
  const hls_analytic_loop *row = &a->rows[l];
  if (row->sched != HLS_SCHED_MERGED)
    return (double)row->iterations;
  return (double)row->iterations * pipeline_iterations(a, (int32_t)a->children[a->child_begin[l]]);
}

/* Loop l merged with its inner loop c: one pipeline of both loops'
 * iterations at c's II; l's own instructions join c's iteration. */
static double merged(hls_analytic *a, int32_t l, int32_t c, double own) {
  hls_analytic_loop *row = &a->rows[l];
  const hls_analytic_loop *inner = &a->rows[c];
  row->sched = HLS_SCHED_MERGED;
  row->ii = inner->ii;
  row->limit = inner->limit;
  row->depth = inner->depth + own;
  double n = (double)row->iterations * pipeline_iterations(a, c);
  return (n - 1) * row->ii + row->depth + 1;
}

/* Not pipelined, or pipelined coarse-grained over its inner loops as stages. */
static double sequential(hls_analytic *a, int32_t l, double u, double copies, int stages) {
  hls_analytic_loop *row = &a->rows[l];
  const hls_loop_setting *s = &a->settings[l];
  double own = region_depth(a, l, copies * u) + unroll_chain(s, u, own_recurrence(a, l), 0);
  double fifo = fifo_cycles(a, l, u, 0); /* unrolled copies of a stream access take turns */
  own = fifo > own ? fifo : own;
  double ports = port_ii(a, l, u, 0); /* ... and an array's accesses, on its ports */
  own = ports > own ? ports : own;
  /* Unrolled copies whose inner loops read what an earlier copy's wrote
   * run `distance` at a time, one wave after another. */
  double link;
  int32_t dist = carried_inner(a, l, 0, &link);
  double waves = dist > 0 ? ceil(u / dist) : 1;
  double inner = 0, in_rows = 0, slowest = own, outer_at_once = a->at_once;
  double together = dist > 0 && dist < u ? dist : u;
  for (uint32_t c = a->child_begin[l]; c < a->child_begin[l + 1]; c++) {
    int32_t k = (int32_t)a->children[c];
    /* The u copies of an inner loop that stays a loop run one after another
     * (loops in one body run in sequence: UG1399, outside dataflow), so
     * they take u times its cycles, wait for nobody and, never busy at
     * once, share one set of operators; measured (docs/analytic.md). */
    if (stays_loop(a, k)) {
      a->at_once = outer_at_once;
      double x = u * loop_cycles(a, k, copies);
      in_rows += x;
      slowest = x > slowest ? x : slowest;
      continue;
    }
    a->at_once = outer_at_once * together;
    double x = loop_cycles(a, k, copies * u);
    inner += x;
    slowest = x > slowest ? x : slowest;
  }
  a->at_once = outer_at_once;
  if (!stages && mergeable(a, l, u)) {
    int32_t c = (int32_t)a->children[a->child_begin[l]];
    uint8_t cs = a->rows[c].sched;
    if (cs == HLS_SCHED_PIPELINED || cs == HLS_SCHED_FLATTENED || cs == HLS_SCHED_MERGED)
      return merged(a, l, c, own);
  }
  row->depth = (own + inner) * waves + in_rows + 1; /* + the loop's own state */
  if (!stages) {
    row->sched = HLS_SCHED_SEQUENTIAL;
    return (double)row->iterations * row->depth + 1;
  }
  row->sched = HLS_SCHED_STAGES;
  row->ii = slowest;
  return ((double)row->iterations - 1) * slowest + row->depth + 1;
}

/* Is loop l innermost once unrolled?  It is when every loop inside it is
 * fully unrolled: the flow's default pipeline of innermost loops then takes
 * l with their copies in its body (UG1399: loops are unrolled before the
 * innermost ones are pipelined). */
static int innermost_unrolled(const hls_analytic *a, int32_t l) {
  for (uint32_t c = a->child_begin[l]; c < a->child_begin[l + 1]; c++) {
    int32_t k = (int32_t)a->children[c];
    int64_t trip = trip_of(&a->g->loops[k]);
    if (clamp_unroll(a->settings[k].unroll, trip) < trip || !innermost_unrolled(a, k))
      return 0;
  }
  return 1;
}

/* Does loop l stay a loop, or does it vanish into straight code (fully
 * unrolled, and every loop inside it too)? */
static int stays_loop(const hls_analytic *a, int32_t l) {
  int64_t trip = trip_of(&a->g->loops[l]);
  return clamp_unroll(a->settings[l].unroll, trip) < trip || !innermost_unrolled(a, l);
}

int32_t hls_analytic_rolled_inside(const hls_graph *g, int32_t l) {
  for (size_t k = 0; k < g->nloops; k++)
    for (int32_t p = g->loops[k].parent; p >= 0; p = g->loops[p].parent)
      if (p == l && !g->loops[k].trip_known)
        return (int32_t)k;
  return -1;
}

static double loop_cycles(hls_analytic *a, int32_t l, double copies) {
  const hls_loop_setting *s = &a->settings[l];
  hls_analytic_loop *row = &a->rows[l];
  int64_t trip = trip_of(&a->g->loops[l]), u = clamp_unroll(s->unroll, trip);
  row->trip = trip;
  row->unroll = u;
  row->iterations = (trip + u - 1) / u;
  row->carried = carried_distance(a, l);
  a->count[HLS_UTIL_LUT] += LOOP_LUT * copies;
  a->count[HLS_UTIL_FF] += LOOP_FF * copies;
  int has_inner = a->child_begin[l] != a->child_begin[l + 1];
  double cycles;
  int32_t rolled = s->pipe == HLS_PIPE_FG ? hls_analytic_rolled_inside(a->g, l) : -1;
  row->dropped = rolled + 1;
  if (s->pipe == HLS_PIPE_FG && rolled < 0)
    cycles = pipelined(a, l, (double)u, copies, 1);
  else if (s->pipe == HLS_PIPE_FG) {
    /* The flow drops the pipeline it cannot build, and with it pipelines
     * nothing inside: the loops inside run their iterations one by one. */
    a->no_default_pipe++;
    cycles = sequential(a, l, (double)u, copies, 0);
    a->no_default_pipe--;
  } else if (s->pipe != HLS_PIPE_OFF && !a->no_default_pipe && innermost_unrolled(a, l))
    cycles = pipelined(a, l, (double)u, copies, has_inner); /* requested, or the default */
  else
    cycles = sequential(a, l, (double)u, copies, s->pipe == HLS_PIPE_CG);
  row->cycles = cycles;
  return cycles;
}

/* ---- functions and the kernel ----------------------------------------------------------- */

/* A function: its code outside loops, then its outermost loops in order. */
static double function_cycles(hls_analytic *a, int32_t f, double copies) {
  if (a->on_stack[f]) /* recursion: HLS rejects it; count the call only */
    return 1;
  a->on_stack[f] = 1;
  double cycles = region_depth(a, (int32_t)a->g->nloops + f, copies);
  for (uint32_t t = a->top_begin[f]; t < a->top_begin[f + 1]; t++)
    cycles += loop_cycles(a, (int32_t)a->tops[t], copies);
  a->on_stack[f] = 0;
  return a->inlined[f] ? cycles : cycles + 1; /* an inlined function has no call state */
}

hls_analytic *hls_analytic_new(const hls_graph *g, const hls_tool_flow *flow, hls_diags *d) {
  static const double device[HLS_UTILS] = {HLS_DEVICE_LUT, HLS_DEVICE_FF, HLS_DEVICE_DSP,
                                           HLS_DEVICE_BRAM};
  hls_analytic *a = hls_xcalloc(1, sizeof *a);
  double share = flow ? flow->capacity_pct / 100.0 : 1.0;
  for (int u = 0; u < HLS_UTILS; u++)
    a->capacity[u] = device[u] * share;
  if (hls_analytic_facts(a, g, d)) {
    hls_analytic_free(a);
    return NULL;
  }
  a->merges_nests = flow ? flow->merges_nests : 0; /* v18/v20 (no flow): Merlin's */
  a->partitions_args = flow ? flow->partitions_args : 1;
  a->rows = hls_xcalloc(g->nloops + 1, sizeof *a->rows);
  a->on_stack = hls_xcalloc(g->nfunctions + 1, 1);
  return a;
}

void hls_analytic_free(hls_analytic *a) {
  if (!a)
    return;
  hls_analytic_facts_free(a);
  free(a->rows);
  free(a->on_stack);
  free(a);
}

void hls_analytic_estimate(hls_analytic *a, const hls_loop_setting *settings,
                           hls_analytic_result *r) {
  const hls_graph *g = a->g;
  a->settings = settings;
  memset(a->rows, 0, (g->nloops + 1) * sizeof *a->rows);
  memset(a->count, 0, sizeof a->count);
  a->count[HLS_UTIL_LUT] = BASE_LUT;
  a->count[HLS_UTIL_FF] = BASE_FF;
  a->at_once = 1;
  double cycles = 0;
  /* The kernel and what it calls; without a marked kernel, every function
   * nothing else calls. */
  for (size_t f = 0; f < g->nfunctions; f++)
    if (g->kernel[0] ? f == 0 : !a->called[f])
      cycles += function_cycles(a, (int32_t)f, 1.0);
  add_arrays(a);
  r->cycles = cycles;
  for (int u = 0; u < HLS_UTILS; u++) {
    r->count[u] = a->count[u];
    r->util[u] = a->count[u] / a->capacity[u];
  }
  r->loops = a->rows;
}
