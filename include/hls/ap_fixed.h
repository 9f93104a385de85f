// hlsmoe's own ap_fixed<W, I, Q, O, N> / ap_ufixed<...> (API-compatible subset; README.md).
// Written for hlsmoe from the public interface description in UG1399.  The value is
// V * 2^-(W-I) with V an ap_int_base<W, S> (a _BitInt(W)), so arithmetic is integer
// arithmetic at the documented result widths.  Modelled modes: quantisation AP_TRN,
// AP_TRN_ZERO and AP_RND (the other AP_RND_* are taken as AP_RND); overflow AP_WRAP,
// AP_SAT, AP_SAT_ZERO and AP_SAT_SYM (AP_WRAP_SM is taken as AP_WRAP); N is ignored.
#ifndef HLSMOE_AP_FIXED_H
#define HLSMOE_AP_FIXED_H

// C++ only (templates, namespaces): say so once instead of a wall of template errors.
#ifndef __cplusplus
#error "ap_fixed.h is a C++ header: name the kernel file .cpp, or pass -x c++ to clang"
#else

#include "ap_int.h"

#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wbit-int-extension"

#if __cplusplus >= 201402L
#define AP_CONSTEXPR14 constexpr
#else
#define AP_CONSTEXPR14 inline
#endif

// 2^E as a compile-time double.
template <int _AP_E, bool _AP_Neg = (_AP_E < 0)> struct ap_pow2 {
  static constexpr double _AP_value = ap_pow2<_AP_E / 2>::_AP_value * ap_pow2<_AP_E / 2>::_AP_value * ((_AP_E & 1) ? 2.0 : 1.0);
};
template <int _AP_E> struct ap_pow2<_AP_E, true> { static constexpr double _AP_value = 1.0 / ap_pow2<-_AP_E>::_AP_value; };
template <> struct ap_pow2<0, false> { static constexpr double _AP_value = 1.0; };

// x * 2^K for a compile-time K of either sign (>> is arithmetic: floor).
template <int _AP_K, bool _AP_Pos = (_AP_K >= 0)> struct ap_shift_const {
  template <int _AP_N, bool _AP_S> static inline ap_int_base<_AP_N, _AP_S> _AP_apply(const ap_int_base<_AP_N, _AP_S> &_AP_x) noexcept { return _AP_x << _AP_K; }
};
template <int _AP_K> struct ap_shift_const<_AP_K, false> {
  template <int _AP_N, bool _AP_S> static inline ap_int_base<_AP_N, _AP_S> _AP_apply(const ap_int_base<_AP_N, _AP_S> &_AP_x) noexcept { return _AP_x >> -_AP_K; }
};

