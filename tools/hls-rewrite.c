/* hls-rewrite: writes a design point's knob values into a C/C++ source, in
 * place of its auto{KNOB} placeholders, so the result goes straight to the
 * HLS tool.
 *
 *   hls-rewrite SOURCE POINT [--rank N] [-o OUT]
 *
 * POINT is a point object ({"__PARA__L0": 4, ...}), a dataset line (with a
 * "point" member) or an hls-moe report (-hls-report; the design of rank N,
 * default 1).  Pipeline values: "off" -> off, "" or "cg" -> (nothing: Merlin's
 * plain PIPELINE is coarse-grained), "flatten" or "fg" -> flatten.  Every
 * placeholder must get a value and every value must find its placeholder. */
#include <cJSON.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/diag.h"
#include "support/strbuf.h"
#include "dse/point.h"
#include "pragma/source.h"


/* The point object inside what the file holds; NULL after an error. */
static const cJSON *find_point(const cJSON *root, int rank, const char *path, hls_diags *d) {
  const cJSON *format = cJSON_GetObjectItemCaseSensitive(root, "format");
  if (cJSON_IsString(format) && strcmp(format->valuestring, "hlsmoe-report") == 0) {
    const cJSON *top = cJSON_GetObjectItemCaseSensitive(root, "top");
    const cJSON *design = cJSON_GetArrayItem(top, rank - 1);
    if (!design) {
      hls_diag_add(d, HLS_SEV_ERROR, path, 0, 0, "the report has no design of rank %d", rank);
      return NULL;
    }
    return cJSON_GetObjectItemCaseSensitive(design, "point");
  }
  const cJSON *inner = cJSON_GetObjectItemCaseSensitive(root, "point");
  return cJSON_IsObject(inner) ? inner : root;
}

/* Text that replaces auto{name}, the value marked used; NULL if there is none. */
static const char *replacement(hls_point *point, const char *name, char *buf, size_t cap) {
  hls_knob_value *v = hls_point_find(point, name);
  if (!v)
    return NULL;
  v->used = 1;
  if (!v->is_string) {
    if (!v->valid_integer)
      return NULL;
    snprintf(buf, cap, "%lld", (long long)v->integer);
    return buf;
  }
  /* Merlin's PIPELINE values are the dataset's ("off", "" or "flatten"). */
  hls_pipe_mode m = hls_pipe_mode_from_point(v->string);
  return m == HLS_PIPE_UNSET ? NULL : hls_pipe_mode_point(m);
}

/* Rewrites every auto{NAME} of a pragma line; marks the knobs it uses. */
static void rewrite(const hls_source *src, hls_point *point, hls_strbuf *out, hls_diags *d) {
  const char *t = src->text, *end = t + src->len;
  unsigned line = 1;
  const char *line_start = t;
  while (t < end) {
    const char *p = strstr(t, "auto{");
    const char *nl = memchr(t, '\n', (size_t)(end - t));
    if (nl && (!p || nl < p)) { /* no placeholder before the next line */
      hls_strbuf_append(out, t, (size_t)(nl + 1 - t));
      t = line_start = nl + 1;
      line++;
      continue;
    }
    if (!p) {
      hls_strbuf_append(out, t, (size_t)(end - t));
      break;
    }
    const char *q = line_start;
    while (q < p && isspace((unsigned char)*q))
      q++;
    const char *close = strchr(p, '}');
    if (*q != '#' || !close || (nl && close > nl)) { /* not a pragma placeholder */
      hls_strbuf_append(out, t, (size_t)(p + 5 - t));
      t = p + 5;
      continue;
    }
    char name[128], buf[32];
    snprintf(name, sizeof name, "%.*s", (int)(close - p - 5), p + 5);
    const char *rep = replacement(point, name, buf, sizeof buf);
    unsigned col = (unsigned)(p - line_start) + 1;
    if (!rep) {
      hls_diag_add(d, HLS_SEV_ERROR, src->path, line, col,
                   "the design point has no usable value for knob '%s'", name);
      rep = "";
    }
    hls_strbuf_append(out, t, (size_t)(p - t));
    /* "PIPELINE auto{K}" with an empty value: drop the space before it too */
    if (!*rep && out->len && out->text[out->len - 1] == ' ')
      out->text[--out->len] = '\0';
    hls_strbuf_append(out, rep, strlen(rep));
    t = close + 1;
  }
}

static int write_file(const char *path, const char *text, size_t len) {
  FILE *f = strcmp(path, "-") == 0 ? stdout : fopen(path, "wb");
  if (!f)
    return 1;
  int bad = fwrite(text, 1, len, f) != len;
  bad |= f == stdout ? fflush(f) != 0 : fclose(f) != 0;
  return bad;
}

int main(int argc, char **argv) {
  const char *source = NULL, *point_path = NULL, *out_path = "-";
  int rank = 1;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
      out_path = argv[++i];
    else if (strcmp(argv[i], "--rank") == 0 && i + 1 < argc)
      rank = atoi(argv[++i]);
    else if (!source)
      source = argv[i];
    else if (!point_path)
      point_path = argv[i];
  }
  if (!source || !point_path || rank < 1) {
    fprintf(stderr, "usage: hls-rewrite SOURCE POINT.json [--rank N] [-o OUT]\n");
    return 2;
  }
  hls_diags d;
  hls_diags_init(&d);
  hls_source src, pfile;
  hls_point pt = {0};
  int rc = 1;
  if (hls_source_read_file(&src, source)) {
    fprintf(stderr, "%s: error: cannot read\n", source);
    return 1;
  }
  if (hls_source_read_file(&pfile, point_path)) {
    fprintf(stderr, "%s: error: cannot read\n", point_path);
    hls_source_free(&src);
    return 1;
  }
  cJSON *root = cJSON_Parse(pfile.text);
  const cJSON *point = root ? find_point(root, rank, point_path, &d) : NULL;
  if (!root)
    hls_diag_add(&d, HLS_SEV_ERROR, point_path, 0, 0, "malformed JSON");
  else if (point && !cJSON_IsObject(point))
    hls_diag_add(&d, HLS_SEV_ERROR, point_path, 0, 0, "no design point object found");
  else if (point && hls_point_from_json(&pt, point_path, point, pfile.text, &d) == 0) {
    hls_strbuf out = {0};
    hls_strbuf_append(&out, "", 0);
    rewrite(&src, &pt, &out, &d);
    for (size_t i = 0; i < pt.count; i++)
      if (!pt.values[i].used)
        hls_diag_add(&d, HLS_SEV_ERROR, point_path, 0, 0,
                     "knob '%s' has no auto{%s} placeholder in %s", pt.values[i].name,
                     pt.values[i].name, source);
    if (!d.errors) {
      rc = write_file(out_path, out.text, out.len);
      if (rc)
        fprintf(stderr, "%s: error: cannot write\n", out_path);
    }
    hls_strbuf_free(&out);
  }
  hls_point_free(&pt);
  hls_diags_print(&d, stderr);
  if (d.errors)
    rc = 1;
  hls_diags_free(&d);
  cJSON_Delete(root);
  hls_source_free(&src);
  hls_source_free(&pfile);
  return rc;
}
