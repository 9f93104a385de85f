#include "dse/explore.h"

#include "dse/bind.h"
#include "model/config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void hls_explore_defaults(hls_explore_options *o) {
  memset(o, 0, sizeof *o);
  o->budget = 100000;
  o->min_valid = 0.5f;
  o->min_gain = 1.05;
  for (int u = 0; u < HLS_UTILS; u++)
    o->max_util[u] = 0.8f;
  o->top_k = 10;
  o->batch = 512;
  o->beam = 8;
}

/* ---- scoring in batches ---------------------------------------------------------- */

typedef struct {
  const hls_graph *g;
  const hls_dspace *s;
  const hls_explore_options *o;
  hls_score_fn score;
  void *ctx;
  hls_diags *d;
  size_t nknobs;       /* knobs of the space */
  size_t row;          /* floats per pragma matrix */
  float *pragma;       /* [batch][row] */
  hls_dspace_value *pending; /* [batch][nknobs] */
  uint64_t *pending_order;
  size_t npending;
  hls_prediction *pred;
  hls_explore_result *r;
  size_t keep; /* designs ranked: the report's and the beam's, whichever is more */
  uint64_t scored;
  double start, last_progress;
  int failed, out_of_time;
  /* the scored points of the heuristic search, hashed */
  uint64_t *seen;
  size_t seen_cap, seen_count;
  /* While nothing scored is feasible, the beam walks from the designs
   * nearest to feasibility (sorted, at most the beam's width): a search
   * whose first neighbours all fail the limits would otherwise stop there. */
  hls_design *near;
  size_t nnear;
} explorer;

static double now_seconds(void) { return hls_now_seconds(); }

int hls_design_feasible(const hls_explore_options *o, const hls_prediction *p) {
  if (!(p->valid >= o->min_valid) || !isfinite(p->perf))
    return 0;
  for (int u = 0; u < HLS_UTILS; u++)
    if (!(p->util[u] < o->max_util[u]))
      return 0;
  return 1;
}

/* How far a design is from the limits: the validity it lacks plus every
 * utilisation's excess, 0 when feasible; HUGE_VAL for a non-finite
 * prediction. */
static double excess(const hls_explore_options *o, const hls_prediction *p) {
  if (!isfinite(p->perf) || !isfinite(p->valid))
    return HUGE_VAL;
  double e = p->valid < o->min_valid ? o->min_valid - p->valid : 0;
  for (int u = 0; u < HLS_UTILS; u++) {
    if (!isfinite(p->util[u]))
      return HUGE_VAL;
    if (p->util[u] >= o->max_util[u])
      e += p->util[u] - o->max_util[u];
  }
  return e;
}

static int better(const hls_design *a, const hls_design *b) {
  if (a->pred.perf != b->pred.perf)
    return a->pred.perf > b->pred.perf;
  if (a->changes != b->changes)
    return a->changes < b->changes;
  return a->order < b->order;
}

/* The knobs of `values` set otherwise than in the design as written. */
static size_t changes_from_current(const explorer *x, const hls_dspace_value *values) {
  const hls_dspace_value *cur = x->r->current.values;
  size_t n = 0;
  for (size_t k = 0; cur && k < x->nknobs; k++)
    n += !hls_dspace_value_equal(values[k], cur[k]);
  return n;
}

static void copy_values(hls_dspace_value *dst, const hls_dspace_value *src, size_t n) {
  memcpy(dst, src, n * sizeof *dst);
}

/* Whether a ranks before b: faster, or nearer to feasibility. */
typedef int (*design_order)(const explorer *x, const hls_design *a, const hls_design *b);

static int faster(const explorer *x, const hls_design *a, const hls_design *b) {
  (void)x;
  return better(a, b);
}

static int nearer(const explorer *x, const hls_design *a, const hls_design *b) {
  double ea = excess(x->o, &a->pred), eb = excess(x->o, &b->pred);
  return ea != eb ? ea < eb : better(a, b);
}

/* Inserts a copy of cand into list[*n], kept sorted by `first` and at most
 * cap long (the list's value buffers are reused, never reallocated). */
static void insert_ranked(const explorer *x, hls_design *list, size_t *n, size_t cap,
                          const hls_design *cand, design_order first) {
  if (*n == cap && !first(x, cand, &list[cap - 1]))
    return;
  size_t at = *n < cap ? (*n)++ : cap - 1;
  hls_dspace_value *slot = list[at].values;
  while (at > 0 && first(x, cand, &list[at - 1])) {
    list[at] = list[at - 1];
    at--;
  }
  list[at] = *cand;
  list[at].values = slot;
  copy_values(slot, cand->values, x->nknobs);
}

