/* vitis_mac.c with a design written out: the same loops, the pragmas in
 * place (same-design.test compares it with vitis_mac.c and a design point). */
#define ROWS 16
#define COLS 32

void vitis_mac(const int a[ROWS][COLS], const int x[COLS], int y[ROWS], int scale) {
  int buf[COLS];
copy:
  for (int j = 0; j < COLS; j++) {
#pragma HLS pipeline off
#pragma HLS unroll factor=4
    buf[j] = x[j] * scale;
  }
rows:
  for (int i = 0; i < ROWS; i++) {
#pragma HLS pipeline II=1
    int acc = 0;
  cols:
    for (int j = 0; j < COLS; j++) {
#pragma HLS unroll
      acc += a[i][j] * buf[j];
    }
    y[i] = acc;
  }
}
