/* A Vitis-style kernel written for the every-loop tests: a scaled
 * multiply-accumulate over a small matrix, one loop with pragmas, one with
 * none, one nest. */
#define ROWS 16
#define COLS 32

void vitis_mac(const int a[ROWS][COLS], const int x[COLS], int y[ROWS], int scale) {
  int buf[COLS];
copy:
  for (int j = 0; j < COLS; j++) {
#pragma HLS pipeline II=2
    buf[j] = x[j] * scale;
  }
rows:
  for (int i = 0; i < ROWS; i++) {
    int acc = 0;
  cols:
    for (int j = 0; j < COLS; j++)
      acc += a[i][j] * buf[j];
    y[i] = acc;
  }
}
