/* A small library of externally visible routines: two of them are entry points
 * nobody calls, so the front door needs --top.  Plain C, Vitis pragmas. */
#define N 64

float dot(const float a[N], const float b[N]) {
  float s = 0;
dot_loop:
  for (int i = 0; i < N; i++) {
#pragma HLS pipeline II=1
    s += a[i] * b[i];
  }
  return s;
}

void axpy(float alpha, const float x[N], float y[N]) {
axpy_loop:
  for (int i = 0; i < N; i++) {
#pragma HLS unroll factor=4
    y[i] += alpha * x[i];
  }
}

void gram_schmidt_step(const float q[N], float v[N]) {
  float r = dot(q, v);
  axpy(-r, q, v);
}

void normalize(float v[N]) {
  float n2 = dot(v, v);
  float inv = n2 > 0 ? 1.0f / n2 : 0.0f;
scale_loop:
  for (int i = 0; i < N; i++)
    v[i] *= inv;
}
