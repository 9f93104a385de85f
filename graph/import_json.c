#include "graph/import.h"

#include <cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pragma/source.h"

typedef struct {
  const char *path;
  hls_diags *d;
  int failed;
} reader;

static void fail(reader *r, const char *what) {
  if (!r->failed)
    hls_diag_add(r->d, HLS_SEV_ERROR, r->path, 0, 0, "not a valid hlsmoe graph: %s", what);
  r->failed = 1;
}

static const cJSON *member(reader *r, const cJSON *o, const char *name, int (*is)(const cJSON *)) {
  const cJSON *m = cJSON_GetObjectItemCaseSensitive(o, name);
  if (!m || !is(m)) {
    char what[96];
    snprintf(what, sizeof what, "member \"%s\" missing or of the wrong type", name);
    fail(r, what);
    return NULL;
  }
  return m;
}

static int is_array(const cJSON *j) { return cJSON_IsArray(j); }
static int is_object(const cJSON *j) { return cJSON_IsObject(j); }
static int is_string(const cJSON *j) { return cJSON_IsString(j); }
static int is_number(const cJSON *j) { return cJSON_IsNumber(j); }
static int is_object_or_null(const cJSON *j) { return cJSON_IsObject(j) || cJSON_IsNull(j); }

/* A JSON number as an integer in [lo, hi], or a failure naming `what`: a cast
 * of a number out of range (1e300, NaN) would be undefined behaviour. */
static int int_in(reader *r, const cJSON *j, double lo, double hi, const char *what, int64_t *out) {
  double v = j->valuedouble;
  if (!isfinite(v) || v != floor(v) || v < lo || v > hi) {
    char msg[128];
    snprintf(msg, sizeof msg, "%s is not an integer in [%.0f, %.0f]", what, lo, hi);
    fail(r, msg);
    return -1;
  }
  *out = (int64_t)v;
  return 0;
}

#define HLS_I32_MAX 2147483647.0
#define HLS_I64_SAFE 9007199254740992.0 /* 2^53: every integer below is exact in a double */

static int index_of(const char *s, const char *(*name)(int), int n) {
  for (int i = 0; i < n; i++)
    if (strcmp(s, name(i)) == 0)
      return i;
  return -1;
}

static const char *kind_name(int k) { return hls_node_kind_name((hls_node_kind)k); }
static const char *flow_name(int f) { return hls_flow_name((hls_flow)f); }

/* Fills rows x cols floats from an array of arrays of numbers. */
static void read_matrix(reader *r, const cJSON *m, size_t rows, size_t cols, float *out) {
  if (!m || (size_t)cJSON_GetArraySize(m) != rows) {
    fail(r, "feature matrix has the wrong number of rows");
    return;
  }
  size_t i = 0;
  for (const cJSON *row = m->child; row; row = row->next, i++) {
    if (!cJSON_IsArray(row) || (size_t)cJSON_GetArraySize(row) != cols) {
      fail(r, "feature matrix row has the wrong width for this schema");
      return;
    }
    size_t j = 0;
    for (const cJSON *v = row->child; v; v = v->next, j++) {
      if (!cJSON_IsNumber(v)) {
        fail(r, "feature value is not a number");
        return;
      }
      out[i * cols + j] = (float)v->valuedouble;
      if (!isfinite(out[i * cols + j])) {
        fail(r, "feature value is not a finite single-precision number");
        return;
      }
    }
  }
}

static size_t array_len(const cJSON *a) { return a ? (size_t)cJSON_GetArraySize(a) : 0; }

