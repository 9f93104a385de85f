/* A 3x3 stencil over a 2-D grid with Merlin pragmas and auto{} knobs
 * (MachSuite stencil2d shape, AutoDSE-style placeholders). */
#define ROWS 128
#define COLS 64

#pragma ACCEL kernel
void stencil2d(const int orig[ROWS * COLS], int sol[ROWS * COLS], const int filter[9]) {
#pragma ACCEL PIPELINE auto{__PIPE__L0}
#pragma ACCEL TILE FACTOR=auto{__TILE__L0}
  for (int r = 0; r < ROWS - 2; r++) {
#pragma ACCEL PIPELINE auto{__PIPE__L1}
#pragma ACCEL TILE FACTOR=auto{__TILE__L1}
    for (int c = 0; c < COLS - 2; c++) {
      int acc = 0;
#pragma ACCEL PARALLEL FACTOR=auto{__PARA__L2}
      for (int k1 = 0; k1 < 3; k1++) {
#pragma ACCEL PARALLEL FACTOR=auto{__PARA__L3}
        for (int k2 = 0; k2 < 3; k2++) {
          acc += filter[k1 * 3 + k2] * orig[(r + k1) * COLS + c + k2];
        }
      }
      sol[r * COLS + c] = acc;
    }
  }
}
