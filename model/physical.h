/* Physical sense: the rules every predictor's output passes before anyone
 * sees it (hls_predictor_score applies them, once, to the network's and the
 * analytic estimator's predictions alike; docs/runtime.md, "Physical
 * rules").  A regression can predict what no hardware does -- a negative
 * share of the device's flip-flops, fewer cycles than the loops' iterations,
 * "valid" for a design twice the size of the device -- and a search that
 * ranks by it would chase those errors.
 *
 *   utilisation  below 0 -> 0 (a clamp, not a correction: the network's
 *                error is as large as before, only no longer impossible);
 *   latency      below the analytic lower bound -> the bound
 *                (model/analytic.h, hls_analytic_lower_bound);
 *   validity     when a utilisation exceeds the device (> 1.0), at most
 *                0.5 / that utilisation: below 0.5, so the default
 *                -hls-min-valid=0.5 filters the design out, and lower the
 *                further over.
 * What was changed is recorded in the prediction (hls_prediction.adjusted),
 * and reports, score lines and remarks say so. */
#ifndef HLSMOE_MODEL_PHYSICAL_H
#define HLSMOE_MODEL_PHYSICAL_H

#include <stddef.h>

#include "graph/graph.h"
#include "model/predictor.h"
#include "support/diag.h"

/* Predictions outside these bounds are a damaged model's: the search, score
 * and the offline check stop on them (dse/explore.h,
 * hls_prediction_implausible).  The physical rules leave such a prediction
 * untouched -- clamping it would hide the damage. */
#define HLS_PREDICTED_CYCLES_MIN 1e-3
#define HLS_PREDICTED_CYCLES_MAX 1e18
#define HLS_PREDICTED_UTIL_MAX 1000.0 /* times the device */

/* hls_prediction.adjusted: bit HLS_ADJUSTED_UTIL << u for utilisation u
 * (HLS_UTIL_*) raised to 0; the latency raised to the bound; the validity
 * capped for over-use. */
enum {
  HLS_ADJUSTED_UTIL = 1u,
  HLS_ADJUSTED_LATENCY = 1u << HLS_UTILS,
  HLS_ADJUSTED_VALID = 1u << (HLS_UTILS + 1),
  HLS_ADJUSTED_KINDS = HLS_UTILS + 2
};

typedef struct hls_physical hls_physical;

/* Prepares the rules for kernel g with the lower bound of the estimator
 * `bound` (model/analytic.h: of that graph; borrowed, it must outlive the
 * rules). */
hls_physical *hls_physical_new(const hls_graph *g, struct hls_analytic *bound);
void hls_physical_free(hls_physical *ph);

/* Applies the rules to out[n], the predictions of the design points
 * `pragma` ([n][nscopes][HLS_PRAGMA_DIM], graph/encode.h); sets every
 * prediction's latency_bound and adjusted. */
void hls_physical_apply(hls_physical *ph, const float *pragma, size_t n, hls_prediction *out);

/* The name of adjustment bit k (0 <= k < HLS_ADJUSTED_KINDS) as score lines
 * and reports list it: the output it changed ("util_FF", "latency",
 * "valid"). */
const char *hls_adjusted_name(int k);

/* "latency raised to the lower bound; FF, DSP raised to 0; validity capped:
 * over the device" for a prediction's adjustments, into buf; "" when none. */
void hls_adjusted_describe(const hls_prediction *p, char *buf, size_t cap);

#endif
