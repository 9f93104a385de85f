#include "model/confidence.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char tensor_name[] =
#define CONFIDENCE_TENSOR(name) #name
#define CONFIDENCE_META(what, key)
#define CONFIDENCE_LEVEL(name, distance_below, work_below)
#include "model/confidence.def"
#undef CONFIDENCE_TENSOR
#undef CONFIDENCE_META
#undef CONFIDENCE_LEVEL
    ;

/* The metadata keys in declaration order. */
static const struct {
  const char *what, *key;
} meta_keys[] = {
#define CONFIDENCE_TENSOR(name)
#define CONFIDENCE_META(what, key) {#what, #key},
#define CONFIDENCE_LEVEL(name, distance_below, work_below)
#include "model/confidence.def"
#undef CONFIDENCE_TENSOR
#undef CONFIDENCE_META
#undef CONFIDENCE_LEVEL
};
_Static_assert(sizeof meta_keys / sizeof meta_keys[0] == HLS_CONFIDENCE_META_KEYS,
               "confidence.def: kernels, scale, perf_mean, perf_std");
/* Positions by name: a key renamed or dropped in the declaration fails here. */
enum {
#define CONFIDENCE_TENSOR(name)
#define CONFIDENCE_META(what, key) META_##what,
#define CONFIDENCE_LEVEL(name, distance_below, work_below)
#include "model/confidence.def"
#undef CONFIDENCE_TENSOR
#undef CONFIDENCE_META
#undef CONFIDENCE_LEVEL
};
enum { KERNELS = META_kernels, SCALE = META_scale, PERF_MEAN = META_perf_mean, PERF_STD = META_perf_std };

/* inf in the declaration is math.h's INFINITY. */
#define inf INFINITY
static const struct {
  const char *name;
  double distance_below, work_below;
} levels[] = {
    {"none", 0, 0},
#define CONFIDENCE_TENSOR(name)
#define CONFIDENCE_META(what, key)
#define CONFIDENCE_LEVEL(name, distance_below, work_below) {#name, distance_below, work_below},
#include "model/confidence.def"
#undef CONFIDENCE_TENSOR
#undef CONFIDENCE_META
#undef CONFIDENCE_LEVEL
};
#undef inf

const char *hls_confidence_tensor_name(void) { return tensor_name; }

const char *hls_confidence_meta_key(int i) {
  return i >= 0 && i < HLS_CONFIDENCE_META_KEYS ? meta_keys[i].key : NULL;
}

const char *hls_confidence_meta_what(int i) {
  return i >= 0 && i < HLS_CONFIDENCE_META_KEYS ? meta_keys[i].what : NULL;
}

const char *hls_confidence_level_name(int level) {
  return level >= 0 && level < HLS_CONFIDENCE_LEVELS ? levels[level].name : "?";
}

double hls_confidence_distance_below(int level) {
  return level > 0 && level < HLS_CONFIDENCE_LEVELS ? levels[level].distance_below : 0.0;
}

double hls_confidence_work_below(int level) {
  return level > 0 && level < HLS_CONFIDENCE_LEVELS ? levels[level].work_below : 0.0;
}

hls_confidence_level hls_confidence_level_of(double distance, double work) {
  for (int l = 1; l < HLS_CONFIDENCE_LEVELS - 1; l++)
    if (distance < levels[l].distance_below && (isnan(work) || work < levels[l].work_below))
      return (hls_confidence_level)l;
  return (hls_confidence_level)(HLS_CONFIDENCE_LEVELS - 1);
}

/* Splits the kernels string at ',' into r->kernels; the number of names. */
static size_t split_names(const char *text, hls_confidence_ref *r) {
  size_t n = 1;
  for (const char *c = text; *c; c++)
    n += *c == ',';
  r->names = hls_xstrdup(text);
  r->kernels = hls_xcalloc(n, sizeof *r->kernels);
  size_t k = 0;
  for (char *s = r->names, *comma;; s = comma + 1) {
    r->kernels[k++] = s;
    if (!(comma = strchr(s, ',')))
      break;
    *comma = '\0';
  }
  return n;
}

/* A metadata number: finite, and > 0 when positive is set; -1 with an error. */
static int read_number(const char *path, int key, const char *text, int positive, double *out,
                       hls_diags *d) {
  char *end;
  errno = 0;
  double v = strtod(text, &end);
  if (errno || end == text || *end || !isfinite(v) || (positive && !(v > 0))) {
    hls_diag_add(d, HLS_SEV_ERROR, path, 0, 0, "metadata \"%s\" is \"%s\", expected a %snumber",
                 meta_keys[key].key, text, positive ? "positive " : "");
    return -1;
  }
  *out = v;
  return 0;
}

