// hlsmoe's own arbitrary-precision integer core (shared by ap_int.h and ap_fixed.h).
// Written for hlsmoe from the public description of the interface (Vitis HLS user
// guide, UG1399, "Arbitrary Precision Data Types"); not derived from vendor headers.
// The value of ap_int_base<N, S> is held in one clang _BitInt(N), so clang -O0 IR
// shows the operations at the width the kernel declares.  See README.md.
#ifndef HLSMOE_AP_COMMON_H
#define HLSMOE_AP_COMMON_H

#if !defined(__clang__) || !defined(__BITINT_MAXWIDTH__)
#error "hlsmoe's HLS headers need clang with _BitInt (clang 16 or later)"
#endif

#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wbit-int-extension"

// ---- modes (accepted; see ap_fixed.h for which are modelled) -------------------------
enum ap_q_mode { AP_RND, AP_RND_ZERO, AP_RND_MIN_INF, AP_RND_INF, AP_RND_CONV, AP_TRN, AP_TRN_ZERO };
enum ap_o_mode { AP_SAT, AP_SAT_ZERO, AP_SAT_SYM, AP_WRAP, AP_WRAP_SM };

#define AP_MAX(a, b) ((a) > (b) ? (a) : (b))
#define AP_MIN(a, b) ((a) < (b) ? (a) : (b))

typedef long long ap_slong;
typedef unsigned long long ap_ulong;

template <int N, bool S> struct ap_int_base;
template <int N, bool S> struct ap_bit_ref;
template <int N, bool S> struct ap_range_ref;
template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int NB> struct ap_fixed_base;

// ---- small traits (no <type_traits>: these headers use no standard library) ---------
template <bool B, class T = void> struct ap_enable_if {};
template <class T> struct ap_enable_if<true, T> { typedef T type; };

// C integer types as ap_int_base<width, sign>.
template <class T> struct ap_c_int { enum { ok = 0, width = 1, sign = 0 }; };
#define AP_C_INT(T, S)                                                                     \
  template <> struct ap_c_int<T> { enum { ok = 1, width = (int)sizeof(T) * 8, sign = S }; };
template <> struct ap_c_int<bool> { enum { ok = 1, width = 1, sign = 0 }; };
AP_C_INT(char, ((char)-1 < 0))
AP_C_INT(signed char, 1)
AP_C_INT(unsigned char, 0)
AP_C_INT(short, 1)
AP_C_INT(unsigned short, 0)
AP_C_INT(int, 1)
AP_C_INT(unsigned int, 0)
AP_C_INT(long, 1)
AP_C_INT(unsigned long, 0)
AP_C_INT(long long, 1)
AP_C_INT(unsigned long long, 0)
#undef AP_C_INT

template <class T> struct ap_c_float { enum { ok = 0 }; };
template <> struct ap_c_float<float> { enum { ok = 1 }; };
template <> struct ap_c_float<double> { enum { ok = 1 }; };

// Storage: signed _BitInt(1) does not exist, so a 1-bit signed value (0 or -1) lives in
// a signed _BitInt(2) kept sign-extended from bit 0.
template <int N, bool S> struct ap_storage {
  typedef unsigned _BitInt(N) type;
  typedef unsigned _BitInt(N) utype;
  static constexpr type norm(type v) noexcept { return v; }
};
template <int N> struct ap_storage<N, true> {
  typedef signed _BitInt(N) type;
  typedef unsigned _BitInt(N) utype;
  static constexpr type norm(type v) noexcept { return v; }
};
template <> struct ap_storage<1, true> {
  typedef signed _BitInt(2) type;
  typedef unsigned _BitInt(2) utype;
  static constexpr type norm(type v) noexcept { return (v & 1) ? (type)-1 : (type)0; }
};

// The C type of the implicit conversion (like Vitis: int/unsigned up to 32 bits, else 64).
template <int N, bool S, bool Small = (N <= 32)> struct ap_c_ret { typedef ap_ulong type; };
template <int N> struct ap_c_ret<N, true, false> { typedef ap_slong type; };
template <int N> struct ap_c_ret<N, false, true> { typedef unsigned type; };
template <int N> struct ap_c_ret<N, true, true> { typedef int type; };

