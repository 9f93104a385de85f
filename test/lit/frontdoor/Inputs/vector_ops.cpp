// hls::vector element-wise arithmetic: the kernel has one loop of its own; the
// element loops live in hls_vector.h and are not the user's (header-loops.test).
#include "hls_vector.h"

#define LANES 8
typedef hls::vector<float, LANES> vec_t;

extern "C" void vaxpy(const vec_t *x, vec_t *y, float a, int n) {
  for (int i = 0; i < n; i++) {
#pragma HLS loop_tripcount min=1 max=128
#pragma HLS pipeline II=1
    y[i] = x[i] * a + y[i];
  }
}