static void read_nodes(reader *r, const cJSON *root, hls_graph *g) {
  const cJSON *nodes = member(r, root, "nodes", is_object);
  if (!nodes)
    return;
  const cJSON *kind = member(r, nodes, "kind", is_array), *text = member(r, nodes, "text", is_array);
  const cJSON *fn = member(r, nodes, "function", is_array), *blk = member(r, nodes, "block", is_array);
  if (r->failed)
    return;
  size_t n = array_len(kind);
  if (array_len(text) != n || array_len(fn) != n || array_len(blk) != n)
    {
      fail(r, "node arrays differ in length");
      return;
    }
  g->nnodes = n;
  g->nodes = hls_xcalloc(n ? n : 1, sizeof *g->nodes);
  const cJSON *k = kind->child, *t = text->child, *f = fn->child, *b = blk->child;
  for (size_t v = 0; v < n; v++, k = k->next, t = t->next, f = f->next, b = b->next) {
    int kk = cJSON_IsString(k) ? index_of(k->valuestring, kind_name, HLS_NODE_KINDS) : -1;
    if (kk < 0 || !cJSON_IsString(t) || !cJSON_IsNumber(f) || !cJSON_IsNumber(b))
      {
      fail(r, "bad node entry");
      return;
    }
    int64_t fi, bi;
    if (int_in(r, f, -1, HLS_I32_MAX, "a node's function", &fi) ||
        int_in(r, b, -1, HLS_I32_MAX, "a node's block", &bi))
      return;
    g->nodes[v].kind = (uint8_t)kk;
    snprintf(g->nodes[v].text, sizeof g->nodes[v].text, "%s", t->valuestring);
    g->nodes[v].function = (int32_t)fi;
    g->nodes[v].block = (int32_t)bi;
  }
  g->x = hls_xcalloc(n * HLS_NODE_DIM + 1, sizeof *g->x);
  read_matrix(r, member(r, root, "x", is_array), n, HLS_NODE_DIM, g->x);
}

static void read_edges(reader *r, const cJSON *root, hls_graph *g) {
  const cJSON *edges = member(r, root, "edges", is_object);
  if (!edges)
    return;
  const cJSON *src = member(r, edges, "src", is_array), *dst = member(r, edges, "dst", is_array);
  const cJSON *flow = member(r, edges, "flow", is_array), *pos = member(r, edges, "position", is_array);
  const cJSON *rev = member(r, edges, "reverse", is_array);
  if (r->failed)
    return;
  size_t n = array_len(src);
  if (array_len(dst) != n || array_len(flow) != n || array_len(pos) != n || array_len(rev) != n)
    {
      fail(r, "edge arrays differ in length");
      return;
    }
  g->nedges = n;
  g->edges = hls_xcalloc(n ? n : 1, sizeof *g->edges);
  const cJSON *s = src->child, *t = dst->child, *f = flow->child, *p = pos->child, *v = rev->child;
  for (size_t k = 0; k < n; k++, s = s->next, t = t->next, f = f->next, p = p->next, v = v->next) {
    int ff = cJSON_IsString(f) ? index_of(f->valuestring, flow_name, HLS_FLOW_KINDS) : -1;
    if (ff < 0 || !cJSON_IsNumber(s) || !cJSON_IsNumber(t) || !cJSON_IsNumber(p) ||
        !cJSON_IsNumber(v)) {
      fail(r, "bad edge entry");
      return;
    }
    int64_t si, ti, pi;
    double last = (double)g->nnodes - 1;
    if (int_in(r, s, 0, last, "an edge's source node", &si) ||
        int_in(r, t, 0, last, "an edge's destination node", &ti) ||
        int_in(r, p, 0, 4294967295.0, "an edge's position", &pi))
      return;
    g->edges[k] = (hls_edge){(uint32_t)si, (uint32_t)ti, (uint8_t)ff,
                             (uint8_t)(v->valuedouble != 0), (uint32_t)pi};
  }
  g->e = hls_xcalloc(n * HLS_EDGE_DIM + 1, sizeof *g->e);
  read_matrix(r, member(r, root, "e", is_array), n, HLS_EDGE_DIM, g->e);
}

