// hlsmoe's own hls_math.h (API-compatible subset; see README.md).
// Written for hlsmoe from the public list of functions in UG1399 ("HLS Math
// Library").  Each function forwards to the C library (math.h): float arguments to the
// f-suffixed function, double to the plain one; any other argument type (ap_int,
// ap_fixed, integers) is converted to double and the result is double.  The results
// are the C library's, not the bit-accurate HLS implementations.
#ifndef HLSMOE_HLS_MATH_H
#define HLSMOE_HLS_MATH_H

// C++ only (templates, namespaces): say so once instead of a wall of template errors.
#ifndef __cplusplus
#error "hls_math.h is a C++ header: name the kernel file .cpp, or pass -x c++ to clang"
#else

#include <math.h>

namespace hls {

#define HLS_MATH_1(_HLS_NAME, _HLS_CF, _HLS_CD)                                              \
  inline float _HLS_NAME(float _HLS_x) noexcept { return ::_HLS_CF(_HLS_x); }                              \
  inline double _HLS_NAME(double _HLS_x) noexcept { return ::_HLS_CD(_HLS_x); }                            \
  template <class _HLS_T> inline double _HLS_NAME(const _HLS_T &_HLS_x) noexcept(noexcept((double)_HLS_x)) { return ::_HLS_CD((double)_HLS_x); } \
  inline float _HLS_NAME##_HLS_f(float _HLS_x) noexcept { return ::_HLS_CF(_HLS_x); }
#define HLS_MATH_2(_HLS_NAME, _HLS_CF, _HLS_CD)                                              \
  inline float _HLS_NAME(float _HLS_x, float _HLS_y) noexcept { return ::_HLS_CF(_HLS_x, _HLS_y); }                  \
  inline double _HLS_NAME(double _HLS_x, double _HLS_y) noexcept { return ::_HLS_CD(_HLS_x, _HLS_y); }               \
  template <class _HLS_T, class _HLS_U> inline double _HLS_NAME(const _HLS_T &_HLS_x, const _HLS_U &_HLS_y) noexcept(noexcept((double)_HLS_x) && noexcept((double)_HLS_y)) { return ::_HLS_CD((double)_HLS_x, (double)_HLS_y); } \
  inline float _HLS_NAME##_HLS_f(float _HLS_x, float _HLS_y) noexcept { return ::_HLS_CF(_HLS_x, _HLS_y); }

HLS_MATH_1(sqrt, sqrtf, sqrt)
HLS_MATH_1(cbrt, cbrtf, cbrt)
HLS_MATH_1(exp, expf, exp)
HLS_MATH_1(exp2, exp2f, exp2)
HLS_MATH_1(exp10, exp10f, exp10)
HLS_MATH_1(expm1, expm1f, expm1)
HLS_MATH_1(log, logf, log)
HLS_MATH_1(log2, log2f, log2)
HLS_MATH_1(log10, log10f, log10)
HLS_MATH_1(log1p, log1pf, log1p)
HLS_MATH_1(sin, sinf, sin)
HLS_MATH_1(cos, cosf, cos)
HLS_MATH_1(tan, tanf, tan)
HLS_MATH_1(asin, asinf, asin)
HLS_MATH_1(acos, acosf, acos)
HLS_MATH_1(atan, atanf, atan)
HLS_MATH_1(sinh, sinhf, sinh)
HLS_MATH_1(cosh, coshf, cosh)
HLS_MATH_1(tanh, tanhf, tanh)
HLS_MATH_1(asinh, asinhf, asinh)
HLS_MATH_1(acosh, acoshf, acosh)
HLS_MATH_1(atanh, atanhf, atanh)
HLS_MATH_1(fabs, fabsf, fabs)
HLS_MATH_1(floor, floorf, floor)
HLS_MATH_1(ceil, ceilf, ceil)
HLS_MATH_1(trunc, truncf, trunc)
HLS_MATH_1(round, roundf, round)
HLS_MATH_1(rint, rintf, rint)
HLS_MATH_1(nearbyint, nearbyintf, nearbyint)
HLS_MATH_1(erf, erff, erf)
HLS_MATH_1(erfc, erfcf, erfc)
HLS_MATH_1(tgamma, tgammaf, tgamma)
HLS_MATH_1(lgamma, lgammaf, lgamma)
HLS_MATH_2(pow, powf, pow)
HLS_MATH_2(atan2, atan2f, atan2)
HLS_MATH_2(fmod, fmodf, fmod)
HLS_MATH_2(remainder, remainderf, remainder)
HLS_MATH_2(hypot, hypotf, hypot)
HLS_MATH_2(fmin, fminf, fmin)
HLS_MATH_2(fmax, fmaxf, fmax)
HLS_MATH_2(fdim, fdimf, fdim)
HLS_MATH_2(copysign, copysignf, copysign)
#undef HLS_MATH_1
#undef HLS_MATH_2

inline float sinpi(float _HLS_x) noexcept { return ::sinf(_HLS_x * 3.14159265358979323846f); }
inline double sinpi(double _HLS_x) noexcept { return ::sin(_HLS_x * 3.14159265358979323846); }
inline float cospi(float _HLS_x) noexcept { return ::cosf(_HLS_x * 3.14159265358979323846f); }
inline double cospi(double _HLS_x) noexcept { return ::cos(_HLS_x * 3.14159265358979323846); }
inline float rsqrt(float _HLS_x) noexcept { return 1.0f / ::sqrtf(_HLS_x); }
inline double rsqrt(double _HLS_x) noexcept { return 1.0 / ::sqrt(_HLS_x); }
inline float recip(float _HLS_x) noexcept { return 1.0f / _HLS_x; }
inline double recip(double _HLS_x) noexcept { return 1.0 / _HLS_x; }
inline float fma(float _HLS_x, float _HLS_y, float _HLS_z) noexcept { return ::fmaf(_HLS_x, _HLS_y, _HLS_z); }
inline double fma(double _HLS_x, double _HLS_y, double _HLS_z) noexcept { return ::fma(_HLS_x, _HLS_y, _HLS_z); }
inline float ldexp(float _HLS_x, int _HLS_e) noexcept { return ::ldexpf(_HLS_x, _HLS_e); }
inline double ldexp(double _HLS_x, int _HLS_e) noexcept { return ::ldexp(_HLS_x, _HLS_e); }
inline float frexp(float _HLS_x, int *_HLS_e) noexcept { return ::frexpf(_HLS_x, _HLS_e); }
inline double frexp(double _HLS_x, int *_HLS_e) noexcept { return ::frexp(_HLS_x, _HLS_e); }
inline float modf(float _HLS_x, float *_HLS_i) noexcept { return ::modff(_HLS_x, _HLS_i); }
inline double modf(double _HLS_x, double *_HLS_i) noexcept { return ::modf(_HLS_x, _HLS_i); }
inline void sincos(float _HLS_x, float *_HLS_s, float *_HLS_c) noexcept { *_HLS_s = ::sinf(_HLS_x); *_HLS_c = ::cosf(_HLS_x); }
inline void sincos(double _HLS_x, double *_HLS_s, double *_HLS_c) noexcept { *_HLS_s = ::sin(_HLS_x); *_HLS_c = ::cos(_HLS_x); }
inline bool isnan(float _HLS_x) noexcept { return __builtin_isnan(_HLS_x); }
inline bool isnan(double _HLS_x) noexcept { return __builtin_isnan(_HLS_x); }
inline bool isinf(float _HLS_x) noexcept { return __builtin_isinf(_HLS_x); }
inline bool isinf(double _HLS_x) noexcept { return __builtin_isinf(_HLS_x); }
inline bool isfinite(float _HLS_x) noexcept { return __builtin_isfinite(_HLS_x); }
inline bool isfinite(double _HLS_x) noexcept { return __builtin_isfinite(_HLS_x); }
inline bool signbit(float _HLS_x) noexcept { return __builtin_signbit(_HLS_x); }
inline bool signbit(double _HLS_x) noexcept { return __builtin_signbit(_HLS_x); }

// abs: integers stay integers, floating point forwards to fabs; other types (ap_int,
// ap_fixed, hls::vector elements) use their own comparison and negation.
inline int abs(int _HLS_x) noexcept { return _HLS_x < 0 ? -_HLS_x : _HLS_x; }
inline long abs(long _HLS_x) noexcept { return _HLS_x < 0 ? -_HLS_x : _HLS_x; }
inline long long abs(long long _HLS_x) noexcept { return _HLS_x < 0 ? -_HLS_x : _HLS_x; }
inline float abs(float _HLS_x) noexcept { return ::fabsf(_HLS_x); }
inline double abs(double _HLS_x) noexcept { return ::fabs(_HLS_x); }
template <class _HLS_T> inline _HLS_T abs(const _HLS_T &_HLS_x) noexcept(noexcept(_HLS_x < 0 ? _HLS_T(-_HLS_x) : _HLS_x)) { return _HLS_x < 0 ? _HLS_T(-_HLS_x) : _HLS_x; }

template <class _HLS_T> inline _HLS_T min(const _HLS_T &_HLS_a, const _HLS_T &_HLS_b) noexcept(noexcept(_HLS_b < _HLS_a ? _HLS_b : _HLS_a)) { return _HLS_b < _HLS_a ? _HLS_b : _HLS_a; }
template <class _HLS_T> inline _HLS_T max(const _HLS_T &_HLS_a, const _HLS_T &_HLS_b) noexcept(noexcept(_HLS_a < _HLS_b ? _HLS_b : _HLS_a)) { return _HLS_a < _HLS_b ? _HLS_b : _HLS_a; }

} // namespace hls

#endif // __cplusplus
#endif
