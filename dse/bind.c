#include "dse/bind.h"

#include <stdlib.h>
#include <string.h>

#include "graph/derive.h"
#include "graph/encode.h"

/* ---- the value of one knob ----------------------------------------------- */

/* The point's value for `name`, marked used; NULL when the point has none. */
static hls_knob_value *take(hls_point *pt, const char *name) {
  hls_knob_value *v = hls_point_find(pt, name);
  if (v)
    v->used = 1;
  return v;
}

/* v as the value of a pipeline knob (is_pipeline, values of `vocab`) or a
 * factor knob; the string stays the point's.  Returns 0, or -1 when v is of
 * the wrong kind. */
static int decode(const hls_knob_value *v, int is_pipeline, hls_dialect vocab, hls_value *out) {
  memset(out, 0, sizeof *out);
  if (is_pipeline) {
    hls_pipe_mode m;
    int64_t ii;
    if (!v->is_string || hls_pipe_value_parse(vocab, v->string, &m, &ii))
      return -1;
    out->is_string = 1;
    out->string = v->string;
    return 0;
  }
  if (v->is_string || !v->valid_integer)
    return -1;
  out->integer = v->integer;
  return 0;
}

/* Is the value a loop_flatten knob's ("NA" or "off")? */
static int flatten_value_ok(int is_string, const char *string) {
  int off;
  return is_string && hls_flatten_value_parse(string, &off) == 0;
}

#define FLATTEN_VALUES "\"NA\" (no pragma) or \"off\""

/* ---- annotation ------------------------------------------------------------ */

static const char *knob_kind(hls_pragma_kind k) {
  return k == HLS_PRAGMA_PIPELINE ? "PIPELINE" : k == HLS_PRAGMA_PARALLEL ? "PARALLEL" : "TILE";
}

/* II=auto{K} of a pipeline slot: a positive integer. */
static void bind_ii(hls_annotation *out, hls_slot *s, const char *path, hls_point *pt) {
  const hls_pragma *p = s->origin;
  hls_knob_value *v = take(pt, s->ii_knob);
  if (!v)
    hls_diag_add(&out->diags, HLS_SEV_ERROR, path, p->line, p->col,
                 "knob '%s' of '#pragma %s' has no value in design point '%s'", s->ii_knob, p->text,
                 pt->path);
  else if (v->is_string || !v->valid_integer)
    hls_diag_add(&out->diags, HLS_SEV_ERROR, pt->path, v->line, v->col,
                 "knob '%s' is an II (line %u of %s): its value must be a positive integer",
                 s->ii_knob, p->line, path);
  else
    s->ii = v->integer;
}

static void bind_slot(hls_annotation *out, hls_slot *s, hls_pragma_kind kind, const char *path,
                      hls_point *pt) {
  if (s->present && s->ii_knob[0])
    bind_ii(out, s, path, pt);
  if (!s->present || !s->knob[0])
    return;
  const hls_pragma *p = s->origin;
  hls_knob_value *v = take(pt, s->knob);
  if (!v) {
    hls_diag_add(&out->diags, HLS_SEV_ERROR, path, p->line, p->col,
                 "knob '%s' of '#pragma %s' has no value in design point '%s'", s->knob, p->text,
                 pt->path);
    return;
  }
  hls_value value;
  if (decode(v, kind == HLS_PRAGMA_PIPELINE && s->knob[0], p->dialect, &value)) {
    if (kind == HLS_PRAGMA_PIPELINE)
      hls_diag_add(&out->diags, HLS_SEV_ERROR, pt->path, v->line, v->col,
                   "knob '%s' is a %s pipeline knob (line %u of %s): its value must be %s",
                   s->knob, hls_dialect_name(p->dialect), p->line, path,
                   hls_pipe_vocabulary_help(p->dialect));
    else
      hls_diag_add(&out->diags, HLS_SEV_ERROR, pt->path, v->line, v->col,
                   "knob '%s' is a %s factor (line %u of %s): its value must be a positive integer",
                   s->knob, knob_kind(kind), p->line, path);
    return;
  }
  if (kind == HLS_PRAGMA_PIPELINE)
    hls_pipe_value_parse(p->dialect, value.string, &s->pipe, &s->ii);
  else
    s->factor = value.integer;
  s->bound = 1;
}

/* Is `name` a derived knob's name (__PARA__L0_1, __PIPE__helper_L0) for one
 * of the module's loops? */
static int names_a_loop(const hls_annotation *out, const char *name) {
  if (!hls_derived_knob_name(name))
    return 0;
  const char *rest = name + 8;
  size_t n = strlen(rest);
  for (size_t i = 0; i < out->nloops; i++) {
    size_t m = strlen(out->loops[i].name);
    if (m <= n && strcmp(rest + n - m, out->loops[i].name) == 0 && (m == n || rest[n - m - 1] == '_'))
      return 1;
  }
  return 0;
}