template <int _AP_W, int _AP_I, bool _AP_S, ap_q_mode _AP_Q = AP_TRN, ap_o_mode _AP_O = AP_WRAP, int _AP_NB = 0> struct ap_fixed_base {
  enum { _AP_F = _AP_W - _AP_I };
  typedef ap_int_base<_AP_W, _AP_S> _AP_raw_t;
  _AP_raw_t _AP_V;  // value = V * 2^-F

  ap_fixed_base() = default;

  // Quantise and overflow a raw value with F2 fractional bits into this type.
  template <int _AP_F2, int _AP_N2, bool _AP_S2> inline void ap_from_raw_(const ap_int_base<_AP_N2, _AP_S2> &_AP_r) noexcept {
    enum { _AP_SH = _AP_F2 - _AP_F, _AP_WW = AP_MAX(_AP_N2 + AP_MAX(_AP_F - _AP_F2, 0), _AP_W) + 2 };
    typedef ap_int_base<_AP_WW, true> _AP_w_t;
    _AP_w_t _AP_x(_AP_r);
    if (_AP_SH > 0) {
      if (_AP_Q == AP_TRN_ZERO) {
        if (_AP_x < 0)
          _AP_x = _AP_x + ap_shift_const<(_AP_SH > 0 ? _AP_SH : 0)>::_AP_apply(_AP_w_t(1)) - 1;
      } else if (_AP_Q != AP_TRN) {  // AP_RND and the other rounding modes: round half up
        _AP_x = _AP_x + ap_shift_const<(_AP_SH > 0 ? _AP_SH - 1 : 0)>::_AP_apply(_AP_w_t(1));
      }
    }
    _AP_x = ap_shift_const<-_AP_SH>::_AP_apply(_AP_x);
    ap_overflow_(_AP_x);
  }
  template <int _AP_WW> inline void ap_overflow_(const ap_int_base<_AP_WW, true> &_AP_x) noexcept {
    if (_AP_O == AP_SAT || _AP_O == AP_SAT_ZERO || _AP_O == AP_SAT_SYM) {
      _AP_raw_t _AP_hi, _AP_lo;
      _AP_hi._AP_V = 0;
      _AP_hi.b_not();
      if (_AP_S)
        _AP_hi.clear(_AP_W - 1);  // largest
      _AP_lo = ~_AP_hi;           // smallest (0 when unsigned)
      if (_AP_O == AP_SAT_SYM && _AP_S)
        _AP_lo = -_AP_hi;
      if (_AP_x > _AP_hi) {
        _AP_V = _AP_O == AP_SAT_ZERO ? _AP_raw_t(0) : _AP_hi;
        return;
      }
      if (_AP_x < _AP_lo) {
        _AP_V = _AP_O == AP_SAT_ZERO ? _AP_raw_t(0) : _AP_lo;
        return;
      }
    }
    _AP_V = _AP_raw_t(_AP_x);  // wrap
  }
  // constexpr from C++14, so const tables of ap_fixed written as doubles are constants.
  AP_CONSTEXPR14 void ap_from_double_(double _AP_d) noexcept {
    typedef signed _BitInt(_AP_W + 2) _AP_t_t;
    double _AP_x = _AP_d * ap_pow2<_AP_F>::_AP_value;
    if (_AP_Q != AP_TRN && _AP_Q != AP_TRN_ZERO)
      _AP_x = _AP_x + 0.5;  // round half up, then floor
    if (_AP_O == AP_SAT || _AP_O == AP_SAT_ZERO || _AP_O == AP_SAT_SYM) {
      double _AP_hi = _AP_S ? ap_pow2<_AP_W - 1>::_AP_value - 1 : ap_pow2<_AP_W>::_AP_value - 1;
      double _AP_lo = _AP_S ? (_AP_O == AP_SAT_SYM ? -_AP_hi : -ap_pow2<_AP_W - 1>::_AP_value) : 0.0;
      if (_AP_x >= _AP_hi + 1)
        _AP_x = _AP_O == AP_SAT_ZERO ? 0 : _AP_hi;
      if (_AP_x < _AP_lo)
        _AP_x = _AP_O == AP_SAT_ZERO ? 0 : _AP_lo;
    }
    _AP_t_t _AP_t = (_AP_t_t)_AP_x;  // toward zero
    if (_AP_Q != AP_TRN_ZERO && (double)_AP_t > _AP_x)
      _AP_t = _AP_t - 1;  // floor (no libm call)
    _AP_V._AP_V = ap_storage<_AP_W, _AP_S>::_AP_norm((typename _AP_raw_t::_AP_data_t)_AP_t);
  }

  template <int _AP_W2, int _AP_I2, bool _AP_S2, ap_q_mode _AP_Q2, ap_o_mode _AP_O2, int _AP_NB2>
  inline ap_fixed_base(const ap_fixed_base<_AP_W2, _AP_I2, _AP_S2, _AP_Q2, _AP_O2, _AP_NB2> &_AP_o) noexcept { ap_from_raw_<_AP_W2 - _AP_I2>(_AP_o._AP_V); }
  template <int _AP_N2, bool _AP_S2> inline ap_fixed_base(const ap_int_base<_AP_N2, _AP_S2> &_AP_o) noexcept { ap_from_raw_<0>(_AP_o); }
  template <int _AP_N2, bool _AP_S2> inline ap_fixed_base(const ap_bit_ref<_AP_N2, _AP_S2> &_AP_o) noexcept { ap_from_raw_<0>(_AP_o.get()); }
  template <int _AP_N2, bool _AP_S2> inline ap_fixed_base(const ap_range_ref<_AP_N2, _AP_S2> &_AP_o) noexcept { ap_from_raw_<0>(_AP_o.get()); }
#define AP_FX_CTOR(_AP_T) \
  inline ap_fixed_base(_AP_T _AP_x) noexcept { ap_from_raw_<0>(ap_int_base<ap_c_int<_AP_T>::width, ap_c_int<_AP_T>::sign>(_AP_x)); }
  AP_FX_CTOR(bool)
  AP_FX_CTOR(char)
  AP_FX_CTOR(signed char)
  AP_FX_CTOR(unsigned char)
  AP_FX_CTOR(short)
  AP_FX_CTOR(unsigned short)
  AP_FX_CTOR(int)
  AP_FX_CTOR(unsigned int)
  AP_FX_CTOR(long)
  AP_FX_CTOR(unsigned long)
  AP_FX_CTOR(long long)
  AP_FX_CTOR(unsigned long long)
#undef AP_FX_CTOR
  AP_CONSTEXPR14 ap_fixed_base(float _AP_x) noexcept : _AP_V() { ap_from_double_(_AP_x); }
  AP_CONSTEXPR14 ap_fixed_base(double _AP_x) noexcept : _AP_V() { ap_from_double_(_AP_x); }

  // conversions
  inline double to_double() const noexcept { return _AP_V.to_double() * ap_pow2<-_AP_F>::_AP_value; }
  inline float to_float() const noexcept { return (float)to_double(); }
  inline operator double() const noexcept { return to_double(); }
  // The integer part, truncated toward zero (as C converts floating point).
  inline ap_int_base<AP_MAX(_AP_I, 1), _AP_S> to_ap_int_base() const noexcept {
    typedef ap_int_base<_AP_W + 1 + AP_MAX(-_AP_F, 0), _AP_S> _AP_x_t;
    _AP_x_t _AP_x(_AP_V);
    if (_AP_F > 0 && _AP_S && _AP_V < 0)
      _AP_x = _AP_x + ap_shift_const<(_AP_F > 0 ? _AP_F : 0)>::_AP_apply(_AP_x_t(1)) - 1;
    return ap_int_base<AP_MAX(_AP_I, 1), _AP_S>(ap_shift_const<-_AP_F>::_AP_apply(_AP_x));
  }
  inline int to_int() const noexcept { return to_ap_int_base().to_int(); }
  inline unsigned to_uint() const noexcept { return to_ap_int_base().to_uint(); }
  inline long to_long() const noexcept { return to_ap_int_base().to_long(); }
  inline unsigned long to_ulong() const noexcept { return to_ap_int_base().to_ulong(); }
  inline ap_slong to_int64() const noexcept { return to_ap_int_base().to_int64(); }
  inline ap_ulong to_uint64() const noexcept { return to_ap_int_base().to_uint64(); }
  inline bool to_bool() const noexcept { return !_AP_V.is_zero(); }
  inline int length() const noexcept { return _AP_W; }
  inline bool is_neg() const noexcept { return _AP_S && _AP_V < 0; }
  inline bool iszero() const noexcept { return _AP_V.is_zero(); }

  // bits of the raw value
  inline ap_bit_ref<_AP_W, _AP_S> operator[](int _AP_i) noexcept { return _AP_V[_AP_i]; }
  inline bool operator[](int _AP_i) const noexcept { return _AP_V.test(_AP_i); }
  inline ap_bit_ref<_AP_W, _AP_S> bit(int _AP_i) noexcept { return _AP_V[_AP_i]; }
  inline bool get_bit(int _AP_i) const noexcept { return _AP_V.test(_AP_i); }
  inline void set_bit(int _AP_i, bool _AP_b) noexcept { _AP_V.set_bit(_AP_i, _AP_b); }
  inline ap_range_ref<_AP_W, _AP_S> range(int _AP_hi, int _AP_lo) noexcept { return _AP_V.range(_AP_hi, _AP_lo); }
  inline ap_range_ref<_AP_W, _AP_S> range() noexcept { return _AP_V.range(); }
  inline ap_range_ref<_AP_W, _AP_S> operator()(int _AP_hi, int _AP_lo) noexcept { return _AP_V.range(_AP_hi, _AP_lo); }
  inline ap_range_ref<_AP_W, _AP_S> range(int _AP_hi, int _AP_lo) const noexcept { return _AP_V.range(_AP_hi, _AP_lo); }
  inline ap_range_ref<_AP_W, _AP_S> range() const noexcept { return _AP_V.range(); }
  inline ap_range_ref<_AP_W, _AP_S> operator()(int _AP_hi, int _AP_lo) const noexcept { return _AP_V.range(_AP_hi, _AP_lo); }
  inline ap_int_base<_AP_W, false> get_range(int _AP_hi, int _AP_lo) const noexcept { return _AP_V.get_range(_AP_hi, _AP_lo); }
  inline bool and_reduce() const noexcept { return _AP_V.and_reduce(); }
  inline bool or_reduce() const noexcept { return _AP_V.or_reduce(); }
  inline bool xor_reduce() const noexcept { return _AP_V.xor_reduce(); }

  // unary, shifts (value shifted, type kept), increment
  inline ap_fixed_base operator+() const noexcept { return *this; }
  inline ap_fixed_base<_AP_W + 1, _AP_I + 1, true> operator-() const noexcept {
    ap_fixed_base<_AP_W + 1, _AP_I + 1, true> _AP_r;
    _AP_r._AP_V = -_AP_V;
    return _AP_r;
  }
  inline ap_fixed_base operator~() const noexcept { ap_fixed_base _AP_r; _AP_r._AP_V = ~_AP_V; return _AP_r; }
  inline bool operator!() const noexcept { return _AP_V.is_zero(); }
  inline ap_fixed_base operator<<(int _AP_n) const noexcept { ap_fixed_base _AP_r; _AP_r._AP_V = _AP_n >= 0 ? _AP_V << _AP_n : _AP_V >> -_AP_n; return _AP_r; }
  inline ap_fixed_base operator>>(int _AP_n) const noexcept { ap_fixed_base _AP_r; _AP_r._AP_V = _AP_n >= 0 ? _AP_V >> _AP_n : _AP_V << -_AP_n; return _AP_r; }
  inline ap_fixed_base &operator<<=(int _AP_n) noexcept { return *this = *this << _AP_n; }
  inline ap_fixed_base &operator>>=(int _AP_n) noexcept { return *this = *this >> _AP_n; }
  inline ap_fixed_base &operator++() noexcept { return *this += 1; }
  inline ap_fixed_base &operator--() noexcept { return *this -= 1; }
  inline ap_fixed_base operator++(int) noexcept { ap_fixed_base _AP_t = *this; *this += 1; return _AP_t; }
  inline ap_fixed_base operator--(int) noexcept { ap_fixed_base _AP_t = *this; *this -= 1; return _AP_t; }

#define AP_FX_COMPOUND(_AP_OP)                                                                 \
  template <int _AP_W2, int _AP_I2, bool _AP_S2, ap_q_mode _AP_Q2, ap_o_mode _AP_O2, int _AP_NB2>                   \
  inline ap_fixed_base &operator _AP_OP##=(const ap_fixed_base<_AP_W2, _AP_I2, _AP_S2, _AP_Q2, _AP_O2, _AP_NB2> &_AP_b) noexcept {  \
    return *this = ap_fixed_base(*this _AP_OP _AP_b);                                               \
  }                                                                                         \
  template <int _AP_N2, bool _AP_S2> inline ap_fixed_base &operator _AP_OP##=(const ap_int_base<_AP_N2, _AP_S2> &_AP_b) noexcept { \
    return *this = ap_fixed_base(*this _AP_OP ap_fixed_base<_AP_N2, _AP_N2, _AP_S2>(_AP_b));                    \
  }                                                                                         \
  template <class _AP_T>                                                                        \
  inline typename ap_enable_if<ap_c_int<_AP_T>::_AP_ok, ap_fixed_base &>::_AP_type operator _AP_OP##=(_AP_T _AP_b) noexcept { \
    return *this = ap_fixed_base(*this _AP_OP ap_fixed_base<ap_c_int<_AP_T>::width, ap_c_int<_AP_T>::width, ap_c_int<_AP_T>::sign>(_AP_b)); \
  }                                                                                         \
  template <class _AP_T>                                                                        \
  inline typename ap_enable_if<ap_c_float<_AP_T>::_AP_ok, ap_fixed_base &>::_AP_type operator _AP_OP##=(_AP_T _AP_b) noexcept { \
    return *this = ap_fixed_base(*this _AP_OP ap_fixed_base(_AP_b));                                \
  }
  AP_FX_COMPOUND(+)
  AP_FX_COMPOUND(-)
  AP_FX_COMPOUND(*)
  AP_FX_COMPOUND(/)
