#include "dse/report.h"

#include <cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dse/setting.h"
#include "graph/schema.h"
#include "model/config.h"

/* The knob values of a design: strings for pipeline knobs, numbers otherwise. */
static cJSON *point_json(const hls_dspace *s, const hls_dspace_value *v) {
  cJSON *o = cJSON_CreateObject();
  for (size_t k = 0; s && k < hls_dspace_knob_count(s); k++) {
    if (v[k].is_string)
      cJSON_AddStringToObject(o, hls_dspace_knob_name(s, k), v[k].string);
    else
      cJSON_AddNumberToObject(o, hls_dspace_knob_name(s, k), (double)v[k].integer);
  }
  return o;
}

struct cJSON *hls_adjusted_json(const hls_prediction *p) {
  cJSON *a = cJSON_CreateArray();
  for (int k = 0; k < HLS_ADJUSTED_KINDS; k++)
    if (p->adjusted & (1u << k))
      cJSON_AddItemToArray(a, cJSON_CreateString(hls_adjusted_name(k)));
  return a;
}

static const char *const slot_names[HLS_LOOP_SLOTS] = {"pipeline", "parallel", "tile", "flatten"};

/* [{"pipeline": "HLS pipeline II=1", "parallel": ""}, ...], one object per
 * entry of the report's "loops" (the loops with knob slots, in that order):
 * the pragma of every knob slot under the design ("" for none), what
 * hls-rewrite writes.  (Loop names repeat across functions, hence the array.) */
static cJSON *pragmas_json(const hls_graph *g, const hls_value *values) {
  cJSON *a = cJSON_CreateArray();
  for (size_t l = 0; l < g->nloops; l++) {
    if (g->loops[l].scope < 0)
      continue;
    cJSON *loop = cJSON_CreateObject();
    for (int k = 0; k < HLS_LOOP_SLOTS; k++) {
      const hls_graph_slot *slot = hls_loop_slot(&g->loops[l], k);
      char text[128];
      if (slot->present && (slot->knob[0] || slot->ii_knob[0]) &&
          hls_slot_pragma(g, &g->loops[l], k, values, text, sizeof text) == 0)
        cJSON_AddStringToObject(loop, slot_names[k], text);
    }
    cJSON_AddItemToArray(a, loop);
  }
  return a;
}

/* The name of loop l's function as the user wrote it (C++: not mangled). */
static const char *loop_function(const hls_report_origin *origin, size_t l) {
  if (origin->loops && origin->loops[l].function)
    return origin->loops[l].function;
  return origin->graph->functions[origin->graph->loops[l].function];
}

/* Where each knob-carrying loop is and which knobs it has. */
static cJSON *loops_json(const hls_report_origin *origin) {
  const hls_graph *g = origin->graph;
  cJSON *a = cJSON_CreateArray();
  for (size_t l = 0; l < g->nloops; l++) {
    const hls_graph_loop *gl = &g->loops[l];
    if (gl->scope < 0)
      continue;
    const hls_report_loop *src = origin->loops ? &origin->loops[l] : NULL;
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "name", gl->name);
    if (src && src->label && src->label[0]) /* the user's name for it; "name" stays the knobs' */
      cJSON_AddStringToObject(o, "label", src->label);
    cJSON_AddStringToObject(o, "function", loop_function(origin, l));
    if (src && src->file) {
      cJSON_AddStringToObject(o, "file", src->file);
      cJSON_AddNumberToObject(o, "line", src->line);
      cJSON_AddNumberToObject(o, "col", src->col);
    }
    cJSON_AddNumberToObject(o, "trip_count", (double)gl->trip_count);
    cJSON *slots = cJSON_AddObjectToObject(o, "slots");
    for (int k = 0; k < HLS_LOOP_SLOTS; k++) {
      const hls_graph_slot *slot = hls_loop_slot(gl, k);
      if (!slot->present)
        continue;
      cJSON *so = cJSON_AddObjectToObject(slots, slot_names[k]);
      if (slot->knob[0])
        cJSON_AddStringToObject(so, "knob", slot->knob);
      if (slot->ii_knob[0])
        cJSON_AddStringToObject(so, "ii_knob", slot->ii_knob);
      cJSON_AddBoolToObject(so, "derived", slot->derived);
      cJSON_AddStringToObject(so, "dialect", hls_dialect_name((hls_dialect)slot->vocab));
      if (src && src->pragma_line[k])
        cJSON_AddNumberToObject(so, "pragma_line", src->pragma_line[k]);
    }
    cJSON_AddItemToArray(a, o);
  }
  return a;
}

