/* hls-model: load, check and run HierMoE weight files with the C runtime.
 *
 *   hls-model info M.safetensors                 configuration and size
 *   hls-model random [--task T] [--kind K] [--hidden D] [--seed S] [--flow F] [--backbone hybrid]
 *                    OUT.safetensors             a random-weight model in the documented format
 *                                                (--flow: recorded as trained for that flow;
 *                                                --backbone hybrid: built on the analytic estimate)
 *   hls-model parity M.safetensors REF.json [--tol X]
 *                                                outputs against reference vectors (exit 1 above tol)
 *   hls-model selfcheck M GRAPH.json [--points N] [--seed S] [--tol X]
 *                                                incremental scoring against the direct path
 *   hls-model score M GRAPH.json POINTS.jsonl    outputs of design points, one line each
 *   hls-model bench M[,M2...] GRAPH.json [--points N] [--threads T] [--seed S]
 *                                                designs/second (every model scores every point)
 *   hls-model sgemm [--threads T] [--size N]     the machine's sgemm FLOP/s ceiling
 *   hls-model targets                            the targets and latency transform of this build
 *                                                (model/targets.def), exit 1 if dse/ disagrees
 *   hls-model flows                              the tool flows of this build (model/flows.def)
 *   hls-model confidence                         what a model records for the confidence of its
 *                                                predictions (model/confidence.def)
 */
#define _POSIX_C_SOURCE 200809L

#include <cJSON.h>
#include <cblas.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "dse/bind.h"
#include "graph/encode.h"
#include "graph/import.h"
#include "dse/explore.h"
#include "model/analytic.h"
#include "model/backbone.h"
#include "model/flows.h"
#include "model/hiermoe.h"
#include "pragma/pragma.h"
#include "model/weights.h"