// Result types of binary operations: wide enough for the exact result (as documented
// for Vitis ap_[u]int); a narrower destination truncates (wraps) on assignment.
template <int N1, bool S1, int N2, bool S2> struct ap_rt {
  enum {
    logic_w = AP_MAX(N1 + (S2 && !S1), N2 + (S1 && !S2)),
    plus_w = logic_w + 1,
    mult_w = N1 + N2,
    div_w = N1 + S2,
    mod_w = AP_MIN(N1, N2 + (!S2 && S1)),
    sgn = S1 || S2
  };
  typedef ap_int_base<logic_w, sgn> logic;
  typedef ap_int_base<plus_w, sgn> plus;
  typedef ap_int_base<plus_w, true> minus;
  typedef ap_int_base<mult_w, sgn> mult;
  typedef ap_int_base<div_w, sgn> div;
  typedef ap_int_base<mod_w, S1> mod;
};

// ---- ap_int_base ---------------------------------------------------------------------
template <int N, bool S> struct ap_int_base {
  typedef typename ap_storage<N, S>::type data_t;
  typedef typename ap_c_ret<N, S>::type c_ret_t;
  typedef typename ap_storage<N, S>::utype udata_t;  // same bits, unsigned (no UB on shifts)
  data_t V;
  static const int width = N;
  static const bool sign_flag = S;

  template <class T> inline void ap_assign_(T x) noexcept { V = ap_storage<N, S>::norm((data_t)x); }
  static inline ap_int_base ap_raw_(data_t v) noexcept {
    ap_int_base r;
    r.ap_assign_(v);
    return r;
  }
  static inline data_t ap_ones_() noexcept { return (data_t)~(data_t)0; }

  ap_int_base() = default;
  template <int N2, bool S2> inline ap_int_base(const ap_int_base<N2, S2> &o) noexcept { ap_assign_(o.V); }
  template <int N2, bool S2> inline ap_int_base(const ap_bit_ref<N2, S2> &r) noexcept { ap_assign_((bool)r); }
  template <int N2, bool S2> inline ap_int_base(const ap_range_ref<N2, S2> &r) noexcept { ap_assign_(r.get().V); }
  template <int W2, int I2, bool S2, ap_q_mode Q2, ap_o_mode O2, int NB2>
  inline ap_int_base(const ap_fixed_base<W2, I2, S2, Q2, O2, NB2> &f) noexcept { ap_assign_(f.to_ap_int_base().V); }
  constexpr ap_int_base(bool x) noexcept : V(ap_storage<N, S>::norm((data_t)x)) {}
  constexpr ap_int_base(char x) noexcept : V(ap_storage<N, S>::norm((data_t)x)) {}
  constexpr ap_int_base(signed char x) noexcept : V(ap_storage<N, S>::norm((data_t)x)) {}
  constexpr ap_int_base(unsigned char x) noexcept : V(ap_storage<N, S>::norm((data_t)x)) {}
  constexpr ap_int_base(short x) noexcept : V(ap_storage<N, S>::norm((data_t)x)) {}
  constexpr ap_int_base(unsigned short x) noexcept : V(ap_storage<N, S>::norm((data_t)x)) {}
  constexpr ap_int_base(int x) noexcept : V(ap_storage<N, S>::norm((data_t)x)) {}
  constexpr ap_int_base(unsigned int x) noexcept : V(ap_storage<N, S>::norm((data_t)x)) {}
  constexpr ap_int_base(long x) noexcept : V(ap_storage<N, S>::norm((data_t)x)) {}
  constexpr ap_int_base(unsigned long x) noexcept : V(ap_storage<N, S>::norm((data_t)x)) {}
  constexpr ap_int_base(long long x) noexcept : V(ap_storage<N, S>::norm((data_t)x)) {}
  constexpr ap_int_base(unsigned long long x) noexcept : V(ap_storage<N, S>::norm((data_t)x)) {}
  // From floating point: truncation toward zero as in C (out of range is undefined).
  // The C-type constructors are constexpr, so const tables of ap_[u]int are constants.
  constexpr ap_int_base(float x) noexcept : V(ap_storage<N, S>::norm((data_t)(signed _BitInt(N + 1))x)) {}
  constexpr ap_int_base(double x) noexcept : V(ap_storage<N, S>::norm((data_t)(signed _BitInt(N + 1))x)) {}
  // From a string: optional sign, then 0x/0X (hex), 0b/0B (binary), 0o/0 (octal) or
  // decimal; or with an explicit radix (2, 8, 10, 16).  Wraps to N bits.
  inline ap_int_base(const char *s) noexcept { ap_parse_(s, 0); }
  inline ap_int_base(const char *s, signed char radix) noexcept { ap_parse_(s, radix); }

  inline void ap_parse_(const char *s, int radix) noexcept {
    typedef unsigned _BitInt(N + 1) acc_t;
    acc_t acc = 0;
    bool neg = false;
    while (*s == ' ')
      s++;
    if (*s == '-' || *s == '+')
      neg = *s++ == '-';
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && (radix == 0 || radix == 16)) {
      radix = 16;
      s += 2;
    } else if (s[0] == '0' && (s[1] == 'b' || s[1] == 'B') && (radix == 0 || radix == 2)) {
      radix = 2;
      s += 2;
    } else if (s[0] == '0' && (s[1] == 'o' || s[1] == 'O') && (radix == 0 || radix == 8)) {
      radix = 8;
      s += 2;
    } else if (radix == 0) {
      radix = (s[0] == '0' && s[1] != 0) ? 8 : 10;
    }
    for (;; s++) {
      int d;
      if (*s >= '0' && *s <= '9')
        d = *s - '0';
      else if (*s >= 'a' && *s <= 'f')
        d = *s - 'a' + 10;
      else if (*s >= 'A' && *s <= 'F')
        d = *s - 'A' + 10;
      else if (*s == '_' || *s == '\'')
        continue;
      else
        break;
      if (d >= radix)
        break;
      acc = acc * (acc_t)radix + (acc_t)d;
    }
    ap_assign_(neg ? (acc_t)0 - acc : acc);
  }

  // conversions
  inline operator c_ret_t() const noexcept { return (c_ret_t)V; }
  inline bool to_bool() const noexcept { return V != 0; }
  inline int to_int() const noexcept { return (int)V; }
  inline unsigned to_uint() const noexcept { return (unsigned)V; }
  inline long to_long() const noexcept { return (long)V; }
  inline unsigned long to_ulong() const noexcept { return (unsigned long)V; }
  inline ap_slong to_int64() const noexcept { return (ap_slong)V; }
  inline ap_ulong to_uint64() const noexcept { return (ap_ulong)V; }
  inline float to_float() const noexcept { return (float)V; }
  inline double to_double() const noexcept { return (double)V; }
  inline int length() const noexcept { return N; }

  // increment / decrement (wrap)
  inline ap_int_base &operator++() noexcept { ap_assign_((udata_t)V + (udata_t)1); return *this; }
  inline ap_int_base &operator--() noexcept { ap_assign_((udata_t)V - (udata_t)1); return *this; }
  inline ap_int_base operator++(int) noexcept { ap_int_base t = *this; ++*this; return t; }
  inline ap_int_base operator--(int) noexcept { ap_int_base t = *this; --*this; return t; }

  // unary
  inline ap_int_base operator+() const noexcept { return *this; }
  inline ap_int_base<N + 1, true> operator-() const noexcept {
    ap_int_base<N + 1, true> r(*this);
    r.V = -r.V;
    return r;
  }
  inline ap_int_base operator~() const noexcept { return ap_raw_(~V); }
  inline bool operator!() const noexcept { return V == 0; }

  // shifts: the result has the left operand's type; a shift by N or more gives 0
  // (or all sign bits for >> of a negative value).
  inline ap_int_base ap_shl_(unsigned n) const noexcept { return n >= (unsigned)N ? ap_raw_(0) : ap_raw_((data_t)((udata_t)V << n)); }
  inline ap_int_base ap_shr_(unsigned n) const noexcept {
    if (n >= (unsigned)N)
      return ap_raw_(S && V < 0 ? ap_ones_() : (data_t)0);
    return ap_raw_(V >> n);
  }

  // bits
  inline bool test(int i) const noexcept { return ((V >> i) & 1) != 0; }
  inline bool get_bit(int i) const noexcept { return test(i); }
  inline void set(int i) noexcept { ap_assign_((udata_t)V | ((udata_t)1 << i)); }
  inline void set() noexcept { ap_assign_(ap_ones_()); }
  inline void clear(int i) noexcept { ap_assign_((udata_t)V & ~((udata_t)1 << i)); }
  inline void clear() noexcept { V = 0; }
  inline void invert(int i) noexcept { ap_assign_((udata_t)V ^ ((udata_t)1 << i)); }
  inline void set_bit(int i, bool b) noexcept { b ? set(i) : clear(i); }
  inline void b_not() noexcept { ap_assign_(~V); }
  inline bool is_zero() const noexcept { return V == 0; }
  inline bool iszero() const noexcept { return V == 0; }
  inline bool sign() const noexcept { return S && V < 0; }
  inline ap_bit_ref<N, S> operator[](int i) noexcept { return ap_bit_ref<N, S>(*this, i); }
  inline bool operator[](int i) const noexcept { return test(i); }
  inline ap_bit_ref<N, S> bit(int i) noexcept { return ap_bit_ref<N, S>(*this, i); }
  inline bool bit(int i) const noexcept { return test(i); }
  inline ap_range_ref<N, S> range(int hi, int lo) noexcept { return ap_range_ref<N, S>(*this, hi, lo); }
  inline ap_range_ref<N, S> range() noexcept { return ap_range_ref<N, S>(*this, N - 1, 0); }
  inline ap_range_ref<N, S> operator()(int hi, int lo) noexcept { return range(hi, lo); }
  // On a const value the range is still an ap_range_ref (kernels return it from const
  // accessors); assigning through it is undefined, as writing a const object is.
  inline ap_range_ref<N, S> range(int hi, int lo) const noexcept {
    return ap_range_ref<N, S>(const_cast<ap_int_base &>(*this), hi, lo);
  }
  inline ap_range_ref<N, S> range() const noexcept { return ap_range_ref<N, S>(const_cast<ap_int_base &>(*this), N - 1, 0); }
  inline ap_range_ref<N, S> operator()(int hi, int lo) const noexcept { return range(hi, lo); }
  inline ap_int_base<N, false> get_range(int hi, int lo) const noexcept { return ap_range_ref<N, S>::extract(*this, hi, lo); }

  inline void reverse() noexcept {
    if (N <= 64) {  // one llvm.bitreverse.i64
      ap_assign_(__builtin_bitreverse64((ap_ulong)ap_int_base<N, false>(*this).V) >> (64 - AP_MIN(N, 64)));
      return;
    }
    typedef unsigned _BitInt(AP_MAX(N, 2)) u_t;
    u_t x = (u_t)V & (((u_t)~(u_t)0) >> (AP_MAX(N, 2) - N)), r = 0;
    for (int i = 0; i < N; i++, x >>= 1)
      r = (r << 1) | (x & 1);
    ap_assign_(r);
  }
  inline void lrotate(int n) noexcept {
    n %= N;
    if (n)
      ap_assign_(ap_int_base<N, false>(*this).ap_shl_(n).V | ap_int_base<N, false>(*this).ap_shr_(N - n).V);
  }
  inline void rrotate(int n) noexcept {
    n %= N;
    if (n)
      lrotate(N - n);
  }
  inline bool and_reduce() const noexcept { return ap_int_base<N, false>(*this).V == ap_int_base<N, false>::ap_ones_(); }
  inline bool nand_reduce() const noexcept { return !and_reduce(); }
  inline bool or_reduce() const noexcept { return V != 0; }
  inline bool nor_reduce() const noexcept { return V == 0; }
  inline bool xor_reduce() const noexcept {
    typename ap_int_base<N, false>::data_t x = ap_int_base<N, false>(*this).V;
#if __has_builtin(__builtin_popcountg)
    return (__builtin_popcountg(x) & 1) != 0;  // one llvm.ctpop, no loop
#else
    for (int s = 1; s < N; s <<= 1)
      x ^= x >> s;  // prefix xor: bit 0 ends as the parity of all bits
    return (x & 1) != 0;
#endif
  }
  inline bool xnor_reduce() const noexcept { return !xor_reduce(); }
  inline int countLeadingZeros() const noexcept {
#if __has_builtin(__builtin_clzg)
    return __builtin_clzg(ap_int_base<N, false>(*this).V, N);
#else
    int n = 0;
    for (int i = N - 1; i >= 0 && !test(i); i--)
      n++;
    return n;
#endif
  }
  inline int countTrailingZeros() const noexcept {
#if __has_builtin(__builtin_ctzg)
    return __builtin_ctzg(ap_int_base<N, false>(*this).V, N);
#else
    int n = 0;
    for (int i = 0; i < N && !test(i); i++)
      n++;
    return n;
#endif
  }
  inline int countPopulation() const noexcept {
#if __has_builtin(__builtin_popcountg)
    return __builtin_popcountg(ap_int_base<N, false>(*this).V);
#else
    int n = 0;
    for (int i = 0; i < N; i++)
      n += test(i);
    return n;
#endif
  }

  // Compound assignment: computed at the result width, wrapped into N bits.
  template <int N2, bool S2> inline ap_int_base &operator=(const ap_int_base<N2, S2> &o) noexcept { ap_assign_(o.V); return *this; }
