/* The offline exploration check (docs/offline-exploration.md): rank the
 * labelled design points of an HLSyn JSON Lines file by prediction, as the
 * search would rank them, and compare the top designs with the truth; beside
 * it, in the same run, the baseline of as many points drawn at random. */
#ifndef HLSMOE_DSE_ORACLE_H
#define HLSMOE_DSE_ORACLE_H

#include <stddef.h>

#include "dse/explore.h"
#include "graph/graph.h"
#include "support/diag.h"

typedef struct {
  size_t labelled;       /* points in the file */
  size_t feasible;       /* of them predicted feasible (hls_design_feasible) */
  double best;           /* best valid true latency of all points; 0: none valid */
  double best_top;       /* best valid true latency among the top_k ranked; 0: none */
  size_t best_top_rank;  /* its rank, 1-based; 0 when none */
  /* Median over 1001 draws (fixed seed) of the best valid latency of top_k
   * points drawn with replacement, over `best`: -1 when best is 0, and
   * HLS_ORACLE_NONE_VALID when most draws hold no valid point. */
  double random_ratio;
} hls_oracle_result;

#define HLS_ORACLE_NONE_VALID 1e9

/* Runs the check for the points of `path` (each line a dataset point with
 * "perf" and "valid"; blank lines skipped).  Returns 0, or -1 with errors
 * naming path:line. */
int hls_oracle_check(const hls_graph *g, const char *path, hls_score_fn score, void *ctx,
                     const hls_explore_options *o, hls_oracle_result *out, hls_diags *d);

#endif
