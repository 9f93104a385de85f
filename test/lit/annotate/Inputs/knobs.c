#pragma ACCEL kernel
void knobs(double a[100][50], double s[100]) {
#pragma ACCEL PIPELINE auto{__PIPE__L0}
#pragma ACCEL TILE FACTOR=auto{__TILE__L0}
  for (int i = 0; i < 100; i++) {
#pragma ACCEL PARALLEL reduction=s FACTOR=auto{__PARA__L1}
    for (int j = 0; j < 50; j++)
      s[i] += a[i][j];
  }
}