int hls_confidence_bind(const char *path, const float *rows, int ndim, const int64_t *shape,
                        const char *const meta[HLS_CONFIDENCE_META_KEYS], size_t dim,
                        hls_confidence_ref *r, hls_diags *d) {
  memset(r, 0, sizeof *r);
  int present = 0;
  for (int k = 0; k < HLS_CONFIDENCE_META_KEYS; k++)
    present += meta[k] != NULL;
  if (!rows && !present)
    return 0;
  if (!rows || present < HLS_CONFIDENCE_META_KEYS) {
    char missing[256] = "";
    size_t at = 0;
    if (!rows)
      at += (size_t)snprintf(missing, sizeof missing, " tensor '%s'", tensor_name);
    for (int k = 0; k < HLS_CONFIDENCE_META_KEYS && at < sizeof missing; k++)
      if (!meta[k])
        at += (size_t)snprintf(missing + at, sizeof missing - at, " \"%s\"", meta_keys[k].key);
    hls_diag_add(d, HLS_SEV_ERROR, path, 0, 0,
                 "training embeddings need tensor '%s' and their metadata together; the file "
                 "lacks%s",
                 tensor_name, missing);
    return -1;
  }
  int errors = 0;
  if (ndim != 2 || shape[0] < 1 || (uint64_t)shape[1] != (uint64_t)dim) {
    hls_diag_add(d, HLS_SEV_ERROR, path, 0, 0,
                 "tensor '%s': needs shape [kernels, %zu] (the model's embedding width)",
                 tensor_name, dim);
    errors++;
  }
  size_t n = split_names(meta[KERNELS], r);
  for (size_t k = 0; k < n; k++)
    if (!r->kernels[k][0]) {
      hls_diag_add(d, HLS_SEV_ERROR, path, 0, 0, "metadata \"%s\": kernel name %zu is empty",
                   meta_keys[KERNELS].key, k);
      errors++;
      break;
    }
  if (!errors && (uint64_t)shape[0] != n) {
    hls_diag_add(d, HLS_SEV_ERROR, path, 0, 0,
                 "metadata \"%s\" names %zu kernels, tensor '%s' has %lld rows",
                 meta_keys[KERNELS].key, n, tensor_name, (long long)shape[0]);
    errors++;
  }
  errors += read_number(path, SCALE, meta[SCALE], 1, &r->scale, d) != 0;
  errors += read_number(path, PERF_MEAN, meta[PERF_MEAN], 0, &r->perf_mean, d) != 0;
  errors += read_number(path, PERF_STD, meta[PERF_STD], 1, &r->perf_std, d) != 0;
  if (errors) {
    hls_confidence_ref_free(r);
    return -1;
  }
  r->count = n;
  r->dim = dim;
  r->rows = rows;
  return 0;
}

void hls_confidence_ref_free(hls_confidence_ref *r) {
  free(r->kernels);
  free(r->names);
  memset(r, 0, sizeof *r);
}

/* |a - b|^2 in eight float partial sums, as runtime/'s dot product: a fixed
 * summation order that vectorises without -ffast-math (a double loop was 5 %
 * of an exploration's time; this is ~1e-6 relative).  Kept here rather than
 * in runtime/ so that the weight reader (and its fuzz target) needs no BLAS. */
static double sqdist(const float *restrict a, const float *restrict b, size_t d) {
  float acc[8] = {0};
  size_t i = 0;
  for (; i + 8 <= d; i += 8)
    for (int k = 0; k < 8; k++) {
      float diff = a[i + k] - b[i + k];
      acc[k] += diff * diff;
    }
  float s = ((acc[0] + acc[4]) + (acc[1] + acc[5])) + ((acc[2] + acc[6]) + (acc[3] + acc[7]));
  for (; i < d; i++)
    s += (a[i] - b[i]) * (a[i] - b[i]);
  return (double)s;
}

hls_confidence hls_confidence_of(const hls_confidence_ref *r, const float *z, double analytic_perf) {
  hls_confidence c = {0.0f, NAN, NULL, HLS_CONFIDENCE_NONE};
  if (!r || !r->count)
    return c;
  double best = INFINITY;
  size_t nearest = 0;
  for (size_t k = 0; k < r->count; k++) {
    double sum = sqdist(z, r->rows + k * r->dim, r->dim);
    if (sum < best) { /* the first of equal rows, as numpy's stable argsort */
      best = sum;
      nearest = k;
    }
  }
  double distance = sqrt(best) / r->scale;
  double work = fabs(analytic_perf - r->perf_mean) / r->perf_std; /* NaN stays NaN */
  c.distance = (float)distance;
  c.work = (float)work;
  c.nearest = r->kernels[nearest];
  c.level = hls_confidence_level_of(distance, work);
  return c;
}
