/* HLS pragmas: one record per pragma line, parsed from its text.
 *
 * Three dialects normalise into one vocabulary (docs/pragma-metadata.md):
 *   Merlin  #pragma ACCEL PIPELINE|PARALLEL|TILE|kernel ...   (before the loop)
 *   Vitis   #pragma HLS pipeline|unroll|dataflow|...          (inside the body)
 *   clang   #pragma clang loop ..., #pragma unroll N          (before the loop)
 * The parser knows nothing about loops; annotate.c places the records. */
#ifndef HLSMOE_PRAGMA_H
#define HLSMOE_PRAGMA_H

#include <stdint.h>

#include "pragma/symbols.h"
#include "pragma/vocabulary.h"
#include "support/diag.h"

typedef enum {
  HLS_PRAGMA_KERNEL,    /* ACCEL kernel: marks the top function */
  HLS_PRAGMA_PIPELINE,  /* ACCEL PIPELINE, HLS pipeline/dataflow, clang pipeline */
  HLS_PRAGMA_PARALLEL,  /* ACCEL PARALLEL, HLS unroll, clang unroll */
  HLS_PRAGMA_TILE,      /* ACCEL TILE */
  HLS_PRAGMA_TRIPCOUNT, /* HLS loop_tripcount: a bound the compiler cannot derive */
  HLS_PRAGMA_FLATTEN,   /* HLS loop_flatten [off]: whether the nest may merge (pipe below) */
  HLS_PRAGMA_UNMODELLED /* recognised, kept as text, not seen by the model */
} hls_pragma_kind;

/* Where a pragma attaches. */
typedef enum {
  HLS_PLACE_BEFORE_LOOP, /* Merlin and clang: the next statement is the loop */
  HLS_PLACE_IN_BODY,     /* Vitis: the innermost enclosing loop, else function */
  HLS_PLACE_BEFORE_FUNCTION
} hls_placement;

#define HLS_KNOB_MAX 64

typedef struct {
  hls_dialect dialect;
  hls_pragma_kind kind;
  hls_placement placement;
  /* Location of the '#' of the pragma (1-based) and the text as written,
   * continuation lines joined by a single space. */
  unsigned line, col;
  char text[512];
  /* Payload; meaning depends on kind. */
  hls_pipe_mode pipe;      /* PIPELINE; FLATTEN: HLS_PIPE_OFF for `loop_flatten off`, else UNSET */
  int64_t ii;              /* PIPELINE: initiation interval, 0 = unspecified */
  int64_t factor;          /* PARALLEL/TILE: 0 = not given (full unroll for PARALLEL) */
  char knob[HLS_KNOB_MAX]; /* auto{NAME} placeholder of the value, "" if literal */
  char ii_knob[HLS_KNOB_MAX]; /* PIPELINE: II=auto{NAME}, "" if none */
  int has_reduction;       /* PARALLEL reduction[=var] */
  char reduction[HLS_KNOB_MAX]; /* reduction variable, "" when unnamed */
  int64_t tripcount;       /* TRIPCOUNT: max=, else avg=, else min= */
  char keyword[32];        /* normalised keyword, e.g. "pipeline", "array_partition" */
  int file_scope;          /* set by the source scanner: no brace is open before it, so it
                              stands outside every function (not in one left uncompiled) */
} hls_pragma;

#define HLS_PRAGMA_MAX_RECORDS 8

/* Parses one pragma's text: everything after "#pragma", continuation lines
 * joined.  One line can yield several records ("#pragma clang loop
 * unroll_count(4) pipeline(disable)"), at most HLS_PRAGMA_MAX_RECORDS.
 * Returns the number of records written to out[] (0 when the pragma belongs
 * to no dialect we handle, e.g. "omp", "once", "scop"), or -1 after adding an
 * error to *diags when it is ours but malformed.  line/col locate the '#';
 * text_col is the column of text[0] on that line, so errors point at the
 * offending word.  Values written as names or expressions are resolved
 * through `symbols` (may be NULL); a pragma with a value that names no known
 * constant is returned as one HLS_PRAGMA_UNMODELLED record, with a warning. */
int hls_pragma_parse(const char *text, const char *file, unsigned line, unsigned col,
                     unsigned text_col, const hls_symbols *symbols,
                     hls_pragma out[HLS_PRAGMA_MAX_RECORDS], hls_diags *diags);

const char *hls_dialect_name(hls_dialect d);     /* "merlin", "vitis", "clang" */
const char *hls_pragma_kind_name(hls_pragma_kind k);

#endif
