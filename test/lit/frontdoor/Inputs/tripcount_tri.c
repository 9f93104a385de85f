/* Triangular solve with a run-time size: both loop bounds depend on arguments, so
 * loop_tripcount gives the tool the expected counts.  Vitis style, plain C. */
#define MAXN 256

void trisolve(const float L[MAXN][MAXN], const float b[MAXN], float x[MAXN], int n) {
#pragma HLS top name=trisolve
row_loop:
  for (int i = 0; i < n; i++) {
#pragma HLS loop_tripcount min=8 max=256 avg=128
    float sum = b[i];
  col_loop:
    for (int j = 0; j < i; j++) {
#pragma HLS loop_tripcount min=0 max=255 avg=64
#pragma HLS pipeline II=4
      sum -= L[i][j] * x[j];
    }
    x[i] = sum / L[i][i];
  }
}
