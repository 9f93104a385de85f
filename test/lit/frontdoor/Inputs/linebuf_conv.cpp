// A 3x3 convolution over a streamed image with two line buffers and a window
// register, ap_fixed coefficients: the shape of Rosetta's and the Vitis vision
// examples' filters.
#include "ap_fixed.h"
#include "ap_int.h"

#define WIDTH 640
#define HEIGHT 480

typedef ap_uint<8> pix_t;
typedef ap_fixed<10, 2> coef_t;

void conv3x3(const pix_t src[HEIGHT * WIDTH], pix_t dst[HEIGHT * WIDTH], const coef_t k[3][3]) {
  pix_t line[2][WIDTH];
#pragma HLS array_partition variable=line dim=1 complete
  pix_t win[3][3];
#pragma HLS array_partition variable=win complete
rows:
  for (int y = 0; y < HEIGHT; y++) {
  cols:
    for (int x = 0; x < WIDTH; x++) {
#pragma HLS pipeline II=1
      pix_t p = src[y * WIDTH + x];
      for (int r = 0; r < 3; r++) {
#pragma HLS unroll
        win[r][0] = win[r][1];
        win[r][1] = win[r][2];
      }
      win[0][2] = line[0][x];
      win[1][2] = line[1][x];
      win[2][2] = p;
      line[0][x] = line[1][x];
      line[1][x] = p;
      ap_fixed<24, 12> acc = 0;
      for (int r = 0; r < 3; r++) {
#pragma HLS unroll
        for (int c = 0; c < 3; c++) {
#pragma HLS unroll
          acc += win[r][c] * k[r][c];
        }
      }
      dst[y * WIDTH + x] = acc < 0 ? pix_t(0) : (acc > 255 ? pix_t(255) : pix_t(acc.to_int()));
    }
  }
}
