/* The exploration report: predictions and the ranking as JSON
 * (docs/exploration.md, "JSON report"), for scripts and hls-rewrite. */
#ifndef HLSMOE_DSE_REPORT_H
#define HLSMOE_DSE_REPORT_H

#include "dse/dspace.h"
#include "dse/explore.h"
#include "model/analytic.h"
#include "support/diag.h"

/* What the report says about where its numbers come from. */
typedef struct {
  const char *source;       /* the module's source file */
  const char *kernel;       /* the kernel function, "" if none is marked */
  const char *model;        /* the regression model's file */
  const char *space_source; /* "derived" or the ds_config file */
  /* When set (the analytic predictor), every design gets its loop table,
   * "loops": one row per loop of graph (docs/analytic.md). */
  hls_analytic *analytic;
  const hls_graph *graph;
} hls_report_origin;

/* Writes the report of r (space may be NULL: a kernel without knobs) to path
 * ("-" is stdout).  Returns 0, or -1 with an error naming path. */
int hls_report_write(const char *path, const hls_report_origin *origin, const hls_dspace *space,
                     const hls_explore_result *r, hls_diags *d);

#endif
