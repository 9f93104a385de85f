/* hls-dspace: count, list and check AutoDSE design spaces (ds_config files).
 *
 *   hls-dspace count FILE.json [--cap N]       number of points
 *   hls-dspace list  FILE.json [--limit N]     points as JSON, one per line
 *   hls-dspace check FILE.json POINTS.jsonl    are labelled points inside?
 *   hls-dspace knobs FILE.json                 knobs, dependencies, orders
 *
 * Exit status: 0 success, 1 `check` found points outside the space, 2 usage,
 * file or evaluation errors (reported on stderr). */
#include <cJSON.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/diag.h"
#include "dse/dspace.h"

enum { EXIT_OUTSIDE = 1, EXIT_ERROR = 2, SHOW_OUTSIDE = 5 };

static int usage(void) {
  fputs("usage: hls-dspace count FILE.json [--cap N] [--seconds S]\n"
        "       hls-dspace list FILE.json [--limit N] [--seconds S]\n"
        "       hls-dspace check FILE.json POINTS.jsonl\n"
        "       hls-dspace knobs FILE.json\n",
        stderr);
  return EXIT_ERROR;
}

/* "file:line: error: message", the line omitted when unknown. */
/* Parses a non-negative decimal count; 0 on success. */
static int parse_count(const char *s, uint64_t *out) {
  if (!s || *s < '0' || *s > '9')
    return -1;
  char *end;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 10);
  if (errno || *end)
    return -1;
  *out = v;
  return 0;
}

/* Parses "--NAME N" at argv[i] if present (i is advanced); -1 on misuse. */
static int option_count(int argc, char **argv, int *i, const char *name, uint64_t *out) {
  if (strcmp(argv[*i], name) != 0)
    return 0;
  if (*i + 1 >= argc || parse_count(argv[*i + 1], out) < 0) {
    fprintf(stderr, "hls-dspace: %s expects a non-negative integer\n", name);
    return -1;
  }
  *i += 2;
  return 1;
}

static void print_json_string(FILE *f, const char *s) {
  fputc('"', f);
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p == '"' || *p == '\\')
      fprintf(f, "\\%c", *p);
    else if (*p < 0x20)
      fprintf(f, "\\u%04x", *p);
    else
      fputc(*p, f);
  }
  fputc('"', f);
}

/* The dataset's point format: keys in knob (sorted) order. */
static void print_point(FILE *f, const hls_dspace *s, const hls_dspace_value *pt) {
  fputc('{', f);
  for (size_t k = 0; k < hls_dspace_knob_count(s); k++) {
    if (k)
      fputs(", ", f);
    print_json_string(f, hls_dspace_knob_name(s, k));
    fputs(": ", f);
    if (pt[k].is_string)
      print_json_string(f, pt[k].string);
    else
      fprintf(f, "%" PRId64, pt[k].integer);
  }
  fputs("}\n", f);
}

static int cmd_count(const hls_dspace *s, uint64_t cap, hls_diags *d) {
  uint64_t n;
  int rc = hls_dspace_count(s, cap, &n, d);
  if (rc == HLS_DSPACE_TIMEOUT) {
    fprintf(stderr, "%s: error: counting stopped at the time limit (--seconds) %s\n",
            hls_dspace_path(s), n ? "after finding a point" : "without finding a point");
    return EXIT_ERROR;
  }
  if (rc < 0)
    return EXIT_ERROR;
  printf("%s%" PRIu64 "\n", rc ? ">=" : "", n);
  return 0;
}

static int cmd_list(const hls_dspace *s, uint64_t limit, int has_limit, hls_diags *d) {
  hls_dspace_iter *it = hls_dspace_iter_new(s);
  const hls_dspace_value *pt;
  uint64_t shown = 0;
  int rc = 0;
  while ((!has_limit || shown < limit) && (rc = hls_dspace_iter_next(it, &pt, d)) == 1) {
    print_point(stdout, s, pt);
    shown++;
  }
  hls_dspace_iter_free(it);
  if (rc == HLS_DSPACE_TIMEOUT)
    fprintf(stderr, "%s: error: listing stopped at the time limit (--seconds)\n",
            hls_dspace_path(s));
  return rc < 0 ? EXIT_ERROR : 0;
}

