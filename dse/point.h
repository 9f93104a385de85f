/* A design point: values for the auto{KNOB} placeholders of a kernel, in the
 * HLSyn dataset's "point" format, e.g.
 *   {"__PARA__L0": 4, "__PIPE__L0": "flatten", "__TILE__L0": 1}
 * A whole dataset line (an object with a "point" member) is accepted too. */
#ifndef HLSMOE_POINT_H
#define HLSMOE_POINT_H

#include <stddef.h>
#include <stdint.h>

#include "support/diag.h"

typedef struct {
  char *name;
  int is_string;   /* pipeline knobs hold strings, factor knobs integers */
  char *string;    /* when is_string */
  int64_t integer; /* otherwise; 0 if the JSON number was not a positive integer */
  int valid_integer;
  unsigned line, col; /* where the key stands in the file */
  int used;           /* set by the binder */
} hls_knob_value;

typedef struct {
  char *path;
  hls_knob_value *values;
  size_t count, capacity;
} hls_point;

/* Parses a point from JSON text; errors name path:line:col.  Returns 0 or -1. */
int hls_point_parse(hls_point *pt, const char *path, const char *text, hls_diags *diags);

/* The point of a JSON object already parsed from `text` (an exploration
 * report's design, say); keys are located in text.  Returns 0 or -1. */
struct cJSON;
int hls_point_from_json(hls_point *pt, const char *path, const struct cJSON *obj, const char *text,
                        hls_diags *diags);

/* Reads and parses a point file.  Returns 0 or -1 (with a diagnostic). */
int hls_point_load(hls_point *pt, const char *path, hls_diags *diags);

void hls_point_free(hls_point *pt);

/* The value named `name`, NULL if none (like strchr, non-const for the binder to mark). */
hls_knob_value *hls_point_find(const hls_point *pt, const char *name);

#endif
