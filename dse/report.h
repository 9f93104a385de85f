/* The exploration report: predictions and the ranking as JSON
 * (docs/exploration.md, "JSON report"), for scripts and hls-rewrite. */
#ifndef HLSMOE_DSE_REPORT_H
#define HLSMOE_DSE_REPORT_H

#include "dse/dspace.h"
#include "dse/explore.h"
#include "graph/graph.h"
#include "model/analytic.h"
#include "support/diag.h"

/* Where a loop of the graph stands in the source, for hls-rewrite. */
typedef struct {
  const char *file;         /* as the debug info names it; NULL: unknown */
  unsigned line, col;       /* the loop statement */
  unsigned pragma_line[4];  /* per slot (pipeline, parallel, tile, loop_flatten): the line of the
                             * pragma that writes it, 0 when none does */
  const char *label;        /* the source's label of the loop, NULL or "" when none */
  const char *function;     /* the source name of its function (C++: not mangled);
                             * NULL: the graph's (IR) name */
} hls_report_loop;

/* What the report says about where its numbers come from. */
typedef struct {
  const char *source;       /* the module's source file */
  const char *kernel;       /* the kernel function, "" if none is marked */
  const char *model;        /* the regression model's file */
  const char *space_source; /* "derived" or the ds_config file */
  const hls_graph *graph;   /* the kernel's graph (NULL: no loops section) */
  const hls_report_loop *loops; /* parallel to graph->loops, may be NULL */
  const char *dialect;      /* the kernel's: "vitis" or "merlin" */
  const char *flow;         /* the tool flow predicted for ("vitis-2025.1"), may be NULL */
  const char *target;       /* its tool, device and clock ("Vitis HLS 2025.1, xcu200 @ 250 MHz") */
  /* When set (the analytic predictor), every design gets its loop table,
   * "loop_estimates": one row per loop of graph (docs/analytic.md). */
  hls_analytic *analytic;
} hls_report_origin;

/* The outputs the physical rules changed in a prediction (model/physical.h),
 * as reports and score lines list them: ["latency", "util_FF", ...], [] for
 * none.  A cJSON array. */
struct cJSON *hls_adjusted_json(const hls_prediction *p);
/* A prediction's confidence as reports and score lines write it (docs/confidence.md):
 * {"level", "distance", "nearest_kernel", "work"}; NULL when it has none. */
struct cJSON *hls_confidence_json(const hls_confidence *c);

/* Writes the report of r (space may be NULL: a kernel without knobs) to path
 * ("-" is stdout).  Returns 0, or -1 with an error naming path. */
int hls_report_write(const char *path, const hls_report_origin *origin, const hls_dspace *space,
                     const hls_explore_result *r, hls_diags *d);

#endif
