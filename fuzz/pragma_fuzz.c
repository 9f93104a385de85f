/* The pragma scanner and parser (pragma/source.c, pragma/pragma.c) on a
 * whole source file: line classification, continuations, comments, #if 0,
 * every dialect's pragmas; and the loop labels read back from any position
 * (pragma/label.c), lines and columns past the end included. */
#include "fuzz/fuzz.h"
#include "pragma/label.h"
#include "pragma/source.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  hls_source s;
  hls_diags d;
  hls_diags_init(&d);
  hls_source_init(&s, "fuzz.c", (const char *)data, size);
  hls_source_scan(&s, NULL, &d);
  /* Labels where loops start, on code lines (a walk up from one ends at the
   * code line above, so this stays linear), and outside the text. */
  char label[16];
  for (unsigned col = 0; col < 12; col += 3) {
    hls_source_label(&s, 0, col, label, sizeof label);
    hls_source_label(&s, s.nlines + 1, col, label, sizeof label);
  }
  for (unsigned line = hls_source_next_code_line(&s, 0); line;
       line = hls_source_next_code_line(&s, line))
    for (unsigned col = 0; col < 12; col += 3)
      hls_source_label(&s, line, col, label, sizeof label);
  hls_source_free(&s);
  hls_diags_free(&d);
  return 0;
}
