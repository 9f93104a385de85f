/* The HLSyn-Vitis shape: copy the interface arrays into local buffers,
 * compute on the buffers, copy the result back. */
#include <string.h>

void scale_rows(const double in[32][16], double out[32][16], double k) {
  double a[32][16], b[32][16];
  memcpy(a, in, sizeof(double) * 32 * 16);
  for (int i = 0; i < 32; i++)
    for (int j = 0; j < 16; j++)
      b[i][j] = a[i][j] * k;
  memcpy(out, b, sizeof(double) * 32 * 16);
}

/* The same computed in place: both copies go through the buffer a. */
void scale_in_place(const double in[32][16], double out[32][16], double k) {
  double a[32][16];
  memcpy(a, in, sizeof(double) * 32 * 16);
  for (int i = 0; i < 32; i++)
    for (int j = 0; j < 16; j++)
      a[i][j] = a[i][j] * k;
  memcpy(out, a, sizeof(double) * 32 * 16);
}
