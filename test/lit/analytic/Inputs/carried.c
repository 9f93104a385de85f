/* Loops that carry a dependence through an array, and two that do not.
 * Each function is one kernel (-hls-top). */
#include <string.h>

#define N 256
#define T 16
#define S 8

/* x[i] reads x[i - 1], written one iteration earlier. */
void scan1(float x[N], const float a[N]) {
  for (int i = 1; i < N; i++) {
#pragma HLS pipeline II=1
    x[i] = x[i - 1] + a[i];
  }
}

/* Two interleaved chains: x[i] reads x[i - 2]. */
void scan2(float x[N], const float a[N]) {
  for (int i = 2; i < N; i++) {
#pragma HLS pipeline II=1
    x[i] = x[i - 2] + a[i];
  }
}

/* Reads the element it overwrites: nothing crosses iterations. */
void scale(float x[N], const float a[N]) {
  for (int i = 0; i < N; i++) {
#pragma HLS pipeline II=1
    x[i] = x[i] * a[i];
  }
}

/* Reads x[i + 1] before the next iteration overwrites it: no true dependence. */
void shift(float x[N], const float a[N]) {
  for (int i = 0; i < N - 1; i++) {
#pragma HLS pipeline II=1
    x[i] = x[i + 1] + a[i];
  }
}

/* Each time step reads the row the previous one wrote (flattened as
 * p[t * S + j]), through inner loops: unrolled by 4, the copies of the
 * time loop still run one after another. */
void steps4(float p[T * S], const float w[S][S]) {
  for (int t = 1; t < T; t++) {
#pragma HLS unroll factor=4
    for (int j = 0; j < S; j++) {
      float best = 1e30f;
      for (int k = 0; k < S; k++) {
        float c = p[(t - 1) * S + k] + w[k][j];
        best = c < best ? c : best;
      }
      p[t * S + j] = best;
    }
  }
}

/* The same loop with every step on its own row of q: nothing to wait for. */
void rows4(float p[T * S], float q[T * S], const float w[S][S]) {
  for (int t = 1; t < T; t++) {
#pragma HLS unroll factor=4
    for (int j = 0; j < S; j++) {
      float best = 1e30f;
      for (int k = 0; k < S; k++) {
        float c = p[(t - 1) * S + k] + w[k][j];
        best = c < best ? c : best;
      }
      q[t * S + j] = best;
    }
  }
}

/* Pipelined: the time loop's inner loops unroll into one iteration. */
void steps_pipelined(float p[T * S], const float w[S][S]) {
  for (int t = 1; t < T; t++) {
#pragma HLS pipeline II=1
    for (int j = 0; j < S; j++) {
      float best = 1e30f;
      for (int k = 0; k < S; k++) {
        float c = p[(t - 1) * S + k] + w[k][j];
        best = c < best ? c : best;
      }
      p[t * S + j] = best;
    }
  }
}

/* The same on local copies (the HLSyn-Vitis style), which the tool
 * partitions for the unrolled accesses; an argument's array it does not. */
void steps_local(float io[T * S], const float wi[S][S]) {
  float p[T * S], w[S][S];
  memcpy(p, io, sizeof p);
  memcpy(w, wi, sizeof w);
  for (int t = 1; t < T; t++) {
#pragma HLS pipeline II=1
    for (int j = 0; j < S; j++) {
      float best = 1e30f;
      for (int k = 0; k < S; k++) {
        float c = p[(t - 1) * S + k] + w[k][j];
        best = c < best ? c : best;
      }
      p[t * S + j] = best;
    }
  }
  memcpy(io, p, sizeof p);
}
