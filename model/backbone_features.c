/* Backbone features (model/backbone.def) from an analytic estimate: what a
 * hybrid model reads.  Apart from model/backbone.c (the names, as the weight
 * reader checks them) because this half needs the estimator. */
#include "model/backbone.h"

#include <math.h>

#include "model/targets.h"

void hls_backbone_of_encoded(hls_analytic *a, const hls_graph *g, const float *pragma, size_t n,
                             hls_loop_setting *settings, float *out) {
  size_t row = g->nscopes * HLS_PRAGMA_DIM;
  for (size_t i = 0; i < n; i++) {
    hls_analytic_result r;
    hls_analytic_settings_encoded(g, pragma + i * row, settings);
    hls_analytic_estimate(a, settings, &r);
    hls_backbone_features(g, &r, out + i * HLS_BACKBONE_FEATURES);
  }
}

static int loop_is_inner(const hls_graph *g, size_t l) {
  for (size_t k = 0; k < g->nloops; k++)
    if (g->loops[k].parent == (int32_t)l)
      return 0;
  return 1;
}

/* Iterations of the innermost loop bodies over the whole kernel: each
 * innermost loop's trip count times its ancestors'.  The source's work,
 * independent of pragmas (unrolling does not change it). */
static double work_of(const hls_graph *g, const hls_analytic_result *r) {
  double work = 0;
  for (size_t l = 0; l < g->nloops; l++) {
    if (!loop_is_inner(g, l))
      continue;
    double w = 1;
    for (int32_t k = (int32_t)l; k >= 0; k = g->loops[k].parent)
      w *= (double)(r->loops[k].trip > 0 ? r->loops[k].trip : 1);
    work += w;
  }
  return work;
}

static int is_pipelined(uint8_t sched) {
  return sched == HLS_SCHED_PIPELINED || sched == HLS_SCHED_FLATTENED || sched == HLS_SCHED_STAGES;
}

void hls_backbone_features(const hls_graph *g, const hls_analytic_result *r, float *out) {
  double cycles = r->cycles > 1 ? r->cycles : 1;
  out[HLS_BACKBONE_perf] = (float)hls_perf_of_latency(cycles);
  for (int u = 0; u < HLS_UTILS; u++) {
    out[HLS_BACKBONE_util_LUT + u] = (float)r->util[u];
    out[HLS_BACKBONE_log_LUT + u] = (float)(log2(1.0 + (r->count[u] > 0 ? r->count[u] : 0)) / 24.0);
  }
  double ii = 1, depth = 0;
  int pipelined = 0, memory = 0, recurrence = 0;
  for (size_t l = 0; l < g->nloops; l++) {
    const hls_analytic_loop *a = &r->loops[l];
    depth = a->depth > depth ? a->depth : depth;
    if (!is_pipelined(a->sched))
      continue;
    pipelined++;
    ii = a->ii > ii ? a->ii : ii;
    memory += a->limit == HLS_II_MEMORY;
    recurrence += a->limit == HLS_II_RECURRENCE;
  }
  out[HLS_BACKBONE_log_work] = (float)(log2(1.0 + work_of(g, r)) / 32.0);
  out[HLS_BACKBONE_log_ii] = (float)(log2(ii) / 8.0);
  out[HLS_BACKBONE_log_depth] = (float)(log2(1.0 + depth) / 12.0);
  out[HLS_BACKBONE_memory_bound] = pipelined ? (float)memory / (float)pipelined : 0.0f;
  out[HLS_BACKBONE_recurrence_bound] = pipelined ? (float)recurrence / (float)pipelined : 0.0f;
  out[HLS_BACKBONE_pipelined] = g->nloops ? (float)pipelined / (float)g->nloops : 0.0f;
}
