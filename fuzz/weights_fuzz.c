/* The safetensors weight reader (model/weights.c), which reads a path: the
 * input goes to a file of this process's own first. */
#include <stdio.h>
#include <unistd.h>

#include "fuzz/fuzz.h"
#include "model/weights.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static char path[64];
  if (!path[0])
    snprintf(path, sizeof path, "/tmp/hlsmoe-fuzz-weights-%ld.safetensors", (long)getpid());
  FILE *f = fopen(path, "wb");
  if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
    abort();
  hls_weights w;
  hls_diags d;
  hls_diags_init(&d);
  if (hls_weights_load(path, &w, &d) == 0)
    hls_weights_free(&w);
  hls_diags_free(&d);
  return 0;
}
