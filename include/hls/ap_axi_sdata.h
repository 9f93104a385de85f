// hlsmoe's own ap_axi_sdata.h (API-compatible subset; see README.md).
// Written for hlsmoe from the public description of AXI4-Stream side channels in
// UG1399: ap_axis<D, U, TI, TD> (signed data), ap_axiu<D, U, TI, TD> (unsigned data)
// and hls::axis<T, U, TI, TD> (any data type).  Side channels of width 0 are present
// as 1-bit fields (Vitis omits them); keep and strb have one bit per data byte.
#ifndef HLSMOE_AP_AXI_SDATA_H
#define HLSMOE_AP_AXI_SDATA_H

// C++ only (templates, namespaces): say so once instead of a wall of template errors.
#ifndef __cplusplus
#error "ap_axi_sdata.h is a C++ header: name the kernel file .cpp, or pass -x c++ to clang"
#else

#include "ap_int.h"
#include "hls_stream.h"

template <int _AP_W> struct ap_axi_w_ { enum { _AP_value = _AP_W > 0 ? _AP_W : 1 }; };

template <int _AP_D, int _AP_U = 0, int _AP_TI = 0, int _AP_TD = 0> struct ap_axis {
  ap_int<_AP_D> data;
  ap_uint<(_AP_D + 7) / 8> keep;
  ap_uint<(_AP_D + 7) / 8> strb;
  ap_uint<ap_axi_w_<_AP_U>::_AP_value> user;
  ap_uint<1> last;
  ap_uint<ap_axi_w_<_AP_TI>::_AP_value> id;
  ap_uint<ap_axi_w_<_AP_TD>::_AP_value> dest;
};

template <int _AP_D, int _AP_U = 0, int _AP_TI = 0, int _AP_TD = 0> struct ap_axiu {
  ap_uint<_AP_D> data;
  ap_uint<(_AP_D + 7) / 8> keep;
  ap_uint<(_AP_D + 7) / 8> strb;
  ap_uint<ap_axi_w_<_AP_U>::_AP_value> user;
  ap_uint<1> last;
  ap_uint<ap_axi_w_<_AP_TI>::_AP_value> id;
  ap_uint<ap_axi_w_<_AP_TD>::_AP_value> dest;
};

namespace hls {
// The bit width of a data type: N for ap_[u]int<N>, otherwise 8 * sizeof(T).
template <class _AP_T> struct axis_bits_ { enum { _AP_value = (int)sizeof(_AP_T) * 8 }; };
template <int _AP_N> struct axis_bits_<ap_int<_AP_N> > { enum { _AP_value = _AP_N }; };
template <int _AP_N> struct axis_bits_<ap_uint<_AP_N> > { enum { _AP_value = _AP_N }; };
template <int _AP_W, int _AP_I, ap_q_mode _AP_Q, ap_o_mode _AP_O, int _AP_NB> struct axis_bits_<ap_fixed<_AP_W, _AP_I, _AP_Q, _AP_O, _AP_NB> > { enum { _AP_value = _AP_W }; };
template <int _AP_W, int _AP_I, ap_q_mode _AP_Q, ap_o_mode _AP_O, int _AP_NB> struct axis_bits_<ap_ufixed<_AP_W, _AP_I, _AP_Q, _AP_O, _AP_NB> > { enum { _AP_value = _AP_W }; };

template <class _AP_T, int _AP_U = 0, int _AP_TI = 0, int _AP_TD = 0> struct axis {
  enum { _AP_bytes = (axis_bits_<_AP_T>::_AP_value + 7) / 8 };
  _AP_T data;
  ap_uint<_AP_bytes> keep;
  ap_uint<_AP_bytes> strb;
  ap_uint<ap_axi_w_<_AP_U>::_AP_value> user;
  ap_uint<1> last;
  ap_uint<ap_axi_w_<_AP_TI>::_AP_value> id;
  ap_uint<ap_axi_w_<_AP_TD>::_AP_value> dest;
};
} // namespace hls

#endif // __cplusplus
#endif