static void read_slot(reader *r, const cJSON *o, hls_graph_slot *s, int is_pipeline) {
  memset(s, 0, sizeof *s);
  if (!o || cJSON_IsNull(o))
    return;
  s->present = 1;
  const cJSON *knob = cJSON_GetObjectItemCaseSensitive(o, "knob");
  if (cJSON_IsString(knob))
    snprintf(s->knob, sizeof s->knob, "%s", knob->valuestring);
  const char *ii_knob = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, "ii_knob"));
  if (ii_knob)
    snprintf(s->ii_knob, sizeof s->ii_knob, "%s", ii_knob);
  const cJSON *mode = cJSON_GetObjectItemCaseSensitive(o, "mode");
  if (cJSON_IsString(mode)) {
    s->pipe = hls_pipe_mode_from_name(mode->valuestring);
  }
  const cJSON *factor = cJSON_GetObjectItemCaseSensitive(o, "factor");
  if (cJSON_IsNumber(factor) && int_in(r, factor, 0, HLS_I32_MAX, "a slot's factor", &s->factor))
    return;
  const cJSON *ii = cJSON_GetObjectItemCaseSensitive(o, "ii");
  if (cJSON_IsNumber(ii) && int_in(r, ii, 0, HLS_I32_MAX, "a slot's ii", &s->ii))
    return;
  s->reduction = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, "reduction"));
  const char *vocab = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, "vocab"));
  s->vocab = (uint8_t)(vocab && strcmp(vocab, "vitis") == 0 ? HLS_DIALECT_VITIS : HLS_DIALECT_MERLIN);
  s->derived = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, "derived"));
  if (!s->knob[0] && ((is_pipeline && s->pipe == HLS_PIPE_UNSET) || (!is_pipeline && !factor)))
    fail(r, "a pragma slot has neither a knob nor a value");
}

static void read_flatten(reader *r, const cJSON *o, hls_graph_slot *s) {
  memset(s, 0, sizeof *s);
  if (!o || cJSON_IsNull(o))
    return;
  if (!cJSON_IsObject(o)) {
    fail(r, "a loop's \"flatten\" is neither null nor an object");
    return;
  }
  s->present = 1;
  s->vocab = HLS_DIALECT_VITIS;
  int off = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, "off"));
  s->pipe = off ? HLS_PIPE_OFF : HLS_PIPE_UNSET;
  const char *knob = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, "knob"));
  if (knob)
    snprintf(s->knob, sizeof s->knob, "%s", knob);
  s->derived = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, "derived"));
}

/* function, parent, depth, header_node, exit_compare_node, trip_count and
 * scope of loop l, each checked to lie inside the graph before the cast. */
static int read_loop_numbers(reader *r, const cJSON *const num[7], const hls_graph *g, size_t l,
                             hls_graph_loop *gl) {
  int64_t v[7];
  double nodes = (double)g->nnodes - 1, fns = (double)g->nfunctions - 1;
  if (int_in(r, num[0], 0, fns, "a loop's function", &v[0]) ||
      int_in(r, num[1], -1, (double)l - 1, "a loop's parent (an earlier loop)", &v[1]) ||
      int_in(r, num[2], 0, HLS_I32_MAX, "a loop's depth", &v[2]) ||
      int_in(r, num[3], 0, nodes, "a loop's header node", &v[3]) ||
      int_in(r, num[4], -1, nodes, "a loop's exit compare node", &v[4]) ||
      int_in(r, num[5], 0, HLS_I64_SAFE, "a loop's trip count", &v[5]) ||
      int_in(r, num[6], -1, HLS_I32_MAX, "a loop's scope", &v[6]))
    return -1;
  gl->function = (int32_t)v[0];
  gl->parent = (int32_t)v[1];
  gl->depth = (uint32_t)v[2];
  gl->header_node = (uint32_t)v[3];
  gl->exit_compare_node = (int32_t)v[4];
  gl->trip_count = v[5];
  gl->scope = (int32_t)v[6];
  return 0;
}

static void read_loops(reader *r, const cJSON *root, hls_graph *g) {
  const cJSON *loops = member(r, root, "loops", is_array);
  if (!loops)
    return;
  g->nloops = array_len(loops);
  g->loops = hls_xcalloc(g->nloops ? g->nloops : 1, sizeof *g->loops);
  size_t l = 0;
  for (const cJSON *o = loops->child; o && !r->failed; o = o->next, l++) {
    hls_graph_loop *gl = &g->loops[l];
    const cJSON *name = member(r, o, "name", is_string);
    const cJSON *num[7];
    static const char *const keys[] = {"function", "parent", "depth", "header_node",
                                       "exit_compare_node", "trip_count", "scope"};
    for (int i = 0; i < 7; i++)
      num[i] = member(r, o, keys[i], is_number);
    if (r->failed)
      return;
    snprintf(gl->name, sizeof gl->name, "%s", name->valuestring);
    if (read_loop_numbers(r, num, g, l, gl))
      return;
    gl->trip_known = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, "trip_known"));
    read_slot(r, member(r, o, "pipeline", is_object_or_null), &gl->pipeline, 1);
    read_slot(r, member(r, o, "parallel", is_object_or_null), &gl->parallel, 0);
    read_slot(r, member(r, o, "tile", is_object_or_null), &gl->tile, 0);
    read_flatten(r, cJSON_GetObjectItemCaseSensitive(o, "flatten"), &gl->flatten);
    if (gl->scope >= 0)
      g->nscopes++;
  }
}

