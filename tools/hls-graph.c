/* hls-graph: inspect exported program graphs.
 *
 *   hls-graph check GRAPH.json          structural invariants (exit status 1 if any fails)
 *   hls-graph stats GRAPH.json          node and edge counts per kind
 *   hls-graph loops GRAPH.json          one line per loop: nest, trip count, pragma slots
 *   hls-graph encode GRAPH.json POINTS  pragma vectors of design points (JSON Lines with
 *                                       a "point" member, or bare point objects), one line each
 *   hls-graph backbone GRAPH.json POINTS [FLOW]
 *                                       the analytic estimate of each point as backbone
 *                                       features (model/backbone.def), one line each; the
 *                                       first line names them (the training tools read it).
 *                                       FLOW (model/flows.def) sets what the utilisations
 *                                       are fractions of; without it, the whole device
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dse/bind.h"
#include "graph/encode.h"
#include "graph/import.h"
#include "model/analytic.h"
#include "model/backbone.h"


static int problem(const char *path, const char *what, size_t where) {
  fprintf(stderr, "%s: check failed: %s (at %zu)\n", path, what, where);
  return 1;
}

/* The invariants the model relies on. */
static int check(const char *path, const hls_graph *g) {
  int bad = 0;
  for (size_t l = 0; l < g->nloops; l++) {
    const hls_graph_loop *gl = &g->loops[l];
    const float *x = g->x + (size_t)gl->header_node * HLS_NODE_DIM;
    if (g->nodes[gl->header_node].kind != HLS_NODE_BLOCK || x[HLS_NF_loop_header] != 1.0f)
      bad |= problem(path, "a loop's header_node is not a loop-header block node", l);
    if ((gl->scope >= 0) != (x[HLS_NF_loop_pragma_scope] == 1.0f))
      bad |= problem(path, "pragma scope flag disagrees with the loop's slots", l);
  }
  for (size_t k = 0; k < g->nknobs; k++) {
    int uses = 0;
    for (size_t l = 0; l < g->nloops; l++) {
      const hls_graph_slot *s[3] = {&g->loops[l].pipeline, &g->loops[l].parallel, &g->loops[l].tile};
      for (int i = 0; i < 3; i++)
        uses += s[i]->present && strcmp(s[i]->knob, g->knobs[k].name) == 0;
    }
    if (uses != 1)
      bad |= problem(path, "a knob does not have exactly one pragma slot", k);
    if (k && strcmp(g->knobs[k - 1].name, g->knobs[k].name) >= 0)
      bad |= problem(path, "knobs are not sorted and unique", k);
  }
  for (size_t k = 0; k < g->nedges; k++) {
    const hls_edge *e = &g->edges[k];
    if (e->flow == HLS_FLOW_PRAGMA && !e->reverse &&
        g->nodes[e->src].kind != HLS_NODE_PRAGMA)
      bad |= problem(path, "a pragma edge does not start at a pragma node", k);
    if (e->reverse && (k == 0 || g->edges[k - 1].src != e->dst || g->edges[k - 1].dst != e->src))
      bad |= problem(path, "a reverse edge does not follow its forward half", k);
  }
  for (size_t v = 0; v < g->nnodes; v++)
    if (g->nodes[v].kind == HLS_NODE_PRAGMA) {
      int to_loop = 0;
      for (uint32_t i = g->in_offset[v]; i < g->in_offset[v + 1]; i++)
        to_loop |= g->edges[g->in_edge[i]].flow == HLS_FLOW_PRAGMA;
      if (!to_loop)
        bad |= problem(path, "a pragma node is not joined to its loop", v);
    }
  if (!bad)
    printf("%s: ok: %zu nodes, %zu edges, %zu loops, %zu pragma scopes, %zu knobs\n", path,
           g->nnodes, g->nedges, g->nloops, g->nscopes, g->nknobs);
  return bad;
}

static void stats(const hls_graph *g) {
  size_t nodes[HLS_NODE_KINDS] = {0}, edges[HLS_FLOW_KINDS] = {0};
  for (size_t v = 0; v < g->nnodes; v++)
    nodes[g->nodes[v].kind]++;
  for (size_t k = 0; k < g->nedges; k++)
    edges[g->edges[k].flow]++;
  for (int i = 0; i < HLS_NODE_KINDS; i++)
    printf("nodes.%s %zu\n", hls_node_kind_name((hls_node_kind)i), nodes[i]);
  for (int i = 0; i < HLS_FLOW_KINDS; i++)
    printf("edges.%s %zu\n", hls_flow_name((hls_flow)i), edges[i]);
  printf("loops %zu\nscopes %zu\nknobs %zu\n", g->nloops, g->nscopes, g->nknobs);
}

static void print_slot(const char *name, const hls_graph_slot *s, int is_pipeline) {
  if (!s->present)
    return;
  if (s->knob[0])
    printf(" %s=auto{%s}", name, s->knob);
  else if (is_pipeline)
    printf(" %s=%s", name, hls_pipe_mode_name(s->pipe));
  else
    printf(" %s=%lld", name, (long long)s->factor);
}

static void loops(const hls_graph *g) {
  for (size_t l = 0; l < g->nloops; l++) {
    const hls_graph_loop *gl = &g->loops[l];
    printf("%s/%s depth=%u parent=%s trip=%lld%s scope=%d", g->functions[gl->function], gl->name,
           gl->depth, gl->parent >= 0 ? g->loops[gl->parent].name : "-",
           (long long)gl->trip_count, gl->trip_known ? "" : "(bound)", gl->scope);
    print_slot("pipeline", &gl->pipeline, 1);
    print_slot("parallel", &gl->parallel, 0);
    print_slot("tile", &gl->tile, 0);
    putchar('\n');
  }
}