static void print_values(const hls_dspace_value *v, size_t n) {
  char buf[256];
  putchar('[');
  for (size_t i = 0; i < n; i++) {
    hls_dspace_value_format(v[i], buf, sizeof buf);
    printf("%s%s", i ? ", " : "", buf);
  }
  putchar(']');
}

/* Options and ranks are shown for knobs that depend on no other knob. */
static int describe_knob(const hls_dspace *s, size_t k, hls_diags *d) {
  char buf[256];
  size_t ndeps;
  const size_t *deps = hls_dspace_knob_deps(s, k, &ndeps);
  hls_dspace_value_format(hls_dspace_knob_default(s, k), buf, sizeof buf);
  printf("%s: %s, default %s", hls_dspace_knob_name(s, k),
         hls_dspace_type_name(hls_dspace_knob_type(s, k)), buf);
  for (size_t i = 0; i < ndeps; i++)
    printf("%s%s", i ? ", " : ", depends on ", hls_dspace_knob_name(s, deps[i]));
  if (ndeps == 0) {
    hls_dspace_value *opts;
    size_t n;
    if (hls_dspace_options(s, k, NULL, &opts, &n, d) < 0)
      return -1;
    printf(", options ");
    print_values(opts, n);
    int rc = 0;
    if (hls_dspace_knob_has_order(s, k)) {
      printf(", order [");
      for (size_t i = 0; i < n && rc == 0; i++) {
        int64_t rank;
        rc = hls_dspace_order(s, k, opts[i], &rank, d);
        if (rc == 0)
          printf("%s%" PRId64, i ? ", " : "", rank);
      }
      putchar(']');
    }
    free(opts);
    if (rc < 0)
      return -1;
  }
  putchar('\n');
  return 0;
}

static int cmd_knobs(const hls_dspace *s, hls_diags *d) {
  size_t n = hls_dspace_knob_count(s);
  const size_t *order = hls_dspace_assign_order(s);
  printf("assignment order:");
  for (size_t i = 0; i < n; i++)
    printf(" %s", hls_dspace_knob_name(s, order[i]));
  putchar('\n');
  for (size_t k = 0; k < n; k++)
    if (describe_knob(s, k, d) < 0)
      return EXIT_ERROR;
  return 0;
}

/* Whole file into memory; NULL after an error message. */
static char *slurp(const char *path, size_t *len) {
  char *buf = hls_read_file(path, len);
  if (!buf)
    fprintf(stderr, "%s: error: %s: %s\n", path, errno == EISDIR ? "cannot read" : "cannot open",
            strerror(errno));
  return buf;
}

typedef struct {
  const hls_dspace *s;
  const char *path;
  hls_dspace_value *point;
  uint64_t inside, outside;
} checker;

/* One JSON line: 0 inside, 1 outside, -1 error (reported). */
static int check_line(checker *c, const char *text, size_t len, unsigned lineno, hls_diags *d) {
  char why[512];
  cJSON *obj = cJSON_ParseWithLength(text, len);
  const cJSON *pt = obj ? cJSON_GetObjectItemCaseSensitive(obj, "point") : NULL;
  if (!pt) {
    fprintf(stderr, "%s:%u: error: %s\n", c->path, lineno,
            obj ? "no \"point\" member" : "malformed JSON");
    cJSON_Delete(obj);
    return -1;
  }
  int rc = hls_dspace_point_from_json(c->s, pt, c->point, why, sizeof why) ? 0
           : hls_dspace_contains(c->s, c->point, why, sizeof why, d);
  cJSON_Delete(obj);
  if (rc < 0) {
    fprintf(stderr, "%s:%u: error: the space cannot be evaluated at this point\n", c->path,
            lineno);
    return -1;
  }
  if (rc == 1) {
    c->inside++;
    return 0;
  }
  if (c->outside++ < SHOW_OUTSIDE)
    printf("%s:%u: outside: %s\n", c->path, lineno, why);
  return 1;
}

