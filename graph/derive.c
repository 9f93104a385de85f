#include "graph/derive.h"

#include "graph/builder.h"

#include <stdio.h>
#include <string.h>

/* The names of derived knobs: a prefix per slot (pipeline, parallel, tile) and the loop. */
static const char *const knob_prefix[4] = {"__PIPE__", "__PARA__", "__TILE__", "__FLAT__"};

static int has_knob(const hls_graph_slot *s) { return s->present && (s->knob[0] || s->ii_knob[0]); }

static int declares_space(const hls_loop_fact *loops, size_t n, const unsigned char *eligible) {
  for (size_t i = 0; i < n; i++)
    if (eligible[i] && (has_knob(&loops[i].pipeline) || has_knob(&loops[i].parallel) ||
                        has_knob(&loops[i].tile)))
      return 1;
  return 0;
}

static int name_taken(const hls_loop_fact *loops, size_t n, const char *name) {
  for (size_t i = 0; i < n; i++)
    if (strcmp(loops[i].pipeline.knob, name) == 0 || strcmp(loops[i].parallel.knob, name) == 0 ||
        strcmp(loops[i].tile.knob, name) == 0 || strcmp(loops[i].flatten.knob, name) == 0)
      return 1;
  return 0;
}

static void name_knob(const hls_loop_fact *loops, size_t n, size_t li, const char *prefix,
                      const char *const *function_names, char *out) {
  const hls_loop_fact *l = &loops[li];
  char name[HLS_KNOB_MAX];
  if (l->function == 0)
    snprintf(name, sizeof name, "%s%s", prefix, l->name);
  else
    snprintf(name, sizeof name, "%s%.24s_%s", prefix, function_names[l->function], l->name);
  char unique[HLS_KNOB_MAX];
  snprintf(unique, sizeof unique, "%s", name);
  for (int k = 2; name_taken(loops, n, unique); k++) /* a clash with a written auto{} */
    snprintf(unique, sizeof unique, "%.50s_%d", name, k & 0xffff);
  snprintf(out, HLS_KNOB_MAX, "%s", unique);
}

/* Is loop li the innermost loop of a nest the tool may flatten: the one
 * loop of its parent, with a known trip count (UG1399, pragma HLS
 * loop_flatten: the pragma goes in the innermost loop)?  The estimator checks
 * the rest per design point (model/analytic.c mergeable). */
static int flattenable(const hls_loop_fact *loops, size_t n, size_t li) {
  const hls_loop_fact *l = &loops[li];
  if (l->parent < 0 || !l->trip_known || l->trip_count <= 0)
    return 0;
  for (size_t j = 0; j < n; j++)
    if (loops[j].parent == (int32_t)li || (j != li && loops[j].parent == l->parent))
      return 0; /* not innermost, or not its parent's only loop */
  return 1;
}

/* Can slot `group` of loop li get a derived knob?  0 when it has a knob
 * already, or keeps its literal value (held as written, or no knob value can
 * express it). */
static int derivable(const hls_loop_fact *loops, size_t n, size_t li, int group,
                     const hls_graph_slot *s, const hls_derive_options *o) {
  const hls_loop_fact *l = &loops[li];
  if (has_knob(s) || (s->present && o->hold_written))
    return 0;
  if (group == 3) /* loop_flatten: Vitis only, where the nest allows */
    return o->dialect != HLS_DIALECT_MERLIN && flattenable(loops, n, li);
  if (s->present && s->vocab == HLS_DIALECT_CLANG)
    return 0; /* clang loop hints stand before the loop and may set two slots: kept */
  if (group == 0) /* Vitis dataflow on a loop is no pipeline value */
    return !(s->present && s->pipe == HLS_PIPE_CG && o->dialect != HLS_DIALECT_MERLIN);
  if (group == 2 && o->dialect != HLS_DIALECT_MERLIN)
    return 0; /* only Merlin tiles */
  return !(s->present && s->factor == 0 && l->trip_count <= 0); /* full unroll, size unknown */
}

static hls_graph_slot *slot_of(hls_loop_fact *l, int group) {
  return group == 0   ? &l->pipeline
         : group == 1 ? &l->parallel
         : group == 2 ? &l->tile
                      : &l->flatten;
}

/* The knob of an earlier loop at the same source site, or NULL. */
static const char *site_knob(hls_loop_fact *loops, size_t li, int group, const char *const *sites) {
  if (!sites || !sites[li])
    return NULL;
  for (size_t j = 0; j < li; j++)
    if (sites[j] && strcmp(sites[j], sites[li]) == 0 && slot_of(&loops[j], group)->derived)
      return slot_of(&loops[j], group)->knob;
  return NULL;
}

/* Gives slot `group` of loop li its derived knob; returns 1 when that is a
 * knob of its own (not one shared with another instance of the loop). */
static int derive_slot(hls_loop_fact *loops, size_t n, size_t li, int group,
                       const char *const *function_names, const char *const *sites,
                       const hls_derive_options *o) {
  hls_loop_fact *l = &loops[li];
  hls_graph_slot *s = slot_of(l, group);
  if (!derivable(loops, n, li, group, s, o))
    return 0;
  if (!s->present) { /* no pragma: the tool's default */
    s->pipe = HLS_PIPE_UNSET;
    s->ii = 0;
    s->factor = 1;
  } else if (group == 1 && s->factor == 0) {
    s->factor = l->trip_count; /* a full unroll is the factor of the trip count */
  }
  s->present = 1;
  s->derived = 1;
  s->vocab = (uint8_t)(o->dialect == HLS_DIALECT_MERLIN ? HLS_DIALECT_MERLIN : HLS_DIALECT_VITIS);
  s->knob[0] = '\0';
  const char *shared = site_knob(loops, li, group, sites);
  if (shared)
    snprintf(s->knob, sizeof s->knob, "%s", shared);
  else
    name_knob(loops, n, li, knob_prefix[group], function_names, s->knob);
  return !shared;
}

size_t hls_derive_knobs(hls_loop_fact *loops, size_t nloops, const unsigned char *eligible,
                        const char *const *function_names, const char *const *sites,
                        const hls_derive_options *o) {
  if (o->policy == HLS_KNOBS_DECLARED ||
      (o->policy == HLS_KNOBS_AUTO && declares_space(loops, nloops, eligible)))
    return 0;
  size_t made = 0;
  for (size_t i = 0; i < nloops; i++) {
    if (!eligible[i])
      continue;
    for (int group = 0; group < 4; group++)
      made += (size_t)derive_slot(loops, nloops, i, group, function_names, sites, o);
  }
  return made;
}

int hls_derived_knob_name(const char *name) {
  for (int k = 0; k < 4; k++)
    if (strncmp(name, knob_prefix[k], 8) == 0 && name[8])
      return 1;
  return 0;
}

void hls_derived_written(const hls_graph_slot *s, int is_pipeline, char *buf, size_t cap) {
  if (!is_pipeline)
    snprintf(buf, cap, "%lld", (long long)s->factor);
  else if (hls_pipe_value_format((hls_dialect)s->vocab, s->pipe, s->ii, buf, cap))
    snprintf(buf, cap, "%s", hls_pipe_mode_point(s->pipe) ? hls_pipe_mode_point(s->pipe) : "off");
}
