#include "dse/score.h"

#include <cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dse/bind.h"
#include "dse/point.h"
#include "dse/report.h"
#include "graph/encode.h"
#include "model/config.h"
#include "model/predictor.h"
#include "support/strbuf.h"

enum { BATCH = 512 };

/* One line of the file, waiting for its batch to be scored. */
typedef struct {
  unsigned line;
  cJSON *point; /* the knob values when the line is a design point; NULL on error */
  char *error;  /* the messages when it is not */
  size_t row;   /* its row of the batch's pragma matrix, when a point */
} entry;

typedef struct {
  const hls_graph *g;
  const char *path;
  hls_score_fn score;
  void *ctx;
  const hls_score_models *models;
  FILE *out;
  hls_diags *d;
  hls_value *point; /* [nknobs] */
  entry batch[BATCH];
  size_t n, points; /* entries in the batch; of them design points */
  float *pragma;    /* [BATCH][nscopes][HLS_PRAGMA_DIM] */
  hls_prediction pred[BATCH];
  size_t scored; /* lines written so far */
  int failed;    /* the scorer failed: nothing more is scored */
} scorer;

/* An error about line `line` of the file: in d, and as the entry's message. */
static void line_error(scorer *s, entry *e, unsigned col, const char *msg) {
  hls_diag_add(s->d, HLS_SEV_ERROR, s->path, e->line, col, "%s", msg);
  hls_strbuf b = {0};
  if (e->error)
    hls_strbuf_printf(&b, "%s; ", e->error);
  hls_strbuf_printf(&b, "%s", msg);
  free(e->error);
  e->error = b.text;
}

/* The knob values of the bound point, in the graph's knob order. */
static cJSON *point_json(const hls_graph *g, const hls_value *point) {
  cJSON *o = cJSON_CreateObject();
  for (size_t k = 0; k < g->nknobs; k++) {
    if (point[k].is_string)
      cJSON_AddStringToObject(o, g->knobs[k].name, point[k].string);
    else
      cJSON_AddNumberToObject(o, g->knobs[k].name, (double)point[k].integer);
  }
  return o;
}

/* Parses and binds one line into the batch.  The parser and the binder
 * locate their errors in the line's own text (line 1); they are moved to the
 * line of the file. */
static void add_line(scorer *s, char *line, unsigned line_no) {
  entry *e = &s->batch[s->n++];
  memset(e, 0, sizeof *e);
  e->line = line_no;
  hls_diags local;
  hls_diags_init(&local);
  hls_point pt;
  if (hls_point_parse(&pt, s->path, line, &local) == 0 &&
      hls_bind_graph(s->g, &pt, s->point, &local) == 0) {
    e->point = point_json(s->g, s->point);
    e->row = s->points++;
    hls_encode_point(s->g, s->point, s->pragma + e->row * s->g->nscopes * HLS_PRAGMA_DIM);
  }
  hls_point_free(&pt);
  hls_diags_sort(&local);
  for (size_t i = 0; i < local.count; i++) {
    const hls_diag *di = &local.items[i];
    if (di->severity == HLS_SEV_ERROR)
      line_error(s, e, di->line ? di->col : 0, di->message);
    else
      hls_diag_add(s->d, di->severity, s->path, line_no, di->line ? di->col : 0, "%s",
                   di->message);
  }
  if (!e->error && !e->point)
    line_error(s, e, 0, "not a design point");
  hls_diags_free(&local);
}

/* The output line of a scored point. */
static cJSON *prediction_json(cJSON *point, const hls_prediction *p, double cycles) {
  cJSON *o = cJSON_CreateObject();
  cJSON_AddItemToObject(o, "point", point);
  cJSON_AddNumberToObject(o, "latency", cycles);
  for (int u = 0; u < HLS_UTILS; u++)
    cJSON_AddNumberToObject(o, hls_model_target_name(HLS_TASK_REGRESSION, HLS_TARGET_util_LUT + u),
                            p->util[u]);
  cJSON_AddNumberToObject(o, "valid", p->valid);
  cJSON_AddNumberToObject(o, "latency_bound", p->latency_bound);
  cJSON_AddItemToObject(o, "adjusted", hls_adjusted_json(p));
  cJSON *confidence = hls_confidence_json(&p->confidence);
  if (confidence)
    cJSON_AddItemToObject(o, "confidence", confidence);
  return o;
}

