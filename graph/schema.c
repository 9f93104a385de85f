#include "graph/schema.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* Identifiers in declaration order, one table per vector. */
#define SCHEMA_VERSION(v)
static const char *const node_ids[] = {
#define NODE_FEATURE(name) #name,
#define EDGE_FEATURE(name)
#define PRAGMA_FEATURE(name, group)
#define OPCODE(name) "op_" #name,
#include "schema.def"
#undef NODE_FEATURE
#undef EDGE_FEATURE
#undef PRAGMA_FEATURE
#undef OPCODE
};

static const char *const edge_ids[] = {
#define NODE_FEATURE(name)
#define EDGE_FEATURE(name) #name,
#define PRAGMA_FEATURE(name, group)
#define OPCODE(name)
#include "schema.def"
#undef NODE_FEATURE
#undef EDGE_FEATURE
#undef PRAGMA_FEATURE
#undef OPCODE
};

static const struct {
  const char *id;
  const char *group;
} pragma_ids[] = {
#define NODE_FEATURE(name)
#define EDGE_FEATURE(name)
#define PRAGMA_FEATURE(name, group) {#name, #group},
#define OPCODE(name)
#include "schema.def"
#undef NODE_FEATURE
#undef EDGE_FEATURE
#undef PRAGMA_FEATURE
#undef OPCODE
};
#undef SCHEMA_VERSION

static const char *schema_version(void) {
#define NODE_FEATURE(name)
#define EDGE_FEATURE(name)
#define PRAGMA_FEATURE(name, group)
#define OPCODE(name)
#define SCHEMA_VERSION(v) return v;
#include "schema.def"
#undef NODE_FEATURE
#undef EDGE_FEATURE
#undef PRAGMA_FEATURE
#undef OPCODE
#undef SCHEMA_VERSION
}

_Static_assert(sizeof node_ids / sizeof *node_ids == HLS_NODE_DIM, "node table");
_Static_assert(sizeof edge_ids / sizeof *edge_ids == HLS_EDGE_DIM, "edge table");
_Static_assert(sizeof pragma_ids / sizeof *pragma_ids == HLS_PRAGMA_DIM, "pragma table");

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
    display(names.node[c], node_ids[c]);
  for (int c = 0; c < HLS_EDGE_DIM; c++)
    display(names.edge[c], edge_ids[c]);
  for (int c = 0; c < HLS_PRAGMA_DIM; c++)
    display(names.pragma[c], pragma_ids[c].id);
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

hls_pragma_group hls_pragma_feature_group(int c) {
  const char *g = pragma_ids[c].group;
  return strcmp(g, "pipeline") == 0 ? HLS_GROUP_PIPELINE
         : strcmp(g, "parallel") == 0 ? HLS_GROUP_PARALLEL
                                      : HLS_GROUP_TILE;
}

int hls_opcode_column(const char *opcode) {
  char id[NAME_MAX_LEN];
  snprintf(id, sizeof id, "op_%s", opcode);
  for (int c = 0; c < HLS_NODE_DIM; c++)
    if (strcmp(node_ids[c], id) == 0)
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

/* Hash input: "node <id>\n" for every node column, then "edge <id>\n", then
 * "pragma <id> <group>\n", in declaration order. */
static void compute_schema_id(char *out, size_t cap) {
  uint32_t h = 2166136261u;
  for (int c = 0; c < HLS_NODE_DIM; c++)
    h = fnv1a(fnv1a(fnv1a(h, "node "), node_ids[c]), "\n");
  for (int c = 0; c < HLS_EDGE_DIM; c++)
    h = fnv1a(fnv1a(fnv1a(h, "edge "), edge_ids[c]), "\n");
  for (int c = 0; c < HLS_PRAGMA_DIM; c++) {
    h = fnv1a(fnv1a(fnv1a(h, "pragma "), pragma_ids[c].id), " ");
    h = fnv1a(fnv1a(h, pragma_ids[c].group), "\n");
  }
  snprintf(out, cap, "%s:%08x", schema_version(), h);
}

const char *hls_schema_id(void) {
  pthread_once(&names_once, init_names);
  return names.id;
}
