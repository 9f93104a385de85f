#include "graph/schema.h"

#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* One column as declared: identifier, rule and scale (and the group of a
 * pragma column).  One table per vector, in declaration order. */
typedef struct {
  const char *id;
  hls_feature_rule rule;
  double scale;
  const char *group;        /* pragma columns only, as written */
  hls_pragma_group group_k; /* pragma columns only */
} column_decl;

/* The groups schema.def may name (another name does not compile). */
#define group_pipeline HLS_GROUP_PIPELINE
#define group_parallel HLS_GROUP_PARALLEL
#define group_tile HLS_GROUP_TILE
#define group_analytic HLS_GROUP_ANALYTIC

#define SCHEMA_VERSION(v)
static const column_decl node_cols[] = {
#define NODE_FEATURE(name) {#name, HLS_RULE_indicator, 1, NULL, 0},
#define NODE_SCALED(name, rule, scale) {#name, HLS_RULE_##rule, scale, NULL, 0},
#define EDGE_FEATURE(name)
#define EDGE_SCALED(name, rule, scale)
#define PRAGMA_FEATURE(name, group, rule, scale)
#define OPCODE(name) {"op_" #name, HLS_RULE_indicator, 1, NULL, 0},
#include "schema.def"
#undef NODE_FEATURE
#undef NODE_SCALED
#undef EDGE_FEATURE
#undef EDGE_SCALED
#undef PRAGMA_FEATURE
#undef OPCODE
};

static const column_decl edge_cols[] = {
#define NODE_FEATURE(name)
#define NODE_SCALED(name, rule, scale)
#define EDGE_FEATURE(name) {#name, HLS_RULE_indicator, 1, NULL, 0},
#define EDGE_SCALED(name, rule, scale) {#name, HLS_RULE_##rule, scale, NULL, 0},
#define PRAGMA_FEATURE(name, group, rule, scale)
#define OPCODE(name)
#include "schema.def"
#undef NODE_FEATURE
#undef NODE_SCALED
#undef EDGE_FEATURE
#undef EDGE_SCALED
#undef PRAGMA_FEATURE
#undef OPCODE
};

static const column_decl pragma_cols[] = {
#define NODE_FEATURE(name)
#define NODE_SCALED(name, rule, scale)
#define EDGE_FEATURE(name)
#define EDGE_SCALED(name, rule, scale)
#define PRAGMA_FEATURE(name, group, rule, scale) {#name, HLS_RULE_##rule, scale, #group, group_##group},
#define OPCODE(name)
#include "schema.def"
#undef NODE_FEATURE
#undef NODE_SCALED
#undef EDGE_FEATURE
#undef EDGE_SCALED
#undef PRAGMA_FEATURE
#undef OPCODE
};
#undef SCHEMA_VERSION

static const char *schema_version(void) {
#define NODE_FEATURE(name)
#define NODE_SCALED(name, rule, scale)
#define EDGE_FEATURE(name)
#define EDGE_SCALED(name, rule, scale)
#define PRAGMA_FEATURE(name, group, rule, scale)
#define OPCODE(name)
#define SCHEMA_VERSION(v) return v;
#include "schema.def"
#undef NODE_FEATURE
#undef NODE_SCALED
#undef EDGE_FEATURE
#undef EDGE_SCALED
#undef PRAGMA_FEATURE
#undef OPCODE
#undef SCHEMA_VERSION
}

static const char *const rule_names[] = {
#define HLS_RULE_NAME(r) #r,
    HLS_FEATURE_RULES(HLS_RULE_NAME)
#undef HLS_RULE_NAME
};

_Static_assert(sizeof node_cols / sizeof *node_cols == HLS_NODE_DIM, "node table");
_Static_assert(sizeof edge_cols / sizeof *edge_cols == HLS_EDGE_DIM, "edge table");
_Static_assert(sizeof pragma_cols / sizeof *pragma_cols == HLS_PRAGMA_DIM, "pragma table");

/* Display names and the schema id are computed once, under pthread_once, so
 * that concurrent first calls are safe. */
#define NAME_MAX_LEN 40
static struct {
  char node[HLS_NODE_DIM][NAME_MAX_LEN];
  char edge[HLS_EDGE_DIM][NAME_MAX_LEN];
  char pragma[HLS_PRAGMA_DIM][NAME_MAX_LEN];
  char id[64];
} names;
static pthread_once_t names_once = PTHREAD_ONCE_INIT;

