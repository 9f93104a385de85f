/* A matrix-vector product on local buffers whose row loop is unrolled by 4
 * around the pipelined loop over the columns. */
#define R 64
#define C 128

void mv_rows4(const float a[R][C], const float x[C], float y[R]) {
  float ab[R][C], xb[C];
  for (int i = 0; i < R; i++)
    for (int j = 0; j < C; j++)
      ab[i][j] = a[i][j];
  for (int j = 0; j < C; j++)
    xb[j] = x[j];
rows:
  for (int i = 0; i < R; i++) {
#pragma HLS unroll factor=4
    float s = 0;
  cols:
    for (int j = 0; j < C; j++)
      s += ab[i][j] * xb[j];
    y[i] = s;
  }
}
