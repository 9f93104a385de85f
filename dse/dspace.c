/* AutoDSE design spaces: reading a ds_config file into knobs (fields,
 * compiled expressions, dependencies) and the assignment order that the
 * walks follow.  See dspace.h for the API, docs/design-space.md for the
 * format; dspace_impl.h says which file does what. */
#include "dse/dspace_impl.h"

#include <cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const type_names[HLS_DS_TYPES] = {"PARALLEL", "PIPELINE", "TILING", "II",
                                                      "FLATTEN"};

const char *hls_dspace_type_name(hls_ds_type t) {
  return (unsigned)t < HLS_DS_TYPES ? type_names[t] : "?";
}

void hls_dspace_free(hls_dspace *s) {
  if (!s)
    return;
  for (size_t i = 0; i < s->n; i++) {
    knob_info *k = &s->knobs[i];
    free(k->name);
    free(k->def_string);
    dspace_expr_free(&k->options);
    dspace_expr_free(&k->order);
    free(k->deps);
    free(k->cache.v);
  }
  free(s->knobs);
  free(s->order);
  free(s->level_of);
  free(s->live_off);
  free(s->live);
  free(s->path);
  free(s);
}

static int cmp_knob_name(const void *a, const void *b) {
  return strcmp(((const knob_info *)a)->name, ((const knob_info *)b)->name);
}

static void knob_error(hls_diags *d, const hls_dspace *s, const knob_info *k,
                       const char *fmt, ...) HLS_PRINTF(4, 5);
