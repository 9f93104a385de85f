/* The words of the pragma dialects that more than the parser needs: the
 * dialects, the pipeline modes, the values a pipeline knob takes in each
 * dialect's design points, and the pragma text of a loop's setting.  One
 * table each (vocabulary.c); the training tools read the same values
 * (tools/train/hlsmoe_train/schema.py, checked by test/lit/graph/vocabulary.test). */
#ifndef HLSMOE_PRAGMA_VOCABULARY_H
#define HLSMOE_PRAGMA_VOCABULARY_H

#include <stddef.h>
#include <stdint.h>

typedef enum {
  HLS_DIALECT_MERLIN,
  HLS_DIALECT_VITIS,
  HLS_DIALECT_CLANG
} hls_dialect;

/* Pipeline modes in the model's vocabulary.  HLS_PIPE_UNSET: no pipeline
 * pragma (the tool's default; Vitis pipelines some loops on its own). */
typedef enum {
  HLS_PIPE_UNSET = 0,
  HLS_PIPE_OFF,
  HLS_PIPE_CG, /* coarse-grained: Merlin "" / cg, Vitis dataflow */
  HLS_PIPE_FG  /* fine-grained: Merlin flatten / fg, Vitis pipeline */
} hls_pipe_mode;

/* Each mode has a name, used in loop metadata, graphs and remarks ("off",
 * "cg", "fg"), and a value in Merlin design points ("off", "", "flatten"). */
const char *hls_pipe_mode_name(hls_pipe_mode m);  /* "unset" for HLS_PIPE_UNSET */
const char *hls_pipe_mode_point(hls_pipe_mode m); /* NULL for HLS_PIPE_UNSET */
/* A mode from its name; HLS_PIPE_UNSET if unknown. */
hls_pipe_mode hls_pipe_mode_from_name(const char *s);

/* A pipeline knob's value in a design point, read in the vocabulary of the
 * dialect whose pragma holds the knob:
 *   Merlin  "off", "" (coarse-grained), "flatten" (fine-grained); "cg", "fg"
 *   Vitis   "NA" (no pragma: Vitis's default), "" or blanks (pipeline, II=1
 *           requested; the HLSyn-Vitis data writes "   "), "off", "II=N"
 * The Vitis values are the text that replaces auto{} in `#pragma HLS pipeline
 * auto{K}`, "NA" meaning the line is removed (../shared/data/hlsyn-vitis).
 * Clang-dialect knobs take the Vitis values.  Sets *mode and *ii (0: none
 * given) and returns 0, or returns -1 when s is not a value of the vocabulary. */
int hls_pipe_value_parse(hls_dialect vocab, const char *s, hls_pipe_mode *mode, int64_t *ii);
/* The design-point value of a mode and II in a vocabulary, written to buf
 * (the canonical spelling: Vitis "NA", "   ", "off", "II=N"); -1 when the
 * vocabulary has no value for it (Vitis: coarse-grained). */
int hls_pipe_value_format(hls_dialect vocab, hls_pipe_mode mode, int64_t ii, char *buf,
                          size_t cap);
/* A value as remarks show it: Merlin "" as "cg", Vitis "NA" as "none" and
 * blanks as "pipeline", every other as written. */
const char *hls_pipe_value_display(hls_dialect vocab, const char *s);
/* The vocabulary's values in the order the usage message lists them. */
const char *hls_pipe_vocabulary_help(hls_dialect vocab);

/* The pragma (text after "#pragma ") that sets one slot of a loop to a value
 * in a dialect, or "" when the value is the tool's default and no pragma is
 * written: kind 0 pipeline (mode, ii), 1 parallel/unroll, 2 tile (factor;
 * factor 0 or the trip count is a full unroll).  Clang-dialect loops get
 * Vitis pragmas.  Returns 0, or -1 when the dialect cannot express it. */
int hls_pragma_render(hls_dialect d, int kind, hls_pipe_mode mode, int64_t ii, int64_t factor,
                      int64_t trip, char *buf, size_t cap);

#endif
