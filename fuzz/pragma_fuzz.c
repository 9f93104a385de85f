/* The pragma scanner and parser (pragma/source.c, pragma/pragma.c) on a
 * whole source file: line classification, continuations, comments, #if 0,
 * every dialect's pragmas. */
#include "fuzz/fuzz.h"
#include "pragma/source.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  hls_source s;
  hls_diags d;
  hls_diags_init(&d);
  hls_source_init(&s, "fuzz.c", (const char *)data, size);
  hls_source_scan(&s, NULL, &d);
  for (unsigned line = hls_source_next_code_line(&s, 0); line;
       line = hls_source_next_code_line(&s, line))
    ;
  hls_source_free(&s);
  hls_diags_free(&d);
  return 0;
}
