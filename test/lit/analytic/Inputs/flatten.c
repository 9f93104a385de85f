/* Row sums: flatten on the outer loop unrolls the inner one into it. */
#pragma ACCEL kernel
void rowsum(const int a[64][16], int s[64]) {
#pragma ACCEL PIPELINE auto{__PIPE__L0}
  for (int i = 0; i < 64; i++) {
    int t = 0;
    for (int j = 0; j < 16; j++)
      t += a[i][j];
    s[i] = t;
  }
}
