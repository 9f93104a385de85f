// hlsmoe's own ap_int<N> / ap_uint<N> (API-compatible subset; see README.md).
// Written for hlsmoe from the public interface description in UG1399; the core is
// ap_common.h.  Including this header also gives ap_fixed / ap_ufixed, as users expect.
#ifndef HLSMOE_AP_INT_H
#define HLSMOE_AP_INT_H

// C++ only (templates, namespaces): say so once instead of a wall of template errors.
#ifndef __cplusplus
#error "ap_int.h is a C++ header: name the kernel file .cpp, or pass -x c++ to clang"
#else

#include "ap_common.h"

#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wbit-int-extension"

// The constructors every ap_[u]int<N> forwards to ap_int_base<N, S>.
#define AP_INT_CTORS(_AP_NAME, _AP_S)                                                           \
  _AP_NAME() = default;                                                                     \
  template <int _AP_N2, bool _AP_S2> inline _AP_NAME(const ap_int_base<_AP_N2, _AP_S2> &_AP_o) noexcept : _AP_Base(_AP_o) {}     \
  template <int _AP_N2, bool _AP_S2> inline _AP_NAME(const ap_bit_ref<_AP_N2, _AP_S2> &_AP_r) noexcept : _AP_Base(_AP_r) {}      \
  template <int _AP_N2, bool _AP_S2> inline _AP_NAME(const ap_range_ref<_AP_N2, _AP_S2> &_AP_r) noexcept : _AP_Base(_AP_r) {}    \
  template <int _AP_W2, int _AP_I2, bool _AP_S2, ap_q_mode _AP_Q2, ap_o_mode _AP_O2, int _AP_NB2>               \
  inline _AP_NAME(const ap_fixed_base<_AP_W2, _AP_I2, _AP_S2, _AP_Q2, _AP_O2, _AP_NB2> &_AP_f) noexcept : _AP_Base(_AP_f) {}             \
  constexpr _AP_NAME(bool _AP_x) noexcept : _AP_Base(_AP_x) {}                                                      \
  constexpr _AP_NAME(char _AP_x) noexcept : _AP_Base(_AP_x) {}                                                      \
  constexpr _AP_NAME(signed char _AP_x) noexcept : _AP_Base(_AP_x) {}                                               \
  constexpr _AP_NAME(unsigned char _AP_x) noexcept : _AP_Base(_AP_x) {}                                             \
  constexpr _AP_NAME(short _AP_x) noexcept : _AP_Base(_AP_x) {}                                                     \
  constexpr _AP_NAME(unsigned short _AP_x) noexcept : _AP_Base(_AP_x) {}                                            \
  constexpr _AP_NAME(int _AP_x) noexcept : _AP_Base(_AP_x) {}                                                       \
  constexpr _AP_NAME(unsigned int _AP_x) noexcept : _AP_Base(_AP_x) {}                                              \
  constexpr _AP_NAME(long _AP_x) noexcept : _AP_Base(_AP_x) {}                                                      \
  constexpr _AP_NAME(unsigned long _AP_x) noexcept : _AP_Base(_AP_x) {}                                             \
  constexpr _AP_NAME(long long _AP_x) noexcept : _AP_Base(_AP_x) {}                                                 \
  constexpr _AP_NAME(unsigned long long _AP_x) noexcept : _AP_Base(_AP_x) {}                                        \
  constexpr _AP_NAME(float _AP_x) noexcept : _AP_Base(_AP_x) {}                                                     \
  constexpr _AP_NAME(double _AP_x) noexcept : _AP_Base(_AP_x) {}                                                    \
  inline _AP_NAME(const char *_AP_s) noexcept : _AP_Base(_AP_s) {}                                               \
  inline _AP_NAME(const char *_AP_s, signed char _AP_radix) noexcept : _AP_Base(_AP_s, _AP_radix) {}

template <int _AP_N> struct ap_int : ap_int_base<_AP_N, true> {
  typedef ap_int_base<_AP_N, true> _AP_Base;
  AP_INT_CTORS(ap_int, true)
};

template <int _AP_N> struct ap_uint : ap_int_base<_AP_N, false> {
  typedef ap_int_base<_AP_N, false> _AP_Base;
  AP_INT_CTORS(ap_uint, false)
};

#undef AP_INT_CTORS
#pragma clang diagnostic pop

#include "ap_fixed.h"
#endif // __cplusplus
#endif