static int usage(void) {
  fputs("usage: hls-model info M.safetensors\n"
        "       hls-model random [--task regression|validity] [--kind harp|node|block|graph|hier]\n"
        "                        [--hidden D] [--seed S] [--flow F]\n"
        "                        [--backbone hybrid|hybrid-across-flows] OUT.safetensors\n"
        "       hls-model parity M.safetensors REF.json [--tol X]\n"
        "       hls-model selfcheck M.safetensors GRAPH.json [--points N] [--seed S] [--tol X]\n"
        "       hls-model score M.safetensors GRAPH.json POINTS.jsonl\n"
        "       hls-model bench M.safetensors[,M2...] GRAPH.json [--points N] [--threads T]\n"
        "       hls-model sgemm [--threads T] [--size N]\n"
        "       hls-model targets\n"
        "       hls-model flows\n"
        "       hls-model confidence\n",
        stderr);
  return 2;
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static double peak_mib(void) {
  struct rusage u;
  getrusage(RUSAGE_SELF, &u);
  return (double)u.ru_maxrss / 1024.0;
}

/* xorshift64*: reproducible random numbers without global state. */
static uint64_t rnd(uint64_t *s) {
  *s ^= *s >> 12;
  *s ^= *s << 25;
  *s ^= *s >> 27;
  return *s * 0x2545F4914F6CDD1DULL;
}

static double rnd_unit(uint64_t *s) { return (double)(rnd(s) >> 11) / 9007199254740992.0; }

/* Options "--name value" after the positional arguments. */
static const char *option(int argc, char **argv, const char *name, const char *dflt) {
  for (int i = 0; i + 1 < argc; i++)
    if (strcmp(argv[i], name) == 0)
      return argv[i + 1];
  return dflt;
}

/* Positional argument k (0-based), skipping "--name value" pairs. */
static const char *positional(int argc, char **argv, int k) {
  for (int i = 0; i < argc; i++) {
    if (strncmp(argv[i], "--", 2) == 0) {
      i++;
      continue;
    }
    if (k-- == 0)
      return argv[i];
  }
  return NULL;
}

/* ---- info ---- */

static int cmd_info(const char *path) {
  hls_diags d;
  hls_diags_init(&d);
  hls_model *m = hls_model_load(path, &d);
  hls_diags_print(&d, stderr);
  hls_diags_free(&d);
  if (!m)
    return 1;
  const hls_model_config *c = hls_model_config_of(m);
  printf("%s: hlsmoe-model\n", path);
  printf("  task        %s\n", hls_model_task_name(c->task));
  printf("  kind        %s\n", hls_model_kind_name(c->kind));
  printf("  hidden      %d\n", c->hidden);
  printf("  experts     %d\n", c->experts);
  printf("  node_dim    %d\n  edge_dim    %d\n", c->node_dim, c->edge_dim);
  printf("  pragma      %d,%d,%d\n", c->groups[0], c->groups[1], c->groups[2]);
  printf("  targets     %s\n", hls_model_targets_string(c->task));
  printf("  embedding   %zu\n", hls_model_embedding_dim(m));
  if (hls_model_uses_backbone(m)) { /* built on the analytic estimate */
    printf("  backbone    %d analytic features read by the heads; residual targets:",
           c->backbone_inputs);
    for (int t = 0; t < hls_model_targets(m); t++)
      if (c->residual & (1u << t)) {
        printf(" %s", hls_model_target_name(c->task, t));
        if (c->residual_weighted & (1u << t))
          printf(" (correction weighted %g)", (double)c->residual_weight[t]);
      }
    printf("%s\n", c->residual ? "" : " none");
  }
  if (c->flow_inputs)
    printf("  flows       %d one-hot inputs read by the heads (a model across flows); set: %s\n",
           c->flow_inputs, hls_tool_flow_at((size_t)c->flow_slot)->name);
  printf("  parameters  %zu\n", hls_model_parameters(m));
  printf("  trained_on  %s\n", hls_model_trained_on(m));
  const hls_weights *w = hls_model_weights(m);
  if (w->flow[0]) {
    char text[160];
    hls_tool_flow_describe(w->tool, w->device, w->clock_mhz, text, sizeof text);
    printf("  flow        %s (%s)\n", w->flow, text);
  } else {
    printf("  flow        none recorded\n");
  }
  const hls_confidence_ref *cr = &w->confidence;
  if (cr->count)
    printf("  confidence  %zu training kernels (%s%s), typical distance %.6g, perf %.6g +- %.6g\n",
           cr->count, cr->kernels[0], cr->count > 1 ? ", ..." : "", cr->scale, cr->perf_mean,
           cr->perf_std);
  else
    printf("  confidence  none (no training embeddings)\n");
  hls_model_free(m);
  return 0;
}

/* ---- random ---- */

static int cmd_random(int argc, char **argv) {
  const char *out = positional(argc, argv, 0);
  int task = hls_model_task_from_name(option(argc, argv, "--task", "regression"));
  int kind = hls_model_kind_from_name(option(argc, argv, "--kind", "hier"));
  int hidden = atoi(option(argc, argv, "--hidden", "64"));
  uint64_t seed = strtoull(option(argc, argv, "--seed", "1"), NULL, 10) * 2654435761ULL + 1;
  const char *flow_name = option(argc, argv, "--flow", NULL);
  const hls_tool_flow *flow = flow_name ? hls_tool_flow_find(flow_name) : NULL;
  if (flow_name && !flow) {
    fprintf(stderr, "error: unknown tool flow '%s' (known: %s)\n", flow_name, hls_tool_flow_names());
    return 2;
  }
  if (!out || task < 0 || kind < 0 || hidden < 2 || hidden % 2 || hidden > HLS_MODEL_HIDDEN_MAX)
    return usage();
  hls_model_config c;
  hls_model_config_default(&c, (hls_model_task)task, (hls_model_kind)kind, hidden);
  const char *backbone = option(argc, argv, "--backbone", "none");
  int across = strcmp(backbone, "hybrid-across-flows") == 0;
  if (strcmp(backbone, "hybrid") == 0 || across) { /* the shipped hybrid's shape: reads the estimate, perf residual */
    c.backbone_inputs = HLS_BACKBONE_FEATURES;
    c.residual = task == HLS_TASK_REGRESSION ? 1u << HLS_TARGET_perf : 0;
  } else if (strcmp(backbone, "none") != 0) {
    return usage();
  }
  if (across) { /* the heads read the flow one-hot too: a model predicts the flow it records */
    if (!flow) {
      fprintf(stderr, "error: --backbone hybrid-across-flows needs --flow (the flow the model "
                      "predicts)\n");
      return 2;
    }
    c.flow_inputs = (int)hls_tool_flow_count();
    c.flow_slot = hls_tool_flow_index(flow);
  }
  hls_spec spec;
  hls_model_spec(&c, &spec);
  float **data = hls_xcalloc(spec.count, sizeof *data);
  for (size_t i = 0; i < spec.count; i++) {
    const hls_tensor_spec *s = &spec.items[i];
    size_t n = (size_t)s->shape[0] * (size_t)(s->ndim == 2 ? s->shape[1] : 1);
    /* PyTorch's Linear default: uniform(±1/sqrt(fan_in)); biases use the
     * fan-in of their layer, approximated here by the hidden size. */
    double bound = 1.0 / sqrt((double)(s->ndim == 2 ? s->shape[1] : hidden));
    data[i] = hls_xmalloc((n + 1) * sizeof(float));
    for (size_t k = 0; k < n; k++)
      data[i][k] = (float)((2.0 * rnd_unit(&seed) - 1.0) * bound);
  }
  char trained[128];
  snprintf(trained, sizeof trained, "random weights (hls-model random --seed %s)",
           option(argc, argv, "--seed", "1"));
  hls_diags d;
  hls_diags_init(&d);
  int rc = hls_weights_write(out, &c, trained, flow, &spec, data, &d);
  hls_diags_print(&d, stderr);
  hls_diags_free(&d);
  for (size_t i = 0; i < spec.count; i++)
    free(data[i]);
  free(data);
  hls_spec_free(&spec);
  return rc ? 1 : 0;
}

/* ---- design points ---- */

/* A random design point: pipeline modes uniformly, factors a power of two up to
 * the trip count (or 1..64 when it is unknown), sometimes the trip count. */
static void random_point(const hls_graph *g, uint64_t *seed, hls_value *s) {
  static const hls_pipe_mode modes[] = {HLS_PIPE_OFF, HLS_PIPE_CG, HLS_PIPE_FG};
  for (size_t k = 0; k < g->nknobs; k++) {
    const hls_graph_knob *kn = &g->knobs[k];
    memset(&s[k], 0, sizeof s[k]);
    if (kn->kind == HLS_KNOB_PIPELINE) {
      s[k].is_string = 1;
      s[k].string = hls_pipe_mode_point(modes[rnd(seed) % 3]);
      continue;
    }
    if (kn->kind == HLS_KNOB_FLATTEN) {
      s[k].is_string = 1;
      s[k].string = rnd(seed) % 2 ? "off" : "NA";
      continue;
    }
    int64_t trip = kn->loop >= 0 ? g->loops[kn->loop].trip_count : 0, f = 1;
    int64_t top = trip > 0 ? trip : 64;
    int steps = (int)(rnd(seed) % 8);
    for (int i = 0; i < steps && f * 2 <= top; i++)
      f *= 2;
    if (trip > 0 && rnd(seed) % 5 == 0)
      f = trip;
    s[k].integer = f;
  }
}

static float *random_points(const hls_graph *g, size_t n, uint64_t seed) {
  size_t per = g->nscopes * HLS_PRAGMA_DIM;
  float *p = hls_xmalloc((n * per + 1) * sizeof(float));
  hls_value *s = hls_xcalloc(g->nknobs + 1, sizeof *s);
  seed = seed * 0x9E3779B97F4A7C15ULL + 7;
  for (size_t i = 0; i < n; i++) {
    random_point(g, &seed, s);
    hls_encode_point(g, s, p + i * per);
  }
  free(s);
  return p;
}

/* Encodes a point given as JSON text.  Returns 0 or -1 (diagnostics in d). */
static int encode_text(const hls_graph *g, const char *where, const char *text, float *out,
                       hls_diags *d) {
  hls_value *s = hls_xcalloc(g->nknobs + 1, sizeof *s);
  int rc = hls_encode_text(g, where, text, s, out, d);
  free(s);
  return rc;
}

/* The analytic estimator behind a model's backbone features, for the flow
 * the model records (none: the whole device's utilisations); a NULL
 * estimator for a model that reads none. */
typedef struct {
  hls_analytic *a;
  hls_loop_setting *settings; /* [nloops] scratch */
} backbone_estimator;

/* 0, or -1 with an error in d (a graph the estimator cannot read). */
static int backbone_open(backbone_estimator *b, const hls_model *m, const hls_graph *g,
                         hls_diags *d) {
  memset(b, 0, sizeof *b);
  if (!hls_model_uses_backbone(m))
    return 0;
  b->a = hls_analytic_new(g, hls_tool_flow_find(hls_model_weights(m)->flow), d);
  if (!b->a)
    return -1;
  b->settings = hls_xcalloc(g->nloops + 1, sizeof *b->settings);
  return 0;
}

static void backbone_close(backbone_estimator *b) {
  hls_analytic_free(b->a);
  free(b->settings);
}

/* The backbone features [n][HLS_BACKBONE_FEATURES] of n encoded points
 * (the caller frees them); NULL without an estimator. */
static float *backbone_rows(backbone_estimator *b, const hls_graph *g, const float *pragma,
                            size_t n) {
  if (!b->a)
    return NULL;
  float *out = hls_xmalloc((n * HLS_BACKBONE_FEATURES + 1) * sizeof(float));
  hls_backbone_of_encoded(b->a, g, pragma, n, b->settings, out);
  return out;
}

/* backbone_rows of a one-off estimator: NULL for a model that reads no
 * features, or a graph the estimator cannot read (errors in d). */
static float *backbone_of(const hls_model *m, const hls_graph *g, const float *pragma, size_t n,
                          hls_diags *d) {
  backbone_estimator b;
  float *out = backbone_open(&b, m, g, d) ? NULL : backbone_rows(&b, g, pragma, n);
  backbone_close(&b);
  return out;
}

typedef struct {
  hls_model *m;
  hls_graph g;
  hls_prepared *p;
  hls_workspace *w;
} loaded;

static int load_pair(const char *model, const char *graph, loaded *l, hls_diags *d) {
  memset(l, 0, sizeof *l);
  l->m = hls_model_load(model, d);
  if (!l->m)
    return -1;
  if (hls_graph_load(graph, &l->g, d))
    return -1;
  l->p = hls_model_prepare(l->m, &l->g, d);
  if (!l->p)
    return -1;
  l->w = hls_workspace_new(l->m, l->p);
  return 0;
}

static void unload(loaded *l) {
  hls_workspace_free(l->w);
  hls_prepared_free(l->p);
  hls_graph_free(&l->g);
  hls_model_free(l->m);
}

/* ---- selfcheck ---- */

static double max_diff(const float *a, const float *b, size_t n) {
  double m = 0.0;
  for (size_t i = 0; i < n; i++) {
    double x = fabs((double)a[i] - (double)b[i]);
    if (!(x <= m))
      m = x; /* NaN propagates */
  }
  return m;
}

/* Scores pts on two threads at once, each with its own workspace, the second
 * with a separately loaded copy of the model (two models coexisting). */
typedef struct {
  const hls_model *m;
  const hls_prepared *p;
  const float *pts, *backbone;
  size_t n;
  float *out;
} half_job;

static void *score_half(void *arg) {
  half_job *j = arg;
  hls_workspace *w = hls_workspace_new(j->m, j->p);
  for (size_t i = 0; i < j->n; i++) /* one point per call: many calls interleave */
    hls_model_score(j->m, j->p, w, j->pts + i * hls_prepared_scopes(j->p) * HLS_PRAGMA_DIM,
                    j->backbone ? j->backbone + i * HLS_BACKBONE_FEATURES : NULL, 1,
                    j->out + i * (size_t)hls_model_targets(j->m));
  hls_workspace_free(w);
  return NULL;
}

static double threaded_diff(const char *model, loaded *l, const float *pts, const float *bb,
                            size_t n, const float *ref) {
  hls_diags d;
  hls_diags_init(&d);
  hls_model *m2 = hls_model_load(model, &d);
  hls_prepared *p2 = m2 ? hls_model_prepare(m2, &l->g, &d) : NULL;
  hls_diags_free(&d);
  if (!p2) {
    hls_model_free(m2);
    return INFINITY;
  }
  size_t nt = (size_t)hls_model_targets(l->m), per = l->g.nscopes * HLS_PRAGMA_DIM, h = n / 2;
  float *out = hls_xmalloc((n * nt + 1) * sizeof(float));
  half_job jobs[2] = {{l->m, l->p, pts, bb, h, out},
                      {m2, p2, pts + h * per, bb ? bb + h * HLS_BACKBONE_FEATURES : NULL, n - h,
                       out + h * nt}};
  pthread_t tid[2];
  for (int t = 0; t < 2; t++)
    pthread_create(&tid[t], NULL, score_half, &jobs[t]);
  for (int t = 0; t < 2; t++)
    pthread_join(tid[t], NULL);
  double diff = max_diff(out, ref, n * nt);
  free(out);
  hls_prepared_free(p2);
  hls_model_free(m2);
  return diff;
}

static int cmd_selfcheck(int argc, char **argv) {
  const char *model = positional(argc, argv, 0), *graph = positional(argc, argv, 1);
  if (!model || !graph)
    return usage();
  size_t n = strtoull(option(argc, argv, "--points", "20"), NULL, 10);
  uint64_t seed = strtoull(option(argc, argv, "--seed", "1"), NULL, 10);
  double tol = atof(option(argc, argv, "--tol", "1e-5"));
  hls_diags d;
  hls_diags_init(&d);
  loaded l;
  int rc = load_pair(model, graph, &l, &d);
  hls_diags_print(&d, stderr);
  hls_diags_free(&d);
  if (rc) {
    unload(&l);
    return 1;
  }
  size_t nt = (size_t)hls_model_targets(l.m), ed = hls_model_embedding_dim(l.m);
  float *pts = random_points(&l.g, n, seed);
  float *o1 = hls_xmalloc((n * nt + 1) * sizeof(float)), *o2 = hls_xmalloc((n * nt + 1) * sizeof(float));
  float *e1 = hls_xmalloc((n * ed + 1) * sizeof(float)), *e2 = hls_xmalloc((n * ed + 1) * sizeof(float));
  hls_diags_init(&d);
  float *bb = backbone_of(l.m, &l.g, pts, n, &d);
  hls_model_score_embed(l.m, l.p, l.w, pts, bb, n, o1, e1);
  hls_model_score_full(l.m, &l.g, pts, bb, n, o2, e2, &d);
  hls_diags_print(&d, stderr);
  hls_diags_free(&d);
  double dout = max_diff(o1, o2, n * nt), demb = max_diff(e1, e2, n * ed);
  double dthr = threaded_diff(model, &l, pts, bb, n, o1);
  int bad = !(dout <= tol && demb <= tol && dthr <= tol);
  printf("%s on %s: %zu points, %zu scopes, %zu affected nodes: incremental vs direct: max |diff| "
         "outputs %.3g, embeddings %.3g; two threads and two models vs one: %.3g: %s\n",
         hls_model_kind_name(hls_model_kind_of(l.m)), graph, n, l.g.nscopes,
         hls_prepared_affected(l.p), dout, demb, dthr, bad ? "FAIL" : "ok");
  free(pts);
  free(bb);
  free(o1);
  free(o2);
  free(e1);
  free(e2);
  unload(&l);
  return bad;
}

/* ---- score ---- */

typedef struct {
  loaded *l;
  const char *path;
  float *pragma;
  hls_diags *d;
  int rc;
  backbone_estimator backbone; /* one for every line: the graph is analysed once */
} scorer;

/* Prints the model's outputs for one point line. */
static int score_line(void *ctx, char *line, unsigned line_no) {
  scorer *s = ctx;
  float out[HLS_MODEL_TARGETS_MAX];
  char where[4096];
  snprintf(where, sizeof where, "%s:%u", s->path, line_no);
  if (encode_text(&s->l->g, where, line, s->pragma, s->d) == 0) {
    float *bb = backbone_rows(&s->backbone, &s->l->g, s->pragma, 1);
    hls_model_score(s->l->m, s->l->p, s->l->w, s->pragma, bb, 1, out);
    free(bb);
    for (int t = 0; t < hls_model_targets(s->l->m); t++)
      printf("%s%.7g", t ? " " : "", out[t]);
    printf("\n");
  } else {
    s->rc = -1;
  }
  return 0;
}

static int cmd_score(int argc, char **argv) {
  const char *model = positional(argc, argv, 0), *graph = positional(argc, argv, 1);
  const char *points = positional(argc, argv, 2);
  if (!model || !graph || !points)
    return usage();
  hls_diags d;
  hls_diags_init(&d);
  loaded l;
  size_t len;
  char *text = NULL;
  int rc = load_pair(model, graph, &l, &d);
  if (!rc && !(text = hls_read_file(points, &len))) {
    hls_diag_add(&d, HLS_SEV_ERROR, points, 0, 0, "cannot read design points");
    rc = -1;
  }
  scorer s = {&l, points, NULL, &d, 0, {NULL, NULL}};
  if (!rc && !(rc = backbone_open(&s.backbone, l.m, &l.g, &d))) {
    s.pragma = hls_xmalloc((l.g.nscopes * HLS_PRAGMA_DIM + 1) * sizeof(float));
    hls_for_each_line(text, len, score_line, &s);
    rc = s.rc;
    free(s.pragma);
  }
  backbone_close(&s.backbone);
  free(text);
  hls_diags_print(&d, stderr);
  hls_diags_free(&d);
  unload(&l);
  return rc ? 1 : 0;
}

/* ---- parity ---- */

static char *dir_of(const char *path) {
  const char *slash = strrchr(path, '/');
  return slash ? hls_xstrndup(path, (size_t)(slash - path + 1)) : hls_xstrdup("");
}

static char *join(const char *dir, const char *rel) {
  if (rel[0] == '/')
    return hls_xstrdup(rel);
  size_t n = strlen(dir) + strlen(rel) + 1;
  char *s = hls_xmalloc(n);
  snprintf(s, n, "%s%s", dir, rel);
  return s;
}

typedef struct {
  double out, emb, out_full, distance;
  size_t points, emb_checked, confidence_checked;
  int failed;
} parity_stats;

/* Reads row r of a JSON array of arrays into v (width w); -1 if malformed. */
static int json_row(const cJSON *rows, size_t r, float *v, size_t w) {
  const cJSON *row = cJSON_GetArrayItem(rows, (int)r);
  if (!cJSON_IsArray(row) || (size_t)cJSON_GetArraySize(row) != w)
    return -1;
  size_t i = 0;
  for (const cJSON *x = row->child; x; x = x->next, i++) {
    if (!cJSON_IsNumber(x))
      return -1;
    v[i] = (float)x->valuedouble;
  }
  return 0;
}

/* The case's "confidence" ([[distance, nearest row], ...], export.py) against
 * the runtime's for the embeddings it computed (model/confidence.h; the work
 * measure needs the analytic estimator, which the reference does not
 * record).  Prints its part of the case line. */
static int parity_confidence(const hls_model *m, const cJSON *c, const float *emb, size_t n,
                             const char *ref, size_t ci, parity_stats *st, hls_diags *d) {
  const cJSON *conf = cJSON_GetObjectItemCaseSensitive(c, "confidence");
  const hls_confidence_ref *cr = &hls_model_weights(m)->confidence;
  if (!conf) {
    if (cr->count)
      printf(", confidence not compared (absent)");
    return 0;
  }
  if (!cr->count || !cJSON_IsArray(conf) || cJSON_GetArraySize(conf) != (int)n) {
    hls_diag_add(d, HLS_SEV_ERROR, ref, 0, 0,
                 cr->count ? "case %zu: \"confidence\" needs one [distance, row] per point"
                           : "case %zu: has \"confidence\", the model records no training embeddings",
                 ci);
    return -1;
  }
  double worst = 0;
  size_t moved = 0;
  for (size_t k = 0; k < n; k++) {
    float want[2];
    if (json_row(conf, k, want, 2) || want[1] < 0 || want[1] >= (float)cr->count) {
      hls_diag_add(d, HLS_SEV_ERROR, ref, 0, 0, "case %zu point %zu: \"confidence\" needs [distance, row]",
                   ci, k);
      return -1;
    }
    hls_confidence got = hls_confidence_of(cr, emb + k * cr->dim, NAN);
    double diff = fabs((double)got.distance - want[0]);
    worst = diff > worst || isnan(diff) ? diff : worst;
    moved += strcmp(got.nearest, cr->kernels[(size_t)want[1]]) != 0;
  }
  printf(", confidence distance %.3g, nearest kernel differs on %zu", worst, moved);
  st->distance = worst > st->distance || isnan(worst) ? worst : st->distance;
  st->confidence_checked++;
  st->failed |= moved != 0;
  return 0;
}

static int parity_case(const hls_model *m, const cJSON *c, const char *dir, const char *ref,
                       size_t ci, parity_stats *st, hls_diags *d) {
  const cJSON *graph = cJSON_GetObjectItemCaseSensitive(c, "graph");
  const cJSON *points = cJSON_GetObjectItemCaseSensitive(c, "points");
  const cJSON *outputs = cJSON_GetObjectItemCaseSensitive(c, "outputs");
  const cJSON *embs = cJSON_GetObjectItemCaseSensitive(c, "embeddings");
  if (!cJSON_IsString(graph) || !cJSON_IsArray(points) || !cJSON_IsArray(outputs) ||
      cJSON_GetArraySize(points) != cJSON_GetArraySize(outputs)) {
    hls_diag_add(d, HLS_SEV_ERROR, ref, 0, 0,
                 "case %zu: needs \"graph\", and \"points\" and \"outputs\" of equal length", ci);
    return -1;
  }
  char *gpath = join(dir, graph->valuestring);
  hls_graph g;
  int rc = hls_graph_load(gpath, &g, d);
  hls_prepared *p = rc ? NULL : hls_model_prepare(m, &g, d);
  if (!p) {
    free(gpath);
    hls_graph_free(&g);
    return -1;
  }
  size_t n = (size_t)cJSON_GetArraySize(points), per = g.nscopes * HLS_PRAGMA_DIM;
  size_t nt = (size_t)hls_model_targets(m), ed = hls_model_embedding_dim(m);
  float *pm = hls_xmalloc((n * per + 1) * sizeof(float));
  float *want = hls_xmalloc((n * nt + 1) * sizeof(float)), *got = hls_xmalloc((n * nt + 1) * sizeof(float));
  float *full = hls_xmalloc((n * nt + 1) * sizeof(float));
  float *wemb = hls_xmalloc((n * ed + 1) * sizeof(float)), *gemb = hls_xmalloc((n * ed + 1) * sizeof(float));
  size_t i = 0;
  for (const cJSON *pt = points->child; pt && !rc; pt = pt->next, i++) {
    char *text = cJSON_PrintUnformatted(pt), where[600];
    snprintf(where, sizeof where, "%s: case %zu point %zu", ref, ci, i);
    rc = encode_text(&g, where, text, pm + i * per, d);
    free(text);
    if (!rc && json_row(outputs, i, want + i * nt, nt)) {
      hls_diag_add(d, HLS_SEV_ERROR, ref, 0, 0, "case %zu point %zu: \"outputs\" needs %zu numbers",
                   ci, i, nt);
      rc = -1;
    }
  }
  /* The trainer's backbone features when the reference records them (the
   * network is compared, not the estimator), else this build's estimates. */
  const cJSON *bbs = cJSON_GetObjectItemCaseSensitive(c, "backbone");
  float *bb = rc ? NULL : backbone_of(m, &g, pm, n, d);
  for (size_t k = 0; bb && cJSON_IsArray(bbs) && k < n && !rc; k++)
    if (json_row(bbs, k, bb + k * HLS_BACKBONE_FEATURES, HLS_BACKBONE_FEATURES)) {
      hls_diag_add(d, HLS_SEV_ERROR, ref, 0, 0, "case %zu point %zu: \"backbone\" needs %d numbers",
                   ci, k, HLS_BACKBONE_FEATURES);
      rc = -1;
    }
  if (!rc && hls_model_uses_backbone(m) && !bb)
    rc = -1;
  int have_emb = cJSON_IsArray(embs) && cJSON_GetArraySize(embs) == (int)n;
  for (size_t k = 0; k < n && have_emb && !rc; k++)
    have_emb = json_row(embs, k, wemb + k * ed, ed) == 0;
  if (!rc) {
    hls_workspace *w = hls_workspace_new(m, p);
    hls_model_score_embed(m, p, w, pm, bb, n, got, gemb);
    hls_workspace_free(w);
    rc = hls_model_score_full(m, &g, pm, bb, n, full, NULL, d);
    double dout = max_diff(got, want, n * nt), dfull = max_diff(full, want, n * nt);
    double demb = have_emb ? max_diff(gemb, wemb, n * ed) : 0.0;
    printf("case %zu (%s): %zu points, max |diff| outputs %.3g (direct path %.3g)", ci,
           graph->valuestring, n, dout, dfull);
    if (have_emb)
      printf(", embeddings %.3g", demb);
    else
      printf(", embeddings not compared (absent or not %zu wide)", ed);
    if (parity_confidence(m, c, gemb, n, ref, ci, st, d))
      rc = -1;
    printf("\n");
    st->out = dout > st->out || isnan(dout) ? dout : st->out;
    st->out_full = dfull > st->out_full || isnan(dfull) ? dfull : st->out_full;
    st->emb = demb > st->emb || isnan(demb) ? demb : st->emb;
    st->emb_checked += have_emb;
    st->points += n;
  }
  free(pm);
  free(bb);
  free(want);
  free(got);
  free(full);
  free(wemb);
  free(gemb);
  free(gpath);
  hls_prepared_free(p);
  hls_graph_free(&g);
  return rc;
}

static int cmd_parity(int argc, char **argv) {
  const char *model = positional(argc, argv, 0), *ref = positional(argc, argv, 1);
  if (!model || !ref)
    return usage();
  double tol = atof(option(argc, argv, "--tol", "1e-4"));
  hls_diags d;
  hls_diags_init(&d);
  hls_model *m = hls_model_load(model, &d);
  cJSON *root = NULL;
  int rc = m ? 0 : -1;
  size_t len;
  char *text = rc ? NULL : hls_read_file(ref, &len);
  if (!rc && !text) {
    hls_diag_add(&d, HLS_SEV_ERROR, ref, 0, 0, "cannot read reference file");
    rc = -1;
  } else if (!rc) {
    root = cJSON_Parse(text);
    free(text);
  }
  const cJSON *cases = root ? cJSON_GetObjectItemCaseSensitive(root, "cases") : NULL;
  if (!rc && !cJSON_IsArray(cases)) {
    hls_diag_add(&d, HLS_SEV_ERROR, ref, 0, 0, "not a reference file: no \"cases\" array");
    rc = -1;
  }
  const cJSON *schema = root ? cJSON_GetObjectItemCaseSensitive(root, "schema") : NULL;
  if (!rc && cJSON_IsString(schema) && strcmp(schema->valuestring, hls_schema_id()) != 0) {
    hls_diag_add(&d, HLS_SEV_ERROR, ref, 0, 0,
                 "reference made with feature schema %s, this build uses %s", schema->valuestring,
                 hls_schema_id());
    rc = -1;
  }
  parity_stats st = {0};
  char *dir = dir_of(ref);
  size_t ci = 0;
  for (const cJSON *c = rc ? NULL : cases->child; c; c = c->next, ci++)
    if (parity_case(m, c, dir, ref, ci, &st, &d))
      rc = -1;
  free(dir);
  cJSON_Delete(root);
  hls_diags_print(&d, stderr);
  hls_diags_free(&d);
  if (!rc) {
    int bad = !(st.out <= tol && st.out_full <= tol && st.emb <= tol && st.distance <= tol) ||
              st.failed;
    printf("parity %s: %zu cases, %zu points: max |diff| outputs %.3g, direct path %.3g, "
           "embeddings %.3g (%zu cases)",
           hls_model_kind_name(hls_model_kind_of(m)), ci, st.points, st.out, st.out_full, st.emb,
           st.emb_checked);
    if (st.confidence_checked)
      printf(", confidence distance %.3g (%zu cases)%s", st.distance, st.confidence_checked,
             st.failed ? ", another nearest kernel" : "");
    printf(": %s (tolerance %g)\n", bad ? "FAIL" : "ok", tol);
    rc = bad ? -1 : 0;
  }
  hls_model_free(m);
  return rc ? 1 : 0;
}

/* ---- bench ---- */

typedef struct {
  const hls_model *m;
  const hls_prepared *p;
  hls_workspace *w;
  const float *pragma, *backbone;
  size_t n, per, nt, batch;
  float *out;
} job;

static void *run_job(void *arg) {
  job *j = arg;
  for (size_t at = 0; at < j->n; at += j->batch) {
    size_t k = j->n - at < j->batch ? j->n - at : j->batch;
    hls_model_score(j->m, j->p, j->w, j->pragma + at * j->per,
                    j->backbone ? j->backbone + at * HLS_BACKBONE_FEATURES : NULL, k,
                    j->out + at * j->nt);
  }
  return NULL;
}

static double sgemm_peak(int threads, int size, double seconds);

static int cmd_bench(int argc, char **argv) {
  const char *models = positional(argc, argv, 0), *graph = positional(argc, argv, 1);
  if (!models || !graph)
    return usage();
  size_t n = strtoull(option(argc, argv, "--points", "20000"), NULL, 10);
  int threads = atoi(option(argc, argv, "--threads", "2"));
  size_t batch = strtoull(option(argc, argv, "--batch", "256"), NULL, 10);
  uint64_t seed = strtoull(option(argc, argv, "--seed", "1"), NULL, 10);
  if (threads < 1 || threads > 64 || batch < 1)
    return usage();
  /* Parallel over design points, one workspace per thread: OpenBLAS itself
   * runs single-threaded so the two levels do not fight over cores. */
  openblas_set_num_threads(1);
  hls_diags d;
  hls_diags_init(&d);
  hls_graph g;
  if (hls_graph_load(graph, &g, &d)) {
    hls_diags_print(&d, stderr);
    hls_diags_free(&d);
    return 1;
  }
  char *list = hls_xstrdup(models);
  hls_model *m[8];
  hls_prepared *p[8];
  int nm = 0, rc = 0;
  double t0 = now();
  char *save = NULL;
  for (char *tok = strtok_r(list, ",", &save); tok && nm < 8 && !rc;
       tok = strtok_r(NULL, ",", &save)) {
    m[nm] = hls_model_load(tok, &d);
    p[nm] = m[nm] ? hls_model_prepare(m[nm], &g, &d) : NULL;
    rc = p[nm] ? 0 : -1;
    if (m[nm])
      nm++;
  }
  double t_prep = now() - t0;
  hls_diags_print(&d, stderr);
  hls_diags_free(&d);
  if (!rc) {
    size_t per = g.nscopes * HLS_PRAGMA_DIM;
    float *pts = random_points(&g, n, seed);
    float *out = hls_xmalloc((n * HLS_MODEL_TARGETS_MAX + 1) * sizeof(float));
    hls_workspace *ws[8][64];
    size_t wbytes = 0;
    double flops = 0.0;
    for (int i = 0; i < nm; i++) {
      flops += hls_prepared_flops(p[i]);
      for (int t = 0; t < threads; t++) {
        ws[i][t] = hls_workspace_new(m[i], p[i]);
        wbytes += hls_workspace_bytes(ws[i][t]);
      }
    }
    double t1 = now();
    /* The analytic estimates a hybrid model reads are part of scoring: timed
     * (once per point, as the predictor computes them for all its models). */
    float *bb = NULL;
    for (int i = 0; i < nm && !bb; i++) {
      hls_diags_init(&d);
      bb = backbone_of(m[i], &g, pts, n, &d);
      hls_diags_print(&d, stderr);
      hls_diags_free(&d);
    }
    double t_backbone = now() - t1;
    pthread_t tid[64];
    job jobs[64];
    for (int i = 0; i < nm; i++) {
      size_t slice = (n + (size_t)threads - 1) / (size_t)threads;
      for (int t = 0; t < threads; t++) {
        size_t lo = slice * (size_t)t < n ? slice * (size_t)t : n;
        size_t hi = lo + slice < n ? lo + slice : n;
        size_t nt = (size_t)hls_model_targets(m[i]);
        jobs[t] = (job){m[i], p[i], ws[i][t], pts + lo * per,
                        bb ? bb + lo * HLS_BACKBONE_FEATURES : NULL, hi - lo, per, nt, batch,
                        out + lo * nt};
        pthread_create(&tid[t], NULL, run_job, &jobs[t]);
      }
      for (int t = 0; t < threads; t++)
        pthread_join(tid[t], NULL);
    }
    double secs = now() - t1, rate = (double)n / secs;
    size_t pbytes = 0, aff = 0;
    for (int i = 0; i < nm; i++) {
      pbytes += hls_prepared_bytes(p[i]);
      aff += hls_prepared_affected(p[i]);
    }
    printf("bench %s: %zu nodes, %zu edges, %zu scopes, %zu affected nodes; %d model(s), %d "
           "thread(s)\n",
           graph, g.nnodes, g.nedges, g.nscopes, aff, nm, threads);
    printf("  prepare      %.3f s\n", t_prep);
    printf("  designs/s    %.0f  (%zu points in %.3f s)\n", rate, n, secs);
    if (bb)
      printf("  analytic     %.3f s of it (the backbone features of the points)\n", t_backbone);
    printf("  flop/design  %.0f\n", flops);
    printf("  GFLOP/s      %.2f\n", flops * rate * 1e-9);
    printf("  cache        %.1f MiB prepared, %.1f MiB workspaces\n", (double)pbytes / 1048576.0,
           (double)wbytes / 1048576.0);
    printf("  peak RSS     %.1f MiB\n", peak_mib());
    const char *peak = option(argc, argv, "--peak", NULL);
    if (peak) {
      double ceiling = atof(peak) > 0 ? atof(peak) * 1e9 : sgemm_peak(threads, 512, 1.0);
      printf("  sgemm peak   %.2f GFLOP/s; achieved fraction %.3f\n", ceiling * 1e-9,
             flops * rate / ceiling);
    }
    for (int i = 0; i < nm; i++)
      for (int t = 0; t < threads; t++)
        hls_workspace_free(ws[i][t]);
    free(pts);
    free(bb);
    free(out);
  }
  for (int i = 0; i < nm; i++) {
    hls_prepared_free(p[i]);
    hls_model_free(m[i]);
  }
  free(list);
  hls_graph_free(&g);
  return rc ? 1 : 0;
}

/* ---- sgemm ceiling ---- */

typedef struct {
  int size;
  double seconds;
  double flops;
} sgemm_job;

static void *sgemm_loop(void *arg) {
  sgemm_job *j = arg;
  size_t n = (size_t)j->size;
  float *a = hls_xmalloc(n * n * sizeof(float)), *b = hls_xmalloc(n * n * sizeof(float));
  float *c = hls_xcalloc(n * n, sizeof(float));
  for (size_t i = 0; i < n * n; i++)
    a[i] = b[i] = (float)(i % 7) * 0.01f;
  double t0 = now(), t;
  long reps = 0;
  do {
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, j->size, j->size, j->size, 1.0f, a,
                j->size, b, j->size, 0.0f, c, j->size);
    reps++;
    t = now() - t0;
  } while (t < j->seconds);
  j->flops = 2.0 * (double)n * (double)n * (double)n * (double)reps / t;
  free(a);
  free(b);
  free(c);
  return NULL;
}