/* Scores the batch's points and writes its lines in order. */
static void flush(scorer *s) {
  if (s->points && !s->failed && s->score(s->ctx, s->pragma, s->points, s->pred)) {
    hls_diag_add(s->d, HLS_SEV_ERROR, s->path, 0, 0,
                 "scoring the design points failed after %zu lines", s->scored);
    s->failed = 1;
  }
  for (size_t i = 0; i < s->n; i++) {
    entry *e = &s->batch[i];
    cJSON *o = NULL;
    if (e->point && !s->failed) {
      const hls_prediction *p = &s->pred[e->row];
      double cycles = hls_latency_cycles(p->perf);
      double value;
      const char *what = hls_prediction_implausible(p, &value);
      if (what) {
        char msg[4200];
        snprintf(msg, sizeof msg, "the model %s predicts %s %s (%g) for this point",
                 strcmp(what, "validity") ? s->models->regression : s->models->validity,
                 isfinite(value) ? "an implausible" : "a non-finite", what, value);
        line_error(s, e, 0, msg);
      } else {
        o = prediction_json(e->point, p, cycles);
        e->point = NULL; /* o owns it */
      }
    }
    if (!o && e->error) {
      o = cJSON_CreateObject();
      cJSON_AddNumberToObject(o, "line", e->line);
      cJSON_AddStringToObject(o, "error", e->error);
    }
    if (o) {
      char *text = cJSON_PrintUnformatted(o);
      fputs(text, s->out);
      fputc('\n', s->out);
      free(text);
      cJSON_Delete(o);
      s->scored++;
    }
    cJSON_Delete(e->point);
    free(e->error);
  }
  s->n = s->points = 0;
}

static int read_line(void *ctx, char *line, unsigned line_no) {
  scorer *s = ctx;
  add_line(s, line, line_no);
  if (s->n == BATCH)
    flush(s);
  return s->failed;
}

int hls_score_points(const hls_graph *g, const char *path, hls_score_fn score, void *ctx,
                     const hls_score_models *models, const char *out_path, hls_diags *d) {
  size_t errors = d->errors, len;
  char *text = hls_read_file(path, &len);
  if (!text) {
    hls_diag_add(d, HLS_SEV_ERROR, path, 0, 0, "cannot read the design points: %s",
                 strerror(errno));
    return -1;
  }
  int to_stdout = strcmp(out_path, "-") == 0;
  FILE *out = to_stdout ? stdout : fopen(out_path, "w");
  if (!out) {
    hls_diag_add(d, HLS_SEV_ERROR, out_path, 0, 0, "cannot write the scores: %s",
                 strerror(errno));
    free(text);
    return -1;
  }
  scorer *s = hls_xcalloc(1, sizeof *s);
  s->g = g, s->path = path, s->score = score, s->ctx = ctx, s->models = models;
  s->out = out, s->d = d;
  s->point = hls_xcalloc(g->nknobs + 1, sizeof *s->point);
  s->pragma = hls_xmalloc((BATCH * g->nscopes * HLS_PRAGMA_DIM + 1) * sizeof *s->pragma);
  hls_for_each_line(text, len, read_line, s);
  flush(s);
  if (s->scored == 0 && !s->failed && d->errors == errors)
    hls_diag_add(d, HLS_SEV_WARNING, path, 0, 0, "no design points to score");
  int bad = to_stdout ? fflush(out) != 0 || ferror(out) : fclose(out) != 0;
  if (bad)
    hls_diag_add(d, HLS_SEV_ERROR, out_path, 0, 0, "cannot write the scores: %s",
                 strerror(errno));
  free(s->point);
  free(s->pragma);
  free(s);
  free(text);
  return d->errors == errors ? 0 : -1;
}
