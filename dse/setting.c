#include "dse/setting.h"

#include <stdio.h>

#include "graph/encode.h"

const hls_graph_slot *hls_loop_slot(const hls_graph_loop *l, int group) {
  return group == 0   ? &l->pipeline
         : group == 1 ? &l->parallel
         : group == 2 ? &l->tile
                      : &l->flatten;
}

int hls_slot_pragma(const hls_graph *g, const hls_graph_loop *l, int group,
                    const hls_value *values, char *buf, size_t cap) {
  const hls_graph_slot *s = hls_loop_slot(l, group);
  buf[0] = '\0';
  if (!s->present)
    return 0;
  if (group == 3) { /* Vitis flattens nests by default: only `off` is written */
    if (hls_loop_flatten_off(g, l, values))
      snprintf(buf, cap, "HLS loop_flatten off");
    return 0;
  }
  hls_pipe_mode mode = HLS_PIPE_UNSET;
  int64_t ii = 0, factor = s->factor;
  if (group == 0 && hls_loop_pipeline(g, l, values, &mode, &ii)) {
    snprintf(buf, cap, "an unknown pipeline value");
    return -1;
  }
  if (group != 0 && s->knob[0])
    factor = values[hls_graph_knob_index(g, s->knob)].integer;
  return hls_pragma_render((hls_dialect)s->vocab, group, mode, ii, factor, l->trip_count, buf, cap);
}