#define AP_COMPOUND(OP)                                                                     \
  template <int N2, bool S2> inline ap_int_base &operator OP##=(const ap_int_base<N2, S2> &b) noexcept { \
    *this = ap_int_base(*this OP b);                                                        \
    return *this;                                                                          \
  }                                                                                        \
  template <int N2, bool S2> inline ap_int_base &operator OP##=(const ap_bit_ref<N2, S2> &b) noexcept { \
    return *this OP## = b.get();                                                           \
  }                                                                                        \
  template <int N2, bool S2> inline ap_int_base &operator OP##=(const ap_range_ref<N2, S2> &b) noexcept { \
    return *this OP## = b.get();                                                           \
  }                                                                                        \
  template <class T>                                                                       \
  inline typename ap_enable_if<ap_c_int<T>::ok, ap_int_base &>::type operator OP##=(T b) noexcept { \
    *this = ap_int_base(*this OP ap_int_base<ap_c_int<T>::width, ap_c_int<T>::sign>(b));  \
    return *this;                                                                          \
  }
  AP_COMPOUND(+)
  AP_COMPOUND(-)
  AP_COMPOUND(*)
  AP_COMPOUND(/)
  AP_COMPOUND(%)
  AP_COMPOUND(&)
  AP_COMPOUND(|)
  AP_COMPOUND(^)