static void knob_error(hls_diags *d, const hls_dspace *s, const knob_info *k,
                       const char *fmt, ...) {
  char what[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(what, sizeof what, fmt, ap);
  va_end(ap);
  hls_diag_add(d, HLS_SEV_ERROR, s->path, k->line, 0, "knob %s: %s", k->name, what);
}

/* A JSON number that is an exact int64: 4 and 4.0, not 4.5 or 1e300. */
static int json_integer(const cJSON *item, int64_t *out) {
  if (!cJSON_IsNumber(item))
    return 0;
  double v = item->valuedouble;
  if (!(v >= -9223372036854775808.0 && v < 9223372036854775808.0) || floor(v) != v)
    return 0;
  *out = (int64_t)v;
  return 1;
}

static int load_default(hls_dspace *s, knob_info *k, const cJSON *obj, hls_diags *d) {
  const cJSON *def = cJSON_GetObjectItemCaseSensitive(obj, "default");
  int want_string = k->type == HLS_DS_PIPELINE || k->type == HLS_DS_FLATTEN;
  if (!def) {
    knob_error(d, s, k, "missing \"default\"");
    return -1;
  }
  if (want_string && cJSON_IsString(def)) {
    k->def_string = hls_xstrdup(def->valuestring);
    k->def.is_string = 1;
    k->def.string = k->def_string;
    return 0;
  }
  if (!want_string && json_integer(def, &k->def.integer))
    return 0;
  knob_error(d, s, k, "default: expected %s for a %s knob", want_string ? "a string" : "an integer",
             type_names[k->type]);
  return -1;
}

/* The fields of one knob object, except its expressions' meaning. */
static int load_knob_fields(hls_dspace *s, knob_info *k, const cJSON *obj, hls_diags *d) {
  if (!cJSON_IsObject(obj)) {
    knob_error(d, s, k, "expected an object with default, ds_type and options");
    return -1;
  }
  const cJSON *type = cJSON_GetObjectItemCaseSensitive(obj, "ds_type");
  int t = -1;
  for (int i = 0; i < HLS_DS_TYPES && cJSON_IsString(type); i++)
    if (strcmp(type->valuestring, type_names[i]) == 0)
      t = i;
  if (t < 0) {
    knob_error(d, s, k,
               "ds_type: expected \"PARALLEL\", \"PIPELINE\", \"TILING\", \"II\" or \"FLATTEN\"");
    return -1;
  }
  k->type = (hls_ds_type)t;
  int rc = load_default(s, k, obj, d);
  const cJSON *options = cJSON_GetObjectItemCaseSensitive(obj, "options");
  if (!options) {
    knob_error(d, s, k, "missing \"options\"");
    rc = -1;
  } else if (!cJSON_IsString(options)) {
    knob_error(d, s, k, "options: expected a string holding a Python expression");
    rc = -1;
  }
  const cJSON *order = cJSON_GetObjectItemCaseSensitive(obj, "order");
  if (order && !cJSON_IsString(order)) {
    knob_error(d, s, k, "order: expected a string holding a Python expression in x");
    rc = -1;
  }
  return rc;
}

/* Compiles options and order; fills deps. */
static int compile_knob(hls_dspace *s, size_t i, const cJSON *obj, unsigned char *refs,
                        hls_diags *d) {
  knob_info *k = &s->knobs[i];
  const cJSON *options = cJSON_GetObjectItemCaseSensitive(obj, "options");
  const cJSON *order = cJSON_GetObjectItemCaseSensitive(obj, "order");
  memset(refs, 0, s->n);
  int rc = dspace_expr_compile(&k->options, options->valuestring, k->name, "options", s->path,
                               k->line, s, refs, d);
  if (order) {
    k->has_order = 1;
    if (dspace_expr_compile(&k->order, order->valuestring, k->name, "order", s->path, k->line,
                            NULL, NULL, d) < 0)
      rc = -1;
  }
  if (rc < 0)
    return -1;
  k->deps = hls_xmalloc(s->n * sizeof *k->deps);
  for (size_t j = 0; j < s->n; j++)
    if (refs[j])
      k->deps[k->ndeps++] = j;
  if (k->options.nslots > s->max_slots)
    s->max_slots = k->options.nslots;
  if (k->order.nslots > s->max_slots)
    s->max_slots = k->order.nslots;
  return 0;
}

/* Depth-first post-order over the dependency graph: a knob is placed right
 * after the knobs it depends on.  Compared with a level-by-level order this
 * keeps related knobs adjacent, so few assigned values are still needed by
 * later knobs -- which is what makes the memoised count cheap.  Recursion
 * depth is bounded by HLS_DSPACE_MAX_KNOBS. */
static int topo_visit(hls_dspace *s, size_t k, unsigned char *color, size_t *stack,
                      size_t depth, size_t *placed, hls_diags *d) {
  if (color[k] == 2)
    return 0;
  if (color[k] == 1) {
    size_t from = depth;
    while (from > 0 && stack[from - 1] != k)
      from--;
    hls_strbuf path = {0};
    for (size_t i = from ? from - 1 : 0; i < depth; i++)
      hls_strbuf_printf(&path, "%s -> ", s->knobs[stack[i]].name);
    hls_strbuf_printf(&path, "%s", s->knobs[k].name);
    char msg[1024]; /* a cycle through hundreds of knobs is cut */
    hls_strbuf_copy(&path, msg, sizeof msg);
    hls_strbuf_free(&path);
    hls_diag_add(d, HLS_SEV_ERROR, s->path, s->knobs[k].line, 0,
                 "knob %s: options: dependency cycle: %s", s->knobs[k].name, msg);
    return -1;
  }
  color[k] = 1;
  stack[depth] = k;
  const knob_info *kb = &s->knobs[k];
  for (size_t i = 0; i < kb->ndeps; i++)
    if (topo_visit(s, kb->deps[i], color, stack, depth + 1, placed, d) < 0)
      return -1;
  color[k] = 2;
  s->order[(*placed)++] = k;
  return 0;
}

/* A knob assigned at level j is live at levels j+1 .. last use: the memo key
 * of a level is the values of its live knobs. */
static void compute_live(hls_dspace *s) {
  size_t n = s->n;
  size_t *last = hls_xcalloc(n, sizeof *last);
  for (size_t lvl = 0; lvl < n; lvl++) {
    const knob_info *k = &s->knobs[s->order[lvl]];
    for (size_t i = 0; i < k->ndeps; i++)
      last[k->deps[i]] = lvl; /* levels increase: the final write is the last use */
  }
  s->live_off = hls_xcalloc(n + 2, sizeof *s->live_off);
  s->live = hls_xmalloc((n * n + 1) * sizeof *s->live);
  size_t m = 0;
  for (size_t lvl = 0; lvl <= n; lvl++) {
    s->live_off[lvl] = m;
    for (size_t j = 0; j < lvl; j++)
      if (last[s->order[j]] >= lvl)
        s->live[m++] = s->order[j];
  }
  s->live_off[n + 1] = m;
  free(last);
}

static int order_knobs(hls_dspace *s, hls_diags *d) {
  unsigned char *color = hls_xcalloc(s->n, 1);
  size_t *stack = hls_xmalloc(s->n * sizeof *stack);
  size_t placed = 0;
  int rc = 0;
  s->order = hls_xmalloc(s->n * sizeof *s->order);
  for (size_t k = 0; k < s->n && rc == 0; k++)
    rc = topo_visit(s, k, color, stack, 0, &placed, d);
  free(color);
  free(stack);
  if (rc < 0)
    return -1;
  s->level_of = hls_xmalloc(s->n * sizeof *s->level_of);
  for (size_t lvl = 0; lvl < s->n; lvl++)
    s->level_of[s->order[lvl]] = lvl;
  compute_live(s);
  return 0;
}



/* Creates the knobs from the definition object: names sorted, fields read. */
static int load_knobs(hls_dspace *s, const cJSON *def, const char *text, size_t len,
                      hls_diags *d) {
  size_t n = 0;
  for (const cJSON *it = def->child; it; it = it->next)
    n++;
  if (n == 0 || n > HLS_DSPACE_MAX_KNOBS) {
    hls_diag_add(d, HLS_SEV_ERROR, s->path, 0, 0,
                 "design-space.definition: expected 1 to %d knobs, found %zu",
                 HLS_DSPACE_MAX_KNOBS, n);
    return -1;
  }
  s->knobs = hls_xcalloc(n, sizeof *s->knobs);
  for (const cJSON *it = def->child; it; it = it->next) {
    knob_info *k = &s->knobs[s->n++];
    k->name = hls_xstrdup(it->string ? it->string : "");
    unsigned line, col;
    k->line = hls_json_key_position(text, len, k->name, &line, &col) ? line : 0;
  }
  qsort(s->knobs, s->n, sizeof *s->knobs, cmp_knob_name);
  int rc = 0;
  for (size_t i = 0; i + 1 < s->n; i++)
    if (strcmp(s->knobs[i].name, s->knobs[i + 1].name) == 0) {
      knob_error(d, s, &s->knobs[i], "defined twice");
      rc = -1;
    }
  for (size_t i = 0; i < s->n; i++) {
    const cJSON *obj = cJSON_GetObjectItemCaseSensitive(def, s->knobs[i].name);
    if (load_knob_fields(s, &s->knobs[i], obj, d) < 0)
      rc = -1;
  }
  return rc;
}

static int compile_all(hls_dspace *s, const cJSON *def, hls_diags *d) {
  unsigned char *refs = hls_xmalloc(s->n);
  int rc = 0;
  for (size_t i = 0; i < s->n; i++) {
    const cJSON *obj = cJSON_GetObjectItemCaseSensitive(def, s->knobs[i].name);
    if (compile_knob(s, i, obj, refs, d) < 0)
      rc = -1;
  }
  free(refs);
  return rc;
}

static const cJSON *find_definition(const hls_dspace *s, const cJSON *root, hls_diags *d) {
  if (!cJSON_IsObject(root)) {
    hls_diag_add(d, HLS_SEV_ERROR, s->path, 0, 0, "expected a JSON object at the top level");
    return NULL;
  }
  const cJSON *def = cJSON_GetObjectItemCaseSensitive(root, "design-space.definition");
  if (!cJSON_IsObject(def)) {
    hls_diag_add(d, HLS_SEV_ERROR, s->path, 0, 0,
                 def ? "\"design-space.definition\" is not an object"
                     : "missing \"design-space.definition\"");
    return NULL;
  }
  return def;
}

hls_dspace *hls_dspace_parse(const char *path, const char *text, size_t len, hls_diags *d) {
  hls_dspace *s = hls_xcalloc(1, sizeof *s);
  s->path = hls_xstrdup(path ? path : "");
  const char *end = NULL;
  cJSON *root = cJSON_ParseWithLengthOpts(text, len, &end, 0);
  /* Anything but white space after the value is malformed too. */
  while (root && end && end < text + len && strchr(" \t\r\n", *end) && *end)
    end++;
  if (root && end && end < text + len) {
    cJSON_Delete(root);
    root = NULL;
  }
  if (!root) {
    unsigned line, col;
    size_t off = end && end >= text && end <= text + len ? (size_t)(end - text) : 0;
    hls_text_position(text, len, off, &line, &col);
    hls_diag_add(d, HLS_SEV_ERROR, s->path, line, col, "malformed JSON");
    hls_dspace_free(s);
    return NULL;
  }
  const cJSON *def = find_definition(s, root, d);
  int ok = def && load_knobs(s, def, text, len, d) == 0 && compile_all(s, def, d) == 0 &&
           order_knobs(s, d) == 0 && dspace_precompute(s, d) == 0;
  cJSON_Delete(root);
  if (!ok) {
    hls_dspace_free(s);
    return NULL;
  }
  return s;
}

/* Reads a whole file; NULL after a diagnostic. */
static char *read_file(const char *path, size_t *len, hls_diags *d) {
  char *buf = hls_read_file(path, len);
  if (!buf && errno == EISDIR)
    hls_diag_add(d, HLS_SEV_ERROR, path, 0, 0, "cannot read (is it a directory?)");
  else if (!buf)
    hls_diag_add(d, HLS_SEV_ERROR, path, 0, 0, "cannot open: %s", strerror(errno));
  return buf;
}

hls_dspace *hls_dspace_load(const char *path, hls_diags *d) {
  size_t len = 0;
  char *text = read_file(path, &len, d);
  if (!text)
    return NULL;
  hls_dspace *s = hls_dspace_parse(path, text, len, d);
  free(text);
  return s;
}

/* ---- accessors ---- */

void hls_dspace_set_deadline(hls_dspace *s, double deadline) { s->deadline = deadline; }

size_t hls_dspace_knob_count(const hls_dspace *s) { return s->n; }
const char *hls_dspace_path(const hls_dspace *s) { return s->path; }
const char *hls_dspace_knob_name(const hls_dspace *s, size_t knob) {
  return s->knobs[knob].name;
}
hls_ds_type hls_dspace_knob_type(const hls_dspace *s, size_t knob) {
  return s->knobs[knob].type;
}
hls_dspace_value hls_dspace_knob_default(const hls_dspace *s, size_t knob) {
  return s->knobs[knob].def;
}
const size_t *hls_dspace_knob_deps(const hls_dspace *s, size_t knob, size_t *count) {
  *count = s->knobs[knob].ndeps;
  return s->knobs[knob].deps;
}
const size_t *hls_dspace_assign_order(const hls_dspace *s) { return s->order; }
int hls_dspace_knob_has_order(const hls_dspace *s, size_t knob) {
  return s->knobs[knob].has_order;
}

long hls_dspace_knob_index(const hls_dspace *s, const char *name) {
  size_t lo = 0, hi = s->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = strcmp(s->knobs[mid].name, name);
    if (c == 0)
      return (long)mid;
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return -1;
}


int hls_dspace_point_from_json(const hls_dspace *s, const cJSON *obj, hls_dspace_value *point,
                               char *why, size_t why_size) {
  hls_strbuf msg = {0};
  if (why && why_size)
    why[0] = '\0';
  if (!cJSON_IsObject(obj)) {
    hls_strbuf_printf(&msg, "the point is not a JSON object");
    hls_strbuf_copy(&msg, why, why_size);
    hls_strbuf_free(&msg);
    return 1;
  }
  unsigned char *seen = hls_xcalloc(s->n, 1);
  int rc = 0;
  for (const cJSON *it = obj->child; it && rc == 0; it = it->next) {
    const char *name = it->string ? it->string : "";
    long k = hls_dspace_knob_index(s, name);
    hls_dspace_value v;
    memset(&v, 0, sizeof v);
    if (k < 0) {
      hls_strbuf_printf(&msg, "knob %s is not in the space", name);
      rc = 1;
    } else if (seen[k]) {
      hls_strbuf_printf(&msg, "knob %s appears twice", name);
      rc = 1;
    } else if (cJSON_IsString(it)) {
      v.is_string = 1;
      v.string = it->valuestring;
    } else if (!json_integer(it, &v.integer)) {
      hls_strbuf_printf(&msg, "knob %s: value is neither an integer nor a string", name);
      rc = 1;
    }
    if (rc == 0) {
      seen[k] = 1;
      point[k] = v;
    }
  }
  for (size_t k = 0; k < s->n && rc == 0; k++)
    if (!seen[k]) {
      hls_strbuf_printf(&msg, "knob %s is missing", s->knobs[k].name);
      rc = 1;
    }
  free(seen);
  hls_strbuf_copy(&msg, why, why_size);
  hls_strbuf_free(&msg);
  return rc;
}
