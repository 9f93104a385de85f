// hlsmoe's own hls::vector<T, N> (API-compatible subset; see README.md).
// Written for hlsmoe from the public interface description in UG1399 ("Vector Data
// Types").  An aggregate-like array of N elements with element-wise operators.
#ifndef HLSMOE_HLS_VECTOR_H
#define HLSMOE_HLS_VECTOR_H

// C++ only (templates, namespaces): say so once instead of a wall of template errors.
#ifndef __cplusplus
#error "hls_vector.h is a C++ header: name the kernel file .cpp, or pass -x c++ to clang"
#else

namespace hls {

template <class _HLS_T> _HLS_T &hls_vlval_() noexcept;  // unevaluated operands only
#define HLS_NX(_HLS_E) noexcept(noexcept(_HLS_E))
#define HLS_L ::hls::hls_vlval_<_HLS_T>()
#define HLS_C ::hls::hls_vlval_<const _HLS_T>()

template <typename _HLS_T, unsigned _HLS_N> struct vector {
  _HLS_T data[_HLS_N];

  vector() = default;
  inline vector(const _HLS_T &_HLS_v) HLS_NX(HLS_L = HLS_C) {  // broadcast a scalar
    for (unsigned _HLS_i = 0; _HLS_i < _HLS_N; _HLS_i++)
      data[_HLS_i] = _HLS_v;
  }
  inline vector(const _HLS_T (&_HLS_a)[_HLS_N]) HLS_NX(HLS_L = HLS_C) {
    for (unsigned _HLS_i = 0; _HLS_i < _HLS_N; _HLS_i++)
      data[_HLS_i] = _HLS_a[_HLS_i];
  }
  // element list: hls::vector<int, 4> v = {1, 2, 3, 4}; missing elements are T()
  template <class... _HLS_A> inline vector(const _HLS_T &_HLS_a, const _HLS_T &_HLS_b, const _HLS_A &..._HLS_rest) HLS_NX(HLS_L = HLS_C) {
    const _HLS_T _HLS_tmp[] = {_HLS_a, _HLS_b, _HLS_T(_HLS_rest)...};
    for (unsigned _HLS_i = 0; _HLS_i < _HLS_N; _HLS_i++)
      data[_HLS_i] = _HLS_i < sizeof(_HLS_tmp) / sizeof(_HLS_tmp[0]) ? _HLS_tmp[_HLS_i] : _HLS_T();
  }
  static inline constexpr unsigned size() noexcept { return _HLS_N; }
  inline _HLS_T &operator[](unsigned _HLS_i) noexcept { return data[_HLS_i]; }
  inline const _HLS_T &operator[](unsigned _HLS_i) const noexcept { return data[_HLS_i]; }
  inline _HLS_T *begin() noexcept { return data; }
  inline _HLS_T *end() noexcept { return data + _HLS_N; }
  inline const _HLS_T *begin() const noexcept { return data; }
  inline const _HLS_T *end() const noexcept { return data + _HLS_N; }

#define HLS_VEC_OP(_HLS_OP)                                                    \
  inline vector &operator _HLS_OP##=(const vector &_HLS_b) HLS_NX(HLS_L _HLS_OP## = HLS_C) {                        \
    for (unsigned _HLS_i = 0; _HLS_i < _HLS_N; _HLS_i++)                                      \
      data[_HLS_i] _HLS_OP## = _HLS_b.data[_HLS_i];                                           \
    return *this;                                                         \
  }                                                                       \
  inline vector &operator _HLS_OP##=(const _HLS_T &_HLS_b) HLS_NX(HLS_L _HLS_OP## = HLS_C) {                             \
    for (unsigned _HLS_i = 0; _HLS_i < _HLS_N; _HLS_i++)                                      \
      data[_HLS_i] _HLS_OP## = _HLS_b;                                                   \
    return *this;                                                         \
  }                                                                       \
  friend inline vector operator _HLS_OP(vector _HLS_a, const vector &_HLS_b) HLS_NX(HLS_L _HLS_OP## = HLS_C) { return _HLS_a _HLS_OP## = _HLS_b; } \
  friend inline vector operator _HLS_OP(vector _HLS_a, const _HLS_T &_HLS_b) HLS_NX(HLS_L _HLS_OP## = HLS_C) { return _HLS_a _HLS_OP## = _HLS_b; }     \
  friend inline vector operator _HLS_OP(const _HLS_T &_HLS_a, const vector &_HLS_b) HLS_NX(HLS_L _HLS_OP## = HLS_C) { vector _HLS_r(_HLS_a); return _HLS_r _HLS_OP## = _HLS_b; }
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
    vector _HLS_r;
    for (unsigned _HLS_i = 0; _HLS_i < _HLS_N; _HLS_i++)
      _HLS_r.data[_HLS_i] = -data[_HLS_i];
    return _HLS_r;
  }
  friend inline bool operator==(const vector &_HLS_a, const vector &_HLS_b) HLS_NX(HLS_C == HLS_C) {
    for (unsigned _HLS_i = 0; _HLS_i < _HLS_N; _HLS_i++)
      if (!(_HLS_a.data[_HLS_i] == _HLS_b.data[_HLS_i]))
        return false;
    return true;
  }
  friend inline bool operator!=(const vector &_HLS_a, const vector &_HLS_b) HLS_NX(HLS_C == HLS_C) { return !(_HLS_a == _HLS_b); }
  // reductions
  inline _HLS_T reduce_add() const HLS_NX(HLS_L += HLS_C) {
    _HLS_T _HLS_s = data[0];
    for (unsigned _HLS_i = 1; _HLS_i < _HLS_N; _HLS_i++)
      _HLS_s += data[_HLS_i];
    return _HLS_s;
  }
  inline _HLS_T reduce_mult() const HLS_NX(HLS_L *= HLS_C) {
    _HLS_T _HLS_s = data[0];
    for (unsigned _HLS_i = 1; _HLS_i < _HLS_N; _HLS_i++)
      _HLS_s *= data[_HLS_i];
    return _HLS_s;
  }
};

#undef HLS_NX
#undef HLS_L
#undef HLS_C
} // namespace hls

#endif // __cplusplus
#endif
