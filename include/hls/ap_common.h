// hlsmoe's own arbitrary-precision integer core (shared by ap_int.h and ap_fixed.h).
// Written for hlsmoe from the public description of the interface (Vitis HLS user
// guide, UG1399, "Arbitrary Precision Data Types"); not derived from vendor headers.
// The value of ap_int_base<N, S> is held in one clang _BitInt(N), so clang -O0 IR
// shows the operations at the width the kernel declares.  See README.md.
#ifndef HLSMOE_AP_COMMON_H
#define HLSMOE_AP_COMMON_H

// C++ only (templates, namespaces): say so once instead of a wall of template errors.
#ifndef __cplusplus
#error "ap_common.h is a C++ header: name the kernel file .cpp, or pass -x c++ to clang"
#else

#if !defined(__clang__) || !defined(__BITINT_MAXWIDTH__)
#error "hlsmoe's HLS headers need clang with _BitInt (clang 16 or later)"
#endif

#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wbit-int-extension"

// ---- modes (accepted; see ap_fixed.h for which are modelled) -------------------------
enum ap_q_mode { AP_RND, AP_RND_ZERO, AP_RND_MIN_INF, AP_RND_INF, AP_RND_CONV, AP_TRN, AP_TRN_ZERO };
enum ap_o_mode { AP_SAT, AP_SAT_ZERO, AP_SAT_SYM, AP_WRAP, AP_WRAP_SM };

#define AP_MAX(_AP_a, _AP_b) ((_AP_a) > (_AP_b) ? (_AP_a) : (_AP_b))
#define AP_MIN(_AP_a, _AP_b) ((_AP_a) < (_AP_b) ? (_AP_a) : (_AP_b))

typedef long long ap_slong;
typedef unsigned long long ap_ulong;

template <int _AP_N, bool _AP_S> struct ap_int_base;
template <int _AP_N, bool _AP_S> struct ap_bit_ref;
template <int _AP_N, bool _AP_S> struct ap_range_ref;
template <int _AP_W, int _AP_I, bool _AP_S, ap_q_mode _AP_Q, ap_o_mode _AP_O, int _AP_NB> struct ap_fixed_base;

// ---- small traits (no <type_traits>: these headers use no standard library) ---------
template <bool _AP_B, class _AP_T = void> struct ap_enable_if {};
template <class _AP_T> struct ap_enable_if<true, _AP_T> { typedef _AP_T _AP_type; };

// C integer types as ap_int_base<width, sign>.
template <class _AP_T> struct ap_c_int { enum { _AP_ok = 0, width = 1, sign = 0 }; };
#define AP_C_INT(_AP_T, _AP_S)                                                                     \
  template <> struct ap_c_int<_AP_T> { enum { _AP_ok = 1, width = (int)sizeof(_AP_T) * 8, sign = _AP_S }; };
template <> struct ap_c_int<bool> { enum { _AP_ok = 1, width = 1, sign = 0 }; };
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

template <class _AP_T> struct ap_c_float { enum { _AP_ok = 0 }; };
template <> struct ap_c_float<float> { enum { _AP_ok = 1 }; };
template <> struct ap_c_float<double> { enum { _AP_ok = 1 }; };

// Storage: signed _BitInt(1) does not exist, so a 1-bit signed value (0 or -1) lives in
// a signed _BitInt(2) kept sign-extended from bit 0.
template <int _AP_N, bool _AP_S> struct ap_storage {
  typedef unsigned _BitInt(_AP_N) _AP_type;
  typedef unsigned _BitInt(_AP_N) _AP_utype;
  static constexpr _AP_type _AP_norm(_AP_type _AP_v) noexcept { return _AP_v; }
};
template <int _AP_N> struct ap_storage<_AP_N, true> {
  typedef signed _BitInt(_AP_N) _AP_type;
  typedef unsigned _BitInt(_AP_N) _AP_utype;
  static constexpr _AP_type _AP_norm(_AP_type _AP_v) noexcept { return _AP_v; }
};
template <> struct ap_storage<1, true> {
  typedef signed _BitInt(2) _AP_type;
  typedef unsigned _BitInt(2) _AP_utype;
  static constexpr _AP_type _AP_norm(_AP_type _AP_v) noexcept { return (_AP_v & 1) ? (_AP_type)-1 : (_AP_type)0; }
};

// The C type of the implicit conversion (like Vitis: int/unsigned up to 32 bits, else 64).
template <int _AP_N, bool _AP_S, bool _AP_Small = (_AP_N <= 32)> struct ap_c_ret { typedef ap_ulong _AP_type; };
template <int _AP_N> struct ap_c_ret<_AP_N, true, false> { typedef ap_slong _AP_type; };
template <int _AP_N> struct ap_c_ret<_AP_N, false, true> { typedef unsigned _AP_type; };
template <int _AP_N> struct ap_c_ret<_AP_N, true, true> { typedef int _AP_type; };

// Result types of binary operations: wide enough for the exact result (as documented
// for Vitis ap_[u]int); a narrower destination truncates (wraps) on assignment.
template <int _AP_N1, bool _AP_S1, int _AP_N2, bool _AP_S2> struct ap_rt {
  enum {
    _AP_logic_w = AP_MAX(_AP_N1 + (_AP_S2 && !_AP_S1), _AP_N2 + (_AP_S1 && !_AP_S2)),
    _AP_plus_w = _AP_logic_w + 1,
    _AP_mult_w = _AP_N1 + _AP_N2,
    _AP_div_w = _AP_N1 + _AP_S2,
    _AP_mod_w = AP_MIN(_AP_N1, _AP_N2 + (!_AP_S2 && _AP_S1)),
    _AP_sgn = _AP_S1 || _AP_S2
  };
  typedef ap_int_base<_AP_logic_w, _AP_sgn> _AP_logic;
  typedef ap_int_base<_AP_plus_w, _AP_sgn> _AP_plus;
  typedef ap_int_base<_AP_plus_w, true> _AP_minus;
  typedef ap_int_base<_AP_mult_w, _AP_sgn> _AP_mult;
  typedef ap_int_base<_AP_div_w, _AP_sgn> _AP_div;
  typedef ap_int_base<_AP_mod_w, _AP_S1> _AP_mod;
};

