#include "pragma/annotate.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pragma/label.h"
#include "support/md5.h"

typedef struct {
  const hls_annotate_input *in;
  hls_annotation *out;
} ctx;

#define DIAG(c, sev, file, line, col, ...) \
  hls_diag_add(&(c)->out->diags, sev, file, line, col, __VA_ARGS__)

static const char *file_path(const ctx *c, int file) {
  return file >= 0 ? c->in->files[file].path : "";
}

/* ---- sources ----------------------------------------------------------- */

static int file_is_used(const ctx *c, int file) {
  for (size_t i = 0; i < c->in->nfuncs; i++)
    if (c->in->funcs[i].file == file)
      return 1;
  for (size_t i = 0; i < c->in->nloops; i++)
    if (c->in->loops[i].file == file)
      return 1;
  return 0;
}

/* Is text the one the debug info's MD5 names?  1 yes (or nothing to compare
 * with), 0 no; the text's own digest goes to hex. */
static int is_compiled_text(const hls_file_desc *f, const char *text, size_t len, char hex[33]) {
  hls_md5_hex(text, len, hex);
  if (!f->md5)
    return 1;
  for (size_t i = 0; i < 32; i++)
    if (tolower((unsigned char)f->md5[i]) != hex[i])
      return 0;
  return f->md5[32] == '\0';
}

/* The embedded text is what was compiled; a file on disk that differs (edited
 * since) is worth knowing about, since its line numbers may not match. */
static void remark_if_edited(ctx *c, const hls_file_desc *f) {
  size_t len;
  char hex[33], *disk = f->md5 ? hls_read_file(f->path, &len) : NULL;
  if (disk && !is_compiled_text(f, disk, len, hex))
    DIAG(c, HLS_SEV_REMARK, f->path, 0, 0,
         "the file changed after it was compiled (MD5 %s, the debug info records %s); its "
         "pragmas are read from the source embedded in the IR", hex, f->md5);
  free(disk);
}

/* Read from disk without an embedded copy: it must be the text compiled, or
 * its pragmas would be placed on the wrong loops. */
static int check_disk_text(ctx *c, const hls_file_desc *f, const hls_source *s) {
  char hex[33];
  if (is_compiled_text(f, s->text, s->len, hex))
    return 0;
  DIAG(c, HLS_SEV_ERROR, f->path, 0, 0,
       "the file changed after it was compiled: its MD5 is %s, the debug info records %s; "
       "recompile it (with -gembed-source the compiled text travels in the IR)", hex, f->md5);
  return -1;
}

static void load_sources(ctx *c) {
  c->out->nsources = c->in->nfiles;
  c->out->sources = hls_xcalloc(c->in->nfiles, sizeof *c->out->sources);
  for (size_t i = 0; i < c->in->nfiles; i++) {
    const hls_file_desc *f = &c->in->files[i];
    hls_source *s = &c->out->sources[i];
    if (!file_is_used(c, (int)i))
      continue;
    if (f->embedded) {
      hls_source_init(s, f->path, f->embedded, f->embedded_len);
      remark_if_edited(c, f);
    } else if (hls_source_read_file(s, f->path) == 0) {
      free(s->path);
      s->path = hls_xstrdup(f->path);
      if (check_disk_text(c, f, s)) {
        hls_source_free(s);
        continue;
      }
    } else {
      DIAG(c, HLS_SEV_ERROR, f->path, 0, 0,
           "source text is neither embedded in the IR nor readable on disk, so its "
           "pragmas cannot be read; compile with clang-19 -g -gdwarf-5 -gembed-source");
      continue;
    }
    hls_source_scan(s, &c->in->symbols, &c->out->diags);
  }
}

/* ---- placement --------------------------------------------------------- */

static int func_contains(const hls_func_desc *f, int file, unsigned line) {
  return f->file == file && f->line <= line && line <= f->last_line;
}

