/* The confidence of a prediction (docs/confidence.md): how far a design's
 * graph embedding lies from the kernels the model was trained on.
 *
 * A regression weight file may carry the mean embedding of each training
 * kernel, the typical distance between them, and the mean and spread of the
 * training designs' perf (model/confidence.def).  A design has two measures:
 * its distance, the Euclidean distance of its embedding to the nearest row in
 * units of the typical distance, and its work, how many standard deviations
 * the analytic estimator's perf of the design lies from the training designs'
 * mean (the zero-shot error follows the second far more than the first:
 * docs/confidence.md).  Its level (high, medium, low) follows the bounds of
 * confidence.def.  A file without the rows (older models, random test
 * models) gives no confidence: level NONE.
 *
 * Header-light on purpose: dse/ and the pass read hls_confidence through
 * model/predictor.h without the weight reader. */
#ifndef HLSMOE_MODEL_CONFIDENCE_H
#define HLSMOE_MODEL_CONFIDENCE_H

#include <stddef.h>
#include <stdint.h>

#include "support/diag.h"

typedef enum {
  HLS_CONFIDENCE_NONE, /* the predictor has no training embeddings */
#define CONFIDENCE_TENSOR(name)
#define CONFIDENCE_META(what, key)
#define CONFIDENCE_LEVEL(name, distance_below, work_below) HLS_CONFIDENCE_##name,
#include "model/confidence.def"
#undef CONFIDENCE_TENSOR
#undef CONFIDENCE_META
#undef CONFIDENCE_LEVEL
  HLS_CONFIDENCE_LEVELS /* one past the last level */
} hls_confidence_level;

/* What a prediction says about its own reliability. */
typedef struct {
  float distance;      /* to the nearest training kernel, in typical distances */
  float work;          /* |analytic perf - training mean| / training std; NaN: no estimate */
  const char *nearest; /* that kernel (owned by the model); NULL when level is NONE */
  int level;           /* hls_confidence_level; NONE (0) when there is no confidence */
} hls_confidence;

/* The training embeddings of one model, bound to its weight file's data. */
typedef struct {
  size_t count, dim;
  const float *rows; /* [count][dim], in the weight file's data section */
  char **kernels;    /* count names, row order */
  char *names;       /* the storage of kernels */
  double scale;      /* the typical distance, > 0 */
  double perf_mean, perf_std; /* of the training designs' perf; perf_std > 0 */
} hls_confidence_ref;

enum { HLS_CONFIDENCE_META_KEYS = 4 }; /* kernels, scale, perf_mean, perf_std */

/* The names confidence.def declares. */
const char *hls_confidence_tensor_name(void);
const char *hls_confidence_meta_key(int i);  /* in declaration order; NULL past the last */
const char *hls_confidence_meta_what(int i); /* "kernels", "scale", ...: what key i holds */
const char *hls_confidence_level_name(int level); /* "none" for NONE */
/* The level's bounds (+inf for the last level). */
double hls_confidence_distance_below(int level);
double hls_confidence_work_below(int level);
/* The first level whose bounds both measures stay below; a NaN work (no
 * analytic estimate) bounds nothing. */
hls_confidence_level hls_confidence_level_of(double distance, double work);

/* Binds the training embeddings of a weight file: rows the confidence
 * tensor's data (NULL if the file has no such tensor) of shape[ndim], meta
 * the metadata strings in hls_confidence_meta_key order (each NULL if
 * absent), dim the model's embedding width.  Returns 0 with r->count 0 when
 * the file records none, 0 with r filled when it records them, -1 with
 * errors naming path when it records them inconsistently (part of them, a
 * wrong shape, names that do not match the rows, numbers out of range). */
int hls_confidence_bind(const char *path, const float *rows, int ndim, const int64_t *shape,
                        const char *const meta[HLS_CONFIDENCE_META_KEYS], size_t dim,
                        hls_confidence_ref *r, hls_diags *d);
void hls_confidence_ref_free(hls_confidence_ref *r);

/* The confidence of a design with embedding z [r->dim] whose analytic
 * estimate is analytic_perf (NaN: none); level NONE when r holds no rows.
 * Deterministic: each distance is summed in a fixed order. */
hls_confidence hls_confidence_of(const hls_confidence_ref *r, const float *z, double analytic_perf);

#endif
