/* The backbone features' declaration (model/backbone.def) as C reads it:
 * names, their joined string (model files record it), the residual bound.
 * Computing the features is model/backbone_features.c. */
#include "model/backbone.h"

#include <math.h>
#include <string.h>

#define BACKBONE_FEATURE(name)
#define BACKBONE_RESIDUAL_BOUND(x, damaged) \
  static const float residual_bound = (x), residual_damaged = (damaged);
#include "model/backbone.def"
#undef BACKBONE_RESIDUAL_BOUND
#undef BACKBONE_FEATURE

float hls_backbone_bound_correction(float c) {
  if (!(fabsf(c) <= residual_damaged)) /* NaN too: a damaged model's, for the checks to refuse */
    return c;
  return c < -residual_bound ? -residual_bound : (c > residual_bound ? residual_bound : c);
}

const char *hls_backbone_feature_name(int i) {
  static const char *const names[] = {
#define BACKBONE_FEATURE(name) #name,
#define BACKBONE_RESIDUAL_BOUND(x, damaged)
#include "model/backbone.def"
#undef BACKBONE_RESIDUAL_BOUND
#undef BACKBONE_FEATURE
  };
  return i >= 0 && i < HLS_BACKBONE_FEATURES ? names[i] : NULL;
}

int hls_backbone_feature_index(const char *name) {
  for (int i = 0; name && i < HLS_BACKBONE_FEATURES; i++)
    if (strcmp(hls_backbone_feature_name(i), name) == 0)
      return i;
  return -1;
}

const char *hls_backbone_features_string(void) {
  static const char joined[] =
#define BACKBONE_FEATURE(name) "," #name
#define BACKBONE_RESIDUAL_BOUND(x, damaged)
#include "model/backbone.def"
#undef BACKBONE_RESIDUAL_BOUND
#undef BACKBONE_FEATURE
      ;
  return joined + 1; /* past the first "," */
}