// ---- ap_int_base ---------------------------------------------------------------------
template <int _AP_N, bool _AP_S> struct ap_int_base {
  typedef typename ap_storage<_AP_N, _AP_S>::_AP_type _AP_data_t;
  typedef typename ap_c_ret<_AP_N, _AP_S>::_AP_type _AP_c_ret_t;
  typedef typename ap_storage<_AP_N, _AP_S>::_AP_utype _AP_udata_t;  // same bits, unsigned (no UB on shifts)
  _AP_data_t _AP_V;
  static const int width = _AP_N;
  static const bool sign_flag = _AP_S;

  template <class _AP_T> inline void ap_assign_(_AP_T _AP_x) noexcept { _AP_V = ap_storage<_AP_N, _AP_S>::_AP_norm((_AP_data_t)_AP_x); }
  static inline ap_int_base ap_raw_(_AP_data_t _AP_v) noexcept {
    ap_int_base _AP_r;
    _AP_r.ap_assign_(_AP_v);
    return _AP_r;
  }
  static inline _AP_data_t ap_ones_() noexcept { return (_AP_data_t)~(_AP_data_t)0; }

  ap_int_base() = default;
  template <int _AP_N2, bool _AP_S2> inline ap_int_base(const ap_int_base<_AP_N2, _AP_S2> &_AP_o) noexcept { ap_assign_(_AP_o._AP_V); }
  template <int _AP_N2, bool _AP_S2> inline ap_int_base(const ap_bit_ref<_AP_N2, _AP_S2> &_AP_r) noexcept { ap_assign_((bool)_AP_r); }
  template <int _AP_N2, bool _AP_S2> inline ap_int_base(const ap_range_ref<_AP_N2, _AP_S2> &_AP_r) noexcept { ap_assign_(_AP_r.get()._AP_V); }
  template <int _AP_W2, int _AP_I2, bool _AP_S2, ap_q_mode _AP_Q2, ap_o_mode _AP_O2, int _AP_NB2>
  inline ap_int_base(const ap_fixed_base<_AP_W2, _AP_I2, _AP_S2, _AP_Q2, _AP_O2, _AP_NB2> &_AP_f) noexcept { ap_assign_(_AP_f.to_ap_int_base()._AP_V); }
  constexpr ap_int_base(bool _AP_x) noexcept : _AP_V(ap_storage<_AP_N, _AP_S>::_AP_norm((_AP_data_t)_AP_x)) {}
  constexpr ap_int_base(char _AP_x) noexcept : _AP_V(ap_storage<_AP_N, _AP_S>::_AP_norm((_AP_data_t)_AP_x)) {}
  constexpr ap_int_base(signed char _AP_x) noexcept : _AP_V(ap_storage<_AP_N, _AP_S>::_AP_norm((_AP_data_t)_AP_x)) {}
  constexpr ap_int_base(unsigned char _AP_x) noexcept : _AP_V(ap_storage<_AP_N, _AP_S>::_AP_norm((_AP_data_t)_AP_x)) {}
  constexpr ap_int_base(short _AP_x) noexcept : _AP_V(ap_storage<_AP_N, _AP_S>::_AP_norm((_AP_data_t)_AP_x)) {}
  constexpr ap_int_base(unsigned short _AP_x) noexcept : _AP_V(ap_storage<_AP_N, _AP_S>::_AP_norm((_AP_data_t)_AP_x)) {}
  constexpr ap_int_base(int _AP_x) noexcept : _AP_V(ap_storage<_AP_N, _AP_S>::_AP_norm((_AP_data_t)_AP_x)) {}
  constexpr ap_int_base(unsigned int _AP_x) noexcept : _AP_V(ap_storage<_AP_N, _AP_S>::_AP_norm((_AP_data_t)_AP_x)) {}
  constexpr ap_int_base(long _AP_x) noexcept : _AP_V(ap_storage<_AP_N, _AP_S>::_AP_norm((_AP_data_t)_AP_x)) {}
  constexpr ap_int_base(unsigned long _AP_x) noexcept : _AP_V(ap_storage<_AP_N, _AP_S>::_AP_norm((_AP_data_t)_AP_x)) {}
  constexpr ap_int_base(long long _AP_x) noexcept : _AP_V(ap_storage<_AP_N, _AP_S>::_AP_norm((_AP_data_t)_AP_x)) {}
  constexpr ap_int_base(unsigned long long _AP_x) noexcept : _AP_V(ap_storage<_AP_N, _AP_S>::_AP_norm((_AP_data_t)_AP_x)) {}
  // From floating point: truncation toward zero as in C (out of range is undefined).
  // The C-type constructors are constexpr, so const tables of ap_[u]int are constants.
  constexpr ap_int_base(float _AP_x) noexcept : _AP_V(ap_storage<_AP_N, _AP_S>::_AP_norm((_AP_data_t)(signed _BitInt(_AP_N + 1))_AP_x)) {}
  constexpr ap_int_base(double _AP_x) noexcept : _AP_V(ap_storage<_AP_N, _AP_S>::_AP_norm((_AP_data_t)(signed _BitInt(_AP_N + 1))_AP_x)) {}
  // From a string: optional sign, then 0x/0X (hex), 0b/0B (binary), 0o/0 (octal) or
  // decimal; or with an explicit radix (2, 8, 10, 16).  Wraps to N bits.
  inline ap_int_base(const char *_AP_s) noexcept { ap_parse_(_AP_s, 0); }
  inline ap_int_base(const char *_AP_s, signed char _AP_radix) noexcept { ap_parse_(_AP_s, _AP_radix); }

  inline void ap_parse_(const char *_AP_s, int _AP_radix) noexcept {
    typedef unsigned _BitInt(_AP_N + 1) _AP_acc_t;
    _AP_acc_t _AP_acc = 0;
    bool _AP_neg = false;
    while (*_AP_s == ' ')
      _AP_s++;
    if (*_AP_s == '-' || *_AP_s == '+')
      _AP_neg = *_AP_s++ == '-';
    if (_AP_s[0] == '0' && (_AP_s[1] == 'x' || _AP_s[1] == 'X') && (_AP_radix == 0 || _AP_radix == 16)) {
      _AP_radix = 16;
      _AP_s += 2;
    } else if (_AP_s[0] == '0' && (_AP_s[1] == 'b' || _AP_s[1] == 'B') && (_AP_radix == 0 || _AP_radix == 2)) {
      _AP_radix = 2;
      _AP_s += 2;
    } else if (_AP_s[0] == '0' && (_AP_s[1] == 'o' || _AP_s[1] == 'O') && (_AP_radix == 0 || _AP_radix == 8)) {
      _AP_radix = 8;
      _AP_s += 2;
    } else if (_AP_radix == 0) {
      _AP_radix = (_AP_s[0] == '0' && _AP_s[1] != 0) ? 8 : 10;
    }
    for (;; _AP_s++) {
      int _AP_d;
      if (*_AP_s >= '0' && *_AP_s <= '9')
        _AP_d = *_AP_s - '0';
      else if (*_AP_s >= 'a' && *_AP_s <= 'f')
        _AP_d = *_AP_s - 'a' + 10;
      else if (*_AP_s >= 'A' && *_AP_s <= 'F')
        _AP_d = *_AP_s - 'A' + 10;
      else if (*_AP_s == '_' || *_AP_s == '\'')
        continue;
      else
        break;
      if (_AP_d >= _AP_radix)
        break;
      _AP_acc = _AP_acc * (_AP_acc_t)_AP_radix + (_AP_acc_t)_AP_d;
    }
    ap_assign_(_AP_neg ? (_AP_acc_t)0 - _AP_acc : _AP_acc);
  }

  // conversions
  inline operator _AP_c_ret_t() const noexcept { return (_AP_c_ret_t)_AP_V; }
  inline bool to_bool() const noexcept { return _AP_V != 0; }
  inline int to_int() const noexcept { return (int)_AP_V; }
  inline unsigned to_uint() const noexcept { return (unsigned)_AP_V; }
  inline long to_long() const noexcept { return (long)_AP_V; }
  inline unsigned long to_ulong() const noexcept { return (unsigned long)_AP_V; }
  inline ap_slong to_int64() const noexcept { return (ap_slong)_AP_V; }
  inline ap_ulong to_uint64() const noexcept { return (ap_ulong)_AP_V; }
  inline float to_float() const noexcept { return (float)_AP_V; }
  inline double to_double() const noexcept { return (double)_AP_V; }
  inline int length() const noexcept { return _AP_N; }

  // increment / decrement (wrap)
  inline ap_int_base &operator++() noexcept { ap_assign_((_AP_udata_t)_AP_V + (_AP_udata_t)1); return *this; }
  inline ap_int_base &operator--() noexcept { ap_assign_((_AP_udata_t)_AP_V - (_AP_udata_t)1); return *this; }
  inline ap_int_base operator++(int) noexcept { ap_int_base _AP_t = *this; ++*this; return _AP_t; }
  inline ap_int_base operator--(int) noexcept { ap_int_base _AP_t = *this; --*this; return _AP_t; }

  // unary
  inline ap_int_base operator+() const noexcept { return *this; }
  inline ap_int_base<_AP_N + 1, true> operator-() const noexcept {
    ap_int_base<_AP_N + 1, true> _AP_r(*this);
    _AP_r._AP_V = -_AP_r._AP_V;
    return _AP_r;
  }
  inline ap_int_base operator~() const noexcept { return ap_raw_(~_AP_V); }
  inline bool operator!() const noexcept { return _AP_V == 0; }

  // shifts: the result has the left operand's type; a shift by N or more gives 0
  // (or all sign bits for >> of a negative value).
  inline ap_int_base ap_shl_(unsigned _AP_n) const noexcept { return _AP_n >= (unsigned)_AP_N ? ap_raw_(0) : ap_raw_((_AP_data_t)((_AP_udata_t)_AP_V << _AP_n)); }
  inline ap_int_base ap_shr_(unsigned _AP_n) const noexcept {
    if (_AP_n >= (unsigned)_AP_N)
      return ap_raw_(_AP_S && _AP_V < 0 ? ap_ones_() : (_AP_data_t)0);
    return ap_raw_(_AP_V >> _AP_n);
  }

  // bits
  inline bool test(int _AP_i) const noexcept { return ((_AP_V >> _AP_i) & 1) != 0; }
  inline bool get_bit(int _AP_i) const noexcept { return test(_AP_i); }
  inline void set(int _AP_i) noexcept { ap_assign_((_AP_udata_t)_AP_V | ((_AP_udata_t)1 << _AP_i)); }
  inline void set() noexcept { ap_assign_(ap_ones_()); }
  inline void clear(int _AP_i) noexcept { ap_assign_((_AP_udata_t)_AP_V & ~((_AP_udata_t)1 << _AP_i)); }
  inline void clear() noexcept { _AP_V = 0; }
  inline void invert(int _AP_i) noexcept { ap_assign_((_AP_udata_t)_AP_V ^ ((_AP_udata_t)1 << _AP_i)); }
  inline void set_bit(int _AP_i, bool _AP_b) noexcept { _AP_b ? set(_AP_i) : clear(_AP_i); }
  inline void b_not() noexcept { ap_assign_(~_AP_V); }
  inline bool is_zero() const noexcept { return _AP_V == 0; }
  inline bool iszero() const noexcept { return _AP_V == 0; }
  inline bool sign() const noexcept { return _AP_S && _AP_V < 0; }
  inline ap_bit_ref<_AP_N, _AP_S> operator[](int _AP_i) noexcept { return ap_bit_ref<_AP_N, _AP_S>(*this, _AP_i); }
  inline bool operator[](int _AP_i) const noexcept { return test(_AP_i); }
  inline ap_bit_ref<_AP_N, _AP_S> bit(int _AP_i) noexcept { return ap_bit_ref<_AP_N, _AP_S>(*this, _AP_i); }
  inline bool bit(int _AP_i) const noexcept { return test(_AP_i); }
  inline ap_range_ref<_AP_N, _AP_S> range(int _AP_hi, int _AP_lo) noexcept { return ap_range_ref<_AP_N, _AP_S>(*this, _AP_hi, _AP_lo); }
  inline ap_range_ref<_AP_N, _AP_S> range() noexcept { return ap_range_ref<_AP_N, _AP_S>(*this, _AP_N - 1, 0); }
  inline ap_range_ref<_AP_N, _AP_S> operator()(int _AP_hi, int _AP_lo) noexcept { return range(_AP_hi, _AP_lo); }
  // On a const value the range is still an ap_range_ref (kernels return it from const
  // accessors); assigning through it is undefined, as writing a const object is.
  inline ap_range_ref<_AP_N, _AP_S> range(int _AP_hi, int _AP_lo) const noexcept {
    return ap_range_ref<_AP_N, _AP_S>(const_cast<ap_int_base &>(*this), _AP_hi, _AP_lo);
  }
  inline ap_range_ref<_AP_N, _AP_S> range() const noexcept { return ap_range_ref<_AP_N, _AP_S>(const_cast<ap_int_base &>(*this), _AP_N - 1, 0); }
  inline ap_range_ref<_AP_N, _AP_S> operator()(int _AP_hi, int _AP_lo) const noexcept { return range(_AP_hi, _AP_lo); }
  inline ap_int_base<_AP_N, false> get_range(int _AP_hi, int _AP_lo) const noexcept { return ap_range_ref<_AP_N, _AP_S>::_AP_extract(*this, _AP_hi, _AP_lo); }

  inline void reverse() noexcept {
    if (_AP_N <= 64) {  // one llvm.bitreverse.i64
      ap_assign_(__builtin_bitreverse64((ap_ulong)ap_int_base<_AP_N, false>(*this)._AP_V) >> (64 - AP_MIN(_AP_N, 64)));
      return;
    }
    typedef unsigned _BitInt(AP_MAX(_AP_N, 2)) _AP_u_t;
    _AP_u_t _AP_x = (_AP_u_t)_AP_V & (((_AP_u_t)~(_AP_u_t)0) >> (AP_MAX(_AP_N, 2) - _AP_N)), _AP_r = 0;
    for (int _AP_i = 0; _AP_i < _AP_N; _AP_i++, _AP_x >>= 1)
      _AP_r = (_AP_r << 1) | (_AP_x & 1);
    ap_assign_(_AP_r);
  }
  inline void lrotate(int _AP_n) noexcept {
    _AP_n %= _AP_N;
    if (_AP_n)
      ap_assign_(ap_int_base<_AP_N, false>(*this).ap_shl_(_AP_n)._AP_V | ap_int_base<_AP_N, false>(*this).ap_shr_(_AP_N - _AP_n)._AP_V);
  }
  inline void rrotate(int _AP_n) noexcept {
    _AP_n %= _AP_N;
    if (_AP_n)
      lrotate(_AP_N - _AP_n);
  }
  inline bool and_reduce() const noexcept { return ap_int_base<_AP_N, false>(*this)._AP_V == ap_int_base<_AP_N, false>::ap_ones_(); }
  inline bool nand_reduce() const noexcept { return !and_reduce(); }
  inline bool or_reduce() const noexcept { return _AP_V != 0; }
  inline bool nor_reduce() const noexcept { return _AP_V == 0; }
  inline bool xor_reduce() const noexcept {
    typename ap_int_base<_AP_N, false>::_AP_data_t _AP_x = ap_int_base<_AP_N, false>(*this)._AP_V;
#if __has_builtin(__builtin_popcountg)
    return (__builtin_popcountg(_AP_x) & 1) != 0;  // one llvm.ctpop, no loop
#else
    for (int _AP_s = 1; _AP_s < _AP_N; _AP_s <<= 1)
      _AP_x ^= _AP_x >> _AP_s;  // prefix xor: bit 0 ends as the parity of all bits
    return (_AP_x & 1) != 0;
#endif
  }
  inline bool xnor_reduce() const noexcept { return !xor_reduce(); }
  inline int countLeadingZeros() const noexcept {
#if __has_builtin(__builtin_clzg)
    return __builtin_clzg(ap_int_base<_AP_N, false>(*this)._AP_V, _AP_N);
#else
    int _AP_n = 0;
    for (int _AP_i = _AP_N - 1; _AP_i >= 0 && !test(_AP_i); _AP_i--)
      _AP_n++;
    return _AP_n;
#endif
  }
  inline int countTrailingZeros() const noexcept {
#if __has_builtin(__builtin_ctzg)
    return __builtin_ctzg(ap_int_base<_AP_N, false>(*this)._AP_V, _AP_N);
#else
    int _AP_n = 0;
    for (int _AP_i = 0; _AP_i < _AP_N && !test(_AP_i); _AP_i++)
      _AP_n++;
    return _AP_n;
#endif
  }
  inline int countPopulation() const noexcept {
#if __has_builtin(__builtin_popcountg)
    return __builtin_popcountg(ap_int_base<_AP_N, false>(*this)._AP_V);
#else
    int _AP_n = 0;
    for (int _AP_i = 0; _AP_i < _AP_N; _AP_i++)
      _AP_n += test(_AP_i);
    return _AP_n;
#endif
  }

  // Compound assignment: computed at the result width, wrapped into N bits.
  template <int _AP_N2, bool _AP_S2> inline ap_int_base &operator=(const ap_int_base<_AP_N2, _AP_S2> &_AP_o) noexcept { ap_assign_(_AP_o._AP_V); return *this; }
#define AP_COMPOUND(_AP_OP)                                                                     \
  template <int _AP_N2, bool _AP_S2> inline ap_int_base &operator _AP_OP##=(const ap_int_base<_AP_N2, _AP_S2> &_AP_b) noexcept { \
    *this = ap_int_base(*this _AP_OP _AP_b);                                                        \
    return *this;                                                                          \
  }                                                                                        \
  template <int _AP_N2, bool _AP_S2> inline ap_int_base &operator _AP_OP##=(const ap_bit_ref<_AP_N2, _AP_S2> &_AP_b) noexcept { \
    return *this _AP_OP## = _AP_b.get();                                                           \
  }                                                                                        \
  template <int _AP_N2, bool _AP_S2> inline ap_int_base &operator _AP_OP##=(const ap_range_ref<_AP_N2, _AP_S2> &_AP_b) noexcept { \
    return *this _AP_OP## = _AP_b.get();                                                           \
  }                                                                                        \
  template <class _AP_T>                                                                       \
  inline typename ap_enable_if<ap_c_int<_AP_T>::_AP_ok, ap_int_base &>::_AP_type operator _AP_OP##=(_AP_T _AP_b) noexcept { \
    *this = ap_int_base(*this _AP_OP ap_int_base<ap_c_int<_AP_T>::width, ap_c_int<_AP_T>::sign>(_AP_b));  \
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
  template <class _AP_T> inline ap_int_base &operator<<=(const _AP_T &_AP_n) noexcept { *this = *this << _AP_n; return *this; }
  template <class _AP_T> inline ap_int_base &operator>>=(const _AP_T &_AP_n) noexcept { *this = *this >> _AP_n; return *this; }
};

