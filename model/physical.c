/* The physical rules of model/physical.h over a batch of predictions. */
#include "model/physical.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "model/analytic.h"
#include "model/config.h"

struct hls_physical {
  const hls_graph *g;
  hls_analytic *bound;        /* the lower bound's analysis of the graph (borrowed) */
  hls_loop_setting *settings; /* [nloops] scratch */
};

hls_physical *hls_physical_new(const hls_graph *g, hls_analytic *bound) {
  hls_physical *ph = hls_xcalloc(1, sizeof *ph);
  ph->g = g;
  ph->bound = bound;
  ph->settings = hls_xcalloc(g->nloops + 1, sizeof *ph->settings);
  return ph;
}

void hls_physical_free(hls_physical *ph) {
  if (!ph)
    return;
  free(ph->settings);
  free(ph);
}

/* Would the callers' plausibility check pass it?  (dse/explore.c,
 * hls_prediction_implausible: the same limits.) */
static int plausible(const hls_prediction *p) {
  double cycles = hls_latency_cycles(p->perf);
  if (!isfinite(cycles) || cycles < HLS_PREDICTED_CYCLES_MIN || cycles > HLS_PREDICTED_CYCLES_MAX)
    return 0;
  for (int u = 0; u < HLS_UTILS; u++)
    if (!isfinite(p->util[u]) || fabs(p->util[u]) > HLS_PREDICTED_UTIL_MAX)
      return 0;
  return isfinite(p->valid);
}

/* The perf of `cycles`, rounded to a float that does not mean fewer
 * cycles. */
static float perf_at_most(double cycles) {
  float perf = (float)hls_perf_of_latency(cycles);
  while (hls_latency_cycles(perf) < cycles)
    perf = nextafterf(perf, -INFINITY);
  return perf;
}

static void apply_one(hls_physical *ph, const float *pragma, hls_prediction *p) {
  p->adjusted = 0;
  p->latency_bound = 0;
  if (!plausible(p))
    return; /* a damaged model's: left for the callers to report */
  float over = 0; /* the largest utilisation */
  for (int u = 0; u < HLS_UTILS; u++) {
    if (p->util[u] < 0) {
      p->util[u] = 0;
      p->adjusted |= HLS_ADJUSTED_UTIL << u;
    } else if (p->util[u] == 0) {
      p->util[u] = 0; /* not -0, which prints as "-0.0%" */
    }
    over = p->util[u] > over ? p->util[u] : over;
  }
  hls_analytic_settings_encoded(ph->g, pragma, ph->settings);
  p->latency_bound = hls_analytic_lower_bound(ph->bound, ph->settings);
  if (hls_latency_cycles(p->perf) < p->latency_bound) {
    p->perf = perf_at_most(p->latency_bound);
    p->adjusted |= HLS_ADJUSTED_LATENCY;
  }
  if (over > 1.0f) {
    float cap = (float)(0.5 / over);
    if (!(cap < 0.5f))
      cap = nextafterf(0.5f, 0.0f); /* just over 1.0: still below 0.5 */
    if (p->valid > cap) {
      p->valid = cap;
      p->adjusted |= HLS_ADJUSTED_VALID;
    }
  }
}

void hls_physical_apply(hls_physical *ph, const float *pragma, size_t n, hls_prediction *out) {
  size_t row = ph->g->nscopes * HLS_PRAGMA_DIM;
  for (size_t i = 0; i < n; i++)
    apply_one(ph, pragma + i * row, &out[i]);
}

const char *hls_adjusted_name(int k) {
  if (k >= 0 && k < HLS_UTILS)
    return hls_model_target_name(HLS_TASK_REGRESSION, HLS_TARGET_util_LUT + k);
  return k == HLS_UTILS ? "latency" : k == HLS_UTILS + 1 ? "valid" : "?";
}

void hls_adjusted_describe(const hls_prediction *p, char *buf, size_t cap) {
  static const char *const util[HLS_UTILS] = {"LUT", "FF", "DSP", "BRAM"};
  size_t at = 0;
  buf[0] = 0;
#define PUT(...)                                                                         \
  do {                                                                                   \
    int k = snprintf(buf + at, at < cap ? cap - at : 0, __VA_ARGS__);                    \
    at += k > 0 ? (size_t)k : 0;                                                         \
  } while (0)
  if (p->adjusted & HLS_ADJUSTED_LATENCY)
    PUT("latency raised to the lower bound");
  int first = 1;
  for (int u = 0; u < HLS_UTILS; u++)
    if (p->adjusted & (HLS_ADJUSTED_UTIL << u)) {
      PUT("%s%s", first ? (at ? "; " : "") : ", ", util[u]);
      first = 0;
    }
  if (!first)
    PUT(" raised to 0");
  if (p->adjusted & HLS_ADJUSTED_VALID)
    PUT("%svalidity capped: over the device", at ? "; " : "");
#undef PUT
  if (at >= cap && cap)
    buf[cap - 1] = 0;
}