static void read_knobs(reader *r, const cJSON *root, hls_graph *g) {
  const cJSON *knobs = member(r, root, "knobs", is_array);
  if (!knobs)
    return;
  g->nknobs = array_len(knobs);
  g->knobs = hls_xcalloc(g->nknobs ? g->nknobs : 1, sizeof *g->knobs);
  size_t k = 0;
  for (const cJSON *o = knobs->child; o && !r->failed; o = o->next, k++) {
    const cJSON *name = member(r, o, "name", is_string), *kind = member(r, o, "kind", is_string);
    const cJSON *loop = member(r, o, "loop", is_string);
    if (r->failed)
      return;
    snprintf(g->knobs[k].name, sizeof g->knobs[k].name, "%s", name->valuestring);
    int kk = -1;
    for (int i = 0; i < HLS_KNOB_KINDS; i++)
      if (strcmp(kind->valuestring, hls_knob_kind_name((hls_knob_kind)i)) == 0)
        kk = i;
    g->knobs[k].kind = (uint8_t)(kk < 0 ? 0 : kk);
    const char *fn = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, "function"));
    g->knobs[k].loop = -1;
    for (size_t l = 0; l < g->nloops; l++)
      if (strcmp(g->loops[l].name, loop->valuestring) == 0 && fn &&
          strcmp(g->functions[g->loops[l].function], fn) == 0)
        g->knobs[k].loop = (int32_t)l;
    if (kk < 0 || g->knobs[k].loop < 0)
      {
      fail(r, "knob with an unknown kind or loop");
      return;
    }
    const hls_graph_loop *gl = &g->loops[g->knobs[k].loop];
    const hls_graph_slot *slot = kk == HLS_KNOB_PIPELINE || kk == HLS_KNOB_II ? &gl->pipeline
                                 : kk == HLS_KNOB_PARALLEL                    ? &gl->parallel
                                 : kk == HLS_KNOB_TILE                        ? &gl->tile
                                                                              : &gl->flatten;
    g->knobs[k].vocab = slot->vocab;
    g->knobs[k].derived = slot->derived;
    const char *written = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, "written"));
    snprintf(g->knobs[k].written, sizeof g->knobs[k].written, "%s", written ? written : "");
  }
}

/* The innermost loop of each block.  Optional: graphs exported before it
 * existed load without it (nblocks 0), and what needs it says so. */
static void read_block_loops(reader *r, const cJSON *root, hls_graph *g) {
  const cJSON *a = cJSON_GetObjectItemCaseSensitive(root, "block_loops");
  if (!cJSON_IsArray(a))
    return;
  g->nblocks = array_len(a);
  g->block_loop = hls_xcalloc(g->nblocks ? g->nblocks : 1, sizeof *g->block_loop);
  size_t k = 0;
  for (const cJSON *v = a->child; v; v = v->next, k++) {
    double l = cJSON_IsNumber(v) ? v->valuedouble : -2;
    if (l < -1 || l >= (double)g->nloops) {
      fail(r, "block_loops refers to a loop outside the graph");
      return;
    }
    g->block_loop[k] = (int32_t)l;
  }
}

/* Every pragma row is claimed by at most one loop and lies in the matrix
 * (the encoder writes row `scope` of nscopes rows). */
static void check_scopes(reader *r, const hls_graph *g) {
  unsigned char *seen = hls_xcalloc(g->nscopes + 1, 1);
  for (size_t l = 0; l < g->nloops && !r->failed; l++) {
    int32_t s = g->loops[l].scope;
    if (s >= 0 && ((size_t)s >= g->nscopes || seen[s]++))
      fail(r, "a loop's scope is outside the pragma rows or shared with another loop");
  }
  free(seen);
}

/* The encoder finds a slot's knob by binary search over the knob list and
 * reads the design point at that index, so the list must be sorted and
 * without repeats, and every knob a slot names must be in it, of the slot's
 * kind. */
