/* A 3x3 convolution over a 32x32 image, the image and the taps behind
 * pointer arguments. */
#define H 32
#define W 32

void conv3(const int in[H + 2][W + 2], const int k[3][3], int out[H][W]) {
rows:
  for (int i = 0; i < H; i++) {
  cols:
    for (int j = 0; j < W; j++) {
      int s = 0;
    ty:
      for (int y = 0; y < 3; y++)
      tx:
        for (int x = 0; x < 3; x++)
          s += in[i + y][j + x] * k[y][x];
      out[i][j] = s;
    }
  }
}

/* The same with two rows side by side, each a pipeline over the columns. */
void conv3_rows2(const int in[H + 2][W + 2], const int k[3][3], int out[H][W]) {
rows:
  for (int i = 0; i < H; i++) {
#pragma HLS unroll factor=2
  cols:
    for (int j = 0; j < W; j++) {
#pragma HLS pipeline II=1
      int s = 0;
    ty:
      for (int y = 0; y < 3; y++)
      tx:
        for (int x = 0; x < 3; x++)
          s += in[i + y][j + x] * k[y][x];
      out[i][j] = s;
    }
  }
}

/* Two rows side by side, not pipelined, with everything inside them
 * unrolled: straight code, whose copies run at the same time. */
void conv3_rows2_flat(const int in[H + 2][W + 2], const int k[3][3], int out[H][W]) {
rows:
  for (int i = 0; i < H; i++) {
#pragma HLS pipeline off
#pragma HLS unroll factor=2
  cols:
    for (int j = 0; j < W; j++) {
#pragma HLS unroll
      int s = 0;
    ty:
      for (int y = 0; y < 3; y++) {
#pragma HLS unroll
      tx:
        for (int x = 0; x < 3; x++) {
#pragma HLS unroll
          s += in[i + y][j + x] * k[y][x];
        }
      }
      out[i][j] = s;
    }
  }
}
