/* Design spaces in the AutoDSE `ds_config` format.
 *
 * A `*_ds_config.json` file maps each knob (a pragma placeholder such as
 * __PARA__L0) under "design-space.definition" to
 *   {"default": 1, "ds_type": "PARALLEL", "options": "<python expr>",
 *    "order": "<python expr in x>"}
 * where `options` is a Python expression -- usually a list comprehension --
 * that may refer to other knobs, e.g.
 *   [x for x in [1,2,4,8,16] if x*__TILE__L0<=16].
 * This module evaluates the small Python subset those files use (see
 * docs/design-space.md), counts and enumerates the points of the space and
 * tests whether a point lies in it.
 *
 * Ownership follows cJSON: hls_dspace_load returns a space the caller frees
 * with hls_dspace_free; every string handed out (knob names, string values of
 * enumerated points) is borrowed from the space and lives as long as it.
 * Functions that can fail take an hls_diags and return -1 after adding an
 * error to it (load needs one; the evaluating functions accept NULL to stay
 * silent).  No function aborts except on out-of-memory (hls_xmalloc). */
#ifndef HLSMOE_DSPACE_H
#define HLSMOE_DSPACE_H

#include <stddef.h>
#include <stdint.h>

#include "graph/graph.h"
#include "support/clock.h"
#include "support/diag.h"

struct cJSON;

/* HLS_DS_II: the II of `#pragma HLS pipeline II=auto{K}` (an integer);
 * HLS_DS_FLATTEN: a Vitis loop_flatten knob ("NA" or "off") */
typedef enum {
  HLS_DS_PARALLEL,
  HLS_DS_PIPELINE,
  HLS_DS_TILING,
  HLS_DS_II,
  HLS_DS_FLATTEN
} hls_ds_type;
#define HLS_DS_TYPES 5

/* One knob value (graph/graph.h): PARALLEL/TILING/II knobs hold integers,
 * PIPELINE knobs strings ("off", "" or "flatten"), FLATTEN knobs strings.  `string` is never owned
 * by the value. */
typedef hls_value hls_dspace_value;

typedef struct hls_dspace hls_dspace;

/* Limits that keep hostile inputs from exhausting the stack or memory. */
#define HLS_DSPACE_MAX_KNOBS 1024
#define HLS_DSPACE_MAX_DEPTH 200 /* expression nesting */
/* Budgets of one evaluation of an options or order expression, as hardened
 * expression languages have (Starlark's step limit, CEL's cost budget):
 * nodes evaluated, and lists made plus elements put into lists.  Real
 * spaces spend hundreds; exceeding one is a located error naming it. */
#define HLS_DSPACE_MAX_STEPS 10000000ull
#define HLS_DSPACE_MAX_ELEMENTS 1000000ull

/* What the walks (count, enumeration, options, membership) return when the
 * space's deadline passed while they ran: no diagnostic is added, the caller
 * decides (the search stops with what it has). */
#define HLS_DSPACE_TIMEOUT (-2)

/* Reads and checks a ds_config file: JSON structure, knob fields, expression
 * syntax, name references and dependency cycles.  Options that depend on no
 * other knob are evaluated (and type-checked) here; the others are evaluated
 * when the space is walked.  Returns NULL after adding errors to `d`. */
hls_dspace *hls_dspace_load(const char *path, hls_diags *d);
/* The same from text already in memory; `path` only names it in messages. */
hls_dspace *hls_dspace_parse(const char *path, const char *text, size_t len, hls_diags *d);
void hls_dspace_free(hls_dspace *s);

/* Sets the moment (hls_now_seconds(), support/clock.h; 0: none) after which
 * every walk and every evaluation of this space stops with
 * HLS_DSPACE_TIMEOUT.  They look at the clock every few thousand steps, so a
 * walk over 10^12 dead-end prefixes ends within milliseconds of it. */
void hls_dspace_set_deadline(hls_dspace *s, double deadline);

/* Knobs are indexed 0..n-1 in strcmp order of their names; points are arrays
 * of n values in that order. */
