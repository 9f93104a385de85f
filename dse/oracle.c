#include "dse/oracle.h"

#include <cJSON.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dse/bind.h"
#include "graph/encode.h"

typedef struct {
  double latency; /* true cycles; 0 when the HLS run failed */
  int valid;      /* synthesized (latency >= 100) with every utilisation < 0.8 */
} labelled;

typedef struct {
  labelled *points;
  float *pragma; /* [n][nscopes][HLS_PRAGMA_DIM] */
  size_t n, capacity;
} labelled_set;

/* Parses one line into set; 0, or -1 with an error naming where. */
static int add_line(const hls_graph *g, const char *where, const char *line,
                    hls_value *point, labelled_set *set, hls_diags *d) {
  size_t row = g->nscopes * HLS_PRAGMA_DIM;
  if (set->n == set->capacity) {
    set->capacity = set->capacity ? 2 * set->capacity : 256;
    set->points = hls_xrealloc(set->points, set->capacity * sizeof *set->points);
    set->pragma = hls_xrealloc(set->pragma, (set->capacity * row + 1) * sizeof *set->pragma);
  }
  cJSON *obj = cJSON_Parse(line);
  int rc = 0;
  if (!obj) {
    hls_diag_add(d, HLS_SEV_ERROR, where, 0, 0, "malformed JSON line");
    rc = -1;
  } else if (hls_encode_text(g, where, line, point, set->pragma + set->n * row, d)) {
    rc = -1;
  } else {
    labelled *l = &set->points[set->n++];
    l->latency = cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(obj, "perf"));
    l->valid = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(obj, "valid"));
  }
  cJSON_Delete(obj);
  return rc;
}

typedef struct {
  const hls_graph *g;
  const char *path;
  hls_value *point;
  labelled_set *set;
  hls_diags *d;
} reader;

static int read_line(void *ctx, char *line, unsigned line_no) {
  reader *r = ctx;
  char where[4096];
  snprintf(where, sizeof where, "%s:%u", r->path, line_no);
  return add_line(r->g, where, line, r->point, r->set, r->d);
}

/* Reads every non-blank line of path; stops at the first bad one. */
static int read_labelled(const hls_graph *g, const char *path, labelled_set *set, hls_diags *d) {
  size_t len;
  char *text = hls_read_file(path, &len);
  if (!text) {
    hls_diag_add(d, HLS_SEV_ERROR, path, 0, 0, "cannot read the labelled points");
    return -1;
  }
  reader r = {g, path, hls_xcalloc(g->nknobs + 1, sizeof *r.point), set, d};
  int rc = hls_for_each_line(text, len, read_line, &r);
  free(r.point);
  free(text);
  return rc;
}

typedef struct {
  const hls_prediction *pred;
  size_t index;
} ranked;

/* Higher perf first; the file's order among equals. */
static int by_prediction(const void *a, const void *b) {
  const ranked *x = a, *y = b;
  if (x->pred->perf != y->pred->perf)
    return x->pred->perf > y->pred->perf ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

static int by_value(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static double better_latency(double best, const labelled *l) {
  return l->valid && l->latency > 0 && (best == 0 || l->latency < best) ? l->latency : best;
}

/* The random baseline: a fixed-seed LCG, so the number is the same run after run. */
static double random_ratio(const labelled_set *set, size_t k, double best) {
  enum { DRAWS = 1001 };
  if (best <= 0)
    return -1;
  double ratios[DRAWS];
  uint64_t seed = 0x9e3779b97f4a7c15ULL;
  for (int t = 0; t < DRAWS; t++) {
    double best_draw = 0;
    for (size_t i = 0; i < (k < set->n ? k : set->n); i++) {
      seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
      best_draw = better_latency(best_draw, &set->points[(seed >> 33) % set->n]);
    }
    ratios[t] = best_draw > 0 ? best_draw / best : HLS_ORACLE_NONE_VALID;
  }
  qsort(ratios, DRAWS, sizeof *ratios, by_value);
  return ratios[DRAWS / 2];
}

static int score_all(const hls_graph *g, const labelled_set *set, hls_score_fn score, void *ctx,
                     hls_prediction *pred) {
  size_t row = g->nscopes * HLS_PRAGMA_DIM;
  for (size_t i = 0; i < set->n; i += 512) {
    size_t n = set->n - i < 512 ? set->n - i : 512;
    if (score(ctx, set->pragma + i * row, n, pred + i))
      return -1;
  }
  return 0;
}

int hls_oracle_check(const hls_graph *g, const char *path, hls_score_fn score, void *ctx,
                     const hls_explore_options *o, hls_oracle_result *out, hls_diags *d) {
  memset(out, 0, sizeof *out);
  labelled_set set = {0};
  hls_prediction *pred = NULL;
  ranked *order = NULL;
  int rc = read_labelled(g, path, &set, d);
  if (rc == 0) {
    pred = hls_xcalloc(set.n + 1, sizeof *pred);
    rc = score_all(g, &set, score, ctx, pred);
    if (rc)
      hls_diag_add(d, HLS_SEV_ERROR, path, 0, 0, "scoring the labelled points failed");
  }
  for (size_t i = 0; rc == 0 && i < set.n; i++) {
    double value;
    const char *bad = hls_prediction_implausible(&pred[i], &value);
    if (bad) { /* never ranked: the model is damaged or does not suit the kernel */
      const char *file = strcmp(bad, "validity") == 0 ? o->valid_model : o->model;
      hls_diag_add(d, HLS_SEV_ERROR, file ? file : path, 0, 0,
                   "the model predicts %s %s (%g) for labelled point %zu of %s",
                   isfinite(value) ? "an implausible" : "a non-finite", bad, value, i + 1, path);
      rc = -1;
    }
  }
  if (rc == 0) {
    order = hls_xcalloc(set.n + 1, sizeof *order);
    for (size_t i = 0; i < set.n; i++)
      if (hls_design_feasible(o, &pred[i]))
        order[out->feasible++] = (ranked){&pred[i], i};
    qsort(order, out->feasible, sizeof *order, by_prediction);
    out->labelled = set.n;
    for (size_t i = 0; i < set.n; i++)
      out->best = better_latency(out->best, &set.points[i]);
    for (size_t r = 0; r < o->top_k && r < out->feasible; r++) {
      double b = better_latency(out->best_top, &set.points[order[r].index]);
      if (b != out->best_top)
        out->best_top = b, out->best_top_rank = r + 1;
    }
    out->random_ratio = random_ratio(&set, o->top_k, out->best);
  }
  free(order);
  free(pred);
  free(set.points);
  free(set.pragma);
  return rc;
}