/* Keeps r->top sorted best first, at most x->keep long. */
static void offer(explorer *x, const hls_dspace_value *values, const hls_prediction *p,
                  uint64_t order) {
  hls_design cand = {(hls_dspace_value *)values, *p, 1, order, changes_from_current(x, values)};
  insert_ranked(x, x->r->top, &x->r->ntop, x->keep, &cand, faster);
}

/* Keeps x->near sorted nearest to feasibility first (ties: the better
 * design), at most the beam's width long. */
static void offer_near(explorer *x, const hls_dspace_value *values, const hls_prediction *p,
                       uint64_t order) {
  hls_design cand = {(hls_dspace_value *)values, *p, 0, order, changes_from_current(x, values)};
  if (isfinite(excess(x->o, p)))
    insert_ranked(x, x->near, &x->nnear, x->o->beam, &cand, nearer);
}

static void progress(explorer *x) {
  double t = now_seconds();
  if (!x->o->progress || t - x->last_progress < 0.5)
    return;
  x->last_progress = t;
  fprintf(stderr, "\rhlsmoe: scored %llu designs (%.0f/s)",
          (unsigned long long)x->scored, (double)x->scored / (t - x->start + 1e-9));
  fflush(stderr);
}

const char *hls_prediction_implausible(const hls_prediction *p, double *value) {
  *value = hls_latency_cycles(p->perf); /* a finite perf can still mean infinite cycles */
  if (!isfinite(*value) || *value < HLS_PREDICTED_CYCLES_MIN || *value > HLS_PREDICTED_CYCLES_MAX)
    return "latency";
  for (int u = 0; u < HLS_UTILS; u++) {
    *value = p->util[u];
    if (!isfinite(*value) || fabs(*value) > HLS_PREDICTED_UTIL_MAX)
      return hls_model_target_name(HLS_TASK_REGRESSION, HLS_TARGET_util_LUT + u);
  }
  *value = p->valid;
  if (!isfinite(p->valid))
    return "validity";
  /* An overflowing embedding is a damaged model's even when the outputs look
   * sane: a hybrid's bounded correction can hide it (model/backbone.def). */
  *value = p->confidence.distance;
  if (p->confidence.level != HLS_CONFIDENCE_NONE && !isfinite(*value))
    return "graph embedding";
  return NULL;
}

/* An implausible prediction is never shown or ranked: it means a damaged
 * model (one flipped exponent bit predicted "latency 0 cycles, LUT
 * 2.4e35%"; finite weights can still overflow), so the search stops,
 * naming the model. */
static int check_finite(explorer *x, const hls_prediction *p, size_t n, const char *what) {
  for (size_t i = 0; i < n; i++) {
    double value;
    const char *bad = hls_prediction_implausible(&p[i], &value);
    if (bad) {
      const char *file = strcmp(bad, "validity") == 0 && x->o->valid_model ? x->o->valid_model
                                                                            : x->o->model;
      hls_diag_add(x->d, HLS_SEV_ERROR, file, 0, 0,
                   "the model predicts %s %s (%g) for %s; the model file is damaged or does not "
                   "suit this kernel", isfinite(value) ? "an implausible" : "a non-finite", bad,
                   value, what);
      x->failed = 1;
      return -1;
    }
  }
  return 0;
}

static int flush(explorer *x) {
  if (!x->npending || x->failed)
    return x->failed ? -1 : 0;
  if (x->score(x->ctx, x->pragma, x->npending, x->pred) != 0) {
    hls_diag_add(x->d, HLS_SEV_ERROR, x->o->where, 0, 0, "scoring design points failed");
    x->failed = 1;
    return -1;
  }
  if (check_finite(x, x->pred, x->npending, "a design of the space"))
    return -1;
  for (size_t i = 0; i < x->npending; i++)
    if (hls_design_feasible(x->o, &x->pred[i]))
      offer(x, x->pending + i * x->nknobs, &x->pred[i], x->pending_order[i]);
    else if (x->near && !x->r->ntop)
      offer_near(x, x->pending + i * x->nknobs, &x->pred[i], x->pending_order[i]);
  x->scored += x->npending;
  x->npending = 0;
  progress(x);
  if (x->o->seconds > 0 && now_seconds() - x->start > x->o->seconds)
    x->out_of_time = 1;
  return 0;
}

