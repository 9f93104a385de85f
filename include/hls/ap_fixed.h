// hlsmoe's own ap_fixed<W, I, Q, O, N> / ap_ufixed<...> (API-compatible subset; README.md).
// Written for hlsmoe from the public interface description in UG1399.  The value is
// V * 2^-(W-I) with V an ap_int_base<W, S> (a _BitInt(W)), so arithmetic is integer
// arithmetic at the documented result widths.  Modelled modes: quantisation AP_TRN,
// AP_TRN_ZERO and AP_RND (the other AP_RND_* are taken as AP_RND); overflow AP_WRAP,
// AP_SAT, AP_SAT_ZERO and AP_SAT_SYM (AP_WRAP_SM is taken as AP_WRAP); N is ignored.
#ifndef HLSMOE_AP_FIXED_H
#define HLSMOE_AP_FIXED_H

#include "ap_int.h"

#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wbit-int-extension"

#if __cplusplus >= 201402L
#define AP_CONSTEXPR14 constexpr
#else
#define AP_CONSTEXPR14 inline
#endif

// 2^E as a compile-time double.
template <int E, bool Neg = (E < 0)> struct ap_pow2 {
  static constexpr double value = ap_pow2<E / 2>::value * ap_pow2<E / 2>::value * ((E & 1) ? 2.0 : 1.0);
};
template <int E> struct ap_pow2<E, true> { static constexpr double value = 1.0 / ap_pow2<-E>::value; };
template <> struct ap_pow2<0, false> { static constexpr double value = 1.0; };

// x * 2^K for a compile-time K of either sign (>> is arithmetic: floor).
template <int K, bool Pos = (K >= 0)> struct ap_shift_const {
  template <int N, bool S> static inline ap_int_base<N, S> apply(const ap_int_base<N, S> &x) noexcept { return x << K; }
};
template <int K> struct ap_shift_const<K, false> {
  template <int N, bool S> static inline ap_int_base<N, S> apply(const ap_int_base<N, S> &x) noexcept { return x >> -K; }
};

