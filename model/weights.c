#define _POSIX_C_SOURCE 200809L /* fileno */
#include "weights.h"

#include <cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "graph/schema.h"
#include "model/backbone.h"
#include "model/flows.h"
#include "model/integrity.h"
#include "support/sha256.h"

/* Tensor data is read as the host's float: the format is little-endian. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "the weight reader assumes a little-endian host"
#endif

typedef struct {
  const char *path;
  hls_diags *d;
  int errors;
} loader;

static void error(loader *l, const char *fmt, ...) HLS_PRINTF(2, 3);

static void error(loader *l, const char *fmt, ...) {
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  hls_diag_add(l->d, HLS_SEV_ERROR, l->path, 0, 0, "%s", msg);
  l->errors++;
}

static void format_shape(char *buf, size_t size, int ndim, const int64_t *shape) {
  size_t n = (size_t)snprintf(buf, size, "[");
  for (int i = 0; i < ndim && n < size; i++)
    n += (size_t)snprintf(buf + n, size - n, i ? ", %lld" : "%lld", (long long)shape[i]);
  if (n < size)
    snprintf(buf + n, size - n, "]");
}

/* ---- reading the file: one pass, header then data ---- */

static int read_all(FILE *f, void *buf, size_t n) { return fread(buf, 1, n, f) == n ? 0 : -1; }

/* The file's SHA-256 against the one recorded beside it (model/integrity.h). */
static int check_digest(loader *l, const unsigned char len8[8], const char *header, size_t n,
                        const hls_weights *w) {
  hls_sha256 s;
  unsigned char digest[32];
  char hex[65];
  hls_sha256_init(&s);
  hls_sha256_update(&s, len8, 8);
  hls_sha256_update(&s, header, n);
  hls_sha256_update(&s, w->data, (size_t)w->data_bytes);
  hls_sha256_final(&s, digest);
  for (int i = 0; i < 32; i++)
    snprintf(hex + 2 * i, 3, "%02x", digest[i]);
  if (hls_model_check_digest(l->path, hex, l->d) == 0)
    return 0;
  l->errors++;
  return -1;
}

/* Fills header (NUL-terminated copy) and w->data.  Returns -1 on any error. */
static int read_file(loader *l, hls_weights *w, char **header, uint64_t *header_len) {
  FILE *f = fopen(l->path, "rb");
  if (!f) {
    error(l, "cannot open model file: %s", strerror(errno));
    return -1;
  }
  int rc = -1;
  long size = -1;
  struct stat st;
  /* A directory opens, and ftell then says 2^63 - 1 bytes: check the kind. */
  if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && fseek(f, 0, SEEK_END) == 0)
    size = ftell(f);
  if (size < 0 || fseek(f, 0, SEEK_SET) != 0) {
    error(l, "cannot read model file: not a regular file");
    goto out;
  }
  unsigned char len8[8];
  if (size < 8 || read_all(f, len8, 8)) {
    error(l, "truncated file: %ld bytes, a safetensors file starts with an 8-byte header length",
          size);
    goto out;
  }
  uint64_t n = 0;
  for (int i = 7; i >= 0; i--)
    n = n << 8 | len8[i];
  if (n > HLS_WEIGHTS_HEADER_MAX) {
    error(l, "header length %llu exceeds the limit of %llu bytes", (unsigned long long)n,
          (unsigned long long)HLS_WEIGHTS_HEADER_MAX);
    goto out;
  }
  if (n > (uint64_t)size - 8) {
    error(l, "header length %llu goes beyond the end of the file (%ld bytes): truncated or not a "
             "safetensors file",
          (unsigned long long)n, size);
    goto out;
  }
  *header = hls_xmalloc((size_t)n + 1);
  w->data_bytes = (uint64_t)size - 8 - n;
  w->data = hls_xmalloc((size_t)(w->data_bytes / 4 + 1) * sizeof(float));
  if (read_all(f, *header, (size_t)n) || read_all(f, w->data, (size_t)w->data_bytes)) {
    error(l, "cannot read model file: short read");
    goto out;
  }
  (*header)[n] = '\0';
  *header_len = n;
  rc = check_digest(l, len8, *header, (size_t)n, w);