#undef AP_FX_COMPOUND
};

// Result types (full precision, as documented for Vitis ap_fixed).
template <int _AP_W1, int _AP_I1, bool _AP_S1, int _AP_W2, int _AP_I2, bool _AP_S2> struct ap_frt {
  enum {
    _AP_F1 = _AP_W1 - _AP_I1,
    _AP_F2 = _AP_W2 - _AP_I2,
    _AP_F = AP_MAX(_AP_F1, _AP_F2),
    _AP_plus_i = AP_MAX(_AP_I1 + (_AP_S2 && !_AP_S1), _AP_I2 + (_AP_S1 && !_AP_S2)) + 1,
    _AP_sgn = _AP_S1 || _AP_S2,
    _AP_div_f2 = AP_MAX(_AP_F2, 0)
  };
  typedef ap_fixed_base<_AP_plus_i + _AP_F, _AP_plus_i, _AP_sgn> _AP_plus;
  typedef ap_fixed_base<_AP_plus_i + _AP_F, _AP_plus_i, true> _AP_minus;
  typedef ap_fixed_base<_AP_W1 + _AP_W2, _AP_I1 + _AP_I2, _AP_sgn> _AP_mult;
  // V1 << max(F2, 0) divided by V2: F1 + max(-F2, 0) fractional bits
  typedef ap_fixed_base<_AP_W1 + _AP_div_f2 + _AP_S2, _AP_I1 + _AP_F2 + _AP_S2, _AP_sgn> _AP_div;
};

