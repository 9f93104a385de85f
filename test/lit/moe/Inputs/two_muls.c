/* Two element-wise product loops, each fully parallel as written (pipeline
 * off, unroll by 128): together over the DSP limit near-feasible.test sets,
 * and so is every design that changes one loop alone. */
void two_muls(const int a[256], const int b[256], int c[256], int d[256]) {
#pragma HLS array_partition variable=a complete
#pragma HLS array_partition variable=b complete
#pragma HLS array_partition variable=c complete
#pragma HLS array_partition variable=d complete
  for (int i = 0; i < 256; i++) {
#pragma HLS pipeline off
#pragma HLS unroll factor=128
    c[i] = a[i] * b[i] * a[i];
  }
  for (int j = 0; j < 256; j++) {
#pragma HLS pipeline off
#pragma HLS unroll factor=128
    d[j] = b[j] * b[j] * a[j];
  }
}
