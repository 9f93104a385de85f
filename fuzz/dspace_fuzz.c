/* The ds_config design-space language (dse/dspace*.c): parsing, evaluation
 * under its budgets, counting and enumeration under a deadline, so that a
 * slow input is a finding only when the budgets fail to bound it. */
#include "dse/dspace.h"
#include "fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  hls_diags d;
  hls_diags_init(&d);
  hls_dspace *s = hls_dspace_parse("fuzz.json", (const char *)data, size, &d);
  if (s) {
    hls_dspace_set_deadline(s, hls_now_seconds() + 0.5);
    uint64_t n;
    hls_dspace_count(s, 1000, &n, NULL);
    hls_dspace_iter *it = hls_dspace_iter_new(s);
    const hls_dspace_value *pt;
    for (int i = 0; i < 100 && hls_dspace_iter_next(it, &pt, NULL) == 1; i++)
      hls_dspace_contains(s, pt, NULL, 0, NULL);
    hls_dspace_iter_free(it);
    char why[256];
    hls_dspace_dead_end(s, why, sizeof why, NULL);
    hls_dspace_free(s);
  }
  hls_diags_free(&d);
  return 0;
}
