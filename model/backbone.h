/* The analytic estimate as input of a learned model (model/backbone.def):
 * a fixed-length vector per design point that a hybrid model adds to its
 * outputs (residual targets) and may read beside its graph embedding. */
#ifndef HLSMOE_MODEL_BACKBONE_H
#define HLSMOE_MODEL_BACKBONE_H

#include "graph/graph.h"
#include "model/analytic.h"

enum {
#define BACKBONE_FEATURE(name) HLS_BACKBONE_##name,
#define BACKBONE_RESIDUAL_BOUND(x, damaged)
#include "model/backbone.def"
#undef BACKBONE_RESIDUAL_BOUND
#undef BACKBONE_FEATURE
  HLS_BACKBONE_FEATURES
};

/* A residual target's correction as the model uses it (model/backbone.def):
 * clamped to the bound, unless it is a damaged model's. */
float hls_backbone_bound_correction(float c);

/* Feature i's name ("perf", "log_work", ...), NULL past the end. */
const char *hls_backbone_feature_name(int i);
/* The index of the feature of that name, -1 if none. */
int hls_backbone_feature_index(const char *name);
/* Every feature name in order, joined by "," (how model files record them). */
const char *hls_backbone_features_string(void);

/* The features of one estimate of graph g into out[HLS_BACKBONE_FEATURES]. */
void hls_backbone_features(const hls_graph *g, const hls_analytic_result *r, float *out);

/* Estimates the n design points encoded as pragma [n][nscopes][HLS_PRAGMA_DIM]
 * (what the predictor API receives) and writes their features into
 * out[n][HLS_BACKBONE_FEATURES]; settings: [nloops] scratch. */
void hls_backbone_of_encoded(hls_analytic *a, const hls_graph *g, const float *pragma, size_t n,
                             hls_loop_setting *settings, float *out);

#endif
