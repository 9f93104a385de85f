/* Loop labels, read backwards from the loop statement (pragma/label.h).
 * Only the text before the statement on its own line is read character by
 * character; lines above are judged by the scanner's line kinds, so that
 * comments, strings and #if 0 blocks there need no second lexer. */
#include "pragma/label.h"

#include <ctype.h>
#include <string.h>

static int is_ident_char(char c) { return isalnum((unsigned char)c) || c == '_'; }

/* Skips spaces and block comments backwards from `end` on a line that
 * starts at `start`: returns i such that t[i - 1] is the last significant
 * character before end (i == start: none).  A comment opened on an earlier
 * line stops the walk at its closing, which no label ends with. */
static size_t skip_back(const char *t, size_t start, size_t end) {
  size_t i = end;
  while (i > start) {
    if (isspace((unsigned char)t[i - 1])) {
      i--;
    } else if (t[i - 1] == '/' && i - start >= 4 && t[i - 2] == '*') {
      size_t j = i - 3; /* the '*' of the opening, before the closing's */
      while (j > start && !(t[j - 1] == '/' && t[j] == '*'))
        j--;
      if (j == start)
        return i;
      i = j - 1;
    } else
      break;
  }
  return i;
}

/* The identifier that ends at offset i (exclusive) and its start; 0 length
 * when there is none, or it starts with a digit. */
static size_t ident_before(const char *t, size_t start, size_t i, size_t *from) {
  size_t j = i;
  while (j > start && is_ident_char(t[j - 1]))
    j--;
  *from = j;
  return j < i && !isdigit((unsigned char)t[j]) ? i - j : 0;
}

static int is_word(const char *p, size_t n, const char *w) {
  return strlen(w) == n && strncmp(p, w, n) == 0;
}

static size_t copy_label(const char *p, size_t n, char *out, size_t cap) {
  if (is_word(p, n, "default") || n + 1 > cap) /* `default:` ends a switch case */
    return 0;
  memcpy(out, p, n);
  out[n] = '\0';
  return n;
}

/* A label ending at offset i on the line [start, ...): `NAME :` before it,
 * not `A::`, not `case NAME:`.  Returns its length (copied to out) or 0. */
static size_t label_ending_at(const char *t, size_t start, size_t i, char *out, size_t cap) {
  if (i == start || t[i - 1] != ':' || (i - 1 > start && t[i - 2] == ':'))
    return 0;
  size_t from, n = ident_before(t, start, skip_back(t, start, i - 1), &from);
  if (!n)
    return 0;
  size_t before = skip_back(t, start, from), w;
  if (before > start && ident_before(t, start, before, &w) && is_word(t + w, before - w, "case"))
    return 0;
  if (before > start && t[before - 1] == '?')
    return 0; /* the tail of a conditional expression */
  return copy_label(t + from, n, out, cap);
}

/* The label alone on a line of kind HLS_LINE_LABEL: `NAME:` after spaces
 * and block comments. */
static size_t label_line(const char *t, size_t start, size_t end, char *out, size_t cap) {
  size_t i = start;
  while (i < end) {
    if (isspace((unsigned char)t[i]))
      i++;
    else if (t[i] == '/' && i + 1 < end && t[i + 1] == '*') {
      const char *close = NULL;
      for (size_t j = i + 2; j + 1 < end && !close; j++)
        if (t[j] == '*' && t[j + 1] == '/')
          close = t + j;
      if (!close)
        return 0;
      i = (size_t)(close - t) + 2;
    } else
      break;
  }
  size_t n = 0;
  while (i + n < end && is_ident_char(t[i + n]))
    n++;
  return n && !isdigit((unsigned char)t[i]) ? copy_label(t + i, n, out, cap) : 0;
}

size_t hls_source_label(const hls_source *s, unsigned line, unsigned col, char *out, size_t cap) {
  if (cap)
    out[0] = '\0';
  if (!cap || !s->text || !s->line_start || !s->line_kind || line == 0 || line > s->nlines ||
      col == 0)
    return 0;
  const char *t = s->text;
  size_t start = s->line_start[line], end = s->line_start[line + 1] - 1; /* the newline, or len */
  if (col - 1 > end - start)
    return 0;
  size_t i = skip_back(t, start, start + col - 1);
  if (i > start) /* code before the statement on its line: a label, or none */
    return label_ending_at(t, start, i, out, cap);
  for (unsigned l = line - 1; l >= 1; l--) {
    unsigned char k = s->line_kind[l];
    if (k == HLS_LINE_LABEL)
      return label_line(t, s->line_start[l], s->line_start[l + 1] - 1, out, cap);
    if (k == HLS_LINE_CODE)
      return 0;
  }
  return 0;
}