#undef AP_COMPOUND
  template <class T> inline ap_int_base &operator<<=(const T &n) noexcept { *this = *this << n; return *this; }
  template <class T> inline ap_int_base &operator>>=(const T &n) noexcept { *this = *this >> n; return *this; }
};

// ---- proxies: x[i] and x.range(hi, lo) -------------------------------------------------
template <int N, bool S> struct ap_bit_ref {
  ap_int_base<N, S> &d;
  int pos;
  inline ap_bit_ref(ap_int_base<N, S> &x, int i) noexcept : d(x), pos(i) {}
  ap_bit_ref(const ap_bit_ref &) = default;
  inline operator bool() const noexcept { return d.test(pos); }
  inline bool to_bool() const noexcept { return d.test(pos); }
  inline ap_int_base<1, false> get() const noexcept { return ap_int_base<1, false>(d.test(pos)); }
  inline ap_bit_ref &operator=(bool b) noexcept { d.set_bit(pos, b); return *this; }
  inline ap_bit_ref &operator=(int b) noexcept { d.set_bit(pos, b != 0); return *this; }
  inline ap_bit_ref &operator=(unsigned b) noexcept { d.set_bit(pos, b != 0); return *this; }
  inline ap_bit_ref &operator=(const ap_bit_ref &o) noexcept { d.set_bit(pos, (bool)o); return *this; }
  template <int N2, bool S2> inline ap_bit_ref &operator=(const ap_bit_ref<N2, S2> &o) noexcept { d.set_bit(pos, (bool)o); return *this; }
  template <int N2, bool S2> inline ap_bit_ref &operator=(const ap_int_base<N2, S2> &o) noexcept { d.set_bit(pos, (o.V & 1) != 0); return *this; }
  inline bool operator~() const noexcept { return !d.test(pos); }
  inline int length() const noexcept { return 1; }
};

