// hlsmoe test kernel: a 16-tap FIR on ap_int samples with a shift register, the
// shape of the Vitis FIR examples; Inputs/fir_plain.c is the same code on plain C types.
#include "ap_int.h"
typedef ap_int<16> sample_t;
typedef ap_int<16> coef_t;
typedef ap_int<40> acc_t;
#define N 128
#define TAPS 16

void fir(sample_t x[N], const coef_t c[TAPS], acc_t y[N]) {
  sample_t shift[TAPS];
  for (int i = 0; i < TAPS; i++)
    shift[i] = 0;
samples:
  for (int n = 0; n < N; n++) {
#pragma HLS pipeline II=1
    acc_t acc = 0;
  taps:
    for (int k = TAPS - 1; k > 0; k--) {
      shift[k] = shift[k - 1];
      acc += shift[k] * c[k];
    }
    shift[0] = x[n];
    acc += shift[0] * c[0];
    y[n] = acc;
  }
}
