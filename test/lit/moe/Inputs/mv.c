#pragma ACCEL kernel
void mv(float A[64][16], float x[16], float y[64]) {
#pragma ACCEL PIPELINE auto{__PIPE__L0}
  for (int i = 0; i < 64; i++) {
    float s = 0;
#pragma ACCEL PARALLEL reduction=s FACTOR=auto{__PARA__L1}
    for (int j = 0; j < 16; j++)
      s += A[i][j] * x[j];
    y[i] = s;
  }
}