template <int N, bool S> struct ap_range_ref {
  typedef typename ap_int_base<N, false>::data_t u_t;
  ap_int_base<N, S> &d;
  int hi, lo;
  inline ap_range_ref(ap_int_base<N, S> &x, int h, int l) noexcept : d(x), hi(h), lo(l) {}
  ap_range_ref(const ap_range_ref &) = default;
  static inline u_t mask(int h, int l) noexcept { return ap_int_base<N, false>::ap_ones_() >> (N - 1 - (h - l)); }
  static inline ap_int_base<N, false> extract(const ap_int_base<N, S> &x, int h, int l) noexcept {
    return ap_int_base<N, false>::ap_raw_((ap_int_base<N, false>(x).V >> l) & mask(h, l));
  }
  inline ap_int_base<N, false> get() const noexcept { return extract(d, hi, lo); }
  // int x = v.range(7, 0) converts like the value (to unsigned or unsigned long long)
  inline operator typename ap_int_base<N, false>::c_ret_t() const noexcept { return get(); }
  inline ap_ulong to_uint64() const noexcept { return get().to_uint64(); }
  inline ap_slong to_int64() const noexcept { return get().to_int64(); }
  inline unsigned to_uint() const noexcept { return get().to_uint(); }
  inline int to_int() const noexcept { return get().to_int(); }
  inline unsigned long to_ulong() const noexcept { return get().to_ulong(); }
  inline long to_long() const noexcept { return get().to_long(); }
  inline double to_double() const noexcept { return get().to_double(); }
  inline int length() const noexcept { return hi - lo + 1; }
  inline bool and_reduce() const noexcept { return get().V == mask(hi, lo); }
  inline bool or_reduce() const noexcept { return get().or_reduce(); }
  inline bool xor_reduce() const noexcept { return get().xor_reduce(); }
  template <int N2, bool S2> inline ap_range_ref &operator=(const ap_int_base<N2, S2> &v) noexcept {
    u_t m = mask(hi, lo) << lo;
    u_t x = (u_t)ap_int_base<N, false>(v).V << lo;
    ap_int_base<N, false> u(d);
    d = ap_int_base<N, S>(ap_int_base<N, false>::ap_raw_((u.V & ~m) | (x & m)));
    return *this;
  }
  template <class T> inline typename ap_enable_if<ap_c_int<T>::ok, ap_range_ref &>::type operator=(T v) noexcept {
    return *this = ap_int_base<ap_c_int<T>::width, ap_c_int<T>::sign>(v);
  }
  inline ap_range_ref &operator=(const ap_range_ref &o) noexcept { return *this = o.get(); }
  template <int N2, bool S2> inline ap_range_ref &operator=(const ap_range_ref<N2, S2> &o) noexcept { return *this = o.get(); }
  template <int N2, bool S2> inline ap_range_ref &operator=(const ap_bit_ref<N2, S2> &o) noexcept { return *this = o.get(); }
};

