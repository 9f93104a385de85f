/* hls-digest sha256|md5 FILE...: the digests hlsmoe computes itself
 * (support/sha256.c, support/md5.c), printed as sha256sum and md5sum print
 * them ("HEX  FILE"), "-" for standard input.  For recording shipped models
 * (model/weights/SHA256SUMS) and for the digests' tests. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/diag.h"
#include "support/md5.h"
#include "support/sha256.h"

static char *read_stdin(size_t *len) {
  size_t cap = 1 << 16, n = 0, got;
  char *buf = hls_xmalloc(cap);
  while ((got = fread(buf + n, 1, cap - n, stdin)) > 0)
    if ((n += got) == cap)
      buf = hls_xrealloc(buf, cap *= 2);
  *len = n;
  return buf;
}

int main(int argc, char **argv) {
  int sha = argc >= 3 && strcmp(argv[1], "sha256") == 0;
  if (argc < 3 || (!sha && strcmp(argv[1], "md5") != 0)) {
    fputs("usage: hls-digest sha256|md5 FILE...\n", stderr);
    return 2;
  }
  int rc = 0;
  for (int i = 2; i < argc; i++) {
    size_t len;
    char *text = strcmp(argv[i], "-") == 0 ? read_stdin(&len) : hls_read_file(argv[i], &len);
    if (!text) {
      perror(argv[i]);
      rc = 1;
      continue;
    }
    char hex[65];
    if (sha)
      hls_sha256_hex(text, len, hex);
    else
      hls_md5_hex(text, len, hex);
    printf("%s  %s\n", hex, argv[i]);
    free(text);
  }
  return rc;
}