/* Queues one point; scores the batch when full. */
static int submit(explorer *x, const hls_dspace_value *values) {
  if (hls_bind_check_design(x->g, x->s, values, x->o->where, x->d)) {
    x->failed = 1;
    return -1;
  }
  hls_encode_point(x->g, values, x->pragma + x->npending * x->row);
  copy_values(x->pending + x->npending * x->nknobs, values, x->nknobs);
  x->pending_order[x->npending] = x->scored + x->npending + 1; /* 0 is the current design */
  if (++x->npending == x->o->batch)
    return flush(x);
  return 0;
}

static int budget_left(const explorer *x) {
  return !x->failed && !x->out_of_time && x->scored + x->npending < x->o->budget;
}

/* ---- exhaustive ------------------------------------------------------------------ */

static int explore_all(explorer *x) {
  hls_dspace_iter *it = hls_dspace_iter_new(x->s);
  const hls_dspace_value *point;
  int rc = 0;
  while (budget_left(x) && (rc = hls_dspace_iter_next(it, &point, x->d)) == 1)
    if (submit(x, point))
      break;
  hls_dspace_iter_free(it);
  if (rc == HLS_DSPACE_TIMEOUT)
    x->out_of_time = 1;
  else if (rc < 0)
    x->failed = 1;
  return flush(x);
}

/* ---- heuristic: coordinate search refined by a beam -------------------------------- */

static uint64_t hash_point(const hls_dspace_value *v, size_t n) {
  uint64_t h = 1469598103934665603ULL;
  for (size_t i = 0; i < n; i++) {
    uint64_t w = v[i].is_string ? 0x9e3779b97f4a7c15ULL : (uint64_t)v[i].integer;
    if (v[i].is_string)
      for (const char *c = v[i].string; *c; c++)
        w = (w ^ (unsigned char)*c) * 1099511628211ULL;
    h = (h ^ w) * 1099511628211ULL;
    h ^= h >> 29;
  }
  return h ? h : 1;
}

/* Returns 1 if the point was not seen before (and marks it). */
static int mark_seen(explorer *x, const hls_dspace_value *v) {
  if (2 * (x->seen_count + 1) > x->seen_cap) {
    size_t cap = x->seen_cap ? 2 * x->seen_cap : 1024;
    uint64_t *bigger = hls_xcalloc(cap, sizeof *bigger);
    for (size_t i = 0; i < x->seen_cap; i++)
      if (x->seen[i]) {
        size_t j = x->seen[i] & (cap - 1);
        while (bigger[j])
          j = (j + 1) & (cap - 1);
        bigger[j] = x->seen[i];
      }
    free(x->seen);
    x->seen = bigger;
    x->seen_cap = cap;
  }
  uint64_t h = hash_point(v, x->nknobs);
  size_t j = h & (x->seen_cap - 1);
  while (x->seen[j]) {
    if (x->seen[j] == h)
      return 0;
    j = (j + 1) & (x->seen_cap - 1);
  }
  x->seen[j] = h;
  x->seen_count++;
  return 1;
}

/* Scores every single-knob change of every beam point that stays inside the
 * space; returns the number of new points scored. */
static size_t expand(explorer *x, const hls_dspace_value *beam, size_t nbeam,
                     hls_dspace_value *scratch) {
  size_t added = 0;
  const size_t *order = hls_dspace_assign_order(x->s);
  for (size_t b = 0; b < nbeam && budget_left(x); b++) {
    const hls_dspace_value *base = beam + b * x->nknobs;
    for (size_t oi = 0; oi < x->nknobs && budget_left(x); oi++) {
      size_t k = order[oi];
      hls_dspace_value *opts = NULL;
      size_t nopts = 0;
      int rc = hls_dspace_options(x->s, k, base, &opts, &nopts, x->d);
      if (rc) {
        *(rc == HLS_DSPACE_TIMEOUT ? &x->out_of_time : &x->failed) = 1;
        return added;
      }
      for (size_t i = 0; i < nopts && budget_left(x); i++) {
        if (hls_dspace_value_equal(opts[i], base[k]))
          continue;
        copy_values(scratch, base, x->nknobs);
        scratch[k] = opts[i];
        int in = hls_dspace_contains(x->s, scratch, NULL, 0, x->d);
        if (in == HLS_DSPACE_TIMEOUT)
          x->out_of_time = 1;
        if (in != 1 || !mark_seen(x, scratch))
          continue;
        if (submit(x, scratch))
          break;
        added++;
      }
      free(opts);
    }
  }
  flush(x);
  return added;
}

