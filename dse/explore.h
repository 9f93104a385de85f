/* Design-space exploration: find the pragma settings with the lowest
 * predicted latency among those predicted to synthesize and to fit the device.
 *
 * The space is a ds_config design space (dse/dspace.h), given by the user or
 * derived from the graph (dse/space.h).  Scoring goes through a callback, so
 * the search knows nothing of the network (the hls-moe pass plugs in the C
 * runtime; tests may plug in anything).  docs/exploration.md has the rules. */
#ifndef HLSMOE_DSE_EXPLORE_H
#define HLSMOE_DSE_EXPLORE_H

#include <stddef.h>
#include <stdint.h>

#include "support/diag.h"
#include "dse/dspace.h"
#include "graph/encode.h"
#include "graph/graph.h"
#include "model/physical.h"
#include "model/predictor.h"

/* Scores n design points given as pragma matrices [n][nscopes][HLS_PRAGMA_DIM].
 * Returns 0, or -1 (the search stops with an error). */
typedef int (*hls_score_fn)(void *ctx, const float *pragma, size_t n, hls_prediction *out);

typedef struct {
  uint64_t budget;           /* designs to score at most; 0: 100,000 */
  double seconds;            /* wall-clock limit; 0: none */
  float min_valid;           /* feasibility: valid >= min_valid */
  double min_gain;           /* the advice changes a feasible design as written only for a
                                predicted speedup of at least this (hls_explore_advice); 0:
                                always the best design */
  float max_util[HLS_UTILS]; /* feasibility: util < max_util */
  size_t top_k;              /* designs to report; 0: 10 */
  size_t batch;              /* designs per scoring call; 0: 512 */
  size_t beam;               /* heuristic search beam width; 0: 8 */
  int progress;              /* report progress on stderr */
  int predict_only;          /* score the current design, search nothing */
  int strategy;              /* HLS_SEARCH_* */
  const char *where;         /* the file errors of the search name: the space's ("" if NULL) */
  const char *model;         /* the model files, for an error about their predictions */
  const char *valid_model;   /* (NULL: none named) */
} hls_explore_options;

enum {
  HLS_SEARCH_AUTO,       /* exhaustive when the space fits the budget, else beam */
  HLS_SEARCH_EXHAUSTIVE, /* enumeration order, the first `budget` designs */
  HLS_SEARCH_BEAM        /* coordinate search refined by a beam */
};

void hls_explore_defaults(hls_explore_options *o);

/* Predictions outside HLS_PREDICTED_* (model/physical.h) stop the search as a
 * damaged model's. */
/* Designs reported at most (top_k): each is allocated before the search. */
#define HLS_EXPLORE_MAX_DESIGNS 100000

/* Is a prediction a candidate: valid enough, within every utilisation limit,
 * and finite? */
int hls_design_feasible(const hls_explore_options *o, const hls_prediction *p);

/* The first output of a prediction that is not finite, or outside what any
 * design can be (a latency under a thousandth of a cycle or over 10^18
 * cycles, a utilisation beyond 1000 times the device): the target's name,
 * with the value in *value; NULL when all are plausible.  Such a prediction
 * is never shown or ranked (search, score, oracle): it means a damaged model. */
const char *hls_prediction_implausible(const hls_prediction *p, double *value);

typedef struct {
  hls_dspace_value *values; /* one per knob of the space (owned; strings borrowed from the space) */
  hls_prediction pred;
  int feasible;
  uint64_t order; /* when it was scored: ties in perf go to the earlier one */
  size_t changes; /* knobs set otherwise than in the design as written: ties in perf go
                     to the fewer first, so equal designs advise the smallest edit */
} hls_design;

typedef struct {
  hls_design *top; /* best first, feasible designs only */
  size_t ntop, top_capacity;
  hls_design current; /* the design as written (or the space's defaults) */
  uint64_t space_size;
  int space_exact; /* 0: space_size is a lower bound */
  uint64_t scored;
  int exhaustive;
  int stopped_by_time;
  double seconds;
  /* The advice: the best design, or the design as written when that is
   * feasible and the best is predicted less than min_gain times faster (a
   * difference within what the predictions resolve is not worth a change). */
  int keeps_current;
  double best_gain; /* predicted speedup of the best design over the design as written */
  double min_gain;  /* the threshold it was held to */
} hls_explore_result;

/* The design the advice and the rewrite use (see keeps_current); NULL when
 * no design is feasible and the design as written is not either. */
const hls_design *hls_explore_advice(const hls_explore_result *r);

/* Explores `space` for graph g, within o->seconds: the space's deadline
 * (hls_dspace_set_deadline) is set for the search and cleared after it.  An
 * empty space is an error naming the knob left without options.  `current` holds the knob values the source
 * states (n values in the space's knob order).  The space's knobs must be
 * exactly the graph's, of matching kinds.  A graph without knobs takes a NULL
 * space and gets its one design predicted.  Returns 0, or -1 with errors in d. */
int hls_explore(const hls_graph *g, hls_dspace *space, const hls_dspace_value *current,
                hls_score_fn score, void *ctx, const hls_explore_options *o,
                hls_explore_result *r, hls_diags *d);
void hls_explore_result_free(hls_explore_result *r);

#endif
