#include "graph/encode.h"

#include <math.h>
#include <string.h>

static hls_pipe_mode pipe_of(const hls_graph *g, const hls_graph_loop *l,
                             const hls_knob_setting *s) {
  if (!l->pipeline.present)
    return HLS_PIPE_UNSET;
  if (!l->pipeline.knob[0])
    return l->pipeline.pipe;
  return s[hls_graph_knob_index(g, l->pipeline.knob)].pipe;
}

static int64_t factor_of(const hls_graph *g, const hls_graph_slot *slot,
                         const hls_knob_setting *s) {
  return slot->knob[0] ? s[hls_graph_knob_index(g, slot->knob)].factor : slot->factor;
}

static float log2_scaled(double v, double scale) { return (float)(log2(v) / scale); }

/* Factor over trip count, at most 1; 0 when the trip count is unknown. */
static float fraction(double factor, const hls_graph_loop *l) {
  if (l->trip_count <= 0)
    return 0.0f;
  double f = factor / (double)l->trip_count;
  return (float)(f > 1.0 ? 1.0 : f);
}

void hls_encode_settings(const hls_graph *g, const hls_knob_setting *settings, float *out) {
  memset(out, 0, g->nscopes * HLS_PRAGMA_DIM * sizeof *out);
  for (size_t i = 0; i < g->nloops; i++) {
    const hls_graph_loop *l = &g->loops[i];
    if (l->scope < 0)
      continue;
    float *row = out + (size_t)l->scope * HLS_PRAGMA_DIM;
    hls_pipe_mode pipe = pipe_of(g, l, settings);
    row[HLS_PF_pipe_off] = pipe == HLS_PIPE_OFF;
    row[HLS_PF_pipe_cg] = pipe == HLS_PIPE_CG;
    row[HLS_PF_pipe_fg] = pipe == HLS_PIPE_FG;
    if (l->pipeline.present && l->pipeline.ii > 0)
      row[HLS_PF_pipe_log_ii] = log2_scaled((double)l->pipeline.ii, 4);
    if (l->parallel.present) {
      int64_t f = factor_of(g, &l->parallel, settings);
      double eff = f > 0 ? (double)f : (l->trip_count > 0 ? (double)l->trip_count : 1.0);
      row[HLS_PF_par_log_factor] = log2_scaled(eff, 8);
      row[HLS_PF_par_fraction] = f > 0 ? fraction(eff, l) : 1.0f;
      row[HLS_PF_par_reduction] = l->parallel.reduction != 0;
    }
    for (int32_t p = l->parent; p >= 0; p = g->loops[p].parent)
      if (pipe_of(g, &g->loops[p], settings) == HLS_PIPE_FG)
        row[HLS_PF_par_by_ancestor] = 1;
    if (l->tile.present) {
      int64_t f = factor_of(g, &l->tile, settings);
      row[HLS_PF_tile_log_factor] = log2_scaled(f > 0 ? (double)f : 1.0, 8);
      row[HLS_PF_tile_fraction] = fraction(f > 0 ? (double)f : 1.0, l);
    }
  }
}
