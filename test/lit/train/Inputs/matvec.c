/* A small kernel of the project's own for training tests: y = A x + b, then a scaled copy. */
#define R 48
#define C 96

#pragma ACCEL kernel
void matvec(const float a[R][C], const float x[C], const float b[R], float y[R], float z[R]) {
#pragma ACCEL PIPELINE auto{__PIPE__L0}
#pragma ACCEL TILE FACTOR=auto{__TILE__L0}
  for (int i = 0; i < R; i++) {
    float acc = b[i];
#pragma ACCEL PARALLEL reduction=acc FACTOR=auto{__PARA__L1}
    for (int j = 0; j < C; j++)
      acc += a[i][j] * x[j];
    y[i] = acc;
  }
#pragma ACCEL PARALLEL FACTOR=auto{__PARA__L2}
  for (int i = 0; i < R; i++)
    z[i] = 0.5f * y[i];
}