// ---- proxies: x[i] and x.range(hi, lo) -------------------------------------------------
template <int _AP_N, bool _AP_S> struct ap_bit_ref {
  ap_int_base<_AP_N, _AP_S> &_AP_d;
  int _AP_pos;
  inline ap_bit_ref(ap_int_base<_AP_N, _AP_S> &_AP_x, int _AP_i) noexcept : _AP_d(_AP_x), _AP_pos(_AP_i) {}
  ap_bit_ref(const ap_bit_ref &) = default;
  inline operator bool() const noexcept { return _AP_d.test(_AP_pos); }
  inline bool to_bool() const noexcept { return _AP_d.test(_AP_pos); }
  inline ap_int_base<1, false> get() const noexcept { return ap_int_base<1, false>(_AP_d.test(_AP_pos)); }
  inline ap_bit_ref &operator=(bool _AP_b) noexcept { _AP_d.set_bit(_AP_pos, _AP_b); return *this; }
  inline ap_bit_ref &operator=(int _AP_b) noexcept { _AP_d.set_bit(_AP_pos, _AP_b != 0); return *this; }
  inline ap_bit_ref &operator=(unsigned _AP_b) noexcept { _AP_d.set_bit(_AP_pos, _AP_b != 0); return *this; }
  inline ap_bit_ref &operator=(const ap_bit_ref &_AP_o) noexcept { _AP_d.set_bit(_AP_pos, (bool)_AP_o); return *this; }
  template <int _AP_N2, bool _AP_S2> inline ap_bit_ref &operator=(const ap_bit_ref<_AP_N2, _AP_S2> &_AP_o) noexcept { _AP_d.set_bit(_AP_pos, (bool)_AP_o); return *this; }
  template <int _AP_N2, bool _AP_S2> inline ap_bit_ref &operator=(const ap_int_base<_AP_N2, _AP_S2> &_AP_o) noexcept { _AP_d.set_bit(_AP_pos, (_AP_o._AP_V & 1) != 0); return *this; }
  inline bool operator~() const noexcept { return !_AP_d.test(_AP_pos); }
  inline int length() const noexcept { return 1; }
};

