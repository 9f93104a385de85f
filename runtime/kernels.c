#include "kernels.h"

#include <cblas.h>
#include <math.h>
#include <string.h>

void hls_rt_linear_act(const float *x, size_t m, size_t k, size_t ldx, const float *w,
                       size_t ldw, const float *b, size_t n, float *y, size_t ldy, hls_rt_act act) {
  if (m == 0 || n == 0)
    return;
  if (k == 0) /* nothing to multiply; BLAS would reject lda = 0 */
    for (size_t i = 0; i < m; i++)
      memset(y + i * ldy, 0, n * sizeof *y);
  else
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, (int)m, (int)n, (int)k, 1.0f, x,
                (int)ldx, w, (int)ldw, 0.0f, y, (int)ldy);
  /* bias and activation in one pass over the output */
  if (b || act != HLS_RT_NONE)
    hls_rt_bias_act(y, m, n, ldy, b, act);
}

void hls_rt_linear(const float *x, size_t m, size_t k, size_t ldx, const float *w, size_t ldw,
                   const float *b, size_t n, float *y, size_t ldy) {
  hls_rt_linear_act(x, m, k, ldx, w, ldw, b, n, y, ldy, HLS_RT_NONE);
}

void hls_rt_relu(float *x, size_t n) {
  for (size_t i = 0; i < n; i++)
    x[i] = x[i] > 0.0f ? x[i] : 0.0f;
}

void hls_rt_softmax_rows(float *x, size_t rows, size_t cols) {
  for (size_t r = 0; r < rows; r++) {
    float *v = x + r * cols, m = -INFINITY, s = 0.0f;
    for (size_t c = 0; c < cols; c++)
      m = v[c] > m ? v[c] : m;
    for (size_t c = 0; c < cols; c++)
      s += v[c] = expf(v[c] - m);
    for (size_t c = 0; c < cols; c++)
      v[c] /= s;
  }
}

void hls_rt_max_into(float *acc, const float *x, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (x[i] > acc[i])
      acc[i] = x[i];
}

/* Eight partial sums: a fixed summation order that vectorises without
 * -ffast-math.  GCC builds an AVX2 clone as well, picked at load time. */
#if defined(__GNUC__) && defined(__x86_64__) && !defined(__clang__)
#define HLS_RT_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define HLS_RT_CLONES
#endif

HLS_RT_CLONES float hls_rt_dot(const float *restrict a, const float *restrict b, size_t d) {
  float acc[8] = {0};
  size_t i = 0;
  for (; i + 8 <= d; i += 8)
    for (int k = 0; k < 8; k++)
      acc[k] += a[i + k] * b[i + k];
  float s = ((acc[0] + acc[4]) + (acc[1] + acc[5])) + ((acc[2] + acc[6]) + (acc[3] + acc[7]));
  for (; i < d; i++)
    s += a[i] * b[i];
  return s;
}

HLS_RT_CLONES void hls_rt_axpy(float a, const float *restrict x, float *restrict y, size_t d) {
  for (size_t i = 0; i < d; i++)
    y[i] += a * x[i];
}

HLS_RT_CLONES void hls_rt_axpy2(float a, const float *restrict x1, const float *restrict x2,
                                float *restrict y, size_t d) {
  for (size_t i = 0; i < d; i++)
    y[i] += a * (x1[i] + x2[i]);
}

HLS_RT_CLONES void hls_rt_scale_add(float *restrict y, float a, const float *restrict b, size_t d) {
  for (size_t i = 0; i < d; i++)
    y[i] = y[i] * a + b[i];
}

HLS_RT_CLONES void hls_rt_scale(float *restrict y, float a, size_t d) {
  for (size_t i = 0; i < d; i++)
    y[i] *= a;
}

static float dot(const float *a, const float *b, size_t d) { return hls_rt_dot(a, b, d); }

/* e^x for x <= 0, branch-free so that it vectorises: Cody-Waite reduction to
 * r in [-ln2/2, ln2/2] and the Cephes expf polynomial (relative error ~1e-7),
 * scaled by 2^n built in the exponent bits. */