template <int W, int I, bool S, ap_q_mode Q = AP_TRN, ap_o_mode O = AP_WRAP, int NB = 0> struct ap_fixed_base {
  enum { F = W - I };
  typedef ap_int_base<W, S> raw_t;
  raw_t V;  // value = V * 2^-F

  ap_fixed_base() = default;

  // Quantise and overflow a raw value with F2 fractional bits into this type.
  template <int F2, int N2, bool S2> inline void ap_from_raw_(const ap_int_base<N2, S2> &r) noexcept {
    enum { SH = F2 - F, WW = AP_MAX(N2 + AP_MAX(F - F2, 0), W) + 2 };
    typedef ap_int_base<WW, true> w_t;
    w_t x(r);
    if (SH > 0) {
      if (Q == AP_TRN_ZERO) {
        if (x < 0)
          x = x + ap_shift_const<(SH > 0 ? SH : 0)>::apply(w_t(1)) - 1;
      } else if (Q != AP_TRN) {  // AP_RND and the other rounding modes: round half up
        x = x + ap_shift_const<(SH > 0 ? SH - 1 : 0)>::apply(w_t(1));
      }
    }
    x = ap_shift_const<-SH>::apply(x);
    ap_overflow_(x);
  }
  template <int WW> inline void ap_overflow_(const ap_int_base<WW, true> &x) noexcept {
    if (O == AP_SAT || O == AP_SAT_ZERO || O == AP_SAT_SYM) {
      raw_t hi, lo;
      hi.V = 0;
      hi.b_not();
      if (S)
        hi.clear(W - 1);  // largest
      lo = ~hi;           // smallest (0 when unsigned)
      if (O == AP_SAT_SYM && S)
        lo = -hi;
      if (x > hi) {
        V = O == AP_SAT_ZERO ? raw_t(0) : hi;
        return;
      }
      if (x < lo) {
        V = O == AP_SAT_ZERO ? raw_t(0) : lo;
        return;
      }
    }
    V = raw_t(x);  // wrap
  }
  // constexpr from C++14, so const tables of ap_fixed written as doubles are constants.
  AP_CONSTEXPR14 void ap_from_double_(double d) noexcept {
    typedef signed _BitInt(W + 2) t_t;
    double x = d * ap_pow2<F>::value;
    if (Q != AP_TRN && Q != AP_TRN_ZERO)
      x = x + 0.5;  // round half up, then floor
    if (O == AP_SAT || O == AP_SAT_ZERO || O == AP_SAT_SYM) {
      double hi = S ? ap_pow2<W - 1>::value - 1 : ap_pow2<W>::value - 1;
      double lo = S ? (O == AP_SAT_SYM ? -hi : -ap_pow2<W - 1>::value) : 0.0;
      if (x >= hi + 1)
        x = O == AP_SAT_ZERO ? 0 : hi;
      if (x < lo)
        x = O == AP_SAT_ZERO ? 0 : lo;
    }
    t_t t = (t_t)x;  // toward zero
    if (Q != AP_TRN_ZERO && (double)t > x)
      t = t - 1;  // floor (no libm call)
    V.V = ap_storage<W, S>::norm((typename raw_t::data_t)t);
  }

  template <int W2, int I2, bool S2, ap_q_mode Q2, ap_o_mode O2, int NB2>
  inline ap_fixed_base(const ap_fixed_base<W2, I2, S2, Q2, O2, NB2> &o) noexcept { ap_from_raw_<W2 - I2>(o.V); }
  template <int N2, bool S2> inline ap_fixed_base(const ap_int_base<N2, S2> &o) noexcept { ap_from_raw_<0>(o); }
  template <int N2, bool S2> inline ap_fixed_base(const ap_bit_ref<N2, S2> &o) noexcept { ap_from_raw_<0>(o.get()); }
  template <int N2, bool S2> inline ap_fixed_base(const ap_range_ref<N2, S2> &o) noexcept { ap_from_raw_<0>(o.get()); }
#define AP_FX_CTOR(T) \
  inline ap_fixed_base(T x) noexcept { ap_from_raw_<0>(ap_int_base<ap_c_int<T>::width, ap_c_int<T>::sign>(x)); }
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
  AP_CONSTEXPR14 ap_fixed_base(float x) noexcept : V() { ap_from_double_(x); }
  AP_CONSTEXPR14 ap_fixed_base(double x) noexcept : V() { ap_from_double_(x); }

  // conversions
  inline double to_double() const noexcept { return V.to_double() * ap_pow2<-F>::value; }
  inline float to_float() const noexcept { return (float)to_double(); }
  inline operator double() const noexcept { return to_double(); }
  // The integer part, truncated toward zero (as C converts floating point).
  inline ap_int_base<AP_MAX(I, 1), S> to_ap_int_base() const noexcept {
    typedef ap_int_base<W + 1 + AP_MAX(-F, 0), S> x_t;
    x_t x(V);
    if (F > 0 && S && V < 0)
      x = x + ap_shift_const<(F > 0 ? F : 0)>::apply(x_t(1)) - 1;
    return ap_int_base<AP_MAX(I, 1), S>(ap_shift_const<-F>::apply(x));
  }
  inline int to_int() const noexcept { return to_ap_int_base().to_int(); }
  inline unsigned to_uint() const noexcept { return to_ap_int_base().to_uint(); }
  inline long to_long() const noexcept { return to_ap_int_base().to_long(); }
  inline unsigned long to_ulong() const noexcept { return to_ap_int_base().to_ulong(); }
  inline ap_slong to_int64() const noexcept { return to_ap_int_base().to_int64(); }
  inline ap_ulong to_uint64() const noexcept { return to_ap_int_base().to_uint64(); }
  inline bool to_bool() const noexcept { return !V.is_zero(); }
  inline int length() const noexcept { return W; }
  inline bool is_neg() const noexcept { return S && V < 0; }
  inline bool iszero() const noexcept { return V.is_zero(); }

  // bits of the raw value
  inline ap_bit_ref<W, S> operator[](int i) noexcept { return V[i]; }
  inline bool operator[](int i) const noexcept { return V.test(i); }
  inline ap_bit_ref<W, S> bit(int i) noexcept { return V[i]; }
  inline bool get_bit(int i) const noexcept { return V.test(i); }
  inline void set_bit(int i, bool b) noexcept { V.set_bit(i, b); }
  inline ap_range_ref<W, S> range(int hi, int lo) noexcept { return V.range(hi, lo); }
  inline ap_range_ref<W, S> range() noexcept { return V.range(); }
  inline ap_range_ref<W, S> operator()(int hi, int lo) noexcept { return V.range(hi, lo); }
  inline ap_range_ref<W, S> range(int hi, int lo) const noexcept { return V.range(hi, lo); }
  inline ap_range_ref<W, S> range() const noexcept { return V.range(); }
  inline ap_range_ref<W, S> operator()(int hi, int lo) const noexcept { return V.range(hi, lo); }
  inline ap_int_base<W, false> get_range(int hi, int lo) const noexcept { return V.get_range(hi, lo); }
  inline bool and_reduce() const noexcept { return V.and_reduce(); }
  inline bool or_reduce() const noexcept { return V.or_reduce(); }
  inline bool xor_reduce() const noexcept { return V.xor_reduce(); }

  // unary, shifts (value shifted, type kept), increment
  inline ap_fixed_base operator+() const noexcept { return *this; }
  inline ap_fixed_base<W + 1, I + 1, true> operator-() const noexcept {
    ap_fixed_base<W + 1, I + 1, true> r;
    r.V = -V;
    return r;
  }
  inline ap_fixed_base operator~() const noexcept { ap_fixed_base r; r.V = ~V; return r; }
  inline bool operator!() const noexcept { return V.is_zero(); }
  inline ap_fixed_base operator<<(int n) const noexcept { ap_fixed_base r; r.V = n >= 0 ? V << n : V >> -n; return r; }
  inline ap_fixed_base operator>>(int n) const noexcept { ap_fixed_base r; r.V = n >= 0 ? V >> n : V << -n; return r; }
  inline ap_fixed_base &operator<<=(int n) noexcept { return *this = *this << n; }
  inline ap_fixed_base &operator>>=(int n) noexcept { return *this = *this >> n; }
  inline ap_fixed_base &operator++() noexcept { return *this += 1; }
  inline ap_fixed_base &operator--() noexcept { return *this -= 1; }
  inline ap_fixed_base operator++(int) noexcept { ap_fixed_base t = *this; *this += 1; return t; }
  inline ap_fixed_base operator--(int) noexcept { ap_fixed_base t = *this; *this -= 1; return t; }

#define AP_FX_COMPOUND(OP)                                                                 \
  template <int W2, int I2, bool S2, ap_q_mode Q2, ap_o_mode O2, int NB2>                   \
  inline ap_fixed_base &operator OP##=(const ap_fixed_base<W2, I2, S2, Q2, O2, NB2> &b) noexcept {  \
    return *this = ap_fixed_base(*this OP b);                                               \
  }                                                                                         \
  template <int N2, bool S2> inline ap_fixed_base &operator OP##=(const ap_int_base<N2, S2> &b) noexcept { \
    return *this = ap_fixed_base(*this OP ap_fixed_base<N2, N2, S2>(b));                    \
  }                                                                                         \
  template <class T>                                                                        \
  inline typename ap_enable_if<ap_c_int<T>::ok, ap_fixed_base &>::type operator OP##=(T b) noexcept { \
    return *this = ap_fixed_base(*this OP ap_fixed_base<ap_c_int<T>::width, ap_c_int<T>::width, ap_c_int<T>::sign>(b)); \
  }                                                                                         \
  template <class T>                                                                        \
  inline typename ap_enable_if<ap_c_float<T>::ok, ap_fixed_base &>::type operator OP##=(T b) noexcept { \
    return *this = ap_fixed_base(*this OP ap_fixed_base(b));                                \
  }
  AP_FX_COMPOUND(+)
  AP_FX_COMPOUND(-)
  AP_FX_COMPOUND(*)
  AP_FX_COMPOUND(/)
