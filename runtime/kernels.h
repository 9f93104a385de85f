/* Tensor kernels of the inference runtime (docs/runtime.md).
 *
 * Plain row-major float32 arrays; every function is pure apart from its
 * output arguments, so callers on different threads only need their own
 * output buffers.  Dense products go through OpenBLAS (cblas_sgemm). */
#ifndef HLSMOE_RUNTIME_KERNELS_H
#define HLSMOE_RUNTIME_KERNELS_H

#include <stddef.h>
#include <stdint.h>

/* y[i][0..n) = x[i][0..k) · Wᵀ + b for i < m; W is [n][ldw] (PyTorch layout,
 * only the first k columns used), b may be NULL.  ldx, ldy: row strides. */
void hls_rt_linear(const float *x, size_t m, size_t k, size_t ldx, const float *w, size_t ldw,
                   const float *b, size_t n, float *y, size_t ldy);

typedef enum { HLS_RT_NONE, HLS_RT_RELU, HLS_RT_ELU } hls_rt_act;
/* hls_rt_linear followed by an activation, fused with the bias pass. */
void hls_rt_linear_act(const float *x, size_t m, size_t k, size_t ldx, const float *w, size_t ldw,
                       const float *b, size_t n, float *y, size_t ldy, hls_rt_act act);
/* y[i][j] = act(y[i][j] + b[j]) for i < m, j < n (b may be NULL). */
void hls_rt_bias_act(float *y, size_t m, size_t n, size_t ldy, const float *b, hls_rt_act act);

void hls_rt_elu(float *x, size_t n);
void hls_rt_relu(float *x, size_t n);
/* Softmax of each row of x [rows][cols], in place. */
void hls_rt_softmax_rows(float *x, size_t rows, size_t cols);
/* acc[i] = max(acc[i], x[i]). */
void hls_rt_max_into(float *acc, const float *x, size_t n);

/* Short vector helpers for the per-node work (d is the hidden size, ~64):
 * written with independent partial sums so the compiler vectorises them. */
float hls_rt_dot(const float *a, const float *b, size_t d);
/* y += a * x */
void hls_rt_axpy(float a, const float *x, float *y, size_t d);
/* y += a * (x1 + x2) */
void hls_rt_axpy2(float a, const float *x1, const float *x2, float *y, size_t d);
/* y = y * a + b */
void hls_rt_scale_add(float *y, float a, const float *b, size_t d);
/* y *= a */
void hls_rt_scale(float *y, float a, size_t d);

/* TransformerConv aggregation over incoming edges (CSR by destination):
 *   out_i = Σ_j softmax_j(q_i · k_ij / √d) v_ij + skip_i,
 *   k_ij = K_j + E_ij, v_ij = V_j + E_ij.
 * qkvs [n][4d] holds q, k, v, skip of each node (in that order); eproj [nedges][d]
 * the projected edge features.  scratch: at least max in-degree floats. */
void hls_rt_tconv(size_t n, size_t d, const uint32_t *in_offset, const uint32_t *in_edge,
                  const uint32_t *edge_src, const float *qkvs, const float *eproj, float *scratch,
                  float *out);

/* A softmax-weighted sum kept in a numerically stable form:
 *   Σ_i exp(g_i) h_i  =  exp(max) · w,   Σ_i exp(g_i) = exp(max) · sum.
 * Accumulated in double so that a cached partial sum plus a few new terms
 * matches a one-shot float softmax closely. */
typedef struct {
  double max; /* -inf while empty */
  double sum;
  double *w; /* [d], caller-provided */
  size_t d;
} hls_rt_pool;

void hls_rt_pool_init(hls_rt_pool *p, double *w, size_t d);
void hls_rt_pool_copy(hls_rt_pool *dst, const hls_rt_pool *src); /* same d; copies w */
void hls_rt_pool_add(hls_rt_pool *p, float g, const float *h);
/* out = Σ a_i h_i with a = softmax(g); zeros when empty. */
void hls_rt_pool_result(const hls_rt_pool *p, float *out);

#endif
