#include "model/flows.h"

#include <stdio.h>
#include <string.h>

/* clang-format off */
static const hls_tool_flow flows[] = {
#define FLOW(name, tool, device, clock, dialect, version, capacity_pct, merges_nests, partitions_args) \
  {name, tool, device, clock, HLS_TOOL_FLOW_DIALECT_##dialect, version, capacity_pct, merges_nests,      \
   partitions_args},
#define HLS_TOOL_FLOW_DIALECT_merlin HLS_DIALECT_MERLIN
#define HLS_TOOL_FLOW_DIALECT_vitis HLS_DIALECT_VITIS
#include "model/flows.def"
#undef FLOW
};
/* clang-format on */

size_t hls_tool_flow_count(void) { return sizeof flows / sizeof flows[0]; }

const hls_tool_flow *hls_tool_flow_at(size_t i) { return i < hls_tool_flow_count() ? &flows[i] : NULL; }

const hls_tool_flow *hls_tool_flow_find(const char *name) {
  for (size_t i = 0; name && i < hls_tool_flow_count(); i++)
    if (strcmp(flows[i].name, name) == 0)
      return &flows[i];
  return NULL;
}

int hls_tool_flow_index(const hls_tool_flow *f) { return f ? (int)(f - flows) : -1; }

const hls_tool_flow *hls_tool_flow_default(hls_dialect d) {
  hls_dialect want = d == HLS_DIALECT_MERLIN ? HLS_DIALECT_MERLIN : HLS_DIALECT_VITIS;
  for (size_t i = 0; i < hls_tool_flow_count(); i++)
    if (flows[i].dialect == want)
      return &flows[i];
  return &flows[0];
}

static void join_names(char *buf, size_t size, const char *sep) {
  for (size_t i = 0; i < hls_tool_flow_count(); i++) {
    size_t n = strlen(buf);
    snprintf(buf + n, size - n, "%s%s", i ? sep : "", flows[i].name);
  }
}

const char *hls_tool_flow_names(void) {
  static char names[256];
  if (!names[0])
    join_names(names, sizeof names, ", ");
  return names;
}

const char *hls_tool_flow_inputs_string(void) {
  static char names[256];
  if (!names[0])
    join_names(names, sizeof names, ",");
  return names;
}

void hls_tool_flow_describe(const char *tool, const char *device, int clock_mhz, char *buf, size_t n) {
  snprintf(buf, n, "%s, %s @ %d MHz", tool, device, clock_mhz);
}