#undef AP_FX_COMPOUND
};

// Result types (full precision, as documented for Vitis ap_fixed).
template <int W1, int I1, bool S1, int W2, int I2, bool S2> struct ap_frt {
  enum {
    F1 = W1 - I1,
    F2 = W2 - I2,
    F = AP_MAX(F1, F2),
    plus_i = AP_MAX(I1 + (S2 && !S1), I2 + (S1 && !S2)) + 1,
    sgn = S1 || S2,
    div_f2 = AP_MAX(F2, 0)
  };
  typedef ap_fixed_base<plus_i + F, plus_i, sgn> plus;
  typedef ap_fixed_base<plus_i + F, plus_i, true> minus;
  typedef ap_fixed_base<W1 + W2, I1 + I2, sgn> mult;
  // V1 << max(F2, 0) divided by V2: F1 + max(-F2, 0) fractional bits
  typedef ap_fixed_base<W1 + div_f2 + S2, I1 + F2 + S2, sgn> div;
};

template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int NB, int W2, int I2, bool S2, ap_q_mode Q2, ap_o_mode O2, int NB2>
inline typename ap_frt<W, I, S, W2, I2, S2>::plus ap_fx_align_(const ap_fixed_base<W, I, S, Q, O, NB> &a,
                                                               const ap_fixed_base<W2, I2, S2, Q2, O2, NB2> &) noexcept {
  typedef typename ap_frt<W, I, S, W2, I2, S2>::plus R;
  R r;
  r.V = ap_shift_const<R::F - (W - I)>::apply(typename R::raw_t(a.V));
  return r;
}