size_t hls_dspace_knob_count(const hls_dspace *s);
const char *hls_dspace_path(const hls_dspace *s); /* as given to load or parse */
const char *hls_dspace_knob_name(const hls_dspace *s, size_t knob);
long hls_dspace_knob_index(const hls_dspace *s, const char *name); /* -1: none */
hls_ds_type hls_dspace_knob_type(const hls_dspace *s, size_t knob);
const char *hls_dspace_type_name(hls_ds_type t); /* "PARALLEL", ... */
hls_dspace_value hls_dspace_knob_default(const hls_dspace *s, size_t knob);
/* The knobs this knob's options refer to (sorted indices, borrowed). */
const size_t *hls_dspace_knob_deps(const hls_dspace *s, size_t knob, size_t *count);
/* Assignment order of the enumeration: n knob indices (borrowed). */
const size_t *hls_dspace_assign_order(const hls_dspace *s);

/* Evaluates `knob`'s options with the other knobs taking their values from
 * `point` (entries the options do not refer to are ignored; the knob's own
 * entry is never read; `point` may be NULL when the knob depends on none).
 * On success *out is a malloc'd array the caller frees and the function
 * returns 0. */
int hls_dspace_options(const hls_dspace *s, size_t knob, const hls_dspace_value *point,
                       hls_dspace_value **out, size_t *count, hls_diags *d);

/* The `order` expression: a ranking of value x (AutoDSE explores rank 0
 * first).  Knobs without one rank every value 0.  Returns 0 or -1. */
int hls_dspace_knob_has_order(const hls_dspace *s, size_t knob);
int hls_dspace_order(const hls_dspace *s, size_t knob, hls_dspace_value x, int64_t *out,
                     hls_diags *d);

/* Number of points.  With cap > 0, counting stops once cap points are known
 * to exist: *out = min(size, cap).  Sizes beyond UINT64_MAX saturate.
 * Returns 0 when *out is the exact size, 1 when it is only a lower bound
 * (size >= cap, or saturated), -1 on an evaluation error, HLS_DSPACE_TIMEOUT
 * at the deadline (*out then is 1 if a point was found, else 0). */
int hls_dspace_count(const hls_dspace *s, uint64_t cap, uint64_t *out, hls_diags *d);

/* Pull-style enumeration in depth-first order over hls_dspace_assign_order:
 * the first knob of that order varies slowest, option values in list order. */
typedef struct hls_dspace_iter hls_dspace_iter;
hls_dspace_iter *hls_dspace_iter_new(const hls_dspace *s);
/* Returns 1 and sets *point (n values, valid until the next call), 0 at the
 * end, -1 on an evaluation error or HLS_DSPACE_TIMEOUT at the deadline (the
 * iterator then stays at its end). */
int hls_dspace_iter_next(hls_dspace_iter *it, const hls_dspace_value **point, hls_diags *d);
void hls_dspace_iter_free(hls_dspace_iter *it);

/* Push-style enumeration: calls fn for every point until it returns nonzero.
 * Returns 0 when all points were visited, 1 when fn stopped it, -1 on error. */
typedef int (*hls_dspace_visit_fn)(const hls_dspace_value *point, size_t n, void *user);
int hls_dspace_foreach(const hls_dspace *s, hls_dspace_visit_fn fn, void *user, hls_diags *d);

/* Is `point` (n values in knob order) in the space, i.e. is every value one
 * of its knob's options evaluated under the other values?  Returns 1 inside,
 * 0 outside (the reason goes to why[why_size] when why is non-NULL), -1 on an
 * evaluation error, HLS_DSPACE_TIMEOUT at the deadline. */
int hls_dspace_contains(const hls_dspace *s, const hls_dspace_value *point, char *why,
                        size_t why_size, hls_diags *d);

/* Why a space has no point, for the message of an empty space: follows the
 * first option of every knob in assignment order to the first knob left
 * without options and describes it ("knob K has no options ([...]) given
 * A = 1, B = 4").  Returns 1 with the text in why, 0 when that walk reaches
 * a point (the space is not empty), -1 on an evaluation error or timeout. */
int hls_dspace_dead_end(const hls_dspace *s, char *why, size_t why_size, hls_diags *d);

/* Converts a dataset point object {"__PARA__L0": 4, "__PIPE__L0": "off"} to
 * an array in knob order; strings are borrowed from `obj`.  Returns 0, or 1
 * when the object does not fit the space's knobs (missing or extra knob, a
 * value that is neither an integer nor a string), with the reason in why. */
int hls_dspace_point_from_json(const hls_dspace *s, const struct cJSON *obj,
                               hls_dspace_value *point, char *why, size_t why_size);

/* Formats a value the way Python prints it inside a list ('off', 4). */
void hls_dspace_value_format(hls_dspace_value v, char *buf, size_t size);
int hls_dspace_value_equal(hls_dspace_value a, hls_dspace_value b);

#endif