static int cmd_check(const hls_dspace *s, const char *path, hls_diags *d) {
  size_t len;
  char *text = slurp(path, &len);
  if (!text)
    return EXIT_ERROR;
  checker c = {s, path, NULL, 0, 0};
  c.point = hls_xcalloc(hls_dspace_knob_count(s) + 1, sizeof *c.point);
  int failed = 0;
  unsigned lineno = 0;
  for (size_t i = 0; i < len && !failed;) {
    size_t j = i;
    while (j < len && text[j] != '\n')
      j++;
    lineno++;
    size_t k = i;
    while (k < j && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r'))
      k++;
    if (k < j && check_line(&c, text + i, j - i, lineno, d) < 0)
      failed = 1;
    i = j + 1;
  }
  free(c.point);
  free(text);
  if (failed)
    return EXIT_ERROR;
  if (c.outside > SHOW_OUTSIDE)
    printf("... and %" PRIu64 " more outside\n", c.outside - SHOW_OUTSIDE);
  printf("%" PRIu64 " points: %" PRIu64 " inside, %" PRIu64 " outside\n", c.inside + c.outside,
         c.inside, c.outside);
  return c.outside ? EXIT_OUTSIDE : 0;
}

/* Dispatches after the space is loaded; argv[3..] are command arguments. */
static int run(const char *cmd, const hls_dspace *s, int argc, char **argv, hls_diags *d) {
  uint64_t num = 0;
  int has_num = 0;
  if (strcmp(cmd, "check") == 0)
    return argc == 4 ? cmd_check(s, argv[3], d) : usage();
  for (int i = 3; i < argc;) {
    int r = option_count(argc, argv, &i, strcmp(cmd, "list") == 0 ? "--limit" : "--cap", &num);
    if (r <= 0 || strcmp(cmd, "knobs") == 0)
      return r < 0 ? EXIT_ERROR : usage();
    has_num = 1;
  }
  if (strcmp(cmd, "count") == 0)
    return cmd_count(s, num, d);
  if (strcmp(cmd, "list") == 0)
    return cmd_list(s, num, has_num, d);
  return cmd_knobs(s, d);
}

/* Takes "--seconds S" out of argv (count, list): a deadline for walks that
 * could take forever (10^12 dead-end prefixes).  -1 on a bad value. */
static int take_seconds(int *argc, char **argv, double *seconds) {
  for (int i = 3; i < *argc; i++) {
    if (strcmp(argv[i], "--seconds") != 0)
      continue;
    char *end = NULL;
    *seconds = i + 1 < *argc ? strtod(argv[i + 1], &end) : 0;
    if (!end || *end || !(*seconds > 0) || *seconds > 1e9)
      return -1;
    for (int j = i; j + 2 <= *argc; j++)
      argv[j] = argv[j + 2];
    *argc -= 2;
    return 0;
  }
  return 0;
}

int main(int argc, char **argv) {
  double seconds = 0;
  if (argc < 3 || take_seconds(&argc, argv, &seconds))
    return usage();
  const char *cmd = argv[1];
  if (strcmp(cmd, "count") && strcmp(cmd, "list") && strcmp(cmd, "check") &&
      strcmp(cmd, "knobs"))
    return usage();
  hls_diags d;
  hls_diags_init(&d);
  hls_dspace *s = hls_dspace_load(argv[2], &d);
  if (s && seconds > 0)
    hls_dspace_set_deadline(s, hls_now_seconds() + seconds);
  int rc = s ? run(cmd, s, argc, argv, &d) : EXIT_ERROR;
  fflush(stdout);
  hls_diags_print(&d, stderr);
  if (rc == 0 && d.errors)
    rc = EXIT_ERROR;
  hls_diags_free(&d);
  hls_dspace_free(s);
  return rc;
}
