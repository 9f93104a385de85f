// hlsmoe's own hls_math.h (API-compatible subset; see README.md).
// Written for hlsmoe from the public list of functions in UG1399 ("HLS Math
// Library").  Each function forwards to the C library (math.h): float arguments to the
// f-suffixed function, double to the plain one; any other argument type (ap_int,
// ap_fixed, integers) is converted to double and the result is double.  The results
// are the C library's, not the bit-accurate HLS implementations.
#ifndef HLSMOE_HLS_MATH_H
#define HLSMOE_HLS_MATH_H

#include <math.h>

namespace hls {

#define HLS_MATH_1(NAME, CF, CD)                                              \
  inline float NAME(float x) noexcept { return ::CF(x); }                              \
  inline double NAME(double x) noexcept { return ::CD(x); }                            \
  template <class T> inline double NAME(const T &x) noexcept(noexcept((double)x)) { return ::CD((double)x); } \
  inline float NAME##f(float x) noexcept { return ::CF(x); }
#define HLS_MATH_2(NAME, CF, CD)                                              \
  inline float NAME(float x, float y) noexcept { return ::CF(x, y); }                  \
  inline double NAME(double x, double y) noexcept { return ::CD(x, y); }               \
  template <class T, class U> inline double NAME(const T &x, const U &y) noexcept(noexcept((double)x) && noexcept((double)y)) { return ::CD((double)x, (double)y); } \
  inline float NAME##f(float x, float y) noexcept { return ::CF(x, y); }

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

inline float sinpi(float x) noexcept { return ::sinf(x * 3.14159265358979323846f); }
inline double sinpi(double x) noexcept { return ::sin(x * 3.14159265358979323846); }
inline float cospi(float x) noexcept { return ::cosf(x * 3.14159265358979323846f); }
inline double cospi(double x) noexcept { return ::cos(x * 3.14159265358979323846); }
inline float rsqrt(float x) noexcept { return 1.0f / ::sqrtf(x); }
inline double rsqrt(double x) noexcept { return 1.0 / ::sqrt(x); }
inline float recip(float x) noexcept { return 1.0f / x; }
inline double recip(double x) noexcept { return 1.0 / x; }
inline float fma(float x, float y, float z) noexcept { return ::fmaf(x, y, z); }
inline double fma(double x, double y, double z) noexcept { return ::fma(x, y, z); }
inline float ldexp(float x, int e) noexcept { return ::ldexpf(x, e); }
inline double ldexp(double x, int e) noexcept { return ::ldexp(x, e); }
inline float frexp(float x, int *e) noexcept { return ::frexpf(x, e); }
inline double frexp(double x, int *e) noexcept { return ::frexp(x, e); }
inline float modf(float x, float *i) noexcept { return ::modff(x, i); }
inline double modf(double x, double *i) noexcept { return ::modf(x, i); }
inline void sincos(float x, float *s, float *c) noexcept { *s = ::sinf(x); *c = ::cosf(x); }
inline void sincos(double x, double *s, double *c) noexcept { *s = ::sin(x); *c = ::cos(x); }
inline bool isnan(float x) noexcept { return __builtin_isnan(x); }
inline bool isnan(double x) noexcept { return __builtin_isnan(x); }
inline bool isinf(float x) noexcept { return __builtin_isinf(x); }
inline bool isinf(double x) noexcept { return __builtin_isinf(x); }
inline bool isfinite(float x) noexcept { return __builtin_isfinite(x); }
inline bool isfinite(double x) noexcept { return __builtin_isfinite(x); }
inline bool signbit(float x) noexcept { return __builtin_signbit(x); }
inline bool signbit(double x) noexcept { return __builtin_signbit(x); }

// abs: integers stay integers, floating point forwards to fabs; other types (ap_int,
// ap_fixed, hls::vector elements) use their own comparison and negation.
inline int abs(int x) noexcept { return x < 0 ? -x : x; }
inline long abs(long x) noexcept { return x < 0 ? -x : x; }
inline long long abs(long long x) noexcept { return x < 0 ? -x : x; }
inline float abs(float x) noexcept { return ::fabsf(x); }
inline double abs(double x) noexcept { return ::fabs(x); }
template <class T> inline T abs(const T &x) noexcept(noexcept(x < 0 ? T(-x) : x)) { return x < 0 ? T(-x) : x; }

template <class T> inline T min(const T &a, const T &b) noexcept(noexcept(b < a ? b : a)) { return b < a ? b : a; }
template <class T> inline T max(const T &a, const T &b) noexcept(noexcept(a < b ? b : a)) { return a < b ? b : a; }

} // namespace hls

#endif
