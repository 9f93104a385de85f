/* A small kernel of the project's own for training tests: a 3x3 box blur with integer arithmetic. */
#define H 40
#define W 64

#pragma ACCEL kernel
void blur(const int in[H][W], int out[H][W]) {
#pragma ACCEL PIPELINE auto{__PIPE__L0}
  for (int r = 1; r < H - 1; r++) {
#pragma ACCEL PIPELINE auto{__PIPE__L1}
#pragma ACCEL PARALLEL FACTOR=auto{__PARA__L1}
    for (int c = 1; c < W - 1; c++) {
      int s = 0;
      for (int dr = -1; dr <= 1; dr++)
        for (int dc = -1; dc <= 1; dc++)
          s += in[r + dr][c + dc];
      out[r][c] = s / 9;
    }
  }
}
