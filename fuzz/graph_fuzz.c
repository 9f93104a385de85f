/* The graph importer (graph/import_json.c) and, on what it accepts, the
 * design-point encoder (graph/encode.c) with every knob at a default: what
 * the importer lets through must be safe to index with. */
#include "fuzz/fuzz.h"
#include "graph/encode.h"
#include "graph/import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *text = fuzz_text(data, size);
  hls_graph g;
  hls_diags d;
  hls_diags_init(&d);
  if (hls_graph_from_json("fuzz.json", text, &g, &d) == 0) {
    hls_value *point = calloc(g.nknobs + 1, sizeof *point);
    float *out = calloc(g.nscopes * HLS_PRAGMA_DIM + 1, sizeof *out);
    for (size_t k = 0; k < g.nknobs; k++) {
      point[k].is_string = g.knobs[k].kind == HLS_KNOB_PIPELINE;
      point[k].string = "off";
      point[k].integer = 2;
    }
    hls_encode_point(&g, point, out);
    free(point);
    free(out);
    hls_graph_free(&g);
  }
  hls_diags_free(&d);
  free(text);
  return 0;
}