/* The analytic estimator's loop table of a design, as in a Vitis synthesis
 * report: per loop (graph order) its trip count, unroll factor, schedule,
 * II, iteration latency, the cycles of one execution, the distance of a
 * dependence it carries through an array (0: none) and, where the flow
 * drops a pipeline asked of it, the loop inside that cannot be unrolled. */
static cJSON *loop_estimates_json(const hls_report_origin *origin, const hls_dspace_value *values) {
  const hls_graph *g = origin->graph;
  hls_loop_setting *settings = hls_xcalloc(g->nloops + 1, sizeof *settings);
  hls_analytic_result r;
  hls_analytic_settings(g, values, settings);
  hls_analytic_estimate(origin->analytic, settings, &r);
  cJSON *a = cJSON_CreateArray();
  for (size_t l = 0; l < g->nloops; l++) {
    const hls_analytic_loop *row = &r.loops[l];
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "loop", g->loops[l].name);
    cJSON_AddStringToObject(o, "function", loop_function(origin, l));
    cJSON_AddNumberToObject(o, "trip_count", (double)row->trip);
    cJSON_AddBoolToObject(o, "trip_unknown", g->loops[l].trip_count <= 0); /* trip_count is assumed */
    cJSON_AddNumberToObject(o, "unroll", (double)row->unroll);
    cJSON_AddStringToObject(o, "schedule", hls_sched_name((hls_sched)row->sched));
    cJSON_AddNumberToObject(o, "ii", row->ii);
    cJSON_AddStringToObject(o, "ii_limit", hls_ii_limit_name((hls_ii_limit)row->limit));
    cJSON_AddNumberToObject(o, "iteration_latency", row->depth);
    cJSON_AddNumberToObject(o, "cycles", row->cycles);
    cJSON_AddNumberToObject(o, "carried_distance", row->carried);
    if (row->dropped > 0) /* the pipeline asked of it, dropped for this loop inside */
      cJSON_AddStringToObject(o, "pipeline_dropped_for", g->loops[row->dropped - 1].name);
    cJSON_AddItemToArray(a, o);
  }
  free(settings);
  return a;
}

/* Measures to 4 decimals: they are read by people and compared by tests,
 * and a float's 17 printed digits say nothing more. */
static double rounded(double v) { return round(v * 1e4) / 1e4; }

cJSON *hls_confidence_json(const hls_confidence *c) {
  if (c->level == HLS_CONFIDENCE_NONE)
    return NULL;
  cJSON *o = cJSON_CreateObject();
  cJSON_AddStringToObject(o, "level", hls_confidence_level_name(c->level));
  cJSON_AddNumberToObject(o, "distance", rounded(c->distance));
  cJSON_AddStringToObject(o, "nearest_kernel", c->nearest);
  if (!isnan(c->work)) /* no analytic estimate of the kernel */
    cJSON_AddNumberToObject(o, "work", rounded(c->work));
  return o;
}

