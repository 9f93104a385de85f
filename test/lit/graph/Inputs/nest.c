#include <math.h>

static float scale(float v) { return v * 0.5f; }

#pragma ACCEL kernel
void nest(float a[16][32], float out[16]) {
#pragma ACCEL PIPELINE auto{__PIPE__L0}
  for (int i = 0; i < 16; i++) {
    float s = 0;
#pragma ACCEL PARALLEL reduction=s FACTOR=auto{__PARA__L1}
    for (int j = 0; j < 32; j++)
      s += scale(a[i][j]);
#pragma ACCEL TILE FACTOR=2
    for (int j = 0; j < 32; j += 2)
      a[i][j] = 0;
    out[i] = sqrtf(s);
  }
}