typedef struct {
  const hls_graph *g;
  const char *path;
  hls_value *point;
  float *rows;
  int bad;
  hls_analytic *analytic;    /* backbone only */
  hls_loop_setting *settings; /* [nloops], backbone only */
} encoder;

/* Prints the pragma matrix of one point line as a JSON array of rows. */
static int encode_line(void *ctx, char *line, unsigned line_no) {
  encoder *e = ctx;
  const hls_graph *g = e->g;
  char where[4096];
  snprintf(where, sizeof where, "%s:%u", e->path, line_no);
  hls_diags d;
  hls_diags_init(&d);
  if (hls_encode_text(g, where, line, e->point, e->rows, &d)) {
    hls_diags_print(&d, stderr);
    e->bad = 1;
  } else {
    putchar('[');
    for (size_t s = 0; s < g->nscopes; s++) {
      printf(s ? ",[" : "[");
      for (int c = 0; c < HLS_PRAGMA_DIM; c++)
        printf(c ? ",%.9g" : "%.9g", (double)e->rows[s * HLS_PRAGMA_DIM + (size_t)c]);
      putchar(']');
    }
    puts("]");
  }
  hls_diags_free(&d);
  return 0;
}

/* Prints the backbone features of one point line as a JSON array. */
static int backbone_line(void *ctx, char *line, unsigned line_no) {
  encoder *e = ctx;
  char where[4096];
  snprintf(where, sizeof where, "%s:%u", e->path, line_no);
  hls_diags d;
  hls_diags_init(&d);
  if (hls_encode_text(e->g, where, line, e->point, e->rows, &d)) {
    hls_diags_print(&d, stderr);
    e->bad = 1;
  } else {
    /* From the encoded rows, as the predictor does: the point's string
     * values do not outlive hls_encode_text. */
    float f[HLS_BACKBONE_FEATURES];
    hls_backbone_of_encoded(e->analytic, e->g, e->rows, 1, e->settings, f);
    for (int i = 0; i < HLS_BACKBONE_FEATURES; i++)
      printf("%s%.9g", i ? "," : "[", (double)f[i]);
    puts("]");
  }
  hls_diags_free(&d);
  return 0;
}

/* One JSON array per input line: pragma rows (encode) or backbone features. */
static int per_point(const char *points_path, const hls_graph *g, int backbone,
                     const hls_tool_flow *flow) {
  size_t len;
  char *text = hls_read_file(points_path, &len);
  if (!text) {
    fprintf(stderr, "%s: error: cannot read\n", points_path);
    return 1;
  }
  encoder e = {g, points_path, hls_xcalloc(g->nknobs + 1, sizeof *e.point),
               hls_xcalloc(g->nscopes * HLS_PRAGMA_DIM + 1, sizeof *e.rows), 0, NULL, NULL};
  if (backbone) {
    hls_diags d;
    hls_diags_init(&d);
    e.analytic = hls_analytic_new(g, flow, &d);
    hls_diags_print(&d, stderr);
    hls_diags_free(&d);
    e.bad = !e.analytic;
    e.settings = hls_xcalloc(g->nloops + 1, sizeof *e.settings);
  }
  if (backbone && !e.bad) {
    for (int i = 0; i < HLS_BACKBONE_FEATURES; i++)
      printf("%s\"%s\"", i ? "," : "[", hls_backbone_feature_name(i));
    puts("]");
  }
  if (!e.bad)
    hls_for_each_line(text, len, backbone ? backbone_line : encode_line, &e);
  hls_analytic_free(e.analytic);
  free(e.settings);
  free(e.point);
  free(e.rows);
  free(text);
  return e.bad;
}

int main(int argc, char **argv) {
  int backbone = argc >= 2 && strcmp(argv[1], "backbone") == 0;
  int per_point_command = backbone || (argc >= 2 && strcmp(argv[1], "encode") == 0);
  if (argc < 3 || (per_point_command && argc < 4) || argc > 4 + backbone) {
    fprintf(stderr, "usage: hls-graph check|stats|loops GRAPH.json\n"
                    "       hls-graph encode GRAPH.json POINTS.jsonl\n"
                    "       hls-graph backbone GRAPH.json POINTS.jsonl [FLOW]\n");
    return 2;
  }
  const hls_tool_flow *flow = NULL;
  if (backbone && argc == 5 && !(flow = hls_tool_flow_find(argv[4]))) {
    fprintf(stderr, "hls-graph: error: unknown tool flow '%s' (known: %s)\n", argv[4],
            hls_tool_flow_names());
    return 2;
  }
  hls_diags d;
  hls_diags_init(&d);
  hls_graph g;
  if (hls_graph_load(argv[2], &g, &d)) {
    hls_diags_print(&d, stderr);
    hls_diags_free(&d);
    return 1;
  }
  int rc = 2;
  if (strcmp(argv[1], "check") == 0)
    rc = check(argv[2], &g);
  else if (strcmp(argv[1], "stats") == 0) {
    stats(&g);
    rc = 0;
  } else if (strcmp(argv[1], "loops") == 0) {
    loops(&g);
    rc = 0;
  } else if (per_point_command)
    rc = per_point(argv[3], &g, backbone, flow);
  else
    fprintf(stderr, "hls-graph: unknown command '%s'\n", argv[1]);
  hls_graph_free(&g);
  hls_diags_free(&d);
  return rc;
}
