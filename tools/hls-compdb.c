/* hls-compdb: the compile command a build system recorded for a file, as
 * clang tools read compile_commands.json (the JSON compilation database).
 *
 *   hls-compdb COMPILE_COMMANDS.json FILE
 *
 * Prints, NUL-separated, the entry's directory and then the flags of its
 * command without the compiler, the source file, -c and -o OUT (the front
 * door compiles to IR itself).  No output when no entry names FILE.  Exit 1
 * with a message when the database cannot be read. */
#define _XOPEN_SOURCE 700 /* realpath */
#include <cJSON.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/diag.h"
#include "support/strbuf.h"

/* Splits a shell command line into words (quotes and backslashes as a POSIX
 * shell treats them; no expansion).  Returns the number of words. */
static size_t split_command(const char *cmd, char ***out) {
  size_t n = 0;
  char **words = NULL;
  const char *p = cmd;
  for (;;) {
    while (*p == ' ' || *p == '\t' || *p == '\n')
      p++;
    if (!*p)
      break;
    hls_strbuf w = {0};
    hls_strbuf_append(&w, "", 0);
    char quote = 0;
    for (; *p && (quote || (*p != ' ' && *p != '\t' && *p != '\n')); p++) {
      if (quote == '\'' && *p == '\'')
        quote = 0;
      else if (quote == '"' && *p == '"')
        quote = 0;
      else if (!quote && (*p == '\'' || *p == '"'))
        quote = *p;
      else if (*p == '\\' && quote != '\'' && p[1])
        hls_strbuf_append(&w, ++p, 1);
      else
        hls_strbuf_append(&w, p, 1);
    }
    words = hls_xrealloc(words, (n + 1) * sizeof *words);
    words[n++] = w.text;
  }
  *out = words;
  return n;
}

/* FILE of an entry, resolved against its directory, as a real path. */
static int same_file(const char *dir, const char *file, const char *wanted) {
  char joined[PATH_MAX], real[PATH_MAX];
  if (file[0] == '/' || !dir)
    snprintf(joined, sizeof joined, "%s", file);
  else
    snprintf(joined, sizeof joined, "%s/%s", dir, file);
  return realpath(joined, real) && strcmp(real, wanted) == 0;
}

static void print_flags(const char *dir, char **words, size_t n, const char *file) {
  fwrite(dir, 1, strlen(dir) + 1, stdout);
  for (size_t i = 1; i < n; i++) { /* words[0] is the compiler */
    if (strcmp(words[i], "-c") == 0 || strcmp(words[i], file) == 0)
      continue;
    if (strcmp(words[i], "-o") == 0) {
      i++;
      continue;
    }
    if (strncmp(words[i], "-o", 2) == 0)
      continue;
    fwrite(words[i], 1, strlen(words[i]) + 1, stdout);
  }
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: hls-compdb COMPILE_COMMANDS.json FILE\n");
    return 2;
  }
  char wanted[PATH_MAX];
  if (!realpath(argv[2], wanted)) {
    fprintf(stderr, "%s: error: no such file\n", argv[2]);
    return 1;
  }
  size_t len;
  char *text = hls_read_file(argv[1], &len);
  cJSON *db = text ? cJSON_Parse(text) : NULL;
  free(text);
  if (!cJSON_IsArray(db)) {
    fprintf(stderr, "%s: error: not a compilation database (a JSON array of commands)\n", argv[1]);
    cJSON_Delete(db);
    return 1;
  }
  const cJSON *entry;
  cJSON_ArrayForEach(entry, db) {
    const char *dir = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(entry, "directory"));
    const char *file = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(entry, "file"));
    if (!file || !same_file(dir, file, wanted))
      continue;
    char **words = NULL;
    size_t n = 0;
    const cJSON *args = cJSON_GetObjectItemCaseSensitive(entry, "arguments");
    const char *command = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(entry, "command"));
    if (cJSON_IsArray(args)) {
      const cJSON *a;
      cJSON_ArrayForEach(a, args) {
        words = hls_xrealloc(words, (n + 1) * sizeof *words);
        words[n++] = hls_xstrdup(cJSON_IsString(a) ? a->valuestring : "");
      }
    } else if (command) {
      n = split_command(command, &words);
    }
    print_flags(dir ? dir : ".", words, n, file);
    for (size_t i = 0; i < n; i++)
      free(words[i]);
    free(words);
    break;
  }
  cJSON_Delete(db);
  return 0;
}
