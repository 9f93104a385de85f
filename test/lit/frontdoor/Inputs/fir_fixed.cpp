// A transposed-form-free FIR filter with a shift register, in ap_fixed: Vitis style.
#define N 32
#include <ap_fixed.h>

typedef ap_fixed<16, 2> coef_t;
typedef ap_fixed<18, 6> data_t;
typedef ap_fixed<40, 12> acc_t;

static const coef_t taps[N] = {
    -0.0105, -0.0132, -0.0108, 0.0,    0.0189, 0.0425, 0.0652, 0.0812, 0.0870, 0.0812, 0.0652,
    0.0425,  0.0189,  0.0,     -0.0108, -0.0132, -0.0105, -0.0051, 0.0, 0.0037, 0.0051, 0.0041,
    0.0019,  0.0,     -0.0012, -0.0016, -0.0013, -0.0007, 0.0, 0.0003, 0.0004, 0.0002};

void fir(data_t *y, data_t x) {
#pragma HLS top name=fir
  static data_t shift_reg[N];
#pragma HLS array_partition variable=shift_reg complete
  acc_t acc = 0;
shift_mac:
  for (int i = N - 1; i >= 0; i--) {
#pragma HLS unroll factor=8
    if (i == 0) {
      shift_reg[0] = x;
      acc += x * taps[0];
    } else {
      shift_reg[i] = shift_reg[i - 1];
      acc += shift_reg[i] * taps[i];
    }
  }
  *y = acc;
}
