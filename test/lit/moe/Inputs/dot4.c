/* Rows of four: a float dot product per row.  The rows' pipeline unrolls
 * the taps, so the taps' own pipeline pragma has no effect. */
void dot4(const float a[64][4], const float w[4], float out[64]) {
rows:
  for (int i = 0; i < 64; i++) {
#pragma HLS pipeline II=1
    float s = 0;
  taps:
    for (int k = 0; k < 4; k++) {
#pragma HLS pipeline II=1
      s += a[i][k] * w[k];
    }
    out[i] = s;
  }
}
