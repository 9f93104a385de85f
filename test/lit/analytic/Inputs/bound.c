/* Loop nests whose latency lower bound is known by hand (docs/analytic.md,
 * "Lower bound"): the inner loop over j counts (400 iterations), the one over
 * k does not (a nest of 8: the flow may unroll it into the pipeline of the
 * loop over i), nor the one under `if` (a branch bypasses it), nor the last
 * (at most 127 iterations, maybe none). */
#pragma ACCEL kernel
void bound(float A[100][400], float B[100][8], float c[100], int n, int flag) {
#pragma ACCEL PIPELINE auto{__PIPE__L0}
#pragma ACCEL PARALLEL FACTOR=auto{__PARA__L0}
  for (int i = 0; i < 100; i++) {
#pragma ACCEL PARALLEL FACTOR=auto{__PARA__L1}
    for (int j = 0; j < 400; j++)
      A[i][j] = A[i][j] * 2;
    for (int k = 0; k < 8; k++)
      B[i][k] += 1;
    if (flag)
      for (int j = 0; j < 100; j++)
        A[i][j] += 1;
  }
  for (int m = 0; m < (n & 127); m++)
    c[m] = 0;
}