static int explore_beam(explorer *x, const hls_dspace_value *start) {
  size_t width = x->o->beam, n = x->nknobs;
  hls_dspace_value *beam = hls_xcalloc(width * n + 1, sizeof *beam);
  hls_dspace_value *scratch = hls_xcalloc(n + 1, sizeof *scratch);
  copy_values(beam, start, n);
  size_t nbeam = 1;
  x->near = hls_xcalloc(width, sizeof *x->near);
  for (size_t i = 0; i < width; i++)
    x->near[i].values = hls_xcalloc(n + 1, sizeof *x->near[i].values);
  mark_seen(x, start);
  if (x->r->current.feasible) /* the start competes too */
    offer(x, start, &x->r->current.pred, 0);
  else
    offer_near(x, start, &x->r->current.pred, 0);
  while (budget_left(x)) {
    if (expand(x, beam, nbeam, scratch) == 0)
      break; /* every neighbour of the beam is scored: a local optimum */
    /* the new beam: the best feasible designs so far (top list is sorted),
     * else the nearest to feasibility */
    const hls_design *from = x->r->ntop ? x->r->top : x->near;
    size_t have = x->r->ntop ? x->r->ntop : x->nnear;
    size_t next = have < width ? have : width;
    if (next == 0)
      break;
    for (size_t i = 0; i < next; i++)
      copy_values(beam + i * n, from[i].values, n);
    nbeam = next;
  }
  for (size_t i = 0; i < width; i++)
    free(x->near[i].values);
  free(x->near);
  x->near = NULL;
  free(beam);
  free(scratch);
  return x->failed ? -1 : 0;
}

/* ---- driver ------------------------------------------------------------------------- */

static int score_current(explorer *x, const hls_dspace_value *current) {
  hls_explore_result *r = x->r;
  r->current.values = hls_xcalloc(x->nknobs + 1, sizeof *r->current.values);
  if (x->nknobs)
    copy_values(r->current.values, current, x->nknobs);
  if (x->s && hls_bind_check_design(x->g, x->s, current, x->o->where, x->d))
    return -1;
  hls_encode_point(x->g, r->current.values, x->pragma);
  if (x->score(x->ctx, x->pragma, 1, &r->current.pred) != 0) {
    hls_diag_add(x->d, HLS_SEV_ERROR, x->o->where, 0, 0, "scoring the current design failed");
    return -1;
  }
  if (check_finite(x, &r->current.pred, 1, "the design as written"))
    return -1;
  r->current.feasible = hls_design_feasible(x->o, &r->current.pred);
  return 0;
}

/* An empty space is an error that says so, with the knob that emptied it
 * (searching it would walk every dead-end prefix: 10^12 of them for twelve
 * knobs of ten options before a thirteenth with none).  A count stopped by
 * the deadline before it found any point says that instead. */
static int check_not_empty(explorer *x, const hls_dspace *space, int count) {
  if (x->r->space_size > 0)
    return 0;
  if (count == HLS_DSPACE_TIMEOUT) {
    hls_diag_add(x->d, HLS_SEV_ERROR, x->o->where, 0, 0,
                 "no design point found in the design space within the time limit "
                 "(-hls-budget-seconds=%g): it may be empty", x->o->seconds);
    return -1;
  }
  char why[512] = "";
  if (hls_dspace_dead_end(space, why, sizeof why, NULL) == 1)
    hls_diag_add(x->d, HLS_SEV_ERROR, x->o->where, 0, 0,
                 "the design space is empty: %s", why);
  else
    hls_diag_add(x->d, HLS_SEV_ERROR, x->o->where, 0, 0, "the design space is empty");
  return -1;
}

static void explorer_free(explorer *x) {
  free(x->pragma);
  free(x->pending);
  free(x->pending_order);
  free(x->pred);
  free(x->seen);
}

static void decide_advice(hls_explore_result *r, double min_gain) {
  r->min_gain = min_gain;
  r->best_gain = r->ntop ? hls_latency_cycles(r->current.pred.perf) /
                               hls_latency_cycles(r->top[0].pred.perf)
                         : 0;
  r->keeps_current = r->current.feasible && (!r->ntop || r->best_gain < min_gain);
}

