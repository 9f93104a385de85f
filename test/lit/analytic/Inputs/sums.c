/* Accumulations: a dot product, the same with its loop unrolled by 4, and a
 * conditional sum unrolled by 4. */
#define N 256

float dot(const float a[N], const float b[N]) {
  float s = 0;
  for (int i = 0; i < N; i++)
    s += a[i] * b[i];
  return s;
}

float dot4(const float a[N], const float b[N]) {
  float s = 0;
  for (int i = 0; i < N; i++) {
#pragma HLS unroll factor=4
    s += a[i] * b[i];
  }
  return s;
}

float positive4(const float a[N], const float b[N]) {
  float s = 0;
  for (int i = 0; i < N; i++) {
#pragma HLS unroll factor=4
    if (a[i] > 0)
      s += a[i] * b[i];
  }
  return s;
}