static int func_at(const ctx *c, int file, unsigned line) {
  for (size_t i = 0; i < c->in->nfuncs; i++)
    if (func_contains(&c->in->funcs[i], file, line))
      return (int)i;
  return -1;
}

static void push_pragma(const hls_pragma ***list, size_t *n, const hls_pragma *p) {
  *list = hls_xrealloc((void *)*list, (*n + 1) * sizeof **list);
  (*list)[(*n)++] = p;
}

/* Loop whose statement starts on `line`: the leftmost, then the outermost. */
static int loop_starting_at(const ctx *c, int file, unsigned line) {
  int best = -1;
  for (size_t i = 0; i < c->in->nloops; i++) {
    const hls_loop_desc *l = &c->in->loops[i];
    if (l->file != file || l->start_line != line)
      continue;
    const hls_loop_desc *b = best >= 0 ? &c->in->loops[best] : NULL;
    if (!b || l->start_col < b->start_col ||
        (l->start_col == b->start_col && l->depth < b->depth))
      best = (int)i;
  }
  return best;
}

/* Innermost loop whose body holds `line`. */
static int loop_enclosing(const ctx *c, int file, unsigned line) {
  int best = -1;
  for (size_t i = 0; i < c->in->nloops; i++) {
    const hls_loop_desc *l = &c->in->loops[i];
    if (l->file == file && l->start_line < line && line <= l->end_line &&
        (best < 0 || l->depth > c->in->loops[best].depth))
      best = (int)i;
  }
  return best;
}

static void not_emitted(ctx *c, const hls_source *s, const hls_pragma *p) {
  DIAG(c, HLS_SEV_WARNING, s->path, p->line, p->col,
       "'#pragma %s' is in code that was not compiled into this module (an unused "
       "static or inline function, or an uninstantiated template); it is ignored",
       p->text);
}

/* A loop pragma outside every function applies to nothing: an error, not
 * code left uncompiled. */
static void outside_functions(ctx *c, const hls_source *s, const hls_pragma *p) {
  DIAG(c, HLS_SEV_ERROR, s->path, p->line, p->col,
       "'#pragma %s' is outside any function; loop pragmas belong %s the loop they apply to",
       p->text, p->placement == HLS_PLACE_IN_BODY ? "in the body of" : "directly before");
}

static void place_before_loop(ctx *c, int file, const hls_source *s, const hls_pragma *p) {
  if (func_at(c, file, p->line) < 0) {
    (p->file_scope ? outside_functions : not_emitted)(c, s, p);
    return;
  }
  unsigned next = hls_source_next_code_line(s, p->line);
  int loop = next ? loop_starting_at(c, file, next) : -1;
  if (loop < 0) {
    DIAG(c, HLS_SEV_ERROR, s->path, p->line, p->col,
         "'#pragma %s' is not followed by a loop (the next statement, line %u, starts "
         "no loop); %s pragmas must stand directly before the loop they apply to",
         p->text, next, p->dialect == HLS_DIALECT_MERLIN ? "Merlin" : "clang loop");
    return;
  }
  hls_loop_result *r = &c->out->loops[loop];
  push_pragma(&r->pragmas, &r->npragmas, p);
}

static void place_in_body(ctx *c, int file, const hls_source *s, const hls_pragma *p) {
  int func = func_at(c, file, p->line);
  if (func < 0) {
    (p->file_scope && p->kind != HLS_PRAGMA_UNMODELLED ? outside_functions : not_emitted)(c, s, p);
    return;
  }
  int loop = loop_enclosing(c, file, p->line);
  if (loop >= 0) {
    hls_loop_result *r = &c->out->loops[loop];
    push_pragma(&r->pragmas, &r->npragmas, p);
    return;
  }
  if (p->kind != HLS_PRAGMA_UNMODELLED && strcmp(p->keyword, "dataflow") != 0) {
    DIAG(c, HLS_SEV_ERROR, s->path, p->line, p->col,
         "'#pragma %s' is not inside a loop; Vitis loop pragmas belong in the body "
         "of the loop they apply to",
         p->text);
    return;
  }
  hls_func_result *f = &c->out->funcs[func];
  push_pragma(&f->pragmas, &f->npragmas, p);
}