out:
  fclose(f);
  return rc;
}

/* ---- metadata ---- */

static const char *meta_string(loader *l, const cJSON *meta, const char *key) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(meta, key);
  if (!v) {
    error(l, "metadata has no \"%s\"", key);
    return NULL;
  }
  if (!cJSON_IsString(v)) {
    error(l, "metadata \"%s\" is not a string", key);
    return NULL;
  }
  return v->valuestring;
}

/* A decimal integer in [lo, hi], or -1 with an error. */
static int meta_int(loader *l, const cJSON *meta, const char *key, int lo, int hi) {
  const char *s = meta_string(l, meta, key);
  if (!s)
    return -1;
  char *end;
  errno = 0;
  long v = strtol(s, &end, 10);
  if (errno || end == s || *end || v < lo || v > hi) {
    error(l, "metadata \"%s\" is \"%s\", expected an integer from %d to %d", key, s, lo, hi);
    return -1;
  }
  return (int)v;
}

static void expect_dim(loader *l, const char *key, int got, int want) {
  if (got >= 0 && got != want)
    error(l, "metadata \"%s\" is %d, this build's feature schema has %d", key, got, want);
}

static void read_groups(loader *l, const cJSON *meta, hls_model_config *c) {
  const char *s = meta_string(l, meta, "pragma_groups");
  if (!s)
    return;
  int build[3], n = 0;
  hls_model_build_groups(build);
  if (sscanf(s, "%d,%d,%d%n", &c->groups[0], &c->groups[1], &c->groups[2], &n) != 3 || s[n]) {
    error(l, "metadata \"pragma_groups\" is \"%s\", expected \"Gp,Gq,Gt\"", s);
    return;
  }
  if (memcmp(c->groups, build, sizeof build) != 0)
    error(l, "metadata \"pragma_groups\" is \"%s\", this build's feature schema has \"%d,%d,%d\"",
          s, build[0], build[1], build[2]);
}

/* The flow the model predicts (model/flows.def): "flow", "tool", "device" and
 * "clock_mhz" together, or none of them (models from before flows were
 * recorded, random test models): then flow is "". */
static void read_flow(loader *l, const cJSON *meta, hls_weights *w) {
  const cJSON *flow = cJSON_GetObjectItemCaseSensitive(meta, "flow");
  w->flow = hls_xstrdup(flow ? flow->valuestring : "");
  if (!flow) {
    w->tool = hls_xstrdup("");
    w->device = hls_xstrdup("");
    return;
  }
  const char *tool = meta_string(l, meta, "tool"), *device = meta_string(l, meta, "device");
  w->tool = hls_xstrdup(tool ? tool : "");
  w->device = hls_xstrdup(device ? device : "");
  w->clock_mhz = meta_int(l, meta, "clock_mhz", 1, 100000);
}

/* A model across flows ("flow_inputs", docs/model-format.md): its heads read
 * a one-hot over the flows after the backbone features, which must be this
 * build's flows in this build's order (model/flows.def); the runtime sets the
 * one of the flow the model records, the only flow it predicts. */
static void read_flow_inputs(loader *l, const cJSON *meta, hls_weights *w) {
  hls_model_config *c = &w->config;
  c->flow_slot = -1;
  const cJSON *flows = cJSON_GetObjectItemCaseSensitive(meta, "flow_inputs");
  if (!flows || !flows->valuestring[0])
    return;
  const char *build = hls_tool_flow_inputs_string();
  if (strcmp(flows->valuestring, build) != 0) {
    error(l, "metadata \"flow_inputs\" is \"%s\", this build's flows are \"%s\" (model/flows.def); "
             "retrain the model",
          flows->valuestring, build);
    return;
  }
  c->flow_slot = hls_tool_flow_index(hls_tool_flow_find(w->flow));
  if (c->flow_slot < 0) {
    error(l, "metadata \"flow_inputs\" is set but the model records no flow of model/flows.def "
             "(\"flow\" is \"%s\"): a model across flows predicts the flow it records",
          w->flow);
    return;
  }
  c->flow_inputs = (int)hls_tool_flow_count();
}

