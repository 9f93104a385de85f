/* The safetensors weight file of a HierMoE model (docs/model-format.md).
 *
 * hls_weights_load reads the file once and validates everything before any
 * value is used: header length, JSON, metadata against this build (feature
 * schema, dimensions), each tensor's dtype, shape and data offsets, that the
 * offsets tile the data section, that the tensors are exactly those the
 * configuration needs (plus, optionally, the training embeddings of
 * model/confidence.h, checked against the metadata that comes with them),
 * and that every value is finite.  Each violation is its
 * own error naming the file and the tensor. */
#ifndef HLSMOE_MODEL_WEIGHTS_H
#define HLSMOE_MODEL_WEIGHTS_H

#include <stddef.h>
#include <stdint.h>

#include "support/diag.h"
#include "model/config.h"
#include "model/confidence.h"
#include "model/flows.h"

/* Headers larger than this are refused before anything is allocated. */
#define HLS_WEIGHTS_HEADER_MAX ((uint64_t)100 << 20)

typedef struct {
  char *name;
  int ndim;
  int64_t shape[8];
  uint64_t begin, end; /* byte offsets into the data section */
  const float *data;   /* into hls_weights.data, once validated */
} hls_tensor;

typedef struct {
  char *path;
  hls_model_config config;
  char *schema, *trained_on;
  /* The tool flow the model was trained for (model/flows.def; metadata
   * "flow", "tool", "device", "clock_mhz"): flow "" when the file records none. */
  char *flow, *tool, *device;
  int clock_mhz;
  /* The training embeddings of model/confidence.def (count 0: none); its
   * tensor is among `tensors` too, and its metadata strings in confidence_meta. */
  hls_confidence_ref confidence;
  char *confidence_meta[HLS_CONFIDENCE_META_KEYS];
  hls_tensor *tensors; /* sorted by name */
  size_t ntensors;
  float *data; /* the data section, 4-byte aligned */
  uint64_t data_bytes;
} hls_weights;

/* Returns 0, or -1 with errors in d (w is then empty). */
int hls_weights_load(const char *path, hls_weights *w, hls_diags *d);
void hls_weights_free(hls_weights *w);
/* The tensor of that name, NULL if absent. */
const hls_tensor *hls_weights_find(const hls_weights *w, const char *name);

/* Writes a weight file: tensors in spec order, data[i] holding spec item i;
 * flow (may be NULL: none) is recorded as the flow the model was trained for.
 * Returns 0, or -1 with an error naming path. */
int hls_weights_write(const char *path, const hls_model_config *c, const char *trained_on,
                      const hls_tool_flow *flow, const hls_spec *spec, float *const *data,
                      hls_diags *d);

#endif