/* One single-threaded sgemm loop per thread, as the bench runs: the sum of
 * their FLOP/s is the ceiling. */
static double sgemm_peak(int threads, int size, double seconds) {
  openblas_set_num_threads(1);
  pthread_t tid[64];
  sgemm_job jobs[64];
  double total = 0.0;
  for (int t = 0; t < threads; t++) {
    jobs[t] = (sgemm_job){size, seconds, 0.0};
    pthread_create(&tid[t], NULL, sgemm_loop, &jobs[t]);
  }
  for (int t = 0; t < threads; t++) {
    pthread_join(tid[t], NULL);
    total += jobs[t].flops;
  }
  return total;
}

static int cmd_sgemm(int argc, char **argv) {
  int threads = atoi(option(argc, argv, "--threads", "2"));
  int size = atoi(option(argc, argv, "--size", "512"));
  if (threads < 1 || threads > 64 || size < 16)
    return usage();
  double f = sgemm_peak(threads, size, 2.0);
  printf("sgemm %dx%dx%d, %d thread(s): %.2f GFLOP/s\n", size, size, size, threads, f * 1e-9);
  return 0;
}

/* ---- targets ---- */

/* What this build predicts, in the format of `python3 -m hlsmoe_train.targets`, so
 * that a test can compare the two readings of model/targets.def.  The search
 * (model/predictor.c hls_latency_cycles) must invert perf the same way. */