static void display(char *slot, const char *id) {
  snprintf(slot, NAME_MAX_LEN, "%s", id);
  char *u = strchr(slot, '_');
  if (u)
    *u = '.';
}

static void compute_schema_id(char *out, size_t cap);

static void init_names(void) {
  for (int c = 0; c < HLS_NODE_DIM; c++)
    display(names.node[c], node_cols[c].id);
  for (int c = 0; c < HLS_EDGE_DIM; c++)
    display(names.edge[c], edge_cols[c].id);
  for (int c = 0; c < HLS_PRAGMA_DIM; c++)
    display(names.pragma[c], pragma_cols[c].id);
  compute_schema_id(names.id, sizeof names.id);
}

const char *hls_node_feature_name(int c) {
  pthread_once(&names_once, init_names);
  return names.node[c];
}
const char *hls_edge_feature_name(int c) {
  pthread_once(&names_once, init_names);
  return names.edge[c];
}
const char *hls_pragma_feature_name(int c) {
  pthread_once(&names_once, init_names);
  return names.pragma[c];
}

hls_pragma_group hls_pragma_feature_group(int c) { return pragma_cols[c].group_k; }

hls_feature_rule hls_pragma_feature_rule(int c) { return pragma_cols[c].rule; }
double hls_pragma_feature_scale(int c) { return pragma_cols[c].scale; }

/* rule(n) / scale; an indicator column holds n itself (0 or 1). */
static float scaled(const column_decl *col, double n) {
  double r;
  switch (col->rule) {
  case HLS_RULE_log2p1:
    r = log2(1.0 + n);
    break;
  case HLS_RULE_signed_log2p1:
    r = (n < 0 ? -1.0 : 1.0) * log2(1.0 + fabs(n));
    break;
  default: /* linear, indicator */
    r = n;
    break;
  }
  return (float)(r / col->scale);
}

float hls_node_scaled(int c, double n) { return scaled(&node_cols[c], n); }

/* The inverse of scaled(): the count a column holds (rounding is the caller's). */
static double unscaled(const column_decl *col, float v) {
  double r = (double)v * col->scale;
  switch (col->rule) {
  case HLS_RULE_log2p1:
    return exp2(r) - 1.0;
  case HLS_RULE_signed_log2p1:
    return (r < 0 ? -1.0 : 1.0) * (exp2(fabs(r)) - 1.0);
  default:
    return r;
  }
}

double hls_node_unscaled(int c, float v) { return unscaled(&node_cols[c], v); }
float hls_edge_scaled(int c, double n) { return scaled(&edge_cols[c], n); }

int hls_opcode_column(const char *opcode) {
  char id[NAME_MAX_LEN];
  snprintf(id, sizeof id, "op_%s", opcode);
  for (int c = 0; c < HLS_NODE_DIM; c++)
    if (strcmp(node_cols[c].id, id) == 0)
      return c;
  return HLS_NF_op_other;
}

static uint32_t fnv1a(uint32_t h, const char *s) {
  for (; *s; s++) {
    h ^= (unsigned char)*s;
    h *= 16777619u;
  }
  return h;
}

/* "<vector> <id>[ <group>] <rule> <scale>\n", the scale as "%g": every
 * property of a column that changes what a model sees. */
static uint32_t hash_column(uint32_t h, const char *vector, const column_decl *col) {
  char line[160];
  snprintf(line, sizeof line, "%s %s%s%s %s %g\n", vector, col->id, col->group ? " " : "",
           col->group ? col->group : "", rule_names[col->rule], col->scale);
  return fnv1a(h, line);
}

/* Hash input: "version <version>\n", then every node column, every edge
 * column and every pragma column in declaration order (hash_column). */
static void compute_schema_id(char *out, size_t cap) {
  uint32_t h = fnv1a(fnv1a(fnv1a(2166136261u, "version "), schema_version()), "\n");
  for (int c = 0; c < HLS_NODE_DIM; c++)
    h = hash_column(h, "node", &node_cols[c]);
  for (int c = 0; c < HLS_EDGE_DIM; c++)
    h = hash_column(h, "edge", &edge_cols[c]);
  for (int c = 0; c < HLS_PRAGMA_DIM; c++)
    h = hash_column(h, "pragma", &pragma_cols[c]);
  snprintf(out, cap, "%s:%08x", schema_version(), h);
}

const char *hls_schema_id(void) {
  pthread_once(&names_once, init_names);
  return names.id;
}
