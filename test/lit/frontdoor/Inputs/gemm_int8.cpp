// Quantised matrix multiply: ap_int<8> operands, ap_int<32> accumulators, one output
// tile kept on chip.  Vitis style (interface, array_partition, pipeline).
#include "ap_int.h"

#define SIZE 16
#define K 64

typedef ap_int<8> q8_t;
typedef ap_int<32> acc_t;

extern "C" void gemm_int8(const q8_t a[SIZE][K], const q8_t b[K][SIZE], ap_int<16> c[SIZE][SIZE], ap_uint<5> shift) {
#pragma HLS interface m_axi port=a bundle=gmem0
#pragma HLS interface m_axi port=b bundle=gmem1
#pragma HLS interface m_axi port=c bundle=gmem0
  acc_t acc[SIZE][SIZE];
#pragma HLS array_partition variable=acc dim=2 complete
rows:
  for (int i = 0; i < SIZE; i++) {
  cols:
    for (int j = 0; j < SIZE; j++) {
      acc[i][j] = 0;
    }
  }
outer:
  for (int k = 0; k < K; k++) {
  row:
    for (int i = 0; i < SIZE; i++) {
#pragma HLS pipeline II=1
    col:
      for (int j = 0; j < SIZE; j++) {
        acc[i][j] += a[i][k] * b[k][j];
      }
    }
  }
requant:
  for (int i = 0; i < SIZE; i++) {
    for (int j = 0; j < SIZE; j++) {
#pragma HLS pipeline II=1
      acc_t v = acc[i][j] >> shift;
      c[i][j] = v > 32767 ? acc_t(32767) : (v < -32768 ? acc_t(-32768) : v);
    }
  }
}