template <int _AP_W, int _AP_I, bool _AP_S, ap_q_mode _AP_Q, ap_o_mode _AP_O, int _AP_NB, int _AP_W2, int _AP_I2, bool _AP_S2, ap_q_mode _AP_Q2, ap_o_mode _AP_O2, int _AP_NB2>
inline typename ap_frt<_AP_W, _AP_I, _AP_S, _AP_W2, _AP_I2, _AP_S2>::_AP_plus ap_fx_align_(const ap_fixed_base<_AP_W, _AP_I, _AP_S, _AP_Q, _AP_O, _AP_NB> &_AP_a,
                                                               const ap_fixed_base<_AP_W2, _AP_I2, _AP_S2, _AP_Q2, _AP_O2, _AP_NB2> &) noexcept {
  typedef typename ap_frt<_AP_W, _AP_I, _AP_S, _AP_W2, _AP_I2, _AP_S2>::_AP_plus _AP_R;
  _AP_R _AP_r;
  _AP_r._AP_V = ap_shift_const<_AP_R::_AP_F - (_AP_W - _AP_I)>::_AP_apply(typename _AP_R::_AP_raw_t(_AP_a._AP_V));
  return _AP_r;
}

#define AP_FX_T1 int _AP_W1, int _AP_I1, bool _AP_S1, ap_q_mode _AP_Q1, ap_o_mode _AP_O1, int _AP_NB1
#define AP_FX_T2 int _AP_W2, int _AP_I2, bool _AP_S2, ap_q_mode _AP_Q2, ap_o_mode _AP_O2, int _AP_NB2
#define AP_FX_A ap_fixed_base<_AP_W1, _AP_I1, _AP_S1, _AP_Q1, _AP_O1, _AP_NB1>
#define AP_FX_B ap_fixed_base<_AP_W2, _AP_I2, _AP_S2, _AP_Q2, _AP_O2, _AP_NB2>
#define AP_FX_CI(_AP_T) ap_fixed_base<ap_c_int<_AP_T>::width, ap_c_int<_AP_T>::width, ap_c_int<_AP_T>::sign>
#define AP_FX_RT(_AP_RT, _AP_T) typename ap_frt<_AP_W1, _AP_I1, _AP_S1, ap_c_int<_AP_T>::width, ap_c_int<_AP_T>::width, ap_c_int<_AP_T>::sign>::_AP_RT
#define AP_FX_RTR(_AP_RT, _AP_T) typename ap_frt<ap_c_int<_AP_T>::width, ap_c_int<_AP_T>::width, ap_c_int<_AP_T>::sign, _AP_W1, _AP_I1, _AP_S1>::_AP_RT

