#include "dse/point.h"

#include <cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


/* Where "name" appears as a key, searching on from the previous key (members
 * come in text order); 1:1 when it cannot be found. */
static void locate_key(hls_key_cursor *at, const char *name, unsigned *line, unsigned *col) {
  if (!hls_key_cursor_find(at, name, line, col)) {
    *line = 1;
    *col = 1;
  }
}

static int add_value(hls_point *pt, const cJSON *item, unsigned line, unsigned col,
                     hls_diags *diags) {
  hls_knob_value v;
  memset(&v, 0, sizeof v);
  v.line = line;
  v.col = col;
  if (cJSON_IsString(item)) {
    v.is_string = 1;
    v.string = hls_xstrdup(item->valuestring);
  } else if (cJSON_IsNumber(item)) {
    double d = item->valuedouble;
    v.valid_integer = d >= 1 && d <= 2147483647.0 && floor(d) == d;
    v.integer = v.valid_integer ? (int64_t)d : 0;
  } else {
    hls_diag_add(diags, HLS_SEV_ERROR, pt->path, v.line, v.col,
                 "knob '%s' must be a number (PARALLEL/TILE factor) or a string "
                 "(PIPELINE mode \"off\", \"\" or \"flatten\")",
                 item->string);
    return -1;
  }
  v.name = hls_xstrdup(item->string);
  if (pt->count == pt->capacity) { /* doubling: a 40,000-key file must not realloc 40,000 times */
    pt->capacity = pt->capacity ? 2 * pt->capacity : 8;
    pt->values = hls_xrealloc(pt->values, pt->capacity * sizeof *pt->values);
  }
  pt->values[pt->count++] = v;
  return 0;
}

static uint64_t name_hash(const char *s) {
  uint64_t h = 1469598103934665603ull;
  for (; *s; s++)
    h = (h ^ (unsigned char)*s) * 1099511628211ull; /* FNV-1a */
  return h;
}

/* Has a name been seen before?  An open-addressing set of value indices
 * (slots hold index + 1), so that finding repeats is linear, not quadratic. */
typedef struct {
  size_t *slot;
  size_t cap;
} name_set;

static int seen_before(name_set *s, const hls_point *pt, const char *name) {
  size_t mask = s->cap - 1, i = (size_t)name_hash(name) & mask;
  for (; s->slot[i]; i = (i + 1) & mask)
    if (strcmp(pt->values[s->slot[i] - 1].name, name) == 0)
      return 1;
  return 0;
}

static void remember(name_set *s, const hls_point *pt, size_t index) {
  size_t mask = s->cap - 1, i = (size_t)name_hash(pt->values[index].name) & mask;
  while (s->slot[i])
    i = (i + 1) & mask;
  s->slot[i] = index + 1;
}

/* Every member of obj as a knob value; a repeated name is an error. */
static int add_values(hls_point *pt, const cJSON *obj, const char *text, hls_diags *diags) {
  int rc = 0;
  size_t n = (size_t)cJSON_GetArraySize(obj);
  name_set set = {NULL, 16};
  while (set.cap < 2 * n)
    set.cap *= 2;
  set.slot = hls_xcalloc(set.cap, sizeof *set.slot);
  hls_key_cursor at;
  hls_key_cursor_init(&at, text, text ? strlen(text) : 0);
  for (const cJSON *item = obj->child; item; item = item->next) {
    unsigned line, col;
    locate_key(&at, item->string, &line, &col);
    if (seen_before(&set, pt, item->string)) {
      hls_diag_add(diags, HLS_SEV_ERROR, pt->path, line, col, "knob '%s' is given twice",
                   item->string);
      rc = -1;
    } else if (add_value(pt, item, line, col, diags))
      rc = -1;
    else
      remember(&set, pt, pt->count - 1);
  }
  free(set.slot);
  return rc;
}

int hls_point_parse(hls_point *pt, const char *path, const char *text, hls_diags *diags) {
  memset(pt, 0, sizeof *pt);
  pt->path = hls_xstrdup(path);
  const char *end = NULL;
  cJSON *root = cJSON_ParseWithOpts(text, &end, 1);
  if (!root) {
    unsigned line, col;
    const char *at = end ? end : cJSON_GetErrorPtr();
    hls_text_position(text, strlen(text), at ? (size_t)(at - text) : 0, &line, &col);
    hls_diag_add(diags, HLS_SEV_ERROR, path, line, col,
                 "malformed design-point JSON: expected an object such as "
                 "{\"__PARA__L0\": 4, \"__PIPE__L0\": \"flatten\"}");
    return -1;
  }
  const cJSON *obj = root;
  const cJSON *inner = cJSON_IsObject(root) ? cJSON_GetObjectItemCaseSensitive(root, "point") : NULL;
  if (inner)
    obj = inner;
  int rc = 0;
  if (!cJSON_IsObject(obj)) {
    hls_diag_add(diags, HLS_SEV_ERROR, path, 1, 1,
                 "design point must be a JSON object of knob values (or a dataset "
                 "line with a \"point\" object)");
    rc = -1;
  } else {
    rc = add_values(pt, obj, text, diags);
  }
  cJSON_Delete(root);
  return rc;
}

int hls_point_from_json(hls_point *pt, const char *path, const cJSON *obj, const char *text,
                        hls_diags *diags) {
  memset(pt, 0, sizeof *pt);
  pt->path = hls_xstrdup(path);
  return add_values(pt, obj, text, diags);
}

int hls_point_load(hls_point *pt, const char *path, hls_diags *diags) {
  size_t len;
  char *text = hls_read_file(path, &len);
  if (!text) {
    memset(pt, 0, sizeof *pt);
    pt->path = hls_xstrdup(path);
    hls_diag_add(diags, HLS_SEV_ERROR, path, 0, 0, "cannot read design-point file: %s",
                 strerror(errno));
    return -1;
  }
  int rc = hls_point_parse(pt, path, text, diags);
  free(text);
  return rc;
}

void hls_point_free(hls_point *pt) {
  for (size_t i = 0; i < pt->count; i++) {
    free(pt->values[i].name);
    free(pt->values[i].string);
  }
  free(pt->values);
  free(pt->path);
  memset(pt, 0, sizeof *pt);
}

hls_knob_value *hls_point_find(const hls_point *pt, const char *name) {
  for (size_t i = 0; i < pt->count; i++)
    if (strcmp(pt->values[i].name, name) == 0)
      return &pt->values[i];
  return NULL;
}