static void place_before_function(ctx *c, int file, const hls_source *s, const hls_pragma *p) {
  unsigned next = hls_source_next_code_line(s, p->line);
  int best = -1;
  for (size_t i = 0; next && i < c->in->nfuncs; i++) {
    const hls_func_desc *f = &c->in->funcs[i];
    if (f->file == file && f->line >= next && (best < 0 || f->line < c->in->funcs[best].line))
      best = (int)i;
  }
  /* the function must start on the next code line or soon after (a return
   * type, attributes or extern "C" may stand on lines of their own) */
  int inside = next ? func_at(c, file, next) : -1;
  if (best < 0 || (inside >= 0 && inside != best) || c->in->funcs[best].line > next + 8) {
    DIAG(c, HLS_SEV_ERROR, s->path, p->line, p->col,
         "'#pragma %s' is not followed by a function definition", p->text);
    return;
  }
  hls_func_result *f = &c->out->funcs[best];
  f->is_kernel = 1;
  push_pragma(&f->pragmas, &f->npragmas, p);
}

static void place_pragmas(ctx *c) {
  for (size_t fi = 0; fi < c->out->nsources; fi++) {
    const hls_source *s = &c->out->sources[fi];
    for (size_t i = 0; i < s->npragmas; i++) {
      const hls_pragma *p = &s->pragmas[i];
      if (p->placement == HLS_PLACE_BEFORE_LOOP)
        place_before_loop(c, (int)fi, s, p);
      else if (p->placement == HLS_PLACE_IN_BODY)
        place_in_body(c, (int)fi, s, p);
      else
        place_before_function(c, (int)fi, s, p);
    }
  }
}

/* ---- clang loop hints from the IR -------------------------------------- */

static int same_value(const hls_pragma *a, const hls_pragma *b) {
  return a->kind == b->kind && a->pipe == b->pipe && a->ii == b->ii && a->factor == b->factor &&
         strcmp(a->knob, b->knob) == 0;
}

/* A hint that the source text also shows is the same pragma seen twice; a
 * hint without its source line (IR from elsewhere) becomes a record of its own. */
static void merge_hint(ctx *c, size_t loop, hls_pragma *h) {
  hls_loop_result *r = &c->out->loops[loop];
  for (size_t i = 0; i < r->npragmas; i++) {
    const hls_pragma *p = r->pragmas[i];
    if (p->dialect != HLS_DIALECT_CLANG || p->kind != h->kind)
      continue;
    if (!same_value(p, h)) {
      DIAG(c, HLS_SEV_ERROR, file_path(c, c->in->loops[loop].file), p->line, p->col,
           "'#pragma %s' disagrees with the loop hint in the IR (%s)", p->text, h->text);
    }
    return;
  }
  hls_pragma *s = &c->out->synthetic[c->out->nsynthetic++];
  *s = *h;
  push_pragma(&r->pragmas, &r->npragmas, s);
}

static void hint_record(const hls_loop_desc *l, hls_pragma_kind kind, const char *text,
                        hls_pragma *h) {
  memset(h, 0, sizeof *h);
  h->dialect = HLS_DIALECT_CLANG;
  h->kind = kind;
  h->placement = HLS_PLACE_BEFORE_LOOP;
  h->line = l->start_line;
  h->col = l->start_col;
  snprintf(h->text, sizeof h->text, "%s", text);
  snprintf(h->keyword, sizeof h->keyword, "%s", kind == HLS_PRAGMA_PARALLEL ? "unroll" : "pipeline");
}