/* backbone_residual_scale: one weight in [0, 1] per residual target, in the
 * order of backbone_residual (which is the targets' order). */
static void read_residual_weights(loader *l, const cJSON *meta, hls_model_config *c) {
  const cJSON *r = cJSON_GetObjectItemCaseSensitive(meta, "backbone_residual_scale");
  if (!r)
    return;
  if (!c->residual) {
    error(l, "metadata \"backbone_residual_scale\" is set on a model without residual targets");
    return;
  }
  const char *p = r->valuestring;
  for (int t = 0; t < hls_model_output_count(c->task); t++) {
    if (!(c->residual & (1u << t)))
      continue;
    char *end;
    double w = strtod(p, &end);
    if (end == p || !(w >= 0.0 && w <= 1.0) || (*end != ',' && *end != '\0')) {
      error(l, "metadata \"backbone_residual_scale\" is \"%s\", expected one weight in [0, 1] per "
               "residual target, \",\"-joined",
            r->valuestring);
      return;
    }
    c->residual_weighted |= 1u << t;
    c->residual_weight[t] = (float)w;
    p = *end ? end + 1 : end;
  }
  if (*p || !c->residual_weighted)
    error(l, "metadata \"backbone_residual_scale\" is \"%s\", expected one weight in [0, 1] per "
             "residual target, \",\"-joined",
          r->valuestring);
}

/* A model built on the analytic estimate (docs/model-format.md): the features
 * its heads read must be exactly this build's (model/backbone.def), and each
 * residual target must have a feature of its name. */