template <AP_FX_T1, AP_FX_T2>
inline typename ap_frt<_AP_W1, _AP_I1, _AP_S1, _AP_W2, _AP_I2, _AP_S2>::_AP_plus operator+(const AP_FX_A &_AP_a, const AP_FX_B &_AP_b) noexcept {
  typename ap_frt<_AP_W1, _AP_I1, _AP_S1, _AP_W2, _AP_I2, _AP_S2>::_AP_plus _AP_r;
  _AP_r._AP_V.ap_assign_(ap_fx_align_(_AP_a, _AP_b)._AP_V._AP_V + ap_fx_align_(_AP_b, _AP_a)._AP_V._AP_V);
  return _AP_r;
}
template <AP_FX_T1, AP_FX_T2>
inline typename ap_frt<_AP_W1, _AP_I1, _AP_S1, _AP_W2, _AP_I2, _AP_S2>::_AP_minus operator-(const AP_FX_A &_AP_a, const AP_FX_B &_AP_b) noexcept {
  typedef typename ap_frt<_AP_W1, _AP_I1, _AP_S1, _AP_W2, _AP_I2, _AP_S2>::_AP_minus _AP_R;
  _AP_R _AP_r;
  _AP_r._AP_V.ap_assign_(typename _AP_R::_AP_raw_t(ap_fx_align_(_AP_a, _AP_b)._AP_V)._AP_V - typename _AP_R::_AP_raw_t(ap_fx_align_(_AP_b, _AP_a)._AP_V)._AP_V);
  return _AP_r;
}
template <AP_FX_T1, AP_FX_T2>
inline typename ap_frt<_AP_W1, _AP_I1, _AP_S1, _AP_W2, _AP_I2, _AP_S2>::_AP_mult operator*(const AP_FX_A &_AP_a, const AP_FX_B &_AP_b) noexcept {
  typedef typename ap_frt<_AP_W1, _AP_I1, _AP_S1, _AP_W2, _AP_I2, _AP_S2>::_AP_mult _AP_R;
  _AP_R _AP_r;
  _AP_r._AP_V.ap_assign_(typename _AP_R::_AP_raw_t(_AP_a._AP_V)._AP_V * typename _AP_R::_AP_raw_t(_AP_b._AP_V)._AP_V);
  return _AP_r;
}
template <AP_FX_T1, AP_FX_T2>
inline typename ap_frt<_AP_W1, _AP_I1, _AP_S1, _AP_W2, _AP_I2, _AP_S2>::_AP_div operator/(const AP_FX_A &_AP_a, const AP_FX_B &_AP_b) noexcept {
  typedef typename ap_frt<_AP_W1, _AP_I1, _AP_S1, _AP_W2, _AP_I2, _AP_S2>::_AP_div _AP_R;
  enum { _AP_SH = ap_frt<_AP_W1, _AP_I1, _AP_S1, _AP_W2, _AP_I2, _AP_S2>::_AP_div_f2 };
  typename _AP_R::_AP_raw_t _AP_n = ap_shift_const<_AP_SH>::_AP_apply(typename _AP_R::_AP_raw_t(_AP_a._AP_V));
  _AP_R _AP_r;
  _AP_r._AP_V.ap_assign_(_AP_n._AP_V / typename _AP_R::_AP_raw_t(_AP_b._AP_V)._AP_V);
  return _AP_r;
}