template <int _AP_N, bool _AP_S> struct ap_range_ref {
  typedef typename ap_int_base<_AP_N, false>::_AP_data_t _AP_u_t;
  ap_int_base<_AP_N, _AP_S> &_AP_d;
  int _AP_hi, _AP_lo;
  inline ap_range_ref(ap_int_base<_AP_N, _AP_S> &_AP_x, int _AP_h, int _AP_l) noexcept : _AP_d(_AP_x), _AP_hi(_AP_h), _AP_lo(_AP_l) {}
  ap_range_ref(const ap_range_ref &) = default;
  static inline _AP_u_t _AP_mask(int _AP_h, int _AP_l) noexcept { return ap_int_base<_AP_N, false>::ap_ones_() >> (_AP_N - 1 - (_AP_h - _AP_l)); }
  static inline ap_int_base<_AP_N, false> _AP_extract(const ap_int_base<_AP_N, _AP_S> &_AP_x, int _AP_h, int _AP_l) noexcept {
    return ap_int_base<_AP_N, false>::ap_raw_((ap_int_base<_AP_N, false>(_AP_x)._AP_V >> _AP_l) & _AP_mask(_AP_h, _AP_l));
  }
  inline ap_int_base<_AP_N, false> get() const noexcept { return _AP_extract(_AP_d, _AP_hi, _AP_lo); }
  // int x = v.range(7, 0) converts like the value (to unsigned or unsigned long long)
  inline operator typename ap_int_base<_AP_N, false>::_AP_c_ret_t() const noexcept { return get(); }
  inline ap_ulong to_uint64() const noexcept { return get().to_uint64(); }
  inline ap_slong to_int64() const noexcept { return get().to_int64(); }
  inline unsigned to_uint() const noexcept { return get().to_uint(); }
  inline int to_int() const noexcept { return get().to_int(); }
  inline unsigned long to_ulong() const noexcept { return get().to_ulong(); }
  inline long to_long() const noexcept { return get().to_long(); }
  inline double to_double() const noexcept { return get().to_double(); }
  inline int length() const noexcept { return _AP_hi - _AP_lo + 1; }
  inline bool and_reduce() const noexcept { return get()._AP_V == _AP_mask(_AP_hi, _AP_lo); }
  inline bool or_reduce() const noexcept { return get().or_reduce(); }
  inline bool xor_reduce() const noexcept { return get().xor_reduce(); }
  template <int _AP_N2, bool _AP_S2> inline ap_range_ref &operator=(const ap_int_base<_AP_N2, _AP_S2> &_AP_v) noexcept {
    _AP_u_t _AP_m = _AP_mask(_AP_hi, _AP_lo) << _AP_lo;
    _AP_u_t _AP_x = (_AP_u_t)ap_int_base<_AP_N, false>(_AP_v)._AP_V << _AP_lo;
    ap_int_base<_AP_N, false> _AP_u(_AP_d);
    _AP_d = ap_int_base<_AP_N, _AP_S>(ap_int_base<_AP_N, false>::ap_raw_((_AP_u._AP_V & ~_AP_m) | (_AP_x & _AP_m)));
    return *this;
  }
  template <class _AP_T> inline typename ap_enable_if<ap_c_int<_AP_T>::_AP_ok, ap_range_ref &>::_AP_type operator=(_AP_T _AP_v) noexcept {
    return *this = ap_int_base<ap_c_int<_AP_T>::width, ap_c_int<_AP_T>::sign>(_AP_v);
  }
  inline ap_range_ref &operator=(const ap_range_ref &_AP_o) noexcept { return *this = _AP_o.get(); }
  template <int _AP_N2, bool _AP_S2> inline ap_range_ref &operator=(const ap_range_ref<_AP_N2, _AP_S2> &_AP_o) noexcept { return *this = _AP_o.get(); }
  template <int _AP_N2, bool _AP_S2> inline ap_range_ref &operator=(const ap_bit_ref<_AP_N2, _AP_S2> &_AP_o) noexcept { return *this = _AP_o.get(); }
};