static void read_backbone(loader *l, const cJSON *meta, hls_model_config *c) {
  const cJSON *f = cJSON_GetObjectItemCaseSensitive(meta, "backbone_features");
  if (f && f->valuestring[0]) {
    if (strcmp(f->valuestring, hls_backbone_features_string()) != 0)
      error(l, "metadata \"backbone_features\" is \"%s\", this build's analytic backbone has \"%s\" "
               "(model/backbone.def); retrain the model",
            f->valuestring, hls_backbone_features_string());
    else
      c->backbone_inputs = HLS_BACKBONE_FEATURES;
  }
  const cJSON *r = cJSON_GetObjectItemCaseSensitive(meta, "backbone_residual");
  if (!r || !r->valuestring[0])
    return;
  if (c->task != HLS_TASK_REGRESSION) {
    error(l, "metadata \"backbone_residual\" is set on a validity model");
    return;
  }
  char names[256];
  snprintf(names, sizeof names, "%s", r->valuestring);
  for (char *save = NULL, *t = strtok_r(names, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
    int target = -1;
    for (int i = 0; i < hls_model_output_count(c->task); i++)
      if (strcmp(hls_model_target_name(c->task, i), t) == 0)
        target = i;
    if (target < 0 || hls_backbone_feature_index(t) < 0)
      error(l, "metadata \"backbone_residual\" names \"%s\", not a regression target with an "
               "analytic value (model/backbone.def)",
            t);
    else
      c->residual |= 1u << target;
  }
}

static void read_metadata(loader *l, const cJSON *root, hls_weights *w) {
  const cJSON *meta = cJSON_GetObjectItemCaseSensitive(root, "__metadata__");
  if (!meta || !cJSON_IsObject(meta)) {
    error(l, "no \"__metadata__\" object: not a hlsmoe model file");
    return;
  }
  for (const cJSON *m = meta->child; m; m = m->next)
    if (!cJSON_IsString(m))
      error(l, "metadata \"%s\" is not a string", m->string);
  if (l->errors)
    return;
  const char *format = meta_string(l, meta, "format");
  if (format && strcmp(format, "hlsmoe-model") != 0)
    error(l, "metadata \"format\" is \"%s\", expected \"hlsmoe-model\"", format);
  const char *schema = meta_string(l, meta, "schema");
  if (schema && strcmp(schema, hls_schema_id()) != 0)
    error(l, "model was trained with feature schema %s, this build uses %s; retrain or re-export "
             "it",
          schema, hls_schema_id());
  hls_model_config *c = &w->config;
  const char *task = meta_string(l, meta, "task"), *kind = meta_string(l, meta, "kind");
  int t = task ? hls_model_task_from_name(task) : -1, k = kind ? hls_model_kind_from_name(kind) : -1;
  if (task && t < 0)
    error(l, "metadata \"task\" is \"%s\", expected \"regression\" or \"validity\"", task);
  if (kind && k < 0)
    error(l, "metadata \"kind\" is \"%s\", expected harp, node, block, graph or hier", kind);
  c->task = t < 0 ? HLS_TASK_REGRESSION : (hls_model_task)t;
  c->kind = k < 0 ? HLS_KIND_HARP : (hls_model_kind)k;
  c->hidden = meta_int(l, meta, "hidden", 2, HLS_MODEL_HIDDEN_MAX);
  if (c->hidden > 0 && c->hidden % 2)
    error(l, "metadata \"hidden\" is %d, it must be even (the pragma MLPs use D/2)", c->hidden);
  c->experts = meta_int(l, meta, "experts", 1, HLS_MODEL_EXPERTS_MAX);
  c->node_dim = meta_int(l, meta, "node_dim", 1, 1 << 20);
  c->edge_dim = meta_int(l, meta, "edge_dim", 1, 1 << 20);
  expect_dim(l, "node_dim", c->node_dim, HLS_NODE_DIM);
  expect_dim(l, "edge_dim", c->edge_dim, HLS_EDGE_DIM);
  read_groups(l, meta, c);
  const char *targets = meta_string(l, meta, "targets");
  if (targets && t >= 0 && strcmp(targets, hls_model_targets_string(c->task)) != 0)
    error(l, "metadata \"targets\" is \"%s\", a %s model has \"%s\"", targets, task,
          hls_model_targets_string(c->task));
  const cJSON *trained = cJSON_GetObjectItemCaseSensitive(meta, "trained_on");
  w->trained_on = hls_xstrdup(trained ? trained->valuestring : "");
  w->schema = hls_xstrdup(schema ? schema : "");
  read_flow(l, meta, w);
  read_backbone(l, meta, c);
  if (!l->errors)
    read_residual_weights(l, meta, c);
  read_flow_inputs(l, meta, w);
  for (int k = 0; k < HLS_CONFIDENCE_META_KEYS; k++) { /* checked with the tensor, bind_confidence */
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(meta, hls_confidence_meta_key(k));
    w->confidence_meta[k] = v ? hls_xstrdup(v->valuestring) : NULL;
  }
}

/* ---- tensor entries ---- */

/* A JSON number that is an exact integer in [0, max]. */
static int get_uint(const cJSON *v, uint64_t max, uint64_t *out) {
  if (!cJSON_IsNumber(v))
    return -1;
  double x = v->valuedouble;
  if (!(x >= 0.0) || x > (double)max || x != floor(x))
    return -1;
  *out = (uint64_t)x;
  return 0;
}

static void read_entry(loader *l, const cJSON *j, hls_tensor *t, uint64_t data_bytes) {
  t->name = hls_xstrdup(j->string);
  if (!cJSON_IsObject(j)) {
    error(l, "tensor '%s': entry is not an object", t->name);
    return;
  }
  const cJSON *dtype = cJSON_GetObjectItemCaseSensitive(j, "dtype");
  const cJSON *shape = cJSON_GetObjectItemCaseSensitive(j, "shape");
  const cJSON *offs = cJSON_GetObjectItemCaseSensitive(j, "data_offsets");
  if (!cJSON_IsString(dtype) || !cJSON_IsArray(shape) || !cJSON_IsArray(offs)) {
    error(l, "tensor '%s': entry needs \"dtype\" (string), \"shape\" and \"data_offsets\" (arrays)",
          t->name);
    return;
  }
  if (strcmp(dtype->valuestring, "F32") != 0) {
    error(l, "tensor '%s': dtype %s, only F32 is supported", t->name, dtype->valuestring);
    return;
  }
  int nd = cJSON_GetArraySize(shape);
  if (nd > 8) {
    error(l, "tensor '%s': %d dimensions, at most 8 are supported", t->name, nd);
    return;
  }
  uint64_t numel = 1, dim;
  t->ndim = 0;
  for (const cJSON *s = shape->child; s; s = s->next) {
    if (get_uint(s, (uint64_t)1 << 40, &dim)) {
      error(l, "tensor '%s': shape holds something other than a non-negative integer", t->name);
      return;
    }
    t->shape[t->ndim++] = (int64_t)dim;
    numel = dim && numel > ((uint64_t)1 << 60) / dim ? (uint64_t)1 << 61 : numel * dim;
  }
  uint64_t b, e;
  if (cJSON_GetArraySize(offs) != 2 || get_uint(offs->child, (uint64_t)1 << 62, &b) ||
      get_uint(offs->child->next, (uint64_t)1 << 62, &e) || b > e) {
    error(l, "tensor '%s': data_offsets must be two integers [begin, end] with begin <= end",
          t->name);
    return;
  }
  t->begin = b;
  t->end = e;
  char sh[128];
  format_shape(sh, sizeof sh, t->ndim, t->shape);
  if (e > data_bytes)
    error(l, "tensor '%s': data_offsets [%llu, %llu] reach beyond the end of the file (data "
             "section of %llu bytes): truncated file?",
          t->name, (unsigned long long)b, (unsigned long long)e, (unsigned long long)data_bytes);
  else if (e - b != numel * 4)
    error(l, "tensor '%s': data_offsets [%llu, %llu] hold %llu bytes, shape %s of F32 needs %llu",
          t->name, (unsigned long long)b, (unsigned long long)e, (unsigned long long)(e - b), sh,
          (unsigned long long)(numel * 4));
}

static int by_begin(const void *a, const void *b) {
  const hls_tensor *x = *(const hls_tensor *const *)a, *y = *(const hls_tensor *const *)b;
  if (x->begin != y->begin)
    return x->begin < y->begin ? -1 : 1;
  return x->end < y->end ? -1 : x->end > y->end;
}

static int by_name(const void *a, const void *b) {
  return strcmp(((const hls_tensor *)a)->name, ((const hls_tensor *)b)->name);
}

/* Offsets must tile the data section: ascending, no overlap, no gap. */
static void check_layout(loader *l, hls_weights *w) {
  const hls_tensor **order = hls_xmalloc(w->ntensors * sizeof *order + 1);
  for (size_t i = 0; i < w->ntensors; i++)
    order[i] = &w->tensors[i];
  qsort(order, w->ntensors, sizeof *order, by_begin);
  uint64_t at = 0;
  const hls_tensor *prev = NULL;
  for (size_t i = 0; i < w->ntensors; i++) {
    const hls_tensor *t = order[i];
    if (t->begin < at)
      error(l, "tensor '%s': data_offsets [%llu, %llu] overlap tensor '%s' [%llu, %llu]", t->name,
            (unsigned long long)t->begin, (unsigned long long)t->end, prev->name,
            (unsigned long long)prev->begin, (unsigned long long)prev->end);
    else if (t->begin > at)
      error(l, "bytes [%llu, %llu) of the data section belong to no tensor (before tensor '%s')",
            (unsigned long long)at, (unsigned long long)t->begin, t->name);
    if (t->end >= at) {
      at = t->end;
      prev = t;
    }
  }
  if (at < w->data_bytes)
    error(l, "bytes [%llu, %llu) at the end of the data section belong to no tensor",
          (unsigned long long)at, (unsigned long long)w->data_bytes);
  free(order);
}

/* Exactly the tensors the configuration needs, each with its shape. */
static void check_names(loader *l, hls_weights *w) {
  for (size_t i = 1; i < w->ntensors; i++)
    if (strcmp(w->tensors[i - 1].name, w->tensors[i].name) == 0)
      error(l, "tensor '%s' appears twice in the header", w->tensors[i].name);
  hls_spec spec;
  hls_model_spec(&w->config, &spec);
  char *used = hls_xcalloc(w->ntensors + 1, 1);
  for (size_t i = 0; i < spec.count; i++) {
    const hls_tensor_spec *s = &spec.items[i];
    const hls_tensor *t = hls_weights_find(w, s->name);
    char want[128], got[128];
    format_shape(want, sizeof want, s->ndim, s->shape);
    if (!t) {
      error(l, "missing tensor '%s' (shape %s) needed by a %s model of kind %s, hidden %d",
            s->name, want, hls_model_task_name(w->config.task),
            hls_model_kind_name(w->config.kind), w->config.hidden);
      continue;
    }
    used[t - w->tensors] = 1;
    if (t->ndim != s->ndim || t->shape[0] != s->shape[0] ||
        (s->ndim == 2 && t->shape[1] != s->shape[1])) {
      format_shape(got, sizeof got, t->ndim, t->shape);
      error(l, "tensor '%s': shape %s, the configuration (kind %s, hidden %d, experts %d) needs %s",
            t->name, got, hls_model_kind_name(w->config.kind), w->config.hidden,
            w->config.experts, want);
    }
  }
  const hls_tensor *conf = hls_weights_find(w, hls_confidence_tensor_name());
  if (conf) /* optional, not part of the network: bind_confidence checks it */
    used[conf - w->tensors] = 1;
  for (size_t i = 0; i < w->ntensors; i++)
    if (!used[i] && (i == 0 || strcmp(w->tensors[i - 1].name, w->tensors[i].name) != 0))
      error(l, "unknown tensor '%s': not part of a %s model of kind %s", w->tensors[i].name,
            hls_model_task_name(w->config.task), hls_model_kind_name(w->config.kind));
  free(used);
  hls_spec_free(&spec);
}

static void check_values(loader *l, hls_weights *w) {
  for (size_t i = 0; i < w->ntensors; i++) {
    hls_tensor *t = &w->tensors[i];
    t->data = w->data + t->begin / 4;
    size_t n = (size_t)((t->end - t->begin) / 4);
    for (size_t k = 0; k < n; k++)
      if (!isfinite(t->data[k])) {
        error(l, "tensor '%s': element %zu is %s", t->name, k,
              isnan(t->data[k]) ? "NaN" : "infinite");
        break;
      }
  }
}

/* The training embeddings and their metadata, together or not at all. */
static void bind_confidence(loader *l, hls_weights *w) {
  const hls_tensor *t = hls_weights_find(w, hls_confidence_tensor_name());
  const char *meta[HLS_CONFIDENCE_META_KEYS];
  for (int k = 0; k < HLS_CONFIDENCE_META_KEYS; k++)
    meta[k] = w->confidence_meta[k];
  if (hls_confidence_bind(l->path, t ? t->data : NULL, t ? t->ndim : 0, t ? t->shape : NULL, meta,
                          hls_model_config_embedding_dim(&w->config), &w->confidence, l->d))
    l->errors++;
}

static void parse_header(loader *l, hls_weights *w, const char *header, uint64_t len) {
  cJSON *root = cJSON_ParseWithLength(header, (size_t)len);
  if (!root || !cJSON_IsObject(root)) {
    error(l, "malformed JSON header (%llu bytes): not a safetensors file",
          (unsigned long long)len);
    cJSON_Delete(root);
    return;
  }
  read_metadata(l, root, w);
  size_t n = 0;
  for (const cJSON *j = root->child; j; j = j->next)
    n += strcmp(j->string, "__metadata__") != 0;
  w->tensors = hls_xcalloc(n + 1, sizeof *w->tensors);
  for (const cJSON *j = root->child; j; j = j->next)
    if (strcmp(j->string, "__metadata__") != 0)
      read_entry(l, j, &w->tensors[w->ntensors++], w->data_bytes);
  cJSON_Delete(root);
}

int hls_weights_load(const char *path, hls_weights *w, hls_diags *d) {
  memset(w, 0, sizeof *w);
  loader l = {path, d, 0};
  char *header = NULL;
  uint64_t len = 0;
  if (read_file(&l, w, &header, &len) == 0)
    parse_header(&l, w, header, len);
  free(header);
  if (!l.errors)
    check_layout(&l, w);
  if (!l.errors) {
    qsort(w->tensors, w->ntensors, sizeof *w->tensors, by_name);
    check_names(&l, w);
  }
  if (!l.errors)
    check_values(&l, w);
  if (!l.errors)
    bind_confidence(&l, w);
  if (l.errors) {
    hls_weights_free(w);
    return -1;
  }
  w->path = hls_xstrdup(path);
  return 0;
}

void hls_weights_free(hls_weights *w) {
  for (size_t i = 0; i < w->ntensors; i++)
    free(w->tensors[i].name);
  free(w->tensors);
  free(w->data);
  free(w->path);
  free(w->schema);
  free(w->trained_on);
  free(w->flow);
  free(w->tool);
  free(w->device);
  hls_confidence_ref_free(&w->confidence);
  for (int k = 0; k < HLS_CONFIDENCE_META_KEYS; k++)
    free(w->confidence_meta[k]);
  memset(w, 0, sizeof *w);
}

const hls_tensor *hls_weights_find(const hls_weights *w, const char *name) {
  size_t lo = 0, hi = w->ntensors;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int c = strcmp(w->tensors[mid].name, name);
    if (c == 0)
      return &w->tensors[mid];
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return NULL;
}

/* ---- writing (hls-model random, tests) ---- */

static cJSON *metadata_json(const hls_model_config *c, const char *trained_on,
                            const hls_tool_flow *flow) {
  char buf[64];
  cJSON *m = cJSON_CreateObject();
  cJSON_AddStringToObject(m, "format", "hlsmoe-model");
  cJSON_AddStringToObject(m, "schema", hls_schema_id());
  cJSON_AddStringToObject(m, "task", hls_model_task_name(c->task));
  cJSON_AddStringToObject(m, "kind", hls_model_kind_name(c->kind));
  snprintf(buf, sizeof buf, "%d", c->hidden);
  cJSON_AddStringToObject(m, "hidden", buf);
  snprintf(buf, sizeof buf, "%d", c->experts);
  cJSON_AddStringToObject(m, "experts", buf);
  snprintf(buf, sizeof buf, "%d", c->node_dim);
  cJSON_AddStringToObject(m, "node_dim", buf);
  snprintf(buf, sizeof buf, "%d", c->edge_dim);
  cJSON_AddStringToObject(m, "edge_dim", buf);
  snprintf(buf, sizeof buf, "%d,%d,%d", c->groups[0], c->groups[1], c->groups[2]);
  cJSON_AddStringToObject(m, "pragma_groups", buf);
  cJSON_AddStringToObject(m, "targets", hls_model_targets_string(c->task));
  cJSON_AddStringToObject(m, "trained_on", trained_on);
  if (flow) {
    cJSON_AddStringToObject(m, "flow", flow->name);
    cJSON_AddStringToObject(m, "tool", flow->tool);
    cJSON_AddStringToObject(m, "device", flow->device);
    snprintf(buf, sizeof buf, "%d", flow->clock_mhz);
    cJSON_AddStringToObject(m, "clock_mhz", buf);
  }
  if (c->backbone_inputs || c->residual) { /* as read_backbone reads them */
    char residual[256] = "";
    for (int t = 0; t < hls_model_output_count(c->task); t++)
      if (c->residual & (1u << t))
        snprintf(residual + strlen(residual), sizeof residual - strlen(residual), "%s%s",
                 residual[0] ? "," : "", hls_model_target_name(c->task, t));
    cJSON_AddStringToObject(m, "backbone_features",
                            c->backbone_inputs ? hls_backbone_features_string() : "");
    cJSON_AddStringToObject(m, "backbone_residual", residual);
  }
  if (c->residual_weighted) { /* as read_residual_weights reads them */
    char weights[256] = "";
    for (int t = 0; t < hls_model_output_count(c->task); t++)
      if (c->residual & (1u << t))
        snprintf(weights + strlen(weights), sizeof weights - strlen(weights), "%s%.9g",
                 weights[0] ? "," : "",
                 c->residual_weighted & (1u << t) ? (double)c->residual_weight[t] : 1.0);
    cJSON_AddStringToObject(m, "backbone_residual_scale", weights);
  }
  if (c->flow_inputs)
    cJSON_AddStringToObject(m, "flow_inputs", hls_tool_flow_inputs_string());
  return m;
}

int hls_weights_write(const char *path, const hls_model_config *c, const char *trained_on,
                      const hls_tool_flow *flow, const hls_spec *spec, float *const *data,
                      hls_diags *d) {
  cJSON *root = cJSON_CreateObject();
  cJSON_AddItemToObject(root, "__metadata__", metadata_json(c, trained_on, flow));
  uint64_t at = 0;
  for (size_t i = 0; i < spec->count; i++) {
    const hls_tensor_spec *s = &spec->items[i];
    uint64_t n = (uint64_t)s->shape[0] * (uint64_t)(s->ndim == 2 ? s->shape[1] : 1);
    cJSON *t = cJSON_CreateObject();
    cJSON_AddStringToObject(t, "dtype", "F32");
    cJSON *shape = cJSON_AddArrayToObject(t, "shape");
    for (int k = 0; k < s->ndim; k++)
      cJSON_AddItemToArray(shape, cJSON_CreateNumber((double)s->shape[k]));
    cJSON *offs = cJSON_AddArrayToObject(t, "data_offsets");
    cJSON_AddItemToArray(offs, cJSON_CreateNumber((double)at));
    cJSON_AddItemToArray(offs, cJSON_CreateNumber((double)(at + 4 * n)));
    at += 4 * n;
    cJSON_AddItemToObject(root, s->name, t);
  }
  char *text = cJSON_PrintUnformatted(root);
  cJSON_Delete(root);
  size_t len = strlen(text);
  /* Pad the header with spaces so that the data starts 8-byte aligned. */
  size_t padded = (len + 7) / 8 * 8;
  FILE *f = fopen(path, "wb");
  int rc = f ? 0 : -1;
  unsigned char len8[8];
  for (int i = 0; i < 8; i++)
    len8[i] = (unsigned char)((uint64_t)padded >> (8 * i));
  if (f && fwrite(len8, 1, 8, f) != 8)
    rc = -1;
  if (f && fwrite(text, 1, len, f) != len)
    rc = -1;
  for (size_t i = len; f && i < padded; i++)
    if (fputc(' ', f) == EOF)
      rc = -1;
  for (size_t i = 0; f && i < spec->count; i++) {
    const hls_tensor_spec *s = &spec->items[i];
    size_t n = (size_t)s->shape[0] * (size_t)(s->ndim == 2 ? s->shape[1] : 1);
    if (fwrite(data[i], sizeof(float), n, f) != n)
      rc = -1;
  }
  if (f && fclose(f) != 0)
    rc = -1;
  free(text);
  if (rc)
    hls_diag_add(d, HLS_SEV_ERROR, path, 0, 0, "cannot write model file: %s", strerror(errno));
  return rc;
}
