// hlsmoe's own hls::vector<T, N> (API-compatible subset; see README.md).
// Written for hlsmoe from the public interface description in UG1399 ("Vector Data
// Types").  An aggregate-like array of N elements with element-wise operators.
#ifndef HLSMOE_HLS_VECTOR_H
#define HLSMOE_HLS_VECTOR_H

namespace hls {

template <class T> T &hls_vlval_() noexcept;  // unevaluated operands only
#define HLS_NX(E) noexcept(noexcept(E))
#define HLS_L ::hls::hls_vlval_<T>()
#define HLS_C ::hls::hls_vlval_<const T>()

template <typename T, unsigned N> struct vector {
  T data[N];

  vector() = default;
  inline vector(const T &v) HLS_NX(HLS_L = HLS_C) {  // broadcast a scalar
    for (unsigned i = 0; i < N; i++)
      data[i] = v;
  }
  inline vector(const T (&a)[N]) HLS_NX(HLS_L = HLS_C) {
    for (unsigned i = 0; i < N; i++)
      data[i] = a[i];
  }
  // element list: hls::vector<int, 4> v = {1, 2, 3, 4}; missing elements are T()
  template <class... A> inline vector(const T &a, const T &b, const A &...rest) HLS_NX(HLS_L = HLS_C) {
    const T tmp[] = {a, b, T(rest)...};
    for (unsigned i = 0; i < N; i++)
      data[i] = i < sizeof(tmp) / sizeof(tmp[0]) ? tmp[i] : T();
  }
  static inline constexpr unsigned size() noexcept { return N; }
  inline T &operator[](unsigned i) noexcept { return data[i]; }
  inline const T &operator[](unsigned i) const noexcept { return data[i]; }
  inline T *begin() noexcept { return data; }
  inline T *end() noexcept { return data + N; }
  inline const T *begin() const noexcept { return data; }
  inline const T *end() const noexcept { return data + N; }

#define HLS_VEC_OP(OP)                                                    \
  inline vector &operator OP##=(const vector &b) HLS_NX(HLS_L OP## = HLS_C) {                        \
    for (unsigned i = 0; i < N; i++)                                      \
      data[i] OP## = b.data[i];                                           \
    return *this;                                                         \
  }                                                                       \
  inline vector &operator OP##=(const T &b) HLS_NX(HLS_L OP## = HLS_C) {                             \
    for (unsigned i = 0; i < N; i++)                                      \
      data[i] OP## = b;                                                   \
    return *this;                                                         \
  }                                                                       \
  friend inline vector operator OP(vector a, const vector &b) HLS_NX(HLS_L OP## = HLS_C) { return a OP## = b; } \
  friend inline vector operator OP(vector a, const T &b) HLS_NX(HLS_L OP## = HLS_C) { return a OP## = b; }     \
  friend inline vector operator OP(const T &a, const vector &b) HLS_NX(HLS_L OP## = HLS_C) { vector r(a); return r OP## = b; }
  HLS_VEC_OP(+)
  HLS_VEC_OP(-)
  HLS_VEC_OP(*)
  HLS_VEC_OP(/)
  HLS_VEC_OP(%)
  HLS_VEC_OP(&)
  HLS_VEC_OP(|)
  HLS_VEC_OP(^)
#undef HLS_VEC_OP
  inline vector operator-() const HLS_NX(HLS_L = -HLS_C) {
    vector r;
    for (unsigned i = 0; i < N; i++)
      r.data[i] = -data[i];
    return r;
  }
  friend inline bool operator==(const vector &a, const vector &b) HLS_NX(HLS_C == HLS_C) {
    for (unsigned i = 0; i < N; i++)
      if (!(a.data[i] == b.data[i]))
        return false;
    return true;
  }
  friend inline bool operator!=(const vector &a, const vector &b) HLS_NX(HLS_C == HLS_C) { return !(a == b); }
  // reductions
  inline T reduce_add() const HLS_NX(HLS_L += HLS_C) {
    T s = data[0];
    for (unsigned i = 1; i < N; i++)
      s += data[i];
    return s;
  }
  inline T reduce_mult() const HLS_NX(HLS_L *= HLS_C) {
    T s = data[0];
    for (unsigned i = 1; i < N; i++)
      s *= data[i];
    return s;
  }
};

#undef HLS_NX
#undef HLS_L
#undef HLS_C
} // namespace hls

#endif
