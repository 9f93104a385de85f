/* The design-point parser (dse/point.c): JSON, key positions, repeats. */
#include "dse/point.h"
#include "fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *text = fuzz_text(data, size);
  hls_point pt;
  hls_diags d;
  hls_diags_init(&d);
  hls_point_parse(&pt, "fuzz.json", text, &d);
  for (size_t i = 0; i < pt.count; i++)
    hls_point_find(&pt, pt.values[i].name);
  hls_point_free(&pt);
  hls_diags_free(&d);
  free(text);
  return 0;
}
