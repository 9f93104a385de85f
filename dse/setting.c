#include "dse/setting.h"

#include <stdio.h>

const hls_graph_slot *hls_loop_slot(const hls_graph_loop *l, int group) {
  return group == 0 ? &l->pipeline : group == 1 ? &l->parallel : &l->tile;
}

int hls_slot_pragma(const hls_graph *g, const hls_graph_loop *l, int group,
                    const hls_value *values, char *buf, size_t cap) {
  const hls_graph_slot *s = hls_loop_slot(l, group);
  buf[0] = '\0';
  if (!s->present)
    return 0;
  hls_pipe_mode mode = s->pipe;
  int64_t ii = s->ii, factor = s->factor;
  if (group == 0 && s->ii_knob[0])
    ii = values[hls_graph_knob_index(g, s->ii_knob)].integer;
  if (s->knob[0]) {
    const hls_value *v = &values[hls_graph_knob_index(g, s->knob)];
    if (group == 0 && (!v->is_string ||
                       hls_pipe_value_parse((hls_dialect)s->vocab, v->string, &mode, &ii))) {
      snprintf(buf, cap, "an unknown pipeline value");
      return -1;
    }
    if (group != 0)
      factor = v->integer;
  }
  return hls_pragma_render((hls_dialect)s->vocab, group, mode, ii, factor, l->trip_count, buf, cap);
}
