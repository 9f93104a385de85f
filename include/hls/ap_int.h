// hlsmoe's own ap_int<N> / ap_uint<N> (API-compatible subset; see README.md).
// Written for hlsmoe from the public interface description in UG1399; the core is
// ap_common.h.  Including this header also gives ap_fixed / ap_ufixed, as users expect.
#ifndef HLSMOE_AP_INT_H
#define HLSMOE_AP_INT_H

#include "ap_common.h"

#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wbit-int-extension"

// The constructors every ap_[u]int<N> forwards to ap_int_base<N, S>.
#define AP_INT_CTORS(NAME, S)                                                           \
  NAME() = default;                                                                     \
  template <int N2, bool S2> inline NAME(const ap_int_base<N2, S2> &o) noexcept : Base(o) {}     \
  template <int N2, bool S2> inline NAME(const ap_bit_ref<N2, S2> &r) noexcept : Base(r) {}      \
  template <int N2, bool S2> inline NAME(const ap_range_ref<N2, S2> &r) noexcept : Base(r) {}    \
  template <int W2, int I2, bool S2, ap_q_mode Q2, ap_o_mode O2, int NB2>               \
  inline NAME(const ap_fixed_base<W2, I2, S2, Q2, O2, NB2> &f) noexcept : Base(f) {}             \
  constexpr NAME(bool x) noexcept : Base(x) {}                                                      \
  constexpr NAME(char x) noexcept : Base(x) {}                                                      \
  constexpr NAME(signed char x) noexcept : Base(x) {}                                               \
  constexpr NAME(unsigned char x) noexcept : Base(x) {}                                             \
  constexpr NAME(short x) noexcept : Base(x) {}                                                     \
  constexpr NAME(unsigned short x) noexcept : Base(x) {}                                            \
  constexpr NAME(int x) noexcept : Base(x) {}                                                       \
  constexpr NAME(unsigned int x) noexcept : Base(x) {}                                              \
  constexpr NAME(long x) noexcept : Base(x) {}                                                      \
  constexpr NAME(unsigned long x) noexcept : Base(x) {}                                             \
  constexpr NAME(long long x) noexcept : Base(x) {}                                                 \
  constexpr NAME(unsigned long long x) noexcept : Base(x) {}                                        \
  constexpr NAME(float x) noexcept : Base(x) {}                                                     \
  constexpr NAME(double x) noexcept : Base(x) {}                                                    \
  inline NAME(const char *s) noexcept : Base(s) {}                                               \
  inline NAME(const char *s, signed char radix) noexcept : Base(s, radix) {}

template <int N> struct ap_int : ap_int_base<N, true> {
  typedef ap_int_base<N, true> Base;
  AP_INT_CTORS(ap_int, true)
};

template <int N> struct ap_uint : ap_int_base<N, false> {
  typedef ap_int_base<N, false> Base;
  AP_INT_CTORS(ap_uint, false)
};

#undef AP_INT_CTORS
#pragma clang diagnostic pop

#include "ap_fixed.h"
#endif
