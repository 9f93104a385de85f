/* A 2-D stencil with a helper function, three nested loop levels and a
 * literal pragma beside the knobs: more scopes and affected nodes than
 * examples/conv1d.c for the runtime's tests. */
#define H 64
#define W 48

static float clampf(float v, float lo, float hi) { return v < lo ? lo : v > hi ? hi : v; }

#pragma ACCEL kernel
void stencil(const float in[H][W], float out[H][W], const float k[3][3], float *peak) {
  float best = 0.0f;
#pragma ACCEL PIPELINE auto{__PIPE__L0}
#pragma ACCEL TILE FACTOR=auto{__TILE__L0}
  for (int i = 1; i < H - 1; i++) {
#pragma ACCEL PIPELINE auto{__PIPE__L1}
#pragma ACCEL PARALLEL FACTOR=auto{__PARA__L1}
    for (int j = 1; j < W - 1; j++) {
      float acc = 0.0f;
#pragma ACCEL PARALLEL reduction=acc FACTOR=3
      for (int di = 0; di < 3; di++)
        for (int dj = 0; dj < 3; dj++)
          acc += k[di][dj] * in[i + di - 1][j + dj - 1];
      out[i][j] = clampf(acc, -1.0f, 1.0f);
    }
  }
#pragma ACCEL PARALLEL reduction=best FACTOR=auto{__PARA__L2}
  for (int i = 0; i < H; i++)
    best = out[i][W / 2] > best ? out[i][W / 2] : best;
  *peak = best;
}
