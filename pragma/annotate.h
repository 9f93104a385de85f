/* hls-annotate core: places the pragmas of the source text on the loops and
 * functions that LLVM's loop analysis found, merges the three dialects into
 * one vocabulary, detects conflicts and binds knob values from a design point.
 *
 * The pass shim describes the module (functions, loops, source files, clang
 * loop hints already in !llvm.loop) in plain structs, calls hls_annotate(),
 * and writes the result back as metadata and remarks.  Nothing here depends
 * on LLVM, so the rules are readable in one place. */
#ifndef HLSMOE_ANNOTATE_H
#define HLSMOE_ANNOTATE_H

#include <stddef.h>
#include <stdint.h>

#include "support/diag.h"
#include "pragma/pragma.h"
#include "pragma/source.h"

/* ---- input, filled by the shim ---------------------------------------- */

typedef struct {
  const char *path;     /* directory/filename as the debug info names it */
  const char *embedded; /* -gembed-source text, NULL if absent */
  size_t embedded_len;
  const char *md5;      /* DWARF 5 checksum of the compiled text (32 hex digits), NULL if none */
} hls_file_desc;

typedef struct {
  int file;           /* index into files; -1: the function has no debug info */
  unsigned line;      /* DISubprogram line */
  unsigned last_line; /* largest line of any location of the function in `file` */
} hls_func_desc;

typedef struct {
  int func;   /* index into funcs */
  int parent; /* index into loops of the enclosing loop, -1 if outermost */
  unsigned depth;
  int file; /* -1: the loop has no debug location */
  unsigned start_line, start_col, end_line, end_col;
  /* clang loop hints found in the loop's !llvm.loop (0 = absent) */
  int64_t hint_unroll_count;
  int hint_unroll_full, hint_unroll_disable;
  int64_t hint_pipeline_ii;
  int hint_pipeline_disable;
} hls_loop_desc;

typedef struct {
  const hls_file_desc *files;
  size_t nfiles;
  const hls_func_desc *funcs;
  size_t nfuncs;
  const hls_loop_desc *loops; /* parents before children */
  size_t nloops;
  hls_symbols symbols; /* constants pragma values may name (macros, const globals) */
} hls_annotate_input;

/* ---- output ----------------------------------------------------------- */

/* One of the model's three pragma slots on a loop. */
typedef struct {
  int present;
  const hls_pragma *origin; /* the pragma that set it (first one if repeated) */
  char knob[HLS_KNOB_MAX];  /* "" when the value is a literal */
  char ii_knob[HLS_KNOB_MAX]; /* pipeline slot: II=auto{K}, "" when none */
  int bound;                /* value known: literal, or knob bound by the point */
  hls_pipe_mode pipe;       /* pipeline slot */
  int64_t ii;               /* pipeline slot, 0 = unspecified */
  int64_t factor;           /* parallel/tile slot; parallel 0 = full unroll */
  int has_reduction;        /* parallel slot */
  char reduction[HLS_KNOB_MAX];
} hls_slot;

typedef struct {
  char name[48]; /* L0, L0_1, ...: position in the function's loop nest */
  char label[64]; /* the source's label of the loop (`init: for`), "" when none (pragma/label.h) */
  hls_slot pipeline, parallel, tile;
  const hls_pragma *tripcount; /* Vitis loop_tripcount, NULL when none */
  const hls_pragma *flatten;   /* Vitis loop_flatten [off], NULL when none */
  const hls_pragma **pragmas; /* every pragma placed on the loop, in source order */
  size_t npragmas;
} hls_loop_result;

typedef struct {
  int is_kernel;
  const hls_pragma **pragmas; /* function-level pragmas (kernel, unmodelled, ...) */
  size_t npragmas;
} hls_func_result;

typedef struct {
  hls_source *sources; /* [nfiles]; text NULL when unavailable */
  size_t nsources;
  hls_loop_result *loops; /* [nloops], parallel to the input's loops */
  size_t nloops;
  hls_func_result *funcs; /* [nfuncs], parallel to the input's funcs */
  size_t nfuncs;
  hls_pragma *synthetic;  /* records made from clang hints without source text */
  size_t nsynthetic;
  hls_diags diags;
} hls_annotation;

/* Runs the whole annotation; diagnostics (errors included) land in out->diags.
 * out must be released with hls_annotation_free. */
void hls_annotate(const hls_annotate_input *in, hls_annotation *out);
void hls_annotation_free(hls_annotation *out);

/* Short human-readable rendering of a slot, e.g. "factor=auto{__PARA__L0}=4". */
void hls_slot_describe(const hls_slot *s, const char *slot_name, char *buf, size_t cap);

#endif
