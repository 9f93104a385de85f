/* Column indices, names and encodings of the feature schema declared in
 * schema.def. */
#ifndef HLSMOE_SCHEMA_H
#define HLSMOE_SCHEMA_H

#include <stddef.h>

/* The rules a schema.def entry may name (their meaning: schema.def).
 * "indicator" is the rule of NODE_FEATURE, EDGE_FEATURE and OPCODE columns. */
#define HLS_FEATURE_RULES(X)                                                                      \
  X(indicator)                                                                                    \
  X(log2p1) X(signed_log2p1) X(linear)                                                            \
  X(mode_off) X(mode_cg) X(mode_fg) X(log2_ii) X(log2_factor) X(factor_fraction) X(reduction)     \
  X(fg_ancestor) X(flatten_off)

typedef enum {
#define HLS_RULE_ENUM(r) HLS_RULE_##r,
  HLS_FEATURE_RULES(HLS_RULE_ENUM)
#undef HLS_RULE_ENUM
} hls_feature_rule;

#define SCHEMA_VERSION(v)

enum hls_node_feature { /* HLS_NF_<identifier> */
#define NODE_FEATURE(name) HLS_NF_##name,
#define NODE_SCALED(name, rule, scale) HLS_NF_##name,
#define EDGE_FEATURE(name)
#define EDGE_SCALED(name, rule, scale)
#define PRAGMA_FEATURE(name, group, rule, scale)
#define OPCODE(name) HLS_NF_op_##name,
#include "schema.def"
#undef NODE_FEATURE
#undef NODE_SCALED
#undef EDGE_FEATURE
#undef EDGE_SCALED
#undef PRAGMA_FEATURE
#undef OPCODE
  HLS_NODE_DIM
};

enum hls_edge_feature { /* HLS_EF_<identifier> */
#define NODE_FEATURE(name)
#define NODE_SCALED(name, rule, scale)
#define EDGE_FEATURE(name) HLS_EF_##name,
#define EDGE_SCALED(name, rule, scale) HLS_EF_##name,
#define PRAGMA_FEATURE(name, group, rule, scale)
#define OPCODE(name)
#include "schema.def"
#undef NODE_FEATURE
#undef NODE_SCALED
#undef EDGE_FEATURE
#undef EDGE_SCALED
#undef PRAGMA_FEATURE
#undef OPCODE
  HLS_EDGE_DIM
};

enum hls_pragma_feature { /* HLS_PF_<identifier> */
#define NODE_FEATURE(name)
#define NODE_SCALED(name, rule, scale)
#define EDGE_FEATURE(name)
#define EDGE_SCALED(name, rule, scale)
#define PRAGMA_FEATURE(name, group, rule, scale) HLS_PF_##name,
#define OPCODE(name)
#include "schema.def"
#undef NODE_FEATURE
#undef NODE_SCALED
#undef EDGE_FEATURE
#undef EDGE_SCALED
#undef PRAGMA_FEATURE
#undef OPCODE
  HLS_PRAGMA_DIM
};
#undef SCHEMA_VERSION

/* The three groups the model's pragma MLPs read, then HLS_GROUP_ANALYTIC:
 * columns only the analytic estimator reads (schema.def). */
typedef enum {
  HLS_GROUP_PIPELINE,
  HLS_GROUP_PARALLEL,
  HLS_GROUP_TILE,
  HLS_GROUP_ANALYTIC
} hls_pragma_group;
#define HLS_MLP_GROUPS 3

/* Display names ("kind.block", "op.load", ...): the identifier with its
 * first '_' replaced by '.'.  Returned strings are static. */
const char *hls_node_feature_name(int column);
const char *hls_edge_feature_name(int column);
const char *hls_pragma_feature_name(int column);
hls_pragma_group hls_pragma_feature_group(int column);

/* The declared rule and scale of a pragma column. */
hls_feature_rule hls_pragma_feature_rule(int column);
double hls_pragma_feature_scale(int column);

/* The value of a scaled node (NODE_SCALED) or edge (EDGE_SCALED) column for
 * the quantity n the builder measured: rule(n) / scale as declared. */
float hls_node_scaled(int column, double n);
/* What a scaled node column holds, back as the count (hls_node_scaled's inverse). */
double hls_node_unscaled(int column, float v);
float hls_edge_scaled(int column, double n);

/* Column of an LLVM opcode name ("load"), or HLS_NF_op_other. */
int hls_opcode_column(const char *opcode);

/* "<version>:<8 hex digits>": the version string of schema.def and an
 * FNV-1a hash of the version and every declaration in order, with its rule
 * and scale (see docs/graph-schema.md).  Every graph export and every model
 * file records it. */
const char *hls_schema_id(void);

#endif
