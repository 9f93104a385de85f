/* The compiler's one question to the model, as LLVM's MLGO asks through
 * MLModelRunner: "score these design points of this kernel".  The answer is
 * latency, utilisation and validity per point; callers hold no model handles
 * and know no output layout.  Two implementations stand behind it: the
 * HierMoE network (a regression and a validity model, model/hiermoe.h) and
 * the analytic estimator (model/analytic.h), which needs no model files. */
#ifndef HLSMOE_MODEL_PREDICTOR_H
#define HLSMOE_MODEL_PREDICTOR_H

#include <stddef.h>

#include "graph/graph.h"
#include "model/confidence.h"
#include "model/flows.h"
#include "model/targets.h"
#include "support/diag.h"

/* The utilisation targets (model/targets.def), numbered from 0. */
enum {
  HLS_UTIL_LUT = HLS_TARGET_util_LUT - 1,
  HLS_UTIL_FF = HLS_TARGET_util_FF - 1,
  HLS_UTIL_DSP = HLS_TARGET_util_DSP - 1,
  HLS_UTIL_BRAM = HLS_TARGET_util_BRAM - 1,
  HLS_UTILS = HLS_REGRESSION_TARGETS - 1
};

/* One design point's predictions, in the model's output space, after the
 * physical rules of model/physical.h (utilisations >= 0, latency >= the
 * lower bound, over-use not valid). */
typedef struct {
  float perf;             /* the perf target of model/targets.def: higher is faster */
  float util[HLS_UTILS];  /* fractions of the device */
  float valid;            /* probability that the HLS run succeeds; below 0.5 when a
                           * utilisation is over the device (the design cannot be built) */
  double latency_bound;   /* cycles no schedule of this point beats (model/physical.h); 0: none */
  unsigned adjusted;      /* what the physical rules changed: HLS_ADJUSTED_* bits */
  /* How far the design is from what the regression model was trained on
   * (model/confidence.h); level HLS_CONFIDENCE_NONE when the model records
   * no training embeddings and for the analytic estimator. */
  hls_confidence confidence;
} hls_prediction;

/* Cycles for a predicted perf value (model/targets.def's transform). */
double hls_latency_cycles(float perf);

typedef enum {
  HLS_PREDICTOR_NETWORK,  /* the HierMoE network (the default) */
  HLS_PREDICTOR_ANALYTIC  /* the analytic estimator: no model files */
} hls_predictor_kind;

/* Which models to use, for which tool flow (model/flows.h).  A NULL path
 * selects the shipped model of that task and flow in `shipped_dir`
 * (hiermoe-<flow>.safetensors, hiermoe-<flow>-valid.safetensors).  A model
 * trained for another flow than `flow`, or recording none, is used with a
 * warning.  The paths are ignored by the analytic predictor. */
typedef struct {
  const char *regression;
  const char *validity;
  const char *shipped_dir;
  int kind; /* hls_predictor_kind */
  const hls_tool_flow *flow;
} hls_predictor_options;

typedef struct hls_predictor hls_predictor;

/* Loads the models and prepares them for kernel g (the graph must outlive the
 * predictor).  NULL with errors in d. */
hls_predictor *hls_predictor_new(const hls_predictor_options *o, const hls_graph *g,
                                 hls_diags *d);
void hls_predictor_free(hls_predictor *p);

/* Scores n design points given as pragma matrices [n][nscopes][HLS_PRAGMA_DIM]
 * (graph/encode.h) into out[n].  `predictor` is an hls_predictor: the
 * signature is the search's scoring callback (dse/explore.h).  Not
 * thread-safe: one predictor per thread.  Returns 0, or -1. */
int hls_predictor_score(void *predictor, const float *pragma, size_t n, hls_prediction *out);

/* The analytic estimator behind an analytic or hybrid predictor (its loop
 * tables for reports and remarks), NULL for the paper's networks. */
struct hls_analytic *hls_predictor_analytic(const hls_predictor *p);

/* The regression model's file, as reports name it ("analytic" for the
 * analytic estimator). */
const char *hls_predictor_model_path(const hls_predictor *p);
/* The validity model's file. */
const char *hls_predictor_valid_model_path(const hls_predictor *p);
/* The flow the predictions are for (the options' flow). */
const hls_tool_flow *hls_predictor_flow(const hls_predictor *p);
/* How the predictions' flow reads in remarks and reports: the tool, device
 * and clock the regression model records ("Vitis HLS 2025.1, xcu200 @ 250
 * MHz"), or the target flow's when the model records none. */
const char *hls_predictor_flow_text(const hls_predictor *p);

#endif
