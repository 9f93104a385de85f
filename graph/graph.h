/* The ProGraph program graph of a kernel (docs/graph-schema.md).
 *
 * Nodes: instructions, variables (SSA values), constants, one pragma node per
 * pragma slot of a loop, one block node per basic block, and one node for
 * code outside the module ("external").  Edges carry a flow kind and an
 * operand or member position; two-way relations are stored as two edges.
 *
 * Pragma *values* are not in the graph: a design point becomes one small
 * vector per pragma-carrying loop (graph/encode.h), attached to the loop's
 * header block node, so everything before the model's pragma layer is the
 * same for every design point of a kernel. */
#ifndef HLSMOE_GRAPH_H
#define HLSMOE_GRAPH_H

#include <stddef.h>
#include <stdint.h>

#include "pragma/pragma.h"
#include "graph/schema.h"

typedef enum {
  HLS_NODE_INSTRUCTION,
  HLS_NODE_VARIABLE,
  HLS_NODE_CONSTANT,
  HLS_NODE_PRAGMA,
  HLS_NODE_BLOCK,
  HLS_NODE_EXTERNAL,
  HLS_NODE_KINDS
} hls_node_kind;

typedef enum {
  HLS_FLOW_CONTROL, /* instruction order; terminator -> successors' first instruction */
  HLS_FLOW_DATA,    /* definition -> variable -> use; constant -> use */
  HLS_FLOW_CALL,    /* call site -> callee entry, callee return -> call site */
  HLS_FLOW_PRAGMA,  /* pragma node <-> the loop's exit compare */
  HLS_FLOW_BLOCK,   /* block node <-> each member node */
  HLS_FLOW_CHAIN,   /* consecutive block nodes of a function */
  HLS_FLOW_NEST,    /* loop header block node <-> child loops' header block nodes */
  HLS_FLOW_KINDS
} hls_flow;

typedef struct {
  uint8_t kind;      /* hls_node_kind */
  int32_t function;  /* index into functions, -1 for module-level nodes */
  int32_t block;     /* index of the block node's block (graph-wide), -1 if none */
  char text[24];     /* opcode, type category, slot name or block name */
} hls_node;

typedef struct {
  uint32_t src, dst;
  uint8_t flow;     /* hls_flow */
  uint8_t reverse;  /* the backward half of a two-way relation */
  uint32_t position;
} hls_edge;

/* A pragma slot as the graph records it: a literal value or a knob.  A
 * derived knob (graph/derive.h) is one hlsmoe made for a loop the source
 * gives no auto{} for; its literal fields keep the value as written (no
 * pragma: pipeline unset, factor 1), the design the space starts from. */
typedef struct {
  int present;
  char knob[HLS_KNOB_MAX]; /* "" when literal */
  hls_pipe_mode pipe;      /* literal pipeline mode */
  int64_t ii;
  int64_t factor;          /* literal factor; 0 = full unroll */
  int reduction;
  char ii_knob[HLS_KNOB_MAX]; /* pipeline slot: II=auto{K}, an integer knob; "" when none */
  uint8_t vocab;           /* hls_dialect whose values the knob takes */
  uint8_t derived;
} hls_graph_slot;

typedef struct {
  char name[48];      /* hls.loop.name: L0, L0_1, ... */
  int32_t function;
  int32_t parent;     /* index into loops, -1 if outermost */
  uint32_t depth;
  uint32_t header_node;       /* block node of the header */
  int32_t exit_compare_node;  /* -1 if the loop has no compare-controlled exit */
  int64_t trip_count;         /* 0 when unknown */
  int trip_known;
  hls_graph_slot pipeline, parallel, tile;
  /* Vitis loop_flatten: `pipe` is HLS_PIPE_OFF for `loop_flatten off`, else
   * UNSET (the tool's default: flatten).  A column of the loop's scope row,
   * read by the analytic estimator; it makes no pragma node (graph/derive.h). */
  hls_graph_slot flatten;
  int32_t scope;      /* row in the pragma matrix, -1 if the loop carries no slot */
} hls_graph_loop;

/* HLS_KNOB_II: the II of `pipeline II=auto{K}`, an integer; HLS_KNOB_FLATTEN:
 * a derived Vitis loop_flatten knob, "NA" (the default) or "off" */
typedef enum {
  HLS_KNOB_PIPELINE,
  HLS_KNOB_PARALLEL,
  HLS_KNOB_TILE,
  HLS_KNOB_II,
  HLS_KNOB_FLATTEN,
  HLS_KNOB_KINDS
} hls_knob_kind;

/* A knob's value in a design point: a factor, or a pipeline value as design
 * points write it ("off", "" or "flatten": pragma/pragma.h).  A design point
 * is an array of them in knob order (the knobs sorted by name, as in
 * hls_graph.knobs and in a design space); `string` is borrowed from whatever
 * holds the point (a point file, a design space). */
typedef struct {
  int is_string;
  int64_t integer;    /* when !is_string */
  const char *string; /* when is_string */
} hls_value;

typedef struct {
  char name[HLS_KNOB_MAX];
  uint8_t kind;    /* hls_knob_kind */
  uint8_t vocab;   /* hls_dialect of its values (pragma/vocabulary.h) */
  uint8_t derived; /* made for a loop without auto{} (graph/derive.h) */
  int32_t loop;
  /* derived knobs: the value as written, in the vocabulary (a pipeline value,
   * or a factor in decimal); the design the exploration starts from */
  char written[24];
} hls_graph_knob;

typedef struct {
  char kernel[128]; /* name of the kernel function, "" if none is marked */
  char **functions; /* names, owned */
  size_t nfunctions;

  hls_node *nodes;
  size_t nnodes;
  float *x; /* [nnodes][HLS_NODE_DIM] */

  hls_edge *edges;
  size_t nedges;
  float *e; /* [nedges][HLS_EDGE_DIM] */

  hls_graph_loop *loops;
  size_t nloops;
  size_t nscopes; /* loops with scope >= 0 */

  hls_graph_knob *knobs; /* sorted by name */
  size_t nknobs;

  /* Incoming edges by destination (CSR): the edges into node v are
   * in_edge[in_offset[v] .. in_offset[v+1]), in edge order. */
  uint32_t *in_offset; /* [nnodes + 1] */
  uint32_t *in_edge;   /* [nedges] */

  /* The innermost loop (index into loops, -1 outside loops) of each basic
   * block, by the graph-wide block index of hls_node.block: which code is a
   * loop's own body (model/analytic.c).  Not a feature. */
  int32_t *block_loop; /* [nblocks] */
  size_t nblocks;
} hls_graph;

void hls_graph_free(hls_graph *g);

const char *hls_node_kind_name(hls_node_kind k);
const char *hls_flow_name(hls_flow f);
/* A knob kind's name in graph JSON ("pipeline", "parallel", "tile", "ii"). */
const char *hls_knob_kind_name(hls_knob_kind k);

/* Index of the knob named `name` in g->knobs (sorted by name), -1 if none. */
int hls_graph_knob_index(const hls_graph *g, const char *name);

/* Builds the CSR index; called by the builder, exposed for loaders. */
void hls_graph_index(hls_graph *g);

#endif
