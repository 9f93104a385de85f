#include "model/predictor.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/analytic.h"
#include "model/backbone.h"
#include "model/hiermoe.h"
#include "model/physical.h"

double hls_latency_cycles(float perf) { return hls_latency_of_perf((double)perf); }

/* One network prepared for one kernel. */
typedef struct {
  hls_model *model;
  hls_prepared *prepared;
  hls_workspace *workspace;
  float *out; /* [capacity][targets] */
  size_t capacity;
} network;

/* The confidence of the network's predictions (model/confidence.h): the
 * regression model's training embeddings and the embeddings of the points
 * being scored (the work measure comes from the predictor's estimator). */
typedef struct {
  const hls_confidence_ref *ref; /* NULL: the model records none */
  float *emb;                    /* [capacity][dim] */
  size_t capacity;
} confidence_state;

struct hls_predictor {
  char *regression_path, *validity_path;
  network regression, validity;
  confidence_state confidence;
  const hls_graph *graph;
  /* The analytic estimator of the kernel, one for everything that needs it:
   * the predictor itself (analytic_only), the backbone of networks built on
   * it (hybrid), the confidence's work measure, the physical lower bound. */
  hls_analytic *analytic;
  int analytic_only;
  int hybrid; /* a network reads the backbone features */
  hls_loop_setting *settings; /* [nloops] scratch */
  float *backbone;            /* [backbone_capacity][HLS_BACKBONE_FEATURES] */
  size_t backbone_capacity;
  const hls_tool_flow *flow;
  char flow_text[160];
  hls_physical *physical; /* the rules every prediction passes (model/physical.h) */
};

static void network_free(network *n) {
  hls_workspace_free(n->workspace);
  hls_prepared_free(n->prepared);
  hls_model_free(n->model);
  free(n->out);
}

static int network_prepare(network *n, const hls_graph *g, hls_diags *d) {
  n->prepared = hls_model_prepare(n->model, g, d);
  if (!n->prepared)
    return -1;
  n->workspace = hls_workspace_new(n->model, n->prepared);
  return 0;
}

/* Runs the network on n points (backbone: their analytic features, or NULL);
 * its outputs land in net->out, and their embeddings in emb [n][embedding_dim]
 * unless it is NULL. */
static int network_score(network *net, const float *pragma, const float *backbone, size_t n,
                         float *emb) {
  if (n > net->capacity) {
    free(net->out);
    net->out = hls_xmalloc(n * (size_t)hls_model_targets(net->model) * sizeof *net->out);
    net->capacity = n;
  }
  return hls_model_score_embed(net->model, net->prepared, net->workspace, pragma, backbone, n,
                               net->out, emb);
}

/* The analytic estimate of n points as backbone features, in p->backbone. */
static const float *backbone_features(hls_predictor *p, const float *pragma, size_t n) {
  if (n > p->backbone_capacity) {
    free(p->backbone);
    p->backbone = hls_xmalloc(n * HLS_BACKBONE_FEATURES * sizeof *p->backbone);
    p->backbone_capacity = n;
  }
  hls_backbone_of_encoded(p->analytic, p->graph, pragma, n, p->settings, p->backbone);
  return p->backbone;
}

/* The kernel's analytic estimator, its utilisations over the flow's share of
 * the device.  Returns 0, or -1 with an error (a graph the estimator cannot
 * read). */
static int attach_analytic(hls_predictor *p, const hls_graph *g, const hls_tool_flow *flow,
                           hls_diags *d) {
  p->analytic = hls_analytic_new(g, flow, d);
  if (!p->analytic)
    return -1;
  p->settings = hls_xcalloc(g->nloops + 1, sizeof *p->settings);
  return 0;
}

/* Confidence for a regression model that records its training embeddings. */
static void confidence_prepare(confidence_state *c, const hls_model *m) {
  const hls_confidence_ref *ref = &hls_model_weights(m)->confidence;
  if (ref->count)
    c->ref = ref;
}

static void confidence_free(confidence_state *c) { free(c->emb); }

/* The embedding buffer for n points, NULL without confidence. */
static float *confidence_embeddings(confidence_state *c, size_t n) {
  if (!c->ref)
    return NULL;
  if (n > c->capacity) {
    free(c->emb);
    c->emb = hls_xmalloc(n * c->ref->dim * sizeof *c->emb);
    c->capacity = n;
  }
  return c->emb;
}

/* out[i].confidence of the n points just scored into c->emb, the work
 * measure by p's estimator.  backbone: the points' backbone features when a
 * hybrid computed them (their perf is the work measure: no second
 * estimate), else NULL. */
