#include "pragma/vocabulary.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const struct {
  hls_pipe_mode mode;
  const char *name;  /* metadata, graphs, remarks */
  const char *point; /* Merlin design points (the HLSyn data) */
} pipe_vocabulary[] = {
    {HLS_PIPE_OFF, "off", "off"},
    {HLS_PIPE_CG, "cg", ""},
    {HLS_PIPE_FG, "fg", "flatten"},
};
#define PIPE_MODES (sizeof pipe_vocabulary / sizeof pipe_vocabulary[0])

/* Vitis design-point spellings (the HLSyn-Vitis data). */
#define VITIS_NONE "NA"
#define VITIS_PIPELINE "   "

const char *hls_pipe_mode_name(hls_pipe_mode m) {
  for (size_t i = 0; i < PIPE_MODES; i++)
    if (pipe_vocabulary[i].mode == m)
      return pipe_vocabulary[i].name;
  return "unset";
}

const char *hls_pipe_mode_point(hls_pipe_mode m) {
  for (size_t i = 0; i < PIPE_MODES; i++)
    if (pipe_vocabulary[i].mode == m)
      return pipe_vocabulary[i].point;
  return NULL;
}

hls_pipe_mode hls_pipe_mode_from_name(const char *s) {
  for (size_t i = 0; i < PIPE_MODES; i++)
    if (strcmp(s, pipe_vocabulary[i].name) == 0)
      return pipe_vocabulary[i].mode;
  return HLS_PIPE_UNSET;
}

static int merlin_value(const char *s, hls_pipe_mode *mode) {
  for (size_t i = 0; i < PIPE_MODES; i++)
    if (strcmp(s, pipe_vocabulary[i].point) == 0) {
      *mode = pipe_vocabulary[i].mode;
      return 0;
    }
  *mode = hls_pipe_mode_from_name(s);
  return *mode == HLS_PIPE_UNSET ? -1 : 0;
}

static const char *skip_blanks(const char *s) {
  while (*s == ' ' || *s == '\t')
    s++;
  return s;
}

/* "II=N" with optional blanks, N from 1 to 2^20 (no tool schedules more). */
static int vitis_ii(const char *s, int64_t *ii) {
  if (strncasecmp(s, "II", 2) != 0)
    return -1;
  s = skip_blanks(s + 2);
  if (*s++ != '=')
    return -1;
  s = skip_blanks(s);
  if (!isdigit((unsigned char)*s))
    return -1;
  char *end;
  long v = strtol(s, &end, 10);
  if (*skip_blanks(end) || v < 1 || v > (1L << 20))
    return -1;
  *ii = v;
  return 0;
}

static int vitis_value(const char *s, hls_pipe_mode *mode, int64_t *ii) {
  const char *t = skip_blanks(s);
  if (!*t) {
    *mode = HLS_PIPE_FG;
    return 0;
  }
  if (strcmp(t, VITIS_NONE) == 0) {
    *mode = HLS_PIPE_UNSET;
    return 0;
  }
  if (strncasecmp(t, "off", 3) == 0 && !*skip_blanks(t + 3)) {
    *mode = HLS_PIPE_OFF;
    return 0;
  }
  *mode = HLS_PIPE_FG;
  return vitis_ii(t, ii);
}

int hls_pipe_value_parse(hls_dialect vocab, const char *s, hls_pipe_mode *mode, int64_t *ii) {
  *mode = HLS_PIPE_UNSET;
  *ii = 0;
  if (!s)
    return -1;
  return vocab == HLS_DIALECT_MERLIN ? merlin_value(s, mode) : vitis_value(s, mode, ii);
}

int hls_pipe_value_format(hls_dialect vocab, hls_pipe_mode mode, int64_t ii, char *buf,
                          size_t cap) {
  const char *p = NULL;
  if (vocab == HLS_DIALECT_MERLIN)
    p = mode == HLS_PIPE_UNSET ? "off" : hls_pipe_mode_point(mode); /* Merlin's default: off */
  else if (mode == HLS_PIPE_UNSET)
    p = VITIS_NONE;
  else if (mode == HLS_PIPE_OFF)
    p = "off";
  else if (mode == HLS_PIPE_FG && ii <= 1)
    p = VITIS_PIPELINE;
  else if (mode == HLS_PIPE_FG) {
    snprintf(buf, cap, "II=%lld", (long long)ii);
    return 0;
  }
  if (!p)
    return -1;
  snprintf(buf, cap, "%s", p);
  return 0;
}

const char *hls_pipe_value_display(hls_dialect vocab, const char *s) {
  if (vocab == HLS_DIALECT_MERLIN)
    return s[0] ? s : hls_pipe_mode_name(HLS_PIPE_CG);
  if (!*skip_blanks(s))
    return "pipeline";
  return strcmp(s, VITIS_NONE) == 0 ? "none" : s;
}

const char *hls_pipe_vocabulary_help(hls_dialect vocab) {
  return vocab == HLS_DIALECT_MERLIN
             ? "\"off\", \"\" (coarse-grained), \"flatten\" (fine-grained), \"cg\" or \"fg\""
             : "\"NA\" (no pragma), \"   \" (pipeline), \"off\" or \"II=N\"";
}

/* ---- pragma text ------------------------------------------------------------ */

static int render_vitis(int kind, hls_pipe_mode mode, int64_t ii, int64_t factor, int64_t trip,
                        char *buf, size_t cap) {
  if (kind == 0) {
    if (mode == HLS_PIPE_UNSET)
      snprintf(buf, cap, "%s", "");
    else if (mode == HLS_PIPE_OFF)
      snprintf(buf, cap, "HLS pipeline off");
    else if (mode == HLS_PIPE_FG)
      snprintf(buf, cap, "HLS pipeline II=%lld", (long long)(ii > 1 ? ii : 1));
    else
      snprintf(buf, cap, "HLS dataflow");
    return 0;
  }
  if (kind != 1)
    return -1; /* Vitis has no tile pragma */
  if (factor == 1)
    snprintf(buf, cap, "%s", "");
  else if (factor <= 0 || factor == trip)
    snprintf(buf, cap, "HLS unroll");
  else
    snprintf(buf, cap, "HLS unroll factor=%lld", (long long)factor);
  return 0;
}

static int render_merlin(int kind, hls_pipe_mode mode, int64_t factor, int64_t trip, char *buf,
                         size_t cap) {
  if (kind == 0) {
    if (mode == HLS_PIPE_UNSET || mode == HLS_PIPE_OFF) /* off is Merlin's default */
      snprintf(buf, cap, "%s", "");
    else
      snprintf(buf, cap, "ACCEL PIPELINE%s", mode == HLS_PIPE_FG ? " flatten" : "");
    return 0;
  }
  if (factor == 1)
    snprintf(buf, cap, "%s", "");
  else if (kind == 1)
    snprintf(buf, cap, "ACCEL PARALLEL FACTOR=%lld",
             (long long)(factor <= 0 && trip > 0 ? trip : factor));
  else
    snprintf(buf, cap, "ACCEL TILE FACTOR=%lld", (long long)factor);
  if (kind == 1 && factor <= 0 && trip <= 0)
    snprintf(buf, cap, "ACCEL PARALLEL");
  return 0;
}

int hls_pragma_render(hls_dialect d, int kind, hls_pipe_mode mode, int64_t ii, int64_t factor,
                      int64_t trip, char *buf, size_t cap) {
  if (d == HLS_DIALECT_MERLIN)
    return render_merlin(kind, mode, factor, trip, buf, cap);
  return render_vitis(kind, mode, ii, factor, trip, buf, cap);
}
