/* The tool flows a model predicts (model/flows.def): the -hls-target names,
 * the default flow of a kernel's pragma dialect, the shipped model files of a
 * flow, and how remarks and reports state a flow. */
#ifndef HLSMOE_MODEL_FLOWS_H
#define HLSMOE_MODEL_FLOWS_H

#include <stddef.h>

#include "pragma/vocabulary.h"

typedef struct {
  const char *name;    /* "vitis-2025.1": -hls-target, model file names */
  const char *tool;    /* "Vitis HLS 2025.1" */
  const char *device;  /* "xcu200" */
  int clock_mhz;       /* 250 */
  hls_dialect dialect; /* kernels in this dialect default to the flow */
  const char *version; /* the data's tool version ("v25") */
  int capacity_pct;    /* the utilisations are fractions of this share of the device */
  int merges_nests;    /* the analytic estimator flattens perfect nests (analytic.c) */
  int partitions_args; /* ... spreads arrays behind pointer arguments over banks */
} hls_tool_flow;

size_t hls_tool_flow_count(void);
const hls_tool_flow *hls_tool_flow_at(size_t i);
/* The flow of that name; NULL if unknown. */
const hls_tool_flow *hls_tool_flow_find(const char *name);
/* The position of f in model/flows.def (its slot in a one-hot over the
 * flows); -1 for NULL. */
int hls_tool_flow_index(const hls_tool_flow *f);
/* The default flow of a kernel written in dialect d: Merlin's for Merlin
 * pragmas, Vitis's for Vitis pragmas and for plain C (a kernel without HLS
 * pragmas is most likely meant for Vitis HLS today). */
const hls_tool_flow *hls_tool_flow_default(hls_dialect d);
/* The flow names joined by ", " (for "expected one of" messages). */
const char *hls_tool_flow_names(void);
/* The flow names joined by ",": the one-hot a model across flows reads, in
 * this order (metadata "flow_inputs", docs/model-format.md). */
const char *hls_tool_flow_inputs_string(void);
/* "Vitis HLS 2025.1, xcu200 @ 250 MHz" into buf. */
void hls_tool_flow_describe(const char *tool, const char *device, int clock_mhz, char *buf, size_t n);

#endif