static void confidence_score(hls_predictor *p, const float *pragma, const float *backbone,
                             size_t n, hls_prediction *out) {
  confidence_state *c = &p->confidence;
  size_t row = p->graph->nscopes * HLS_PRAGMA_DIM;
  for (size_t i = 0; i < n; i++) {
    double work;
    if (backbone) {
      work = backbone[i * HLS_BACKBONE_FEATURES + HLS_BACKBONE_perf];
    } else {
      hls_analytic_result r;
      hls_analytic_settings_encoded(p->graph, pragma + i * row, p->settings);
      hls_analytic_estimate(p->analytic, p->settings, &r);
      work = hls_perf_of_latency(r.cycles > 1 ? r.cycles : 1);
    }
    out[i].confidence = hls_confidence_of(c->ref, c->emb + i * c->ref->dim, work);
  }
}

/* <dir>/hiermoe-<flow><suffix>.safetensors */
static char *shipped_path(const char *dir, const hls_tool_flow *flow, const char *suffix) {
  size_t n = strlen(dir) + strlen(flow->name) + strlen(suffix) + 32;
  char *path = hls_xmalloc(n);
  snprintf(path, n, "%s/hiermoe-%s%s.safetensors", dir, flow->name, suffix);
  return path;
}

/* The analytic predictor: the estimator over the graph, no files. */
static hls_predictor *analytic_new(const hls_predictor_options *o, const hls_graph *g, hls_diags *d) {
  hls_predictor *p = hls_xcalloc(1, sizeof *p);
  p->graph = g;
  p->flow = o->flow ? o->flow : hls_tool_flow_at(0);
  hls_tool_flow_describe(p->flow->tool, p->flow->device, p->flow->clock_mhz, p->flow_text,
                         sizeof p->flow_text);
  p->analytic_only = 1;
  if (attach_analytic(p, g, p->flow, d)) {
    hls_predictor_free(p);
    return NULL;
  }
  p->regression_path = hls_xstrdup("analytic");
  p->validity_path = hls_xstrdup("analytic");
  return p;
}

/* Predictions of the analytic estimator.  Validity: synthesis is predicted
 * to succeed when the design fits the device. */
static void analytic_score(hls_predictor *p, const float *pragma, size_t n, hls_prediction *out) {
  size_t row = p->graph->nscopes * HLS_PRAGMA_DIM;
  for (size_t i = 0; i < n; i++) {
    hls_analytic_result r;
    hls_analytic_settings_encoded(p->graph, pragma + i * row, p->settings);
    hls_analytic_estimate(p->analytic, p->settings, &r);
    out[i].perf = (float)hls_perf_of_latency(r.cycles > 1 ? r.cycles : 1);
    int fits = 1;
    for (int u = 0; u < HLS_UTILS; u++) {
      out[i].util[u] = (float)r.util[u];
      fits = fits && r.util[u] <= 1.0;
    }
    out[i].valid = fits ? 1.0f : 0.0f;
    out[i].confidence = (hls_confidence){0.0f, NAN, NULL, HLS_CONFIDENCE_NONE};
  }
}

/* The predictions would be for another tool than the user targets: say so,
 * once per model, naming both flows. */
static void check_flow(const hls_model *m, const char *path, const hls_tool_flow *flow, hls_diags *d) {
  const hls_weights *w = hls_model_weights(m);
  if (!w->flow[0])
    hls_diag_add(d, HLS_SEV_WARNING, path, 0, 0,
                 "the model records no tool flow; it is applied to %s (%s) as if trained for it",
                 flow->name, flow->tool);
  else if (strcmp(w->flow, flow->name) != 0)
    hls_diag_add(d, HLS_SEV_WARNING, path, 0, 0,
                 "the model was trained for %s (%s), not for the target %s (%s): its predictions "
                 "are %s's; select the flow with -hls-target (--target) or give a %s model",
                 w->flow, w->tool, flow->name, flow->tool, w->tool, flow->name);
}

/* The flow the regression model predicts (check_flow: a model applied to
 * another target still predicts its own flow), so that a hybrid reads the
 * features it was trained on; the target for a model that records none. */
static const hls_tool_flow *model_flow(const hls_predictor *p) {
  const hls_tool_flow *f = p->regression.model
                               ? hls_tool_flow_find(hls_model_weights(p->regression.model)->flow)
                               : NULL;
  return f ? f : p->flow;
}

static void set_flow_text(hls_predictor *p) {
  const hls_weights *w = hls_model_weights(p->regression.model);
  if (w->flow[0])
    hls_tool_flow_describe(w->tool, w->device, w->clock_mhz, p->flow_text, sizeof p->flow_text);
  else
    hls_tool_flow_describe(p->flow->tool, p->flow->device, p->flow->clock_mhz, p->flow_text,
                      sizeof p->flow_text);
}