static cJSON *design_json(const hls_report_origin *origin, const hls_dspace *s,
                          const hls_design *design, double current_cycles) {
  cJSON *o = cJSON_CreateObject();
  double cycles = hls_latency_cycles(design->pred.perf);
  cJSON_AddItemToObject(o, "point", point_json(s, design->values));
  if (origin->graph && s)
    cJSON_AddItemToObject(o, "pragmas", pragmas_json(origin->graph, design->values));
  cJSON_AddNumberToObject(o, "perf", design->pred.perf);
  cJSON_AddNumberToObject(o, "latency", cycles);
  for (int u = 0; u < HLS_UTILS; u++)
    cJSON_AddNumberToObject(o, hls_model_target_name(HLS_TASK_REGRESSION, HLS_TARGET_util_LUT + u),
                            design->pred.util[u]);
  cJSON_AddNumberToObject(o, "valid", design->pred.valid);
  cJSON_AddNumberToObject(o, "latency_bound", design->pred.latency_bound);
  cJSON_AddItemToObject(o, "adjusted", hls_adjusted_json(&design->pred));
  cJSON_AddBoolToObject(o, "feasible", design->feasible);
  cJSON_AddNumberToObject(o, "speedup", current_cycles / cycles);
  cJSON *confidence = hls_confidence_json(&design->pred.confidence);
  if (confidence)
    cJSON_AddItemToObject(o, "confidence", confidence);
  if (origin->analytic)
    cJSON_AddItemToObject(o, "loop_estimates", loop_estimates_json(origin, design->values));
  return o;
}

static cJSON *report_json(const hls_report_origin *origin, const hls_dspace *space,
                          const hls_explore_result *r) {
  cJSON *root = cJSON_CreateObject();
  cJSON_AddStringToObject(root, "format", "hlsmoe-report");
  cJSON_AddStringToObject(root, "source", origin->source);
  cJSON_AddStringToObject(root, "kernel", origin->kernel);
  cJSON_AddStringToObject(root, "schema", hls_schema_id());
  cJSON_AddStringToObject(root, "model", origin->model);
  double current = hls_latency_cycles(r->current.pred.perf);
  if (origin->dialect)
    cJSON_AddStringToObject(root, "dialect", origin->dialect);
  if (origin->flow)
    cJSON_AddStringToObject(root, "flow", origin->flow);
  if (origin->target)
    cJSON_AddStringToObject(root, "target", origin->target);
  cJSON_AddItemToObject(root, "current", design_json(origin, space, &r->current, current));
  cJSON *s = cJSON_AddObjectToObject(root, "space");
  cJSON_AddStringToObject(s, "source", origin->space_source);
  cJSON_AddNumberToObject(s, "size", (double)r->space_size);
  cJSON_AddBoolToObject(s, "exact", r->space_exact);
  cJSON *search = cJSON_AddObjectToObject(root, "search");
  cJSON_AddStringToObject(search, "strategy", r->exhaustive ? "exhaustive" : "coordinate-beam");
  cJSON_AddNumberToObject(search, "scored", (double)r->scored);
  cJSON_AddNumberToObject(search, "seconds", r->seconds);
  cJSON_AddBoolToObject(search, "stopped_by_time", r->stopped_by_time);
  cJSON_AddNumberToObject(search, "min_gain", r->min_gain);
  cJSON_AddNumberToObject(search, "best_gain", r->best_gain);
  cJSON_AddBoolToObject(search, "keeps_current", r->keeps_current);
  cJSON *top = cJSON_AddArrayToObject(root, "top");
  for (size_t i = 0; i < r->ntop; i++)
    cJSON_AddItemToArray(top, design_json(origin, space, &r->top[i], current));
  if (origin->graph)
    cJSON_AddItemToObject(root, "loops", loops_json(origin));
  return root;
}

int hls_report_write(const char *path, const hls_report_origin *origin, const hls_dspace *space,
                     const hls_explore_result *r, hls_diags *d) {
  cJSON *root = report_json(origin, space, r);
  char *text = cJSON_Print(root);
  cJSON_Delete(root);
  int rc = text && hls_write_text(path, text) == 0 ? 0 : -1;
  if (rc)
    hls_diag_add(d, HLS_SEV_ERROR, path, 0, 0, "cannot write the report: %s", strerror(errno));
  free(text);
  return rc;
}