#define AP_FX_T1 int W1, int I1, bool S1, ap_q_mode Q1, ap_o_mode O1, int NB1
#define AP_FX_T2 int W2, int I2, bool S2, ap_q_mode Q2, ap_o_mode O2, int NB2
#define AP_FX_A ap_fixed_base<W1, I1, S1, Q1, O1, NB1>
#define AP_FX_B ap_fixed_base<W2, I2, S2, Q2, O2, NB2>
#define AP_FX_CI(T) ap_fixed_base<ap_c_int<T>::width, ap_c_int<T>::width, ap_c_int<T>::sign>
#define AP_FX_RT(RT, T) typename ap_frt<W1, I1, S1, ap_c_int<T>::width, ap_c_int<T>::width, ap_c_int<T>::sign>::RT
#define AP_FX_RTR(RT, T) typename ap_frt<ap_c_int<T>::width, ap_c_int<T>::width, ap_c_int<T>::sign, W1, I1, S1>::RT

template <AP_FX_T1, AP_FX_T2>
inline typename ap_frt<W1, I1, S1, W2, I2, S2>::plus operator+(const AP_FX_A &a, const AP_FX_B &b) noexcept {
  typename ap_frt<W1, I1, S1, W2, I2, S2>::plus r;
  r.V.ap_assign_(ap_fx_align_(a, b).V.V + ap_fx_align_(b, a).V.V);
  return r;
}
template <AP_FX_T1, AP_FX_T2>
inline typename ap_frt<W1, I1, S1, W2, I2, S2>::minus operator-(const AP_FX_A &a, const AP_FX_B &b) noexcept {
  typedef typename ap_frt<W1, I1, S1, W2, I2, S2>::minus R;
  R r;
  r.V.ap_assign_(typename R::raw_t(ap_fx_align_(a, b).V).V - typename R::raw_t(ap_fx_align_(b, a).V).V);
  return r;
}
template <AP_FX_T1, AP_FX_T2>
inline typename ap_frt<W1, I1, S1, W2, I2, S2>::mult operator*(const AP_FX_A &a, const AP_FX_B &b) noexcept {
  typedef typename ap_frt<W1, I1, S1, W2, I2, S2>::mult R;
  R r;
  r.V.ap_assign_(typename R::raw_t(a.V).V * typename R::raw_t(b.V).V);
  return r;
}
template <AP_FX_T1, AP_FX_T2>
inline typename ap_frt<W1, I1, S1, W2, I2, S2>::div operator/(const AP_FX_A &a, const AP_FX_B &b) noexcept {
  typedef typename ap_frt<W1, I1, S1, W2, I2, S2>::div R;
  enum { SH = ap_frt<W1, I1, S1, W2, I2, S2>::div_f2 };
  typename R::raw_t n = ap_shift_const<SH>::apply(typename R::raw_t(a.V));
  R r;
  r.V.ap_assign_(n.V / typename R::raw_t(b.V).V);
  return r;
}