// ---- binary operators ------------------------------------------------------------------
// Between ap types, and between an ap type and a C integer (taken as ap_int<32>,
// ap_uint<32>, ap_int<64>, ... by its type).  Floating-point operands go through the
// implicit conversion to a C integer type (as C would).
#define AP_C(_AP_T) ap_int_base<ap_c_int<_AP_T>::width, ap_c_int<_AP_T>::sign>
#define AP_BINOP(_AP_OP, _AP_RT)                                                                     \
  template <int _AP_N1, bool _AP_S1, int _AP_N2, bool _AP_S2>                                                \
  inline typename ap_rt<_AP_N1, _AP_S1, _AP_N2, _AP_S2>::_AP_RT operator _AP_OP(const ap_int_base<_AP_N1, _AP_S1> &_AP_a,       \
                                                        const ap_int_base<_AP_N2, _AP_S2> &_AP_b) noexcept {     \
    typedef typename ap_rt<_AP_N1, _AP_S1, _AP_N2, _AP_S2>::_AP_RT _AP_R;                                            \
    return _AP_R::ap_raw_(_AP_R(_AP_a)._AP_V _AP_OP _AP_R(_AP_b)._AP_V);                                                     \
  }                                                                                          \
  template <int _AP_N1, bool _AP_S1, class _AP_T>                                                        \
  inline typename ap_enable_if<ap_c_int<_AP_T>::_AP_ok,                                              \
                               typename ap_rt<_AP_N1, _AP_S1, ap_c_int<_AP_T>::width, ap_c_int<_AP_T>::sign>::_AP_RT>::_AP_type \
  operator _AP_OP(const ap_int_base<_AP_N1, _AP_S1> &_AP_a, _AP_T _AP_b) noexcept { return _AP_a _AP_OP AP_C(_AP_T)(_AP_b); }                \
  template <int _AP_N1, bool _AP_S1, class _AP_T>                                                        \
  inline typename ap_enable_if<ap_c_int<_AP_T>::_AP_ok,                                              \
                               typename ap_rt<ap_c_int<_AP_T>::width, ap_c_int<_AP_T>::sign, _AP_N1, _AP_S1>::_AP_RT>::_AP_type \
  operator _AP_OP(_AP_T _AP_a, const ap_int_base<_AP_N1, _AP_S1> &_AP_b) noexcept { return AP_C(_AP_T)(_AP_a) _AP_OP _AP_b; }                \
  template <int _AP_N1, bool _AP_S1, int _AP_N2, bool _AP_S2>                                                \
  inline typename ap_rt<_AP_N1, _AP_S1, _AP_N2, _AP_S2>::_AP_RT operator _AP_OP(const ap_range_ref<_AP_N1, _AP_S1> &_AP_a,      \
                                                        const ap_int_base<_AP_N2, _AP_S2> &_AP_b) noexcept {     \
    return ap_int_base<_AP_N1, false>(_AP_a.get()) _AP_OP _AP_b;                                             \
  }                                                                                          \
  template <int _AP_N1, bool _AP_S1, int _AP_N2, bool _AP_S2>                                                \
  inline typename ap_rt<_AP_N1, _AP_S1, _AP_N2, _AP_S2>::_AP_RT operator _AP_OP(const ap_int_base<_AP_N1, _AP_S1> &_AP_a,       \
                                                        const ap_range_ref<_AP_N2, _AP_S2> &_AP_b) noexcept {    \
    return _AP_a _AP_OP ap_int_base<_AP_N2, false>(_AP_b.get());                                             \
  }                                                                                          \
  template <int _AP_N1, bool _AP_S1, class _AP_T>                                                        \
  inline typename ap_enable_if<ap_c_int<_AP_T>::_AP_ok,                                              \
                               typename ap_rt<_AP_N1, false, ap_c_int<_AP_T>::width, ap_c_int<_AP_T>::sign>::_AP_RT>::_AP_type \
  operator _AP_OP(const ap_range_ref<_AP_N1, _AP_S1> &_AP_a, _AP_T _AP_b) noexcept { return _AP_a.get() _AP_OP AP_C(_AP_T)(_AP_b); }
