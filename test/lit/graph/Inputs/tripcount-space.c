// A knob on a loop with an unknown bound: loop_tripcount max=8 limits the
// derived design space to unroll factors 1, 2, 4 (a bound is no trip count:
// no full unroll).
void space(int n, float *a, float *b) {
  for (int i = 0; i < n; i++) {
#pragma HLS loop_tripcount max=8
#pragma HLS unroll factor=auto{__PARA__L0}
    a[i] = b[i] * 2;
  }
}
