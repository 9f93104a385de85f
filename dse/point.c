#include "dse/point.h"

#include <cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


/* Where "name" appears as a key; 1:1 when it cannot be found. */
static void locate_key(const char *text, const char *name, unsigned *line, unsigned *col) {
  if (!hls_json_key_position(text, strlen(text), name, line, col)) {
    *line = 1;
    *col = 1;
  }
}

static int add_value(hls_point *pt, const cJSON *item, const char *text, hls_diags *diags) {
  hls_knob_value v;
  memset(&v, 0, sizeof v);
  locate_key(text, item->string, &v.line, &v.col);
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
  pt->values = hls_xrealloc(pt->values, (pt->count + 1) * sizeof *pt->values);
  pt->values[pt->count++] = v;
  return 0;
}

/* Every member of obj as a knob value; a repeated name is an error. */
static int add_values(hls_point *pt, const cJSON *obj, const char *text, hls_diags *diags) {
  int rc = 0;
  for (const cJSON *item = obj->child; item; item = item->next) {
    if (hls_point_find(pt, item->string)) {
      unsigned line, col;
      locate_key(text, item->string, &line, &col);
      hls_diag_add(diags, HLS_SEV_ERROR, pt->path, line, col, "knob '%s' is given twice",
                   item->string);
      rc = -1;
    } else if (add_value(pt, item, text, diags))
      rc = -1;
  }
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
