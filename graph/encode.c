#include "graph/encode.h"

#include <math.h>
#include <string.h>

int hls_loop_pipeline(const hls_graph *g, const hls_graph_loop *l, const hls_value *point,
                      hls_pipe_mode *mode, int64_t *ii) {
  const hls_graph_slot *s = &l->pipeline;
  *mode = s->present ? s->pipe : HLS_PIPE_UNSET;
  *ii = s->present ? s->ii : 0;
  if (!s->present)
    return 0;
  if (s->ii_knob[0]) /* II=auto{K} */
    *ii = point[hls_graph_knob_index(g, s->ii_knob)].integer;
  if (!s->knob[0])
    return 0;
  const hls_value *v = &point[hls_graph_knob_index(g, s->knob)];
  if (v->is_string && hls_pipe_value_parse((hls_dialect)s->vocab, v->string, mode, ii) == 0)
    return 0;
  *mode = HLS_PIPE_UNSET;
  return -1;
}

int hls_flatten_value_parse(const char *value, int *off) {
  if (strcmp(value, "NA") == 0)
    *off = 0;
  else if (strcmp(value, "off") == 0)
    *off = 1;
  else
    return -1;
  return 0;
}

int hls_loop_flatten_off(const hls_graph *g, const hls_graph_loop *l, const hls_value *point) {
  const hls_graph_slot *s = &l->flatten;
  if (!s->present)
    return 0;
  if (!s->knob[0])
    return s->pipe == HLS_PIPE_OFF;
  const hls_value *v = &point[hls_graph_knob_index(g, s->knob)];
  int off = 0;
  return v->is_string && hls_flatten_value_parse(v->string, &off) == 0 && off;
}

/* The loop's pipeline mode (and II) as the pragma columns read them: a value
 * that is none of its vocabulary reads as no pragma. */
static hls_pipe_mode pipe_of(const hls_graph *g, const hls_graph_loop *l, const hls_value *point,
                             int64_t *ii) {
  hls_pipe_mode m;
  hls_loop_pipeline(g, l, point, &m, ii);
  return m;
}

static int64_t factor_of(const hls_graph *g, const hls_graph_slot *slot, const hls_value *point) {
  return slot->knob[0] ? point[hls_graph_knob_index(g, slot->knob)].integer : slot->factor;
}

/* What the rules of one loop's pragma columns read (schema.def): the loop's
 * slots under a design point, each slot's effective factor, and whether an
 * enclosing loop is pipelined fine-grained. */
typedef struct {
  const hls_graph_loop *loop;
  hls_pipe_mode pipe;
  int64_t ii;                    /* the pipeline's II, 0 when none is given */
  const hls_graph_slot *slot[3]; /* by hls_pragma_group; NULL when absent */
  double factor[3];              /* effective factor of the parallel and tile slots */
  int full_unroll;               /* the parallel slot's factor is 0 */
  int fg_ancestor;
  int flatten_off;               /* loop_flatten off */
} loop_view;

/* Factor 0 on a parallel slot is a full unroll: the trip count, or 1 when that
 * is unknown.  On a tile slot it means no tiling: 1. */
static double effective_factor(const hls_graph_loop *l, int64_t f, hls_pragma_group g) {
  if (f > 0)
    return (double)f;
  return g == HLS_GROUP_PARALLEL && l->trip_count > 0 ? (double)l->trip_count : 1.0;
}

static loop_view view_of(const hls_graph *g, const hls_graph_loop *l, const hls_value *s) {
  loop_view v = {.loop = l};
  v.pipe = pipe_of(g, l, s, &v.ii);
  const hls_graph_slot *slots[3] = {&l->pipeline, &l->parallel, &l->tile};
  for (int k = 0; k < 3; k++)
    v.slot[k] = slots[k]->present ? slots[k] : NULL;
  for (int k = HLS_GROUP_PARALLEL; k <= HLS_GROUP_TILE; k++)
    if (v.slot[k]) {
      int64_t f = factor_of(g, v.slot[k], s);
      v.factor[k] = effective_factor(l, f, (hls_pragma_group)k);
      if (k == HLS_GROUP_PARALLEL)
        v.full_unroll = f <= 0;
    }
  v.flatten_off = hls_loop_flatten_off(g, l, s);
  int64_t ii;
  for (int32_t p = l->parent; p >= 0; p = g->loops[p].parent)
    if (pipe_of(g, &g->loops[p], s, &ii) == HLS_PIPE_FG)
      v.fg_ancestor = 1;
  return v;
}

/* Effective factor over trip count, at most 1; 0 when the trip count is unknown. */
static double fraction(const loop_view *v, hls_pragma_group k) {
  if (k == HLS_GROUP_PARALLEL && v->full_unroll)
    return 1.0;
  if (v->loop->trip_count <= 0)
    return 0.0;
  double f = v->factor[k] / (double)v->loop->trip_count;
  return f > 1.0 ? 1.0 : f;
}

/* The value r of a rule for a pragma column of group k (before the scale). */
static double rule_value(const loop_view *v, hls_feature_rule rule, hls_pragma_group k) {
  /* the analytic group's columns read no slot */
  const hls_graph_slot *slot = k < HLS_MLP_GROUPS ? v->slot[k] : NULL;
  switch (rule) {
  case HLS_RULE_mode_off:
    return v->pipe == HLS_PIPE_OFF;
  case HLS_RULE_mode_cg:
    return v->pipe == HLS_PIPE_CG;
  case HLS_RULE_mode_fg:
    return v->pipe == HLS_PIPE_FG;
  case HLS_RULE_log2_ii:
    return v->ii > 0 ? log2((double)v->ii) : 0.0;
  case HLS_RULE_log2_factor:
    return slot && k != HLS_GROUP_PIPELINE ? log2(v->factor[k]) : 0.0;
  case HLS_RULE_factor_fraction:
    return slot && k != HLS_GROUP_PIPELINE ? fraction(v, k) : 0.0;
  case HLS_RULE_reduction:
    return slot && slot->reduction != 0;
  case HLS_RULE_fg_ancestor:
    return v->fg_ancestor;
  case HLS_RULE_flatten_off:
    return v->flatten_off;
  default: /* node and edge rules: not declared for pragma columns */
    return 0.0;
  }
}

void hls_encode_point(const hls_graph *g, const hls_value *point, float *out) {
  memset(out, 0, g->nscopes * HLS_PRAGMA_DIM * sizeof *out);
  for (size_t i = 0; i < g->nloops; i++) {
    const hls_graph_loop *l = &g->loops[i];
    if (l->scope < 0)
      continue;
    float *row = out + (size_t)l->scope * HLS_PRAGMA_DIM;
    loop_view v = view_of(g, l, point);
    for (int c = 0; c < HLS_PRAGMA_DIM; c++)
      row[c] = (float)(rule_value(&v, hls_pragma_feature_rule(c), hls_pragma_feature_group(c)) /
                       hls_pragma_feature_scale(c));
  }
}