static void merge_hints(ctx *c) {
  c->out->synthetic = hls_xcalloc(2 * c->in->nloops, sizeof *c->out->synthetic);
  for (size_t i = 0; i < c->in->nloops; i++) {
    const hls_loop_desc *l = &c->in->loops[i];
    hls_pragma h;
    char text[96];
    if (l->hint_unroll_count || l->hint_unroll_full || l->hint_unroll_disable) {
      if (l->hint_unroll_count)
        snprintf(text, sizeof text, "llvm.loop.unroll.count %lld", (long long)l->hint_unroll_count);
      else
        snprintf(text, sizeof text, "llvm.loop.unroll.%s", l->hint_unroll_full ? "full" : "disable");
      hint_record(l, HLS_PRAGMA_PARALLEL, text, &h);
      h.factor = l->hint_unroll_count ? l->hint_unroll_count : l->hint_unroll_disable ? 1 : 0;
      merge_hint(c, i, &h);
    }
    if (l->hint_pipeline_ii || l->hint_pipeline_disable) {
      if (l->hint_pipeline_disable)
        snprintf(text, sizeof text, "llvm.loop.pipeline.disable");
      else
        snprintf(text, sizeof text, "llvm.loop.pipeline.initiationinterval %lld",
                 (long long)l->hint_pipeline_ii);
      hint_record(l, HLS_PRAGMA_PIPELINE, text, &h);
      h.pipe = l->hint_pipeline_disable ? HLS_PIPE_OFF : HLS_PIPE_FG;
      h.ii = l->hint_pipeline_disable ? 0 : l->hint_pipeline_ii;
      merge_hint(c, i, &h);
    }
  }
}

/* ---- slots ------------------------------------------------------------- */

static hls_slot *slot_for(hls_loop_result *r, hls_pragma_kind k) {
  return k == HLS_PRAGMA_PIPELINE ? &r->pipeline
         : k == HLS_PRAGMA_PARALLEL ? &r->parallel
         : k == HLS_PRAGMA_TILE     ? &r->tile
                                    : NULL;
}

static int slot_matches(const hls_slot *s, const hls_pragma *p) {
  return strcmp(s->knob, p->knob) == 0 && strcmp(s->ii_knob, p->ii_knob) == 0 &&
         s->pipe == p->pipe && s->ii == p->ii &&
         s->factor == p->factor && s->has_reduction == p->has_reduction &&
         strcmp(s->reduction, p->reduction) == 0;
}

static void fill_slot(hls_slot *s, const hls_pragma *p) {
  s->present = 1;
  s->origin = p;
  snprintf(s->knob, sizeof s->knob, "%s", p->knob);
  snprintf(s->ii_knob, sizeof s->ii_knob, "%s", p->ii_knob);
  s->bound = p->knob[0] == '\0';
  s->pipe = p->pipe;
  s->ii = p->ii;
  s->factor = p->factor;
  s->has_reduction = p->has_reduction;
  snprintf(s->reduction, sizeof s->reduction, "%s", p->reduction);
}

/* A second pragma for something already set on loop li (by `first`): the same
 * value is a warning, another value an error naming what both set. */
static void report_second(ctx *c, size_t li, const hls_pragma *p, const hls_pragma *first,
                          int same, const char *what) {
  const char *path = file_path(c, c->in->loops[li].file);
  if (same)
    DIAG(c, HLS_SEV_WARNING, path, p->line, p->col,
         "'#pragma %s' repeats '#pragma %s' (line %u) on the same loop", p->text, first->text,
         first->line);
  else
    DIAG(c, HLS_SEV_ERROR, path, p->line, p->col,
         "'#pragma %s' conflicts with '#pragma %s' (line %u): both set the %s of the "
         "loop at line %u",
         p->text, first->text, first->line, what, c->in->loops[li].start_line);
}

