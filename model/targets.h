/* The model's targets and the latency transform of model/targets.def.
 * Header-only, so that code which does not link the model (the search in
 * dse/) can convert predictions too. */
#ifndef HLSMOE_MODEL_TARGETS_H
#define HLSMOE_MODEL_TARGETS_H

#include <math.h>

enum hls_regression_target { /* HLS_TARGET_<name>, in head order */
#define TARGET(name) HLS_TARGET_##name,
#define VALIDITY_TARGET(name)
#define PERF_TRANSFORM(reference, divisor)
#include "model/targets.def"
#undef TARGET
#undef VALIDITY_TARGET
#undef PERF_TRANSFORM
  HLS_REGRESSION_TARGETS
};

/* reference and divisor of perf = log2(reference / latency) / divisor. */
static const double hls_perf_transform[2] = {
#define TARGET(name)
#define VALIDITY_TARGET(name)
#define PERF_TRANSFORM(reference, divisor) reference, divisor
#include "model/targets.def"
#undef TARGET
#undef VALIDITY_TARGET
#undef PERF_TRANSFORM
};

/* The perf target of a latency in cycles. */
static inline double hls_perf_of_latency(double cycles) {
  return log2(hls_perf_transform[0] / cycles) / hls_perf_transform[1];
}

/* Cycles for a perf value: reference / 2^(divisor * perf). */
static inline double hls_latency_of_perf(double perf) {
  return hls_perf_transform[0] / pow(2.0, hls_perf_transform[1] * perf);
}

#endif
