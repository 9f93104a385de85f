/* A sliding median-of-TAPS filter by insertion into a sorted window; it needs
 * the -I and -D its build recorded in compile_commands.json. */
#include "filter_cfg.h"

#define LEN 1024

void median(const pixel_t in[LEN], pixel_t out[LEN]) {
  pixel_t win[TAPS];
  for (int t = 0; t < TAPS; t++)
    win[t] = 0;
  for (int i = 0; i < LEN; i++) {
#pragma HLS pipeline II=2
    pixel_t sorted[TAPS];
    win[i % TAPS] = in[i];
    for (int t = 0; t < TAPS; t++) {
#pragma HLS unroll
      sorted[t] = win[t];
    }
    for (int a = 1; a < TAPS; a++) {
#pragma HLS unroll
      for (int b = a; b > 0 && sorted[b - 1] > sorted[b]; b--) {
        pixel_t s = sorted[b];
        sorted[b] = sorted[b - 1];
        sorted[b - 1] = s;
      }
    }
    out[i] = sorted[TAPS / 2];
  }
}