void hls_bind_annotation(const hls_annotate_input *in, hls_annotation *out, hls_point *pt) {
  for (size_t i = 0; i < in->nloops; i++) {
    hls_loop_result *r = &out->loops[i];
    const char *path = in->loops[i].file >= 0 ? in->files[in->loops[i].file].path : "";
    bind_slot(out, &r->pipeline, HLS_PRAGMA_PIPELINE, path, pt);
    bind_slot(out, &r->parallel, HLS_PRAGMA_PARALLEL, path, pt);
    bind_slot(out, &r->tile, HLS_PRAGMA_TILE, path, pt);
  }
  /* a derived knob's name is checked against the design space (hls_bind_space);
   * here, only that it names a loop of the module */
  for (size_t i = 0; i < pt->count; i++)
    if (!pt->values[i].used && !names_a_loop(out, pt->values[i].name))
      hls_diag_add(&out->diags, HLS_SEV_ERROR, pt->path, pt->values[i].line, pt->values[i].col,
                   "unknown knob '%s': no auto{%s} placeholder on any loop of this module",
                   pt->values[i].name, pt->values[i].name);
}

/* ---- graph -------------------------------------------------------------------- */

int hls_bind_graph(const hls_graph *g, hls_point *pt, hls_value *point, hls_diags *d) {
  int rc = 0;
  for (size_t k = 0; k < g->nknobs; k++) {
    const hls_graph_knob *kn = &g->knobs[k];
    hls_knob_value *v = take(pt, kn->name);
    memset(&point[k], 0, sizeof point[k]);
    int is_string = kn->kind == HLS_KNOB_PIPELINE || kn->kind == HLS_KNOB_FLATTEN;
    if (!v && kn->derived) { /* a derived knob left out keeps its value as written */
      point[k].is_string = is_string;
      if (point[k].is_string)
        point[k].string = kn->written;
      else
        point[k].integer = strtoll(kn->written, NULL, 10);
    } else if (!v) {
      hls_diag_add(d, HLS_SEV_ERROR, pt->path, 0, 0, "design point has no value for knob '%s'",
                   kn->name);
      rc = -1;
    } else if (kn->kind == HLS_KNOB_FLATTEN) {
      if (!flatten_value_ok(v->is_string, v->string)) {
        hls_diag_add(d, HLS_SEV_ERROR, pt->path, v->line, v->col,
                     "knob '%s' is a loop_flatten knob: " FLATTEN_VALUES, kn->name);
        rc = -1;
      } else {
        point[k].is_string = 1;
        point[k].string = v->string;
      }
    } else if (decode(v, kn->kind == HLS_KNOB_PIPELINE, (hls_dialect)kn->vocab, &point[k])) {
      if (kn->kind == HLS_KNOB_PIPELINE)
        hls_diag_add(d, HLS_SEV_ERROR, pt->path, v->line, v->col,
                     "knob '%s' is a %s pipeline knob: %s", kn->name,
                     hls_dialect_name((hls_dialect)kn->vocab),
                     hls_pipe_vocabulary_help((hls_dialect)kn->vocab));
      else
        hls_diag_add(d, HLS_SEV_ERROR, pt->path, v->line, v->col,
                     "knob '%s' is %s: a positive integer", kn->name,
                     kn->kind == HLS_KNOB_II ? "an II" : "a factor");
      rc = -1;
    }
  }
  for (size_t i = 0; i < pt->count; i++)
    if (!pt->values[i].used && hls_graph_knob_index(g, pt->values[i].name) < 0) {
      hls_diag_add(d, HLS_SEV_ERROR, pt->path, pt->values[i].line, pt->values[i].col,
                   "unknown knob '%s'", pt->values[i].name);
      rc = -1;
    }
  return rc;
}

int hls_encode_text(const hls_graph *g, const char *where, const char *text, hls_value *point,
                    float *pragma, hls_diags *d) {
  hls_point pt;
  int rc = hls_point_parse(&pt, where, text, d) || hls_bind_graph(g, &pt, point, d) ? -1 : 0;
  if (rc == 0)
    hls_encode_point(g, point, pragma); /* before pt goes: point borrows its strings */
  hls_point_free(&pt);
  return rc;
}

/* ---- design space ---------------------------------------------------------------- */

int hls_bind_space(const hls_dspace *s, const hls_point *pt, hls_dspace_value *values,
                   hls_diags *d) {
  size_t n = hls_dspace_knob_count(s);
  int rc = 0;
  for (size_t i = 0; pt && i < pt->count; i++)
    if (hls_derived_knob_name(pt->values[i].name) &&
        hls_dspace_knob_index(s, pt->values[i].name) < 0) {
      hls_diag_add(d, HLS_SEV_ERROR, pt->path, pt->values[i].line, pt->values[i].col,
                   "unknown knob '%s': no loop of the kernel has it", pt->values[i].name);
      rc = -1;
    }
  for (size_t k = 0; k < n; k++) {
    values[k] = hls_dspace_knob_default(s, k);
    const hls_knob_value *v = pt ? hls_point_find(pt, hls_dspace_knob_name(s, k)) : NULL;
    if (!v)
      continue;
    if (hls_dspace_knob_type(s, k) == HLS_DS_FLATTEN &&
        !flatten_value_ok(v->is_string, v->string)) {
      hls_diag_add(d, HLS_SEV_ERROR, pt->path, v->line, v->col,
                   "knob '%s' is a loop_flatten knob: " FLATTEN_VALUES, v->name);
      rc = -1;
    } else if (v->is_string) {
      values[k].is_string = 1;
      values[k].string = v->string;
    } else if (v->valid_integer) {
      values[k].is_string = 0;
      values[k].integer = v->integer;
    } else {
      hls_diag_add(d, HLS_SEV_ERROR, pt->path, v->line, v->col,
                   "knob '%s' must be a positive integer or a pipeline mode", v->name);
      rc = -1;
    }
  }
  return rc;
}