#define AP_FX_BINOP(_AP_OP, _AP_RT)                                                                \
  template <AP_FX_T1, int _AP_N2, bool _AP_S2>                                                     \
  inline typename ap_frt<_AP_W1, _AP_I1, _AP_S1, _AP_N2, _AP_N2, _AP_S2>::_AP_RT operator _AP_OP(const AP_FX_A &_AP_a, const ap_int_base<_AP_N2, _AP_S2> &_AP_b) noexcept { \
    return _AP_a _AP_OP ap_fixed_base<_AP_N2, _AP_N2, _AP_S2>(_AP_b);                                              \
  }                                                                                        \
  template <AP_FX_T1, int _AP_N2, bool _AP_S2>                                                     \
  inline typename ap_frt<_AP_N2, _AP_N2, _AP_S2, _AP_W1, _AP_I1, _AP_S1>::_AP_RT operator _AP_OP(const ap_int_base<_AP_N2, _AP_S2> &_AP_a, const AP_FX_A &_AP_b) noexcept { \
    return ap_fixed_base<_AP_N2, _AP_N2, _AP_S2>(_AP_a) _AP_OP _AP_b;                                              \
  }                                                                                        \
  template <AP_FX_T1, class _AP_T>                                                             \
  inline typename ap_enable_if<ap_c_int<_AP_T>::_AP_ok, AP_FX_RT(_AP_RT, _AP_T)>::_AP_type operator _AP_OP(const AP_FX_A &_AP_a, _AP_T _AP_b) noexcept { \
    return _AP_a _AP_OP AP_FX_CI(_AP_T)(_AP_b);                                                            \
  }                                                                                        \
  template <AP_FX_T1, class _AP_T>                                                             \
  inline typename ap_enable_if<ap_c_int<_AP_T>::_AP_ok, AP_FX_RTR(_AP_RT, _AP_T)>::_AP_type operator _AP_OP(_AP_T _AP_a, const AP_FX_A &_AP_b) noexcept { \
    return AP_FX_CI(_AP_T)(_AP_a) _AP_OP _AP_b;                                                            \
  }                                                                                        \
  /* a float or double operand is first converted to the other operand's type */           \
  template <AP_FX_T1, class _AP_T>                                                             \
  inline typename ap_enable_if<ap_c_float<_AP_T>::_AP_ok, typename ap_frt<_AP_W1, _AP_I1, _AP_S1, _AP_W1, _AP_I1, _AP_S1>::_AP_RT>::_AP_type \
  operator _AP_OP(const AP_FX_A &_AP_a, _AP_T _AP_b) noexcept { return _AP_a _AP_OP AP_FX_A(_AP_b); }                           \
  template <AP_FX_T1, class _AP_T>                                                             \
  inline typename ap_enable_if<ap_c_float<_AP_T>::_AP_ok, typename ap_frt<_AP_W1, _AP_I1, _AP_S1, _AP_W1, _AP_I1, _AP_S1>::_AP_RT>::_AP_type \
  operator _AP_OP(_AP_T _AP_a, const AP_FX_A &_AP_b) noexcept { return AP_FX_A(_AP_a) _AP_OP _AP_b; }
