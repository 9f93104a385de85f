/* Scoring given design points (docs/exploration.md, "Scoring design
 * points"): every point of a JSON Lines file, bound to the graph's knobs and
 * scored through the predictor, one JSON object per point in the file's
 * order.  The search's cousin for scripts that bring their own points. */
#ifndef HLSMOE_DSE_SCORE_H
#define HLSMOE_DSE_SCORE_H

#include "dse/explore.h"
#include "graph/graph.h"
#include "support/diag.h"

/* The model files behind the scoring callback, as errors about their
 * predictions name them. */
typedef struct {
  const char *regression; /* latency and utilisation */
  const char *validity;   /* the validity probability */
} hls_score_models;

/* Scores every point of `path` (each non-blank line a point object or a
 * dataset line with a "point" member) and writes to out_path ("-" is stdout)
 * one line per point, in order:
 *   {"point": {...}, "latency": cycles, "util_LUT": f, "util_FF": f,
 *    "util_DSP": f, "util_BRAM": f, "valid": p}
 * A line that cannot be scored (malformed, a knob missing or unknown, a value
 * of the wrong kind, a non-finite prediction) gets an error naming path:line
 * and the line {"line": N, "error": "..."} in its place; the other lines are
 * still scored.  Returns 0, or -1 when any error was reported. */
int hls_score_points(const hls_graph *g, const char *path, hls_score_fn score, void *ctx,
                     const hls_score_models *models, const char *out_path, hls_diags *d);

#endif