// ---- binary operators ------------------------------------------------------------------
// Between ap types, and between an ap type and a C integer (taken as ap_int<32>,
// ap_uint<32>, ap_int<64>, ... by its type).  Floating-point operands go through the
// implicit conversion to a C integer type (as C would).
#define AP_C(T) ap_int_base<ap_c_int<T>::width, ap_c_int<T>::sign>
#define AP_BINOP(OP, RT)                                                                     \
  template <int N1, bool S1, int N2, bool S2>                                                \
  inline typename ap_rt<N1, S1, N2, S2>::RT operator OP(const ap_int_base<N1, S1> &a,       \
                                                        const ap_int_base<N2, S2> &b) noexcept {     \
    typedef typename ap_rt<N1, S1, N2, S2>::RT R;                                            \
    return R::ap_raw_(R(a).V OP R(b).V);                                                     \
  }                                                                                          \
  template <int N1, bool S1, class T>                                                        \
  inline typename ap_enable_if<ap_c_int<T>::ok,                                              \
                               typename ap_rt<N1, S1, ap_c_int<T>::width, ap_c_int<T>::sign>::RT>::type \
  operator OP(const ap_int_base<N1, S1> &a, T b) noexcept { return a OP AP_C(T)(b); }                \
  template <int N1, bool S1, class T>                                                        \
  inline typename ap_enable_if<ap_c_int<T>::ok,                                              \
                               typename ap_rt<ap_c_int<T>::width, ap_c_int<T>::sign, N1, S1>::RT>::type \
  operator OP(T a, const ap_int_base<N1, S1> &b) noexcept { return AP_C(T)(a) OP b; }                \
  template <int N1, bool S1, int N2, bool S2>                                                \
  inline typename ap_rt<N1, S1, N2, S2>::RT operator OP(const ap_range_ref<N1, S1> &a,      \
                                                        const ap_int_base<N2, S2> &b) noexcept {     \
    return ap_int_base<N1, false>(a.get()) OP b;                                             \
  }                                                                                          \
  template <int N1, bool S1, int N2, bool S2>                                                \
  inline typename ap_rt<N1, S1, N2, S2>::RT operator OP(const ap_int_base<N1, S1> &a,       \
                                                        const ap_range_ref<N2, S2> &b) noexcept {    \
    return a OP ap_int_base<N2, false>(b.get());                                             \
  }                                                                                          \
  template <int N1, bool S1, class T>                                                        \
  inline typename ap_enable_if<ap_c_int<T>::ok,                                              \
                               typename ap_rt<N1, false, ap_c_int<T>::width, ap_c_int<T>::sign>::RT>::type \
  operator OP(const ap_range_ref<N1, S1> &a, T b) noexcept { return a.get() OP AP_C(T)(b); }