AP_FX_BINOP(+, _AP_plus)
AP_FX_BINOP(-, _AP_minus)
AP_FX_BINOP(*, _AP_mult)
AP_FX_BINOP(/, _AP_div)
#undef AP_FX_BINOP

#define AP_FX_RELOP(_AP_OP)                                                                    \
  template <AP_FX_T1, AP_FX_T2> inline bool operator _AP_OP(const AP_FX_A &_AP_a, const AP_FX_B &_AP_b) noexcept { \
    return ap_fx_align_(_AP_a, _AP_b)._AP_V _AP_OP ap_fx_align_(_AP_b, _AP_a)._AP_V;                                   \
  }                                                                                        \
  template <AP_FX_T1, int _AP_N2, bool _AP_S2> inline bool operator _AP_OP(const AP_FX_A &_AP_a, const ap_int_base<_AP_N2, _AP_S2> &_AP_b) noexcept { \
    return _AP_a _AP_OP ap_fixed_base<_AP_N2, _AP_N2, _AP_S2>(_AP_b);                                              \
  }                                                                                        \
  template <AP_FX_T1, int _AP_N2, bool _AP_S2> inline bool operator _AP_OP(const ap_int_base<_AP_N2, _AP_S2> &_AP_a, const AP_FX_A &_AP_b) noexcept { \
    return ap_fixed_base<_AP_N2, _AP_N2, _AP_S2>(_AP_a) _AP_OP _AP_b;                                              \
  }                                                                                        \
  template <AP_FX_T1, class _AP_T>                                                             \
  inline typename ap_enable_if<ap_c_int<_AP_T>::_AP_ok, bool>::_AP_type operator _AP_OP(const AP_FX_A &_AP_a, _AP_T _AP_b) noexcept { return _AP_a _AP_OP AP_FX_CI(_AP_T)(_AP_b); } \
  template <AP_FX_T1, class _AP_T>                                                             \
  inline typename ap_enable_if<ap_c_int<_AP_T>::_AP_ok, bool>::_AP_type operator _AP_OP(_AP_T _AP_a, const AP_FX_A &_AP_b) noexcept { return AP_FX_CI(_AP_T)(_AP_a) _AP_OP _AP_b; } \
  template <AP_FX_T1, class _AP_T>                                                             \
  inline typename ap_enable_if<ap_c_float<_AP_T>::_AP_ok, bool>::_AP_type operator _AP_OP(const AP_FX_A &_AP_a, _AP_T _AP_b) noexcept { return _AP_a.to_double() _AP_OP (double)_AP_b; } \
  template <AP_FX_T1, class _AP_T>                                                             \
  inline typename ap_enable_if<ap_c_float<_AP_T>::_AP_ok, bool>::_AP_type operator _AP_OP(_AP_T _AP_a, const AP_FX_A &_AP_b) noexcept { return (double)_AP_a _AP_OP _AP_b.to_double(); }
AP_FX_RELOP(==)
AP_FX_RELOP(!=)
AP_FX_RELOP(<)
AP_FX_RELOP(<=)
AP_FX_RELOP(>)
AP_FX_RELOP(>=)
#undef AP_FX_RELOP
#undef AP_FX_T1
#undef AP_FX_T2
#undef AP_FX_A
#undef AP_FX_B
#undef AP_FX_CI
#undef AP_FX_RT
#undef AP_FX_RTR