static int cmd_targets(void) {
  static const double perfs[] = {-2.0, 0.0, 1.0, 3.5, 10.0};
  int rc = 0;
  printf("regression %s\n", hls_model_targets_string(HLS_TASK_REGRESSION));
  printf("validity %s\n", hls_model_targets_string(HLS_TASK_VALIDITY));
  printf("perf = log2(%.17g / latency) / %.17g\n", hls_perf_transform[0], hls_perf_transform[1]);
  for (size_t i = 0; i < sizeof perfs / sizeof *perfs; i++) {
    double cycles = hls_latency_of_perf(perfs[i]);
    printf("perf %g: latency %.17g, perf again %.17g\n", perfs[i], cycles, hls_perf_of_latency(cycles));
    if (hls_latency_cycles((float)perfs[i]) != cycles) {
      fprintf(stderr, "error: model/predictor.c: hls_latency_cycles(%g) = %.17g, model/targets.def: %.17g\n",
              perfs[i], hls_latency_cycles((float)perfs[i]), cycles);
      rc = 1;
    }
  }
  return rc;
}

/* ---- flows ---- */

/* The declaration of model/confidence.def as this build reads it, in the
 * format of `hlsmoe_train.confidence declaration` (test/lit/train/confidence-def.test). */
static int cmd_confidence(void) {
  printf("tensor %s\n", hls_confidence_tensor_name());
  for (int k = 0; k < HLS_CONFIDENCE_META_KEYS; k++)
    printf("meta %s %s\n", hls_confidence_meta_what(k), hls_confidence_meta_key(k));
  for (int l = 1; l < HLS_CONFIDENCE_LEVELS; l++)
    printf("level %s distance below %g, work below %g\n", hls_confidence_level_name(l),
           hls_confidence_distance_below(l), hls_confidence_work_below(l));
  return 0;
}