int hls_explore(const hls_graph *g, hls_dspace *space, const hls_dspace_value *current,
                hls_score_fn score, void *ctx, const hls_explore_options *opts,
                hls_explore_result *r, hls_diags *d) {
  hls_explore_options o = *opts, defaults;
  hls_explore_defaults(&defaults);
  if (!o.budget)
    o.budget = defaults.budget;
  if (!o.top_k)
    o.top_k = defaults.top_k;
  if (!o.batch)
    o.batch = defaults.batch;
  if (!o.beam)
    o.beam = defaults.beam;
  if (!o.where)
    o.where = "";
  if (!o.model)
    o.model = "";
  memset(r, 0, sizeof *r);
  if (!(isfinite(o.min_gain) && o.min_gain >= 0)) {
    hls_diag_add(d, HLS_SEV_ERROR, "", 0, 0,
                 "-hls-min-gain=%g: a speedup, 0 or more (0: the advice always takes the best "
                 "design)", o.min_gain);
    return -1;
  }
  if (o.top_k > HLS_EXPLORE_MAX_DESIGNS) { /* 200,000,000 designs once aborted out of memory */
    hls_diag_add(d, HLS_SEV_ERROR, "", 0, 0, "-hls-designs=%zu: at most %d designs are reported",
                 o.top_k, HLS_EXPLORE_MAX_DESIGNS);
    return -1;
  }
  if (!space && g->nknobs == 0)
    o.predict_only = 1; /* a kernel without knobs: one design, as written */
  else if (!space || hls_bind_check_space(g, space, o.where, d))
    return -1;
  explorer x;
  memset(&x, 0, sizeof x);
  x.g = g, x.s = space, x.o = &o, x.score = score, x.ctx = ctx, x.d = d, x.r = r;
  x.nknobs = space ? hls_dspace_knob_count(space) : 0;
  x.row = g->nscopes * HLS_PRAGMA_DIM;
  x.pragma = hls_xcalloc(o.batch * x.row + 1, sizeof *x.pragma);
  x.pending = hls_xcalloc(o.batch * x.nknobs + 1, sizeof *x.pending);
  x.pending_order = hls_xcalloc(o.batch, sizeof *x.pending_order);
  x.pred = hls_xcalloc(o.batch, sizeof *x.pred);
  /* The search ranks as many designs as the beam needs whatever the report
   * shows, so the number of designs reported never changes the search. */
  x.keep = o.top_k > o.beam ? o.top_k : o.beam;
  r->top = hls_xcalloc(x.keep, sizeof *r->top);
  r->top_capacity = x.keep;
  for (size_t i = 0; i < x.keep; i++)
    r->top[i].values = hls_xcalloc(x.nknobs + 1, sizeof *r->top[i].values);
  x.start = x.last_progress = now_seconds();

  int rc = score_current(&x, current);
  if (o.predict_only) {
    decide_advice(r, o.min_gain); /* nothing searched: the design as written */
    explorer_free(&x);
    r->seconds = now_seconds() - x.start;
    return rc;
  }
  if (!rc && o.seconds > 0)
    hls_dspace_set_deadline(space, x.start + o.seconds);
  int count = rc ? -1 : hls_dspace_count(space, o.budget + 1, &r->space_size, d);
  if (count == HLS_DSPACE_TIMEOUT)
    x.out_of_time = 1;
  if (count == HLS_DSPACE_TIMEOUT || count == 0)
    rc = check_not_empty(&x, space, count);
  else if (count < 0)
    rc = -1;
  if (!rc && !x.out_of_time) {
    r->space_exact = count == 0;
    int fits = r->space_exact && r->space_size <= o.budget;
    r->exhaustive = o.strategy == HLS_SEARCH_EXHAUSTIVE || (o.strategy == HLS_SEARCH_AUTO && fits);
    rc = r->exhaustive ? explore_all(&x) : explore_beam(&x, current);
  }
  if (o.progress && x.scored)
    fputc('\n', stderr);
  if (r->ntop > o.top_k)
    r->ntop = o.top_k;
  r->scored = x.scored;
  r->stopped_by_time = x.out_of_time;
  decide_advice(r, o.min_gain);
  r->seconds = now_seconds() - x.start;
  if (x.failed)
    rc = -1;
  hls_dspace_set_deadline(space, 0);
  explorer_free(&x);
  return rc;
}

const hls_design *hls_explore_advice(const hls_explore_result *r) {
  if (r->keeps_current)
    return &r->current;
  return r->ntop ? &r->top[0] : NULL;
}

void hls_explore_result_free(hls_explore_result *r) {
  for (size_t i = 0; r->top && i < r->top_capacity; i++)
    free(r->top[i].values);
  free(r->top);
  free(r->current.values);
  memset(r, 0, sizeof *r);
}