/* Is `name` a knob of the list of kind `kind`?  Fails naming the loop if not. */
static void check_knob(reader *r, const hls_graph *g, const hls_graph_loop *l, const char *name,
                       int kind) {
  static const char *const kinds[] = {"pipeline", "parallel", "tile", "II", "flatten"};
  int i = hls_graph_knob_index(g, name);
  if (i < 0 || g->knobs[i].kind != kind) {
    char msg[256];
    snprintf(msg, sizeof msg, "loop %.47s names knob %.63s, not a%s %s knob of the knob list",
             l->name, name, kind == HLS_KNOB_II ? "n" : "", kinds[kind]);
    fail(r, msg);
  }
}

static void check_knobs(reader *r, const hls_graph *g) {
  for (size_t k = 1; k < g->nknobs && !r->failed; k++)
    if (strcmp(g->knobs[k - 1].name, g->knobs[k].name) >= 0)
      fail(r, "the knob list is not sorted by name without repeats");
  for (size_t l = 0; l < g->nloops && !r->failed; l++) {
    const hls_graph_loop *gl = &g->loops[l];
    const hls_graph_slot *slots[3] = {&gl->pipeline, &gl->parallel, &gl->tile};
    for (int k = 0; k < 3 && !r->failed; k++)
      if (slots[k]->present && slots[k]->knob[0])
        check_knob(r, g, gl, slots[k]->knob, k);
    if (!r->failed && gl->pipeline.present && gl->pipeline.ii_knob[0])
      check_knob(r, g, gl, gl->pipeline.ii_knob, HLS_KNOB_II);
    if (!r->failed && gl->flatten.present && gl->flatten.knob[0])
      check_knob(r, g, gl, gl->flatten.knob, HLS_KNOB_FLATTEN);
  }
}

static void read_functions(reader *r, const cJSON *root, hls_graph *g) {
  const cJSON *fns = member(r, root, "functions", is_array);
  const cJSON *kernel = member(r, root, "kernel", is_string);
  if (r->failed)
    return;
  snprintf(g->kernel, sizeof g->kernel, "%s", kernel->valuestring);
  g->nfunctions = array_len(fns);
  g->functions = hls_xcalloc(g->nfunctions ? g->nfunctions : 1, sizeof *g->functions);
  size_t f = 0;
  for (const cJSON *s = fns->child; s; s = s->next, f++)
    g->functions[f] = hls_xstrdup(cJSON_IsString(s) ? s->valuestring : "");
}

int hls_graph_from_json(const char *path, const char *text, hls_graph *g, hls_diags *d) {
  memset(g, 0, sizeof *g);
  reader r = {path, d, 0};
  cJSON *root = cJSON_Parse(text);
  if (!root) {
    fail(&r, "malformed JSON");
    return -1;
  }
  const cJSON *schema = member(&r, root, "schema", is_string);
  if (schema && strcmp(schema->valuestring, hls_schema_id()) != 0) {
    hls_diag_add(d, HLS_SEV_ERROR, path, 0, 0,
                 "graph was made with feature schema %s, this build uses %s; re-export it",
                 schema->valuestring, hls_schema_id());
    r.failed = 1;
  }
  if (!r.failed)
    read_functions(&r, root, g);
  if (!r.failed)
    read_nodes(&r, root, g);
  if (!r.failed)
    read_edges(&r, root, g);
  if (!r.failed)
    read_loops(&r, root, g);
  if (!r.failed)
    read_knobs(&r, root, g);
  if (!r.failed)
    read_block_loops(&r, root, g);
  if (!r.failed)
    check_scopes(&r, g);
  if (!r.failed)
    check_knobs(&r, g);
  cJSON_Delete(root);
  if (r.failed) {
    hls_graph_free(g);
    return -1;
  }
  hls_graph_index(g);
  return 0;
}

int hls_graph_load(const char *path, hls_graph *g, hls_diags *d) {
  hls_source file;
  memset(g, 0, sizeof *g);
  if (hls_source_read_file(&file, path)) {
    hls_diag_add(d, HLS_SEV_ERROR, path, 0, 0, "cannot read graph file");
    return -1;
  }
  int rc = hls_graph_from_json(path, file.text, g, d);
  hls_source_free(&file);
  return rc;
}
