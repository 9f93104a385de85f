/* Rows of eight taps, the taps fully unrolled and no pragma on the rows: once
 * its only inner loop is unrolled, rows is the innermost loop. */
void taps_unrolled(const int a[64][8], const int w[8], int out[64]) {
rows:
  for (int i = 0; i < 64; i++) {
    int s = 0;
  taps:
    for (int k = 0; k < 8; k++) {
#pragma HLS unroll
      s += a[i][k] * w[k];
    }
    out[i] = s;
  }
}

/* The same with taps unrolled by half: rows keeps an inner loop. */
void taps_half(const int a[64][8], const int w[8], int out[64]) {
rows:
  for (int i = 0; i < 64; i++) {
    int s = 0;
  taps:
    for (int k = 0; k < 8; k++) {
#pragma HLS unroll factor=4
      s += a[i][k] * w[k];
    }
    out[i] = s;
  }
}
