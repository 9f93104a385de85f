/* A Merlin-style kernel written for the every-loop tests: literal ACCEL
 * pragmas, no auto{}; a 1-D three-point stencil over rows. */
#define N 64
#define M 16

#pragma ACCEL kernel
void merlin_stencil(const float in[M][N], float out[M][N]) {
#pragma ACCEL PIPELINE off
  for (int r = 0; r < M; r++) {
    for (int c = 1; c < N - 1; c++) {
      out[r][c] = 0.25f * in[r][c - 1] + 0.5f * in[r][c] + 0.25f * in[r][c + 1];
    }
  }
}