/* The flows as hlsmoe_train.flows prints them (test/lit/train/flows.test). */
static int cmd_flows(void) {
  for (size_t i = 0; i < hls_tool_flow_count(); i++) {
    const hls_tool_flow *f = hls_tool_flow_at(i);
    char text[160];
    hls_tool_flow_describe(f->tool, f->device, f->clock_mhz, text, sizeof text);
    printf("%s: %s (dialect %s, data %s, utilisation of %d %% of the device; estimator: "
           "merges nests %d, partitions argument arrays %d)\n",
           f->name, text, hls_dialect_name(f->dialect), f->version, f->capacity_pct, f->merges_nests,
           f->partitions_args);
  }
  return 0;
}

int main(int argc, char **argv) {
  if (argc < 2)
    return usage();
  const char *cmd = argv[1];
  int n = argc - 2;
  char **rest = argv + 2;
  if (strcmp(cmd, "info") == 0 && n == 1)
    return cmd_info(rest[0]);
  if (strcmp(cmd, "random") == 0)
    return cmd_random(n, rest);
  if (strcmp(cmd, "parity") == 0)
    return cmd_parity(n, rest);
  if (strcmp(cmd, "selfcheck") == 0)
    return cmd_selfcheck(n, rest);
  if (strcmp(cmd, "score") == 0)
    return cmd_score(n, rest);
  if (strcmp(cmd, "bench") == 0)
    return cmd_bench(n, rest);
  if (strcmp(cmd, "sgemm") == 0)
    return cmd_sgemm(n, rest);
  if (strcmp(cmd, "targets") == 0 && n == 0)
    return cmd_targets();
  if (strcmp(cmd, "flows") == 0 && n == 0)
    return cmd_flows();
  if (strcmp(cmd, "confidence") == 0 && n == 0)
    return cmd_confidence();
  return usage();
}