/* ---- design space <-> graph ------------------------------------------------------ */

static int kind_matches(hls_ds_type t, hls_knob_kind k) {
  return (t == HLS_DS_PIPELINE && k == HLS_KNOB_PIPELINE) ||
         (t == HLS_DS_PARALLEL && k == HLS_KNOB_PARALLEL) ||
         (t == HLS_DS_TILING && k == HLS_KNOB_TILE) || (t == HLS_DS_II && k == HLS_KNOB_II) ||
         (t == HLS_DS_FLATTEN && k == HLS_KNOB_FLATTEN);
}

int hls_bind_check_space(const hls_graph *g, const hls_dspace *s, const char *where,
                         hls_diags *d) {
  size_t n = hls_dspace_knob_count(s);
  int rc = 0;
  for (size_t k = 0; k < g->nknobs; k++) {
    long i = hls_dspace_knob_index(s, g->knobs[k].name);
    if (i < 0) {
      hls_diag_add(d, HLS_SEV_ERROR, where, 0, 0,
                   "knob '%s' of the kernel is not in the design space", g->knobs[k].name);
      rc = -1;
    } else if (!kind_matches(hls_dspace_knob_type(s, (size_t)i), (hls_knob_kind)g->knobs[k].kind)) {
      hls_diag_add(d, HLS_SEV_ERROR, where, 0, 0,
                   "knob '%s' is a %s knob in the design space but a %s knob in the kernel",
                   g->knobs[k].name, hls_dspace_type_name(hls_dspace_knob_type(s, (size_t)i)),
                   g->knobs[k].kind == HLS_KNOB_PIPELINE   ? "PIPELINE"
                   : g->knobs[k].kind == HLS_KNOB_PARALLEL ? "PARALLEL"
                   : g->knobs[k].kind == HLS_KNOB_II       ? "II"
                   : g->knobs[k].kind == HLS_KNOB_FLATTEN  ? "FLATTEN"
                                                           : "TILE");
      rc = -1;
    }
  }
  for (size_t i = 0; i < n; i++) {
    const char *name = hls_dspace_knob_name(s, i);
    int found = 0;
    for (size_t k = 0; k < g->nknobs; k++)
      found |= strcmp(g->knobs[k].name, name) == 0;
    if (!found) {
      hls_diag_add(d, HLS_SEV_ERROR, where, 0, 0,
                   "knob '%s' of the design space has no auto{%s} placeholder in the kernel", name,
                   name);
      rc = -1;
    }
  }
  return rc;
}

int hls_bind_check_design(const hls_graph *g, const hls_dspace *s, const hls_value *point,
                          const char *where, hls_diags *d) {
  for (size_t k = 0; k < g->nknobs; k++) {
    long i = hls_dspace_knob_index(s, g->knobs[k].name);
    if (i != (long)k) { /* both sorted by name: the same knobs stand in the same order */
      hls_bind_check_space(g, s, where, d);
      return -1;
    }
    hls_value v = point[k];
    if (g->knobs[k].kind == HLS_KNOB_PIPELINE) {
      hls_dialect vocab = (hls_dialect)g->knobs[k].vocab;
      hls_pipe_mode m;
      int64_t ii;
      if (!v.is_string || hls_pipe_value_parse(vocab, v.string, &m, &ii)) {
        hls_diag_add(d, HLS_SEV_ERROR, where, 0, 0,
                     "design-space value of %s pipeline knob '%s' is not %s",
                     hls_dialect_name(vocab), g->knobs[k].name, hls_pipe_vocabulary_help(vocab));
        return -1;
      }
    } else if (g->knobs[k].kind == HLS_KNOB_FLATTEN) {
      if (!flatten_value_ok(v.is_string, v.string)) {
        hls_diag_add(d, HLS_SEV_ERROR, where, 0, 0,
                     "design-space value of loop_flatten knob '%s' is not \"NA\" or \"off\"",
                     g->knobs[k].name);
        return -1;
      }
    } else if (v.is_string || v.integer < 1) {
      hls_diag_add(d, HLS_SEV_ERROR, where, 0, 0,
                   "design-space value of factor knob '%s' is not a positive integer",
                   g->knobs[k].name);
      return -1;
    }
  }
  return 0;
}
