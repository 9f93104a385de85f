/* The HierMoE network in C (docs/model-format.md, docs/runtime.md).
 *
 *   hls_model     a loaded, validated weight file: read-only after load
 *   hls_prepared  the design-independent part for one kernel graph (layers
 *                 1-6, jumping knowledge, conv7 and pooling terms of nodes no
 *                 pragma vector can reach): read-only after prepare
 *   hls_workspace scratch for scoring: one per thread
 *
 * No global mutable state: any number of models may coexist, and one model and
 * prepared kernel may be scored from several threads, each with its own
 * workspace. */
#ifndef HLSMOE_MODEL_HIERMOE_H
#define HLSMOE_MODEL_HIERMOE_H

#include <stddef.h>

#include "support/diag.h"
#include "graph/graph.h"
#include "model/config.h"
#include "model/weights.h"

typedef struct hls_model hls_model;
typedef struct hls_prepared hls_prepared;
typedef struct hls_workspace hls_workspace;

/* NULL with errors in d when the file is not a valid model for this build. */
hls_model *hls_model_load(const char *path, hls_diags *d);
void hls_model_free(hls_model *m);

const hls_model_config *hls_model_config_of(const hls_model *m);
hls_model_task hls_model_task_of(const hls_model *m);
hls_model_kind hls_model_kind_of(const hls_model *m);
/* Outputs per design point: 5 for regression (perf, util_LUT, util_FF,
 * util_DSP, util_BRAM), 1 for validity (p_valid). */
int hls_model_targets(const hls_model *m);
/* Width of the graph embedding: 2D (harp, node, graph), D (block), 5D (hier:
 * z_node ‖ z_block ‖ z_graph, the input of the high-level gate). */
size_t hls_model_embedding_dim(const hls_model *m);
const char *hls_model_trained_on(const hls_model *m);
/* The weight file's record of its tool flow (model/weights.h): flow is ""
 * when the file records none. */
const hls_weights *hls_model_weights(const hls_model *m);
size_t hls_model_parameters(const hls_model *m);

/* Runs everything that does not depend on the design point.  The graph may
 * be freed afterwards.  NULL with errors in d if the graph cannot be used. */
hls_prepared *hls_model_prepare(const hls_model *m, const hls_graph *g, hls_diags *d);
void hls_prepared_free(hls_prepared *p);
size_t hls_prepared_scopes(const hls_prepared *p);
/* Nodes whose conv7 output depends on the design point (all networks). */
size_t hls_prepared_affected(const hls_prepared *p);
size_t hls_prepared_bytes(const hls_prepared *p);
/* Floating-point operations per design point of the incremental path. */
double hls_prepared_flops(const hls_prepared *p);

hls_workspace *hls_workspace_new(const hls_model *m, const hls_prepared *p);
void hls_workspace_free(hls_workspace *w);
size_t hls_workspace_bytes(const hls_workspace *w);

/* Whether the model is built on the analytic estimate (it reads backbone
 * features or has residual targets, model/backbone.h): then every score call
 * needs the points' backbone features. */
int hls_model_uses_backbone(const hls_model *m);

/* Scores n design points of the prepared kernel: pragma holds n matrices
 * [nscopes][HLS_PRAGMA_DIM] (graph/encode.h); backbone [n][HLS_BACKBONE_FEATURES]
 * their analytic estimates (NULL for a model that does not use them); out
 * receives [n][targets]; emb, if not NULL, [n][embedding_dim].  Returns 0,
 * or -1 if the model, prepared kernel and workspace do not belong together
 * or the model needs backbone features that are not given. */
int hls_model_score(const hls_model *m, const hls_prepared *p, hls_workspace *w,
                    const float *pragma, const float *backbone, size_t n, float *out);
int hls_model_score_embed(const hls_model *m, const hls_prepared *p, hls_workspace *w,
                          const float *pragma, const float *backbone, size_t n, float *out,
                          float *emb);

/* The same outputs computed the slow, direct way: the whole network per point,
 * no caching.  For tests of the incremental scheme. */
int hls_model_score_full(const hls_model *m, const hls_graph *g, const float *pragma,
                         const float *backbone, size_t n, float *out, float *emb, hls_diags *d);

#endif
