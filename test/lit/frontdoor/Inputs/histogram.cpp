// A 12-bit histogram with a forwarding register for back-to-back equal bins, the
// classic read-modify-write dependence; Vitis style.
#include <ap_int.h>

#define PIXELS 65536
#define BINS 4096

void hist(const ap_uint<12> in[PIXELS], ap_uint<20> bins[BINS]) {
  ap_uint<20> acc = 0;
  ap_uint<12> old = 0;
init:
  for (int b = 0; b < BINS; b++) {
#pragma HLS pipeline II=1
    bins[b] = 0;
  }
count:
  for (int i = 0; i < PIXELS; i++) {
#pragma HLS pipeline II=1
#pragma HLS dependence variable=bins inter false
    ap_uint<12> v = in[i];
    if (v == old) {
      acc++;
    } else {
      bins[old] = acc;
      acc = bins[v] + 1;
      old = v;
    }
  }
  bins[old] = acc;
}