AP_BINOP(+, _AP_plus)
AP_BINOP(-, _AP_minus)
AP_BINOP(*, _AP_mult)
AP_BINOP(/, _AP_div)
AP_BINOP(%, _AP_mod)
AP_BINOP(&, _AP_logic)
AP_BINOP(|, _AP_logic)
AP_BINOP(^, _AP_logic)
#undef AP_BINOP

#define AP_RELOP(_AP_OP)                                                                         \
  template <int _AP_N1, bool _AP_S1, int _AP_N2, bool _AP_S2>                                                \
  inline bool operator _AP_OP(const ap_int_base<_AP_N1, _AP_S1> &_AP_a, const ap_int_base<_AP_N2, _AP_S2> &_AP_b) noexcept {     \
    typedef typename ap_rt<_AP_N1, _AP_S1, _AP_N2, _AP_S2>::_AP_logic _AP_R;                                         \
    return _AP_R(_AP_a)._AP_V _AP_OP _AP_R(_AP_b)._AP_V;                                                                 \
  }                                                                                          \
  template <int _AP_N1, bool _AP_S1, class _AP_T>                                                        \
  inline typename ap_enable_if<ap_c_int<_AP_T>::_AP_ok, bool>::_AP_type operator _AP_OP(const ap_int_base<_AP_N1, _AP_S1> &_AP_a, _AP_T _AP_b) noexcept { \
    return _AP_a _AP_OP AP_C(_AP_T)(_AP_b);                                                                  \
  }                                                                                          \
  template <int _AP_N1, bool _AP_S1, class _AP_T>                                                        \
  inline typename ap_enable_if<ap_c_int<_AP_T>::_AP_ok, bool>::_AP_type operator _AP_OP(_AP_T _AP_a, const ap_int_base<_AP_N1, _AP_S1> &_AP_b) noexcept { \
    return AP_C(_AP_T)(_AP_a) _AP_OP _AP_b;                                                                  \
  }                                                                                          \
  template <int _AP_N1, bool _AP_S1, class _AP_T>                                                        \
  inline typename ap_enable_if<ap_c_float<_AP_T>::_AP_ok, bool>::_AP_type operator _AP_OP(const ap_int_base<_AP_N1, _AP_S1> &_AP_a, _AP_T _AP_b) noexcept { \
    return _AP_a.to_double() _AP_OP (double)_AP_b;                                                       \
  }                                                                                          \
  template <int _AP_N1, bool _AP_S1, class _AP_T>                                                        \
  inline typename ap_enable_if<ap_c_float<_AP_T>::_AP_ok, bool>::_AP_type operator _AP_OP(_AP_T _AP_a, const ap_int_base<_AP_N1, _AP_S1> &_AP_b) noexcept { \
    return (double)_AP_a _AP_OP _AP_b.to_double();                                                       \
  }                                                                                          \
  template <int _AP_N1, bool _AP_S1, int _AP_N2, bool _AP_S2>                                                \
  inline bool operator _AP_OP(const ap_range_ref<_AP_N1, _AP_S1> &_AP_a, const ap_int_base<_AP_N2, _AP_S2> &_AP_b) noexcept { return _AP_a.get() _AP_OP _AP_b; } \
  template <int _AP_N1, bool _AP_S1, int _AP_N2, bool _AP_S2>                                                \
  inline bool operator _AP_OP(const ap_int_base<_AP_N1, _AP_S1> &_AP_a, const ap_range_ref<_AP_N2, _AP_S2> &_AP_b) noexcept { return _AP_a _AP_OP _AP_b.get(); } \
  template <int _AP_N1, bool _AP_S1, int _AP_N2, bool _AP_S2>                                                \
  inline bool operator _AP_OP(const ap_range_ref<_AP_N1, _AP_S1> &_AP_a, const ap_range_ref<_AP_N2, _AP_S2> &_AP_b) noexcept { return _AP_a.get() _AP_OP _AP_b.get(); } \
  template <int _AP_N1, bool _AP_S1, class _AP_T>                                                        \
  inline typename ap_enable_if<ap_c_int<_AP_T>::_AP_ok, bool>::_AP_type operator _AP_OP(const ap_range_ref<_AP_N1, _AP_S1> &_AP_a, _AP_T _AP_b) noexcept { \
    return _AP_a.get() _AP_OP AP_C(_AP_T)(_AP_b);                                                            \
  }