AP_BINOP(+, plus)
AP_BINOP(-, minus)
AP_BINOP(*, mult)
AP_BINOP(/, div)
AP_BINOP(%, mod)
AP_BINOP(&, logic)
AP_BINOP(|, logic)
AP_BINOP(^, logic)
#undef AP_BINOP

#define AP_RELOP(OP)                                                                         \
  template <int N1, bool S1, int N2, bool S2>                                                \
  inline bool operator OP(const ap_int_base<N1, S1> &a, const ap_int_base<N2, S2> &b) noexcept {     \
    typedef typename ap_rt<N1, S1, N2, S2>::logic R;                                         \
    return R(a).V OP R(b).V;                                                                 \
  }                                                                                          \
  template <int N1, bool S1, class T>                                                        \
  inline typename ap_enable_if<ap_c_int<T>::ok, bool>::type operator OP(const ap_int_base<N1, S1> &a, T b) noexcept { \
    return a OP AP_C(T)(b);                                                                  \
  }                                                                                          \
  template <int N1, bool S1, class T>                                                        \
  inline typename ap_enable_if<ap_c_int<T>::ok, bool>::type operator OP(T a, const ap_int_base<N1, S1> &b) noexcept { \
    return AP_C(T)(a) OP b;                                                                  \
  }                                                                                          \
  template <int N1, bool S1, class T>                                                        \
  inline typename ap_enable_if<ap_c_float<T>::ok, bool>::type operator OP(const ap_int_base<N1, S1> &a, T b) noexcept { \
    return a.to_double() OP (double)b;                                                       \
  }                                                                                          \
  template <int N1, bool S1, class T>                                                        \
  inline typename ap_enable_if<ap_c_float<T>::ok, bool>::type operator OP(T a, const ap_int_base<N1, S1> &b) noexcept { \
    return (double)a OP b.to_double();                                                       \
  }                                                                                          \
  template <int N1, bool S1, int N2, bool S2>                                                \
  inline bool operator OP(const ap_range_ref<N1, S1> &a, const ap_int_base<N2, S2> &b) noexcept { return a.get() OP b; } \
  template <int N1, bool S1, int N2, bool S2>                                                \
  inline bool operator OP(const ap_int_base<N1, S1> &a, const ap_range_ref<N2, S2> &b) noexcept { return a OP b.get(); } \
  template <int N1, bool S1, int N2, bool S2>                                                \
  inline bool operator OP(const ap_range_ref<N1, S1> &a, const ap_range_ref<N2, S2> &b) noexcept { return a.get() OP b.get(); } \
  template <int N1, bool S1, class T>                                                        \
  inline typename ap_enable_if<ap_c_int<T>::ok, bool>::type operator OP(const ap_range_ref<N1, S1> &a, T b) noexcept { \
    return a.get() OP AP_C(T)(b);                                                            \
  }
AP_RELOP(==)
AP_RELOP(!=)
AP_RELOP(<)
AP_RELOP(<=)
AP_RELOP(>)
AP_RELOP(>=)
#undef AP_RELOP

// shifts: result is the left operand's type
template <int N1, bool S1, class T>
inline typename ap_enable_if<ap_c_int<T>::ok, ap_int_base<N1, S1> >::type operator<<(const ap_int_base<N1, S1> &a, T n) noexcept {
  return a.ap_shl_((unsigned)n);
}
template <int N1, bool S1, class T>
inline typename ap_enable_if<ap_c_int<T>::ok, ap_int_base<N1, S1> >::type operator>>(const ap_int_base<N1, S1> &a, T n) noexcept {
  return a.ap_shr_((unsigned)n);
}
template <int N1, bool S1, int N2, bool S2>
inline ap_int_base<N1, S1> operator<<(const ap_int_base<N1, S1> &a, const ap_int_base<N2, S2> &n) noexcept {
  return a.ap_shl_(n >= N1 ? (unsigned)N1 : (unsigned)n.to_uint());
}
template <int N1, bool S1, int N2, bool S2>
inline ap_int_base<N1, S1> operator>>(const ap_int_base<N1, S1> &a, const ap_int_base<N2, S2> &n) noexcept {
  return a.ap_shr_(n >= N1 ? (unsigned)N1 : (unsigned)n.to_uint());
}
template <int N1, bool S1, class T>
inline ap_int_base<N1, false> operator<<(const ap_range_ref<N1, S1> &a, T n) noexcept { return a.get() << n; }
template <int N1, bool S1, class T>
inline ap_int_base<N1, false> operator>>(const ap_range_ref<N1, S1> &a, T n) noexcept { return a.get() >> n; }