static void resolve_loop(ctx *c, size_t li) {
  hls_loop_result *r = &c->out->loops[li];
  for (size_t i = 0; i < r->npragmas; i++) {
    const hls_pragma *p = r->pragmas[i];
    if (p->kind == HLS_PRAGMA_TRIPCOUNT) {
      if (!r->tripcount)
        r->tripcount = p;
      else
        report_second(c, li, p, r->tripcount, r->tripcount->tripcount == p->tripcount,
                      "trip count");
      continue;
    }
    if (p->kind == HLS_PRAGMA_FLATTEN) {
      if (!r->flatten)
        r->flatten = p;
      else
        report_second(c, li, p, r->flatten, r->flatten->pipe == p->pipe, "loop flattening");
      continue;
    }
    hls_slot *s = slot_for(r, p->kind);
    if (!s)
      continue;
    if (!s->present)
      fill_slot(s, p);
    else
      report_second(c, li, p, s->origin, slot_matches(s, p), hls_pragma_kind_name(p->kind));
  }
}

/* ---- knobs ------------------------------------------------------------- */

/* A knob name must mean one kind of value wherever it appears. */
static void check_knob_kinds(ctx *c) {
  for (size_t i = 0; i < c->in->nloops; i++) {
    hls_slot *si[3] = {&c->out->loops[i].pipeline, &c->out->loops[i].parallel,
                       &c->out->loops[i].tile};
    for (int a = 0; a < 3; a++) {
      if (!si[a]->present || !si[a]->knob[0])
        continue;
      for (size_t j = i; j < c->in->nloops; j++) {
        hls_slot *sj[3] = {&c->out->loops[j].pipeline, &c->out->loops[j].parallel,
                           &c->out->loops[j].tile};
        for (int b = 0; b < 3; b++) {
          if (b == a || !sj[b]->present || strcmp(si[a]->knob, sj[b]->knob) != 0)
            continue;
          const hls_pragma *p = sj[b]->origin;
          DIAG(c, HLS_SEV_ERROR, file_path(c, c->in->loops[j].file), p->line, p->col,
               "knob '%s' is used both as a %s value and as a %s value (line %u)", si[a]->knob,
               hls_pragma_kind_name(p->kind), hls_pragma_kind_name(si[a]->origin->kind),
               si[a]->origin->line);
        }
      }
    }
  }
}

/* An II=auto{K} knob is an integer of its own kind: no other slot may use K. */
static void check_ii_knobs(ctx *c) {
  for (size_t i = 0; i < c->in->nloops; i++) {
    const hls_slot *p = &c->out->loops[i].pipeline;
    if (!p->present || !p->ii_knob[0])
      continue;
    for (size_t j = 0; j < c->in->nloops; j++) {
      const hls_slot *sj[3] = {&c->out->loops[j].pipeline, &c->out->loops[j].parallel,
                               &c->out->loops[j].tile};
      for (int b = 0; b < 3; b++)
        if (sj[b]->present && strcmp(sj[b]->knob, p->ii_knob) == 0)
          DIAG(c, HLS_SEV_ERROR, file_path(c, c->in->loops[j].file), sj[b]->origin->line,
               sj[b]->origin->col, "knob '%s' is used both as an II (line %u) and as a %s value",
               p->ii_knob, p->origin->line, hls_pragma_kind_name(sj[b]->origin->kind));
    }
  }
}

/* ---- loop names ---------------------------------------------------------- */

static int loop_before(const hls_loop_desc *a, size_t ai, const hls_loop_desc *b, size_t bi) {
  if (a->start_line != b->start_line)
    return a->start_line < b->start_line;
  if (a->start_col != b->start_col)
    return a->start_col < b->start_col;
  return ai < bi;
}

/* L<i> for the i-th outermost loop of a function in source order, and
 * <parent>_<j> for the j-th child of a loop. */