AP_RELOP(==)
AP_RELOP(!=)
AP_RELOP(<)
AP_RELOP(<=)
AP_RELOP(>)
AP_RELOP(>=)
#undef AP_RELOP

// shifts: result is the left operand's type
template <int _AP_N1, bool _AP_S1, class _AP_T>
inline typename ap_enable_if<ap_c_int<_AP_T>::_AP_ok, ap_int_base<_AP_N1, _AP_S1> >::_AP_type operator<<(const ap_int_base<_AP_N1, _AP_S1> &_AP_a, _AP_T _AP_n) noexcept {
  return _AP_a.ap_shl_((unsigned)_AP_n);
}
template <int _AP_N1, bool _AP_S1, class _AP_T>
inline typename ap_enable_if<ap_c_int<_AP_T>::_AP_ok, ap_int_base<_AP_N1, _AP_S1> >::_AP_type operator>>(const ap_int_base<_AP_N1, _AP_S1> &_AP_a, _AP_T _AP_n) noexcept {
  return _AP_a.ap_shr_((unsigned)_AP_n);
}
template <int _AP_N1, bool _AP_S1, int _AP_N2, bool _AP_S2>
inline ap_int_base<_AP_N1, _AP_S1> operator<<(const ap_int_base<_AP_N1, _AP_S1> &_AP_a, const ap_int_base<_AP_N2, _AP_S2> &_AP_n) noexcept {
  return _AP_a.ap_shl_(_AP_n >= _AP_N1 ? (unsigned)_AP_N1 : (unsigned)_AP_n.to_uint());
}
template <int _AP_N1, bool _AP_S1, int _AP_N2, bool _AP_S2>
inline ap_int_base<_AP_N1, _AP_S1> operator>>(const ap_int_base<_AP_N1, _AP_S1> &_AP_a, const ap_int_base<_AP_N2, _AP_S2> &_AP_n) noexcept {
  return _AP_a.ap_shr_(_AP_n >= _AP_N1 ? (unsigned)_AP_N1 : (unsigned)_AP_n.to_uint());
}
template <int _AP_N1, bool _AP_S1, class _AP_T>
inline ap_int_base<_AP_N1, false> operator<<(const ap_range_ref<_AP_N1, _AP_S1> &_AP_a, _AP_T _AP_n) noexcept { return _AP_a.get() << _AP_n; }
template <int _AP_N1, bool _AP_S1, class _AP_T>
inline ap_int_base<_AP_N1, false> operator>>(const ap_range_ref<_AP_N1, _AP_S1> &_AP_a, _AP_T _AP_n) noexcept { return _AP_a.get() >> _AP_n; }