static inline float exp_nonpositive(float x) {
  x = x < -87.0f ? -87.0f : x;
  /* round x * log2(e) to the nearest integer with the 1.5 * 2^23 trick: the
   * integer ends up in the low mantissa bits, no float-int conversion */
  float big = x * 1.44269504f + 12582912.0f;
  uint32_t bits;
  memcpy(&bits, &big, sizeof bits);
  float n = big - 12582912.0f;
  float r = x - n * 0.693359375f;
  r = r + n * 2.12194440e-4f;
  float p = 1.9875691500e-4f;
  p = p * r + 1.3981999507e-3f;
  p = p * r + 8.3334519073e-3f;
  p = p * r + 4.1665795894e-2f;
  p = p * r + 1.6666665459e-1f;
  p = p * r + 5.0000001201e-1f;
  p = p * r * r + r + 1.0f;
  uint32_t e = (bits - 0x4B400000u + 127u) << 23; /* 2^n; n >= -126 as x >= -87 */
  float scale;
  memcpy(&scale, &e, sizeof scale);
  return p * scale;
}

/* ELU with the polynomial above: the absolute error near 0 (~1e-7) is far
 * below what parity with PyTorch (expm1) tolerates, and it is several times
 * faster than calling expm1f per element. */
HLS_RT_CLONES void hls_rt_elu(float *restrict x, size_t n) {
  for (size_t i = 0; i < n; i++) {
    float v = x[i], e = exp_nonpositive(v < 0.0f ? v : 0.0f) - 1.0f;
    x[i] = v > 0.0f ? v : e;
  }
}

HLS_RT_CLONES void hls_rt_bias_act(float *restrict y, size_t m, size_t n, size_t ldy,
                                   const float *restrict b, hls_rt_act act) {
  for (size_t i = 0; i < m; i++) {
    float *row = y + i * ldy;
    if (b)
      for (size_t j = 0; j < n; j++)
        row[j] += b[j];
    if (act == HLS_RT_RELU)
      for (size_t j = 0; j < n; j++)
        row[j] = row[j] > 0.0f ? row[j] : 0.0f;
    else if (act == HLS_RT_ELU)
      hls_rt_elu(row, n);
  }
}

void hls_rt_tconv(size_t n, size_t d, const uint32_t *in_offset, const uint32_t *in_edge,
                  const uint32_t *edge_src, const float *qkvs, const float *eproj, float *scratch,
                  float *out) {
  const float scale = 1.0f / sqrtf((float)d);
  for (size_t i = 0; i < n; i++) {
    const float *q = qkvs + i * 4 * d, *skip = q + 3 * d;
    float *o = out + i * d;
    uint32_t lo = in_offset[i], hi = in_offset[i + 1];
    float m = -INFINITY, s = 0.0f;
    /* q·(K_j + E_ij) = q·K_j + q·E_ij: no temporary key row needed. */
    for (uint32_t t = lo; t < hi; t++) {
      uint32_t e = in_edge[t];
      const float *kj = qkvs + (size_t)edge_src[e] * 4 * d + d;
      float a = (dot(q, kj, d) + dot(q, eproj + (size_t)e * d, d)) * scale;
      scratch[t - lo] = a;
      m = a > m ? a : m;
    }
    for (uint32_t t = lo; t < hi; t++)
      s += scratch[t - lo] = expf(scratch[t - lo] - m);
    memset(o, 0, d * sizeof *o);
    for (uint32_t t = lo; t < hi; t++) {
      uint32_t e = in_edge[t];
      const float *vj = qkvs + (size_t)edge_src[e] * 4 * d + 2 * d, *ej = eproj + (size_t)e * d;
      hls_rt_axpy2(scratch[t - lo] / s, vj, ej, o, d);
    }
    for (size_t c = 0; c < d; c++)
      o[c] += skip[c];
  }
}

void hls_rt_pool_init(hls_rt_pool *p, double *w, size_t d) {
  p->max = -INFINITY;
  p->sum = 0.0;
  p->w = w;
  p->d = d;
  memset(w, 0, d * sizeof *w);
}

void hls_rt_pool_copy(hls_rt_pool *dst, const hls_rt_pool *src) {
  dst->max = src->max;
  dst->sum = src->sum;
  memcpy(dst->w, src->w, src->d * sizeof *src->w);
}

void hls_rt_pool_add(hls_rt_pool *p, float g, const float *h) {
  double gd = g;
  if (gd > p->max) { /* rescale what is there to the new maximum */
    double r = p->sum > 0.0 ? exp(p->max - gd) : 0.0;
    p->sum *= r;
    for (size_t c = 0; c < p->d; c++)
      p->w[c] *= r;
    p->max = gd;
  }
  double a = exp(gd - p->max);
  p->sum += a;
  for (size_t c = 0; c < p->d; c++)
    p->w[c] += a * h[c];
}

void hls_rt_pool_result(const hls_rt_pool *p, float *out) {
  for (size_t c = 0; c < p->d; c++)
    out[c] = p->sum > 0.0 ? (float)(p->w[c] / p->sum) : 0.0f;
}