// ---- concatenation (a, b): an rvalue ap_uint<N1 + N2>, a in the high bits --------------
template <int N1, bool S1, int N2, bool S2>
inline ap_int_base<N1 + N2, false> ap_concat_(const ap_int_base<N1, S1> &a, const ap_int_base<N2, S2> &b) noexcept {
  typedef ap_int_base<N1 + N2, false> R;
  return R::ap_raw_((R(ap_int_base<N1, false>(a)).V << N2) | R(ap_int_base<N2, false>(b)).V);
}
template <int N1, bool S1, int N2, bool S2>
inline ap_int_base<N1 + N2, false> operator,(const ap_int_base<N1, S1> &a, const ap_int_base<N2, S2> &b) noexcept { return ap_concat_(a, b); }
template <int N1, bool S1, int N2, bool S2>
inline ap_int_base<N1 + N2, false> operator,(const ap_bit_ref<N1, S1> &a, const ap_int_base<N2, S2> &b) noexcept { return ap_concat_(a.get(), b); }
template <int N1, bool S1, int N2, bool S2>
inline ap_int_base<1 + N2, false> operator,(const ap_int_base<N1, S1> &a, const ap_bit_ref<N2, S2> &b) noexcept { return ap_concat_(a, b.get()); }
template <int N1, bool S1, int N2, bool S2>
inline ap_int_base<2, false> operator,(const ap_bit_ref<N1, S1> &a, const ap_bit_ref<N2, S2> &b) noexcept { return ap_concat_(a.get(), b.get()); }
// A range's value has the width of the variable it was taken from (hi and lo are run-time).
template <int N1, bool S1, int N2, bool S2>
inline ap_int_base<N1 + N2, false> operator,(const ap_range_ref<N1, S1> &a, const ap_int_base<N2, S2> &b) noexcept { return ap_concat_(a.get(), b); }
template <int N1, bool S1, int N2, bool S2>
inline ap_int_base<N1 + N2, false> operator,(const ap_int_base<N1, S1> &a, const ap_range_ref<N2, S2> &b) noexcept { return ap_concat_(a, b.get()); }
template <int N1, bool S1, int N2, bool S2>
inline ap_int_base<N1 + N2, false> operator,(const ap_range_ref<N1, S1> &a, const ap_range_ref<N2, S2> &b) noexcept { return ap_concat_(a.get(), b.get()); }

// ---- printing: os << x for any stream type with write(const char *, n) (std::ostream)
// without including <ostream> here: decimal, with a '-' for negative values.
template <int N, bool S> inline int ap_to_dec_(const ap_int_base<N, S> &x, char *buf, int size) noexcept {
  typedef unsigned _BitInt(N + 1) u_t;
  bool neg = x.sign();
  u_t v = neg ? (u_t)0 - (u_t)ap_int_base<N + 1, true>(x).V : (u_t)ap_int_base<N + 1, false>(x).V;
  int n = size;
  do {
    buf[--n] = (char)('0' + (int)(v % 10));
    v /= 10;
  } while (v != 0 && n > 1);
  if (neg)
    buf[--n] = '-';
  return n;
}
template <class OS, int N, bool S>
inline auto operator<<(OS &os, const ap_int_base<N, S> &x) -> decltype(os.write((const char *)0, 0), os) {
  char buf[N * 3 / 10 + 4];
  int at = ap_to_dec_(x, buf, (int)sizeof(buf));
  os.write(buf + at, (int)sizeof(buf) - at);
  return os;
}
template <class OS, int N, bool S>
inline auto operator<<(OS &os, const ap_range_ref<N, S> &x) -> decltype(os.write((const char *)0, 0), os) {
  return os << x.get();
}
template <class OS, int N, bool S>
inline auto operator<<(OS &os, const ap_bit_ref<N, S> &x) -> decltype(os.write((const char *)0, 0), os) {
  os.write(x.to_bool() ? "1" : "0", 1);
  return os;
}

#undef AP_C
#pragma clang diagnostic pop
#endif