static hls_predictor *predictor_new(const hls_predictor_options *o, const hls_graph *g,
                                    hls_diags *d) {
  if (o->kind == HLS_PREDICTOR_ANALYTIC)
    return analytic_new(o, g, d);
  hls_predictor *p = hls_xcalloc(1, sizeof *p);
  p->flow = o->flow ? o->flow : hls_tool_flow_at(0);
  p->regression_path = o->regression ? hls_xstrdup(o->regression)
                                     : shipped_path(o->shipped_dir, p->flow, "");
  p->validity_path = o->validity ? hls_xstrdup(o->validity)
                                 : shipped_path(o->shipped_dir, p->flow, "-valid");
  p->regression.model = hls_model_load(p->regression_path, d);
  p->validity.model = hls_model_load(p->validity_path, d);
  int ok = p->regression.model && p->validity.model;
  if ((!p->regression.model && !o->regression) || (!p->validity.model && !o->validity))
    hls_diag_add(d, HLS_SEV_ERROR, o->shipped_dir, 0, 0,
                 "no shipped %s model next to the plugin: the build copies "
                 "model/weights/*.safetensors there; or give -hls-model= and -hls-valid-model=",
                 p->flow->name);
  if (p->regression.model)
    check_flow(p->regression.model, p->regression_path, p->flow, d);
  if (p->validity.model)
    check_flow(p->validity.model, p->validity_path, p->flow, d);
  if (ok && (hls_model_task_of(p->regression.model) != HLS_TASK_REGRESSION ||
             hls_model_task_of(p->validity.model) != HLS_TASK_VALIDITY)) {
    hls_diag_add(d, HLS_SEV_ERROR, p->regression_path, 0, 0,
                 "-hls-model must be a regression model and -hls-valid-model a validity model");
    ok = 0;
  }
  p->graph = g;
  ok = ok && network_prepare(&p->regression, g, d) == 0 &&
       network_prepare(&p->validity, g, d) == 0 && attach_analytic(p, g, model_flow(p), d) == 0;
  if (!ok) {
    hls_predictor_free(p);
    return NULL;
  }
  set_flow_text(p);
  p->hybrid = hls_model_uses_backbone(p->regression.model) ||
              hls_model_uses_backbone(p->validity.model);
  confidence_prepare(&p->confidence, p->regression.model);
  return p;
}

/* Every predictor, whichever its kind, gets the physical rules. */
hls_predictor *hls_predictor_new(const hls_predictor_options *o, const hls_graph *g,
                                 hls_diags *d) {
  hls_predictor *p = predictor_new(o, g, d);
  if (p)
    p->physical = hls_physical_new(g, p->analytic);
  return p;
}

void hls_predictor_free(hls_predictor *p) {
  if (!p)
    return;
  network_free(&p->regression);
  network_free(&p->validity);
  confidence_free(&p->confidence);
  hls_physical_free(p->physical);
  hls_analytic_free(p->analytic);
  free(p->settings);
  free(p->backbone);
  free(p->regression_path);
  free(p->validity_path);
  free(p);
}

/* The predictor's own outputs, before the physical rules. */
static int predict(hls_predictor *p, const float *pragma, size_t n, hls_prediction *out) {
  if (p->analytic_only) {
    analytic_score(p, pragma, n, out);
    return 0;
  }
  const float *backbone = p->hybrid ? backbone_features(p, pragma, n) : NULL;
  float *emb = confidence_embeddings(&p->confidence, n);
  if (network_score(&p->regression, pragma, backbone, n, emb) ||
      network_score(&p->validity, pragma, backbone, n, NULL))
    return -1;
  for (size_t i = 0; i < n; i++) {
    const float *reg = p->regression.out + i * HLS_REGRESSION_TARGETS;
    out[i].perf = reg[HLS_TARGET_perf];
    for (int u = 0; u < HLS_UTILS; u++)
      out[i].util[u] = reg[HLS_TARGET_util_LUT + u];
    out[i].valid = p->validity.out[i];
    out[i].confidence = (hls_confidence){0.0f, NAN, NULL, HLS_CONFIDENCE_NONE};
  }
  if (emb)
    confidence_score(p, pragma, backbone, n, out);
  return 0;
}

/* The one place the physical rules are applied: every kind of predictor,
 * every caller (search, score, offline check) sees only their output. */
int hls_predictor_score(void *predictor, const float *pragma, size_t n, hls_prediction *out) {
  hls_predictor *p = predictor;
  if (predict(p, pragma, n, out))
    return -1;
  hls_physical_apply(p->physical, pragma, n, out);
  return 0;
}

/* Only the analytic predictor and the hybrids report the estimator's loop
 * table: a paper network's latency does not come from it. */
struct hls_analytic *hls_predictor_analytic(const hls_predictor *p) {
  return p->analytic_only || p->hybrid ? p->analytic : NULL;
}

const char *hls_predictor_model_path(const hls_predictor *p) { return p->regression_path; }

const char *hls_predictor_valid_model_path(const hls_predictor *p) { return p->validity_path; }

const hls_tool_flow *hls_predictor_flow(const hls_predictor *p) { return p->flow; }

const char *hls_predictor_flow_text(const hls_predictor *p) { return p->flow_text; }
