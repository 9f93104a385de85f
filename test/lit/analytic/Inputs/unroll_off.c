/* Not pipelined, unrolled by 32 (unroll.test): the copies' loads of the
 * argument array a take turns on its two ports. */
void scale_off(const int a[256], int b[256]) {
  for (int i = 0; i < 256; i++) {
#pragma HLS pipeline off
#pragma HLS unroll factor=32
    b[i] = a[i] * 3;
  }
}