#define AP_FX_BINOP(OP, RT)                                                                \
  template <AP_FX_T1, int N2, bool S2>                                                     \
  inline typename ap_frt<W1, I1, S1, N2, N2, S2>::RT operator OP(const AP_FX_A &a, const ap_int_base<N2, S2> &b) noexcept { \
    return a OP ap_fixed_base<N2, N2, S2>(b);                                              \
  }                                                                                        \
  template <AP_FX_T1, int N2, bool S2>                                                     \
  inline typename ap_frt<N2, N2, S2, W1, I1, S1>::RT operator OP(const ap_int_base<N2, S2> &a, const AP_FX_A &b) noexcept { \
    return ap_fixed_base<N2, N2, S2>(a) OP b;                                              \
  }                                                                                        \
  template <AP_FX_T1, class T>                                                             \
  inline typename ap_enable_if<ap_c_int<T>::ok, AP_FX_RT(RT, T)>::type operator OP(const AP_FX_A &a, T b) noexcept { \
    return a OP AP_FX_CI(T)(b);                                                            \
  }                                                                                        \
  template <AP_FX_T1, class T>                                                             \
  inline typename ap_enable_if<ap_c_int<T>::ok, AP_FX_RTR(RT, T)>::type operator OP(T a, const AP_FX_A &b) noexcept { \
    return AP_FX_CI(T)(a) OP b;                                                            \
  }                                                                                        \
  /* a float or double operand is first converted to the other operand's type */           \
  template <AP_FX_T1, class T>                                                             \
  inline typename ap_enable_if<ap_c_float<T>::ok, typename ap_frt<W1, I1, S1, W1, I1, S1>::RT>::type \
  operator OP(const AP_FX_A &a, T b) noexcept { return a OP AP_FX_A(b); }                           \
  template <AP_FX_T1, class T>                                                             \
  inline typename ap_enable_if<ap_c_float<T>::ok, typename ap_frt<W1, I1, S1, W1, I1, S1>::RT>::type \
  operator OP(T a, const AP_FX_A &b) noexcept { return AP_FX_A(a) OP b; }
AP_FX_BINOP(+, plus)
AP_FX_BINOP(-, minus)
AP_FX_BINOP(*, mult)
AP_FX_BINOP(/, div)
#undef AP_FX_BINOP