// os << x prints to_double() (std::ostream and any type with write(const char *, n)).
template <class _AP_OS, int _AP_W, int _AP_I, bool _AP_S, ap_q_mode _AP_Q, ap_o_mode _AP_O, int _AP_NB>
inline auto operator<<(_AP_OS &_AP_os, const ap_fixed_base<_AP_W, _AP_I, _AP_S, _AP_Q, _AP_O, _AP_NB> &_AP_x) -> decltype(_AP_os.write((const char *)0, 0), _AP_os) {
  return _AP_os << _AP_x.to_double();
}

#define AP_FX_CTORS(_AP_NAME, _AP_S)                                                              \
  _AP_NAME() = default;                                                                       \
  template <int _AP_W2, int _AP_I2, bool _AP_S2, ap_q_mode _AP_Q2, ap_o_mode _AP_O2, int _AP_NB2>                 \
  inline _AP_NAME(const ap_fixed_base<_AP_W2, _AP_I2, _AP_S2, _AP_Q2, _AP_O2, _AP_NB2> &_AP_o) noexcept : _AP_Base(_AP_o) {}               \
  template <int _AP_N2, bool _AP_S2> inline _AP_NAME(const ap_int_base<_AP_N2, _AP_S2> &_AP_o) noexcept : _AP_Base(_AP_o) {}       \
  template <int _AP_N2, bool _AP_S2> inline _AP_NAME(const ap_bit_ref<_AP_N2, _AP_S2> &_AP_o) noexcept : _AP_Base(_AP_o) {}        \
  template <int _AP_N2, bool _AP_S2> inline _AP_NAME(const ap_range_ref<_AP_N2, _AP_S2> &_AP_o) noexcept : _AP_Base(_AP_o) {}      \
  inline _AP_NAME(bool _AP_x) noexcept : _AP_Base(_AP_x) {}                                                        \
  inline _AP_NAME(char _AP_x) noexcept : _AP_Base(_AP_x) {}                                                        \
  inline _AP_NAME(signed char _AP_x) noexcept : _AP_Base(_AP_x) {}                                                 \
  inline _AP_NAME(unsigned char _AP_x) noexcept : _AP_Base(_AP_x) {}                                               \
  inline _AP_NAME(short _AP_x) noexcept : _AP_Base(_AP_x) {}                                                       \
  inline _AP_NAME(unsigned short _AP_x) noexcept : _AP_Base(_AP_x) {}                                              \
  inline _AP_NAME(int _AP_x) noexcept : _AP_Base(_AP_x) {}                                                         \
  inline _AP_NAME(unsigned int _AP_x) noexcept : _AP_Base(_AP_x) {}                                                \
  inline _AP_NAME(long _AP_x) noexcept : _AP_Base(_AP_x) {}                                                        \
  inline _AP_NAME(unsigned long _AP_x) noexcept : _AP_Base(_AP_x) {}                                               \
  inline _AP_NAME(long long _AP_x) noexcept : _AP_Base(_AP_x) {}                                                   \
  inline _AP_NAME(unsigned long long _AP_x) noexcept : _AP_Base(_AP_x) {}                                          \
  AP_CONSTEXPR14 _AP_NAME(float _AP_x) noexcept : _AP_Base(_AP_x) {}                                               \
  AP_CONSTEXPR14 _AP_NAME(double _AP_x) noexcept : _AP_Base(_AP_x) {}

template <int _AP_W, int _AP_I, ap_q_mode _AP_Q = AP_TRN, ap_o_mode _AP_O = AP_WRAP, int _AP_NB = 0>
struct ap_fixed : ap_fixed_base<_AP_W, _AP_I, true, _AP_Q, _AP_O, _AP_NB> {
  typedef ap_fixed_base<_AP_W, _AP_I, true, _AP_Q, _AP_O, _AP_NB> _AP_Base;
  AP_FX_CTORS(ap_fixed, true)
};
template <int _AP_W, int _AP_I, ap_q_mode _AP_Q = AP_TRN, ap_o_mode _AP_O = AP_WRAP, int _AP_NB = 0>
struct ap_ufixed : ap_fixed_base<_AP_W, _AP_I, false, _AP_Q, _AP_O, _AP_NB> {
  typedef ap_fixed_base<_AP_W, _AP_I, false, _AP_Q, _AP_O, _AP_NB> _AP_Base;
  AP_FX_CTORS(ap_ufixed, false)
};
#undef AP_FX_CTORS

#undef AP_CONSTEXPR14
#pragma clang diagnostic pop
#endif // __cplusplus
#endif
