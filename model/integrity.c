#define _POSIX_C_SOURCE 200809L /* strtok_r */
#include "model/integrity.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Directory part of path ("." when none) into dir[size]; the file name after. */
static const char *split_path(const char *path, char *dir, size_t size) {
  const char *slash = strrchr(path, '/');
  if (!slash) {
    snprintf(dir, size, ".");
    return path;
  }
  snprintf(dir, size, "%.*s", (int)(slash - path), path);
  if (!dir[0])
    snprintf(dir, size, "/");
  return slash + 1;
}

/* The digest recorded for `name` in a SHA256SUMS text: lines "HEX  NAME"
 * (or "HEX *NAME", binary mode).  NULL when it is not listed. */
static const char *recorded(char *text, const char *name, char hex[65]) {
  /* strtok_r: a caller may be in the middle of its own strtok (hls-model bench's model list) */
  char *save = NULL;
  for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
    size_t n = strlen(line);
    if (n && line[n - 1] == '\r')
      line[--n] = '\0';
    if (n < 66 || line[64] != ' ')
      continue;
    const char *file = line + 65;
    if (*file == '*' || *file == ' ')
      file++;
    if (strcmp(file, name) == 0) {
      memcpy(hex, line, 64);
      hex[64] = '\0';
      return hex;
    }
  }
  return NULL;
}

/* Hex digests compare without regard to case. */
static int same_hex(const char *a, const char *b) {
  for (; *a && *b; a++, b++)
    if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
      return 0;
  return *a == *b;
}

int hls_model_check_digest(const char *path, const char *sha256_hex, hls_diags *d) {
  char dir[4096], sums[4200], want[65];
  const char *name = split_path(path, dir, sizeof dir);
  snprintf(sums, sizeof sums, "%s/%s", dir, HLS_MODEL_SUMS);
  size_t len;
  char *text = hls_read_file(sums, &len);
  if (!text)
    return 0; /* no recorded digests here: a user's own model directory */
  const char *hex = recorded(text, name, want);
  int rc = 0;
  if (hex && !same_hex(hex, sha256_hex)) {
    hls_diag_add(d, HLS_SEV_ERROR, path, 0, 0,
                 "model file is corrupt: its SHA-256 is %s, but %s records %s for it "
                 "(download or rebuild it again)",
                 sha256_hex, sums, hex);
    rc = -1;
  }
  free(text);
  return rc;
}