static void name_loops(ctx *c) {
  for (size_t i = 0; i < c->in->nloops; i++) {
    const hls_loop_desc *l = &c->in->loops[i];
    unsigned rank = 0;
    for (size_t j = 0; j < c->in->nloops; j++) {
      const hls_loop_desc *o = &c->in->loops[j];
      if (j != i && o->func == l->func && o->parent == l->parent && loop_before(o, j, l, i))
        rank++;
    }
    char name[sizeof c->out->loops[i].name + 16];
    if (l->parent < 0)
      snprintf(name, sizeof name, "L%u", rank);
    else /* parents precede children, so the parent's name exists */
      snprintf(name, sizeof name, "%s_%u", c->out->loops[l->parent].name, rank);
    snprintf(c->out->loops[i].name, sizeof c->out->loops[i].name, "%.47s", name);
  }
}

/* The user's labels, for reports and remarks only: the names above stay
 * the loops' identity (knob names, graphs, models). */
static void label_loops(ctx *c) {
  for (size_t i = 0; i < c->in->nloops; i++) {
    const hls_loop_desc *l = &c->in->loops[i];
    if (l->file >= 0 && (size_t)l->file < c->out->nsources)
      hls_source_label(&c->out->sources[l->file], l->start_line, l->start_col,
                       c->out->loops[i].label, sizeof c->out->loops[i].label);
  }
}

void hls_annotate(const hls_annotate_input *in, hls_annotation *out) {
  memset(out, 0, sizeof *out);
  hls_diags_init(&out->diags);
  ctx c = {in, out};
  out->nloops = in->nloops;
  out->nfuncs = in->nfuncs;
  out->loops = hls_xcalloc(in->nloops, sizeof *out->loops);
  out->funcs = hls_xcalloc(in->nfuncs, sizeof *out->funcs);
  name_loops(&c);
  load_sources(&c);
  label_loops(&c);
  place_pragmas(&c);
  merge_hints(&c);
  for (size_t i = 0; i < in->nloops; i++)
    resolve_loop(&c, i);
  check_knob_kinds(&c);
  check_ii_knobs(&c);
  hls_diags_sort(&out->diags);
}

void hls_annotation_free(hls_annotation *out) {
  for (size_t i = 0; i < out->nsources; i++)
    hls_source_free(&out->sources[i]);
  free(out->sources);
  for (size_t i = 0; i < out->nloops; i++)
    free((void *)out->loops[i].pragmas);
  for (size_t i = 0; i < out->nfuncs; i++)
    free((void *)out->funcs[i].pragmas);
  free(out->loops);
  free(out->funcs);
  free(out->synthetic);
  hls_diags_free(&out->diags);
  memset(out, 0, sizeof *out);
}

void hls_slot_describe(const hls_slot *s, const char *slot_name, char *buf, size_t cap) {
  char value[64];
  if (!s->bound)
    snprintf(value, sizeof value, "unbound");
  else if (strcmp(slot_name, "pipeline") == 0) {
    if (s->ii)
      snprintf(value, sizeof value, "%s,II=%lld", hls_pipe_mode_name(s->pipe), (long long)s->ii);
    else
      snprintf(value, sizeof value, "%s", hls_pipe_mode_name(s->pipe));
  } else if (s->factor == 0)
    snprintf(value, sizeof value, "full");
  else
    snprintf(value, sizeof value, "%lld", (long long)s->factor);
  if (s->knob[0])
    snprintf(buf, cap, "%s=auto{%s}=%s", slot_name, s->knob, value);
  else
    snprintf(buf, cap, "%s=%s", slot_name, value);
  if (s->ii_knob[0]) {
    size_t n = strlen(buf);
    snprintf(buf + n, cap - n, ",II=auto{%s}", s->ii_knob);
  }
  if (s->has_reduction) {
    size_t n = strlen(buf);
    if (s->reduction[0])
      snprintf(buf + n, cap - n, ",reduction=%s", s->reduction);
    else
      snprintf(buf + n, cap - n, ",reduction");
  }
}
