// A saturating vector scale with its C testbench main() in the same file, as
// Vitis HLS projects often have for C simulation.
#include <ap_int.h>
#include <stdio.h>

#define LEN 128

void vscale(const ap_int<12> in[LEN], ap_int<12> out[LEN], ap_int<6> gain) {
scale:
  for (int i = 0; i < LEN; i++) {
#pragma HLS pipeline II=1
    ap_int<18> p = in[i] * gain;
    out[i] = p > 2047 ? ap_int<18>(2047) : (p < -2048 ? ap_int<18>(-2048) : p);
  }
}

int main() {
  ap_int<12> in[LEN], out[LEN];
  for (int i = 0; i < LEN; i++)
    in[i] = i * 31 - 2000;
  vscale(in, out, -3);
  int errors = 0;
  for (int i = 0; i < LEN; i++) {
    int want = (i * 31 - 2000) * -3;
    want = want > 2047 ? 2047 : (want < -2048 ? -2048 : want);
    if (out[i] != want)
      errors++;
  }
  printf("%d errors\n", errors);
  return errors != 0;
}
