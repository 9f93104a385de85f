// Pragma values written as macros and constants, as kernels often do.  Known gap:
// hlsmoe does not resolve them yet.
#include "ap_int.h"

#define SIZE 256
#define UF 4
const int MAXLEN = 512;

extern "C" void vsum(const ap_int<16> in[SIZE], ap_int<24> *out, int n) {
  ap_int<24> acc = 0;
  for (int i = 0; i < n; i++) {
#pragma HLS loop_tripcount min=1 max=SIZE
#pragma HLS unroll factor=UF
    acc += in[i];
  }
  *out = acc;
}
