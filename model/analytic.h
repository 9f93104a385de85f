/* The analytic estimator (docs/analytic.md): latency and resources of a
 * kernel under a design point, computed from the program graph's loop nest
 * and operations the way an HLS scheduler would count them, without a
 * trained model.  A loop table like the one of a Vitis synthesis report
 * comes with every estimate.
 *
 * Model, in short: each loop runs ceil(trip / unroll) iterations; a
 * pipelined loop takes (iterations - 1) * II + depth cycles, where II is the
 * largest of the loop-carried recurrence latency, the memory-port bound and
 * a given II, and depth is the critical path of the body under the
 * operation latencies of model/analytic_ops.def; a loop that is not
 * pipelined takes iterations * (its body's critical path + its inner loops
 * in sequence + 1).  Innermost loops are pipelined unless their pipeline
 * knob says off (Vitis pipelines them by default); a fine-grained (flatten)
 * loop is pipelined with its inner loops fully unrolled; coarse-grained
 * pipelining overlaps a loop's inner loops as stages.  Resources are
 * operation counts times unrolling, shared across II. */
#ifndef HLSMOE_MODEL_ANALYTIC_H
#define HLSMOE_MODEL_ANALYTIC_H

#include <stddef.h>
#include <stdint.h>

#include "graph/graph.h"
#include "model/flows.h"
#include "model/predictor.h"
#include "support/diag.h"

/* The device of both flows: the Alveo U200's xcu200-fsgd2104-2-e.  A flow's
 * utilisations are fractions of its capacity_pct share of these
 * (model/flows.def; docs/analytic.md). */
#define HLS_DEVICE_NAME "xcu200-fsgd2104-2-e"
#define HLS_DEVICE_LUT 1182240.0
#define HLS_DEVICE_FF 2364480.0
#define HLS_DEVICE_DSP 6840.0
#define HLS_DEVICE_BRAM 4320.0 /* 18 Kb blocks */

/* How the estimator scheduled a loop. */
typedef enum {
  HLS_SCHED_SEQUENTIAL, /* not pipelined: iterations one after another */
  HLS_SCHED_PIPELINED,  /* pipelined (explicitly, or an innermost loop by default) */
  HLS_SCHED_FLATTENED,  /* pipelined fine-grained: its inner loops fully unrolled */
  HLS_SCHED_STAGES,     /* coarse-grained pipeline: inner loops overlap as stages */
  HLS_SCHED_UNROLLED,   /* fully unrolled inside a flattened ancestor */
  HLS_SCHED_MERGED      /* not pipelined itself, but merged with its only inner loop into one
                         * pipeline: the tool's automatic loop flattening of a perfect nest */
} hls_sched;

/* One row of the loop table, for one execution of the loop. */
typedef struct {
  int64_t trip;        /* iterations of the source loop (1 when unknown) */
  int64_t unroll;      /* the parallel factor applied (1: none) */
  int64_t iterations;  /* ceil(trip / unroll): iterations of the hardware loop */
  double ii;           /* initiation interval, 0 when not pipelined */
  double depth;        /* latency of one (unrolled) iteration */
  double cycles;       /* latency of one execution of the loop */
  uint8_t sched;       /* hls_sched */
  uint8_t limit;       /* what sets the II: hls_ii_limit */
  int32_t carried;     /* the shortest distance of a dependence the loop carries through
                        * an array (model/analytic_deps.c), 0 if none */
  int32_t dropped;     /* a pipeline asked of the loop that the flow cannot build, so drops:
                        * 1 + the loop inside it that cannot be unrolled
                        * (hls_analytic_rolled_inside); 0 if none */
} hls_analytic_loop;

typedef enum { HLS_II_NONE, HLS_II_RECURRENCE, HLS_II_MEMORY, HLS_II_GIVEN } hls_ii_limit;

typedef struct {
  double cycles;         /* the kernel's latency */
  double count[HLS_UTILS]; /* LUT, FF, DSP, BRAM (18 Kb) */
  double util[HLS_UTILS];  /* count / the device's */
  hls_analytic_loop *loops; /* [g->nloops], owned by the estimator: valid until the next estimate */
} hls_analytic_result;

/* A loop's pragma settings under a design point. */
typedef struct {
  hls_pipe_mode pipe; /* HLS_PIPE_UNSET without a pipeline slot */
  int64_t ii;         /* 0: none given */
  int64_t unroll;     /* effective parallel factor (a full unroll: the trip count) */
  int64_t tile;       /* tile factor (1: none); the schedule ignores it, the lower bound
                       * counts it as parallelism the flow may add */
  int reduction;      /* the parallel slot names a reduction */
  int flatten_off;    /* Vitis loop_flatten off: no merge with its inner loop, nor, on an
                       * innermost loop, of its nest (model/analytic.c mergeable) */
} hls_loop_setting;

typedef struct hls_analytic hls_analytic;

/* Analyses the graph (it must outlive the estimator) for the flow whose
 * utilisations it reports (NULL: fractions of the whole device).  NULL with
 * an error in d when the graph lacks what the estimator reads (block_loops:
 * a graph exported by an older build). */
hls_analytic *hls_analytic_new(const hls_graph *g, const hls_tool_flow *flow, hls_diags *d);
void hls_analytic_free(hls_analytic *a);

/* Settings of every loop (out[g->nloops]) under a design point (one value per
 * knob in knob order, as graph/encode.h reads it; NULL without knobs). */
void hls_analytic_settings(const hls_graph *g, const hls_value *point, hls_loop_setting *out);
/* The same from an encoded pragma matrix [g->nscopes][HLS_PRAGMA_DIM]
 * (graph/encode.h), which is what the predictor API receives. */
void hls_analytic_settings_encoded(const hls_graph *g, const float *pragma, hls_loop_setting *out);

/* The first loop inside loop l (graph order) whose trip count is not a
 * constant, so that no flow can unroll it, as a pipeline of l needs (a
 * `loop_tripcount` pragma only guesses it); -1 if none. */
int32_t hls_analytic_rolled_inside(const hls_graph *g, int32_t l);

/* Estimates the kernel under the settings (one per loop). */
void hls_analytic_estimate(hls_analytic *a, const hls_loop_setting *settings,
                           hls_analytic_result *r);

/* A lower bound on the kernel's cycles under the settings (docs/analytic.md,
 * "Lower bound"): what no schedule of the flows can beat, counting only
 * what certainly runs -- loops of exact trip count that no branch bypasses,
 * at least one cycle per iteration of a loop that is not unrolled away.  At
 * least 1. */
double hls_analytic_lower_bound(hls_analytic *a, const hls_loop_setting *settings);

/* "sequential", "pipelined", ... and "none", "recurrence", "memory", "given". */
const char *hls_sched_name(hls_sched s);
const char *hls_ii_limit_name(hls_ii_limit l);

#endif