// ---- concatenation (a, b): an rvalue ap_uint<N1 + N2>, a in the high bits --------------
template <int _AP_N1, bool _AP_S1, int _AP_N2, bool _AP_S2>
inline ap_int_base<_AP_N1 + _AP_N2, false> ap_concat_(const ap_int_base<_AP_N1, _AP_S1> &_AP_a, const ap_int_base<_AP_N2, _AP_S2> &_AP_b) noexcept {
  typedef ap_int_base<_AP_N1 + _AP_N2, false> _AP_R;
  return _AP_R::ap_raw_((_AP_R(ap_int_base<_AP_N1, false>(_AP_a))._AP_V << _AP_N2) | _AP_R(ap_int_base<_AP_N2, false>(_AP_b))._AP_V);
}
template <int _AP_N1, bool _AP_S1, int _AP_N2, bool _AP_S2>
inline ap_int_base<_AP_N1 + _AP_N2, false> operator,(const ap_int_base<_AP_N1, _AP_S1> &_AP_a, const ap_int_base<_AP_N2, _AP_S2> &_AP_b) noexcept { return ap_concat_(_AP_a, _AP_b); }
template <int _AP_N1, bool _AP_S1, int _AP_N2, bool _AP_S2>
inline ap_int_base<_AP_N1 + _AP_N2, false> operator,(const ap_bit_ref<_AP_N1, _AP_S1> &_AP_a, const ap_int_base<_AP_N2, _AP_S2> &_AP_b) noexcept { return ap_concat_(_AP_a.get(), _AP_b); }
template <int _AP_N1, bool _AP_S1, int _AP_N2, bool _AP_S2>
inline ap_int_base<1 + _AP_N2, false> operator,(const ap_int_base<_AP_N1, _AP_S1> &_AP_a, const ap_bit_ref<_AP_N2, _AP_S2> &_AP_b) noexcept { return ap_concat_(_AP_a, _AP_b.get()); }
template <int _AP_N1, bool _AP_S1, int _AP_N2, bool _AP_S2>
inline ap_int_base<2, false> operator,(const ap_bit_ref<_AP_N1, _AP_S1> &_AP_a, const ap_bit_ref<_AP_N2, _AP_S2> &_AP_b) noexcept { return ap_concat_(_AP_a.get(), _AP_b.get()); }
// A range's value has the width of the variable it was taken from (hi and lo are run-time).
template <int _AP_N1, bool _AP_S1, int _AP_N2, bool _AP_S2>
inline ap_int_base<_AP_N1 + _AP_N2, false> operator,(const ap_range_ref<_AP_N1, _AP_S1> &_AP_a, const ap_int_base<_AP_N2, _AP_S2> &_AP_b) noexcept { return ap_concat_(_AP_a.get(), _AP_b); }
template <int _AP_N1, bool _AP_S1, int _AP_N2, bool _AP_S2>
inline ap_int_base<_AP_N1 + _AP_N2, false> operator,(const ap_int_base<_AP_N1, _AP_S1> &_AP_a, const ap_range_ref<_AP_N2, _AP_S2> &_AP_b) noexcept { return ap_concat_(_AP_a, _AP_b.get()); }
template <int _AP_N1, bool _AP_S1, int _AP_N2, bool _AP_S2>
inline ap_int_base<_AP_N1 + _AP_N2, false> operator,(const ap_range_ref<_AP_N1, _AP_S1> &_AP_a, const ap_range_ref<_AP_N2, _AP_S2> &_AP_b) noexcept { return ap_concat_(_AP_a.get(), _AP_b.get()); }

// ---- printing: os << x for any stream type with write(const char *, n) (std::ostream)
// without including <ostream> here: decimal, with a '-' for negative values.
template <int _AP_N, bool _AP_S> inline int ap_to_dec_(const ap_int_base<_AP_N, _AP_S> &_AP_x, char *_AP_buf, int size) noexcept {
  typedef unsigned _BitInt(_AP_N + 1) _AP_u_t;
  bool _AP_neg = _AP_x.sign();
  _AP_u_t _AP_v = _AP_neg ? (_AP_u_t)0 - (_AP_u_t)ap_int_base<_AP_N + 1, true>(_AP_x)._AP_V : (_AP_u_t)ap_int_base<_AP_N + 1, false>(_AP_x)._AP_V;
  int _AP_n = size;
  do {
    _AP_buf[--_AP_n] = (char)('0' + (int)(_AP_v % 10));
    _AP_v /= 10;
  } while (_AP_v != 0 && _AP_n > 1);
  if (_AP_neg)
    _AP_buf[--_AP_n] = '-';
  return _AP_n;
}
template <class _AP_OS, int _AP_N, bool _AP_S>
inline auto operator<<(_AP_OS &_AP_os, const ap_int_base<_AP_N, _AP_S> &_AP_x) -> decltype(_AP_os.write((const char *)0, 0), _AP_os) {
  char _AP_buf[_AP_N * 3 / 10 + 4];
  int _AP_at = ap_to_dec_(_AP_x, _AP_buf, (int)sizeof(_AP_buf));
  _AP_os.write(_AP_buf + _AP_at, (int)sizeof(_AP_buf) - _AP_at);
  return _AP_os;
}
template <class _AP_OS, int _AP_N, bool _AP_S>
inline auto operator<<(_AP_OS &_AP_os, const ap_range_ref<_AP_N, _AP_S> &_AP_x) -> decltype(_AP_os.write((const char *)0, 0), _AP_os) {
  return _AP_os << _AP_x.get();
}
template <class _AP_OS, int _AP_N, bool _AP_S>
inline auto operator<<(_AP_OS &_AP_os, const ap_bit_ref<_AP_N, _AP_S> &_AP_x) -> decltype(_AP_os.write((const char *)0, 0), _AP_os) {
  _AP_os.write(_AP_x.to_bool() ? "1" : "0", 1);
  return _AP_os;
}

#undef AP_C
#pragma clang diagnostic pop
#endif // __cplusplus
#endif
