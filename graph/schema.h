/* Column indices and names of the feature schema declared in schema.def. */
#ifndef HLSMOE_SCHEMA_H
#define HLSMOE_SCHEMA_H

#include <stddef.h>

#define SCHEMA_VERSION(v)

enum hls_node_feature { /* HLS_NF_<identifier> */
#define NODE_FEATURE(name) HLS_NF_##name,
#define EDGE_FEATURE(name)
#define PRAGMA_FEATURE(name, group)
#define OPCODE(name) HLS_NF_op_##name,
#include "schema.def"
#undef NODE_FEATURE
#undef EDGE_FEATURE
#undef PRAGMA_FEATURE
#undef OPCODE
  HLS_NODE_DIM
};

enum hls_edge_feature { /* HLS_EF_<identifier> */
#define NODE_FEATURE(name)
#define EDGE_FEATURE(name) HLS_EF_##name,
#define PRAGMA_FEATURE(name, group)
#define OPCODE(name)
#include "schema.def"
#undef NODE_FEATURE
#undef EDGE_FEATURE
#undef PRAGMA_FEATURE
#undef OPCODE
  HLS_EDGE_DIM
};

enum hls_pragma_feature { /* HLS_PF_<identifier> */
#define NODE_FEATURE(name)
#define EDGE_FEATURE(name)
#define PRAGMA_FEATURE(name, group) HLS_PF_##name,
#define OPCODE(name)
#include "schema.def"
#undef NODE_FEATURE
#undef EDGE_FEATURE
#undef PRAGMA_FEATURE
#undef OPCODE
  HLS_PRAGMA_DIM
};
#undef SCHEMA_VERSION

typedef enum { HLS_GROUP_PIPELINE, HLS_GROUP_PARALLEL, HLS_GROUP_TILE } hls_pragma_group;

/* Display names ("kind.block", "op.load", ...): the identifier with its
 * first '_' replaced by '.'.  Returned strings are static. */
const char *hls_node_feature_name(int column);
const char *hls_edge_feature_name(int column);
const char *hls_pragma_feature_name(int column);
hls_pragma_group hls_pragma_feature_group(int column);

/* Column of an LLVM opcode name ("load"), or HLS_NF_op_other. */
int hls_opcode_column(const char *opcode);

/* "<version>:<8 hex digits>": the version string of schema.def and an
 * FNV-1a hash of its declarations in order (see docs/graph-schema.md).
 * Every graph export and every model file records it. */
const char *hls_schema_id(void);

#endif