#define AP_FX_RELOP(OP)                                                                    \
  template <AP_FX_T1, AP_FX_T2> inline bool operator OP(const AP_FX_A &a, const AP_FX_B &b) noexcept { \
    return ap_fx_align_(a, b).V OP ap_fx_align_(b, a).V;                                   \
  }                                                                                        \
  template <AP_FX_T1, int N2, bool S2> inline bool operator OP(const AP_FX_A &a, const ap_int_base<N2, S2> &b) noexcept { \
    return a OP ap_fixed_base<N2, N2, S2>(b);                                              \
  }                                                                                        \
  template <AP_FX_T1, int N2, bool S2> inline bool operator OP(const ap_int_base<N2, S2> &a, const AP_FX_A &b) noexcept { \
    return ap_fixed_base<N2, N2, S2>(a) OP b;                                              \
  }                                                                                        \
  template <AP_FX_T1, class T>                                                             \
  inline typename ap_enable_if<ap_c_int<T>::ok, bool>::type operator OP(const AP_FX_A &a, T b) noexcept { return a OP AP_FX_CI(T)(b); } \
  template <AP_FX_T1, class T>                                                             \
  inline typename ap_enable_if<ap_c_int<T>::ok, bool>::type operator OP(T a, const AP_FX_A &b) noexcept { return AP_FX_CI(T)(a) OP b; } \
  template <AP_FX_T1, class T>                                                             \
  inline typename ap_enable_if<ap_c_float<T>::ok, bool>::type operator OP(const AP_FX_A &a, T b) noexcept { return a.to_double() OP (double)b; } \
  template <AP_FX_T1, class T>                                                             \
  inline typename ap_enable_if<ap_c_float<T>::ok, bool>::type operator OP(T a, const AP_FX_A &b) noexcept { return (double)a OP b.to_double(); }
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
template <class OS, int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int NB>
inline auto operator<<(OS &os, const ap_fixed_base<W, I, S, Q, O, NB> &x) -> decltype(os.write((const char *)0, 0), os) {
  return os << x.to_double();
}

#define AP_FX_CTORS(NAME, S)                                                              \
  NAME() = default;                                                                       \
  template <int W2, int I2, bool S2, ap_q_mode Q2, ap_o_mode O2, int NB2>                 \
  inline NAME(const ap_fixed_base<W2, I2, S2, Q2, O2, NB2> &o) noexcept : Base(o) {}               \
  template <int N2, bool S2> inline NAME(const ap_int_base<N2, S2> &o) noexcept : Base(o) {}       \
  template <int N2, bool S2> inline NAME(const ap_bit_ref<N2, S2> &o) noexcept : Base(o) {}        \
  template <int N2, bool S2> inline NAME(const ap_range_ref<N2, S2> &o) noexcept : Base(o) {}      \
  inline NAME(bool x) noexcept : Base(x) {}                                                        \
  inline NAME(char x) noexcept : Base(x) {}                                                        \
  inline NAME(signed char x) noexcept : Base(x) {}                                                 \
  inline NAME(unsigned char x) noexcept : Base(x) {}                                               \
  inline NAME(short x) noexcept : Base(x) {}                                                       \
  inline NAME(unsigned short x) noexcept : Base(x) {}                                              \
  inline NAME(int x) noexcept : Base(x) {}                                                         \
  inline NAME(unsigned int x) noexcept : Base(x) {}                                                \
  inline NAME(long x) noexcept : Base(x) {}                                                        \
  inline NAME(unsigned long x) noexcept : Base(x) {}                                               \
  inline NAME(long long x) noexcept : Base(x) {}                                                   \
  inline NAME(unsigned long long x) noexcept : Base(x) {}                                          \
  AP_CONSTEXPR14 NAME(float x) noexcept : Base(x) {}                                               \
  AP_CONSTEXPR14 NAME(double x) noexcept : Base(x) {}

template <int W, int I, ap_q_mode Q = AP_TRN, ap_o_mode O = AP_WRAP, int NB = 0>
struct ap_fixed : ap_fixed_base<W, I, true, Q, O, NB> {
  typedef ap_fixed_base<W, I, true, Q, O, NB> Base;
  AP_FX_CTORS(ap_fixed, true)
};
template <int W, int I, ap_q_mode Q = AP_TRN, ap_o_mode O = AP_WRAP, int NB = 0>
struct ap_ufixed : ap_fixed_base<W, I, false, Q, O, NB> {
  typedef ap_fixed_base<W, I, false, Q, O, NB> Base;
  AP_FX_CTORS(ap_ufixed, false)
};
#undef AP_FX_CTORS

#undef AP_CONSTEXPR14
#pragma clang diagnostic pop
#endif
