// hlsmoe's own ap_axi_sdata.h (API-compatible subset; see README.md).
// Written for hlsmoe from the public description of AXI4-Stream side channels in
// UG1399: ap_axis<D, U, TI, TD> (signed data), ap_axiu<D, U, TI, TD> (unsigned data)
// and hls::axis<T, U, TI, TD> (any data type).  Side channels of width 0 are present
// as 1-bit fields (Vitis omits them); keep and strb have one bit per data byte.
#ifndef HLSMOE_AP_AXI_SDATA_H
#define HLSMOE_AP_AXI_SDATA_H

#include "ap_int.h"
#include "hls_stream.h"

template <int W> struct ap_axi_w_ { enum { value = W > 0 ? W : 1 }; };

template <int D, int U = 0, int TI = 0, int TD = 0> struct ap_axis {
  ap_int<D> data;
  ap_uint<(D + 7) / 8> keep;
  ap_uint<(D + 7) / 8> strb;
  ap_uint<ap_axi_w_<U>::value> user;
  ap_uint<1> last;
  ap_uint<ap_axi_w_<TI>::value> id;
  ap_uint<ap_axi_w_<TD>::value> dest;
};

template <int D, int U = 0, int TI = 0, int TD = 0> struct ap_axiu {
  ap_uint<D> data;
  ap_uint<(D + 7) / 8> keep;
  ap_uint<(D + 7) / 8> strb;
  ap_uint<ap_axi_w_<U>::value> user;
  ap_uint<1> last;
  ap_uint<ap_axi_w_<TI>::value> id;
  ap_uint<ap_axi_w_<TD>::value> dest;
};

namespace hls {
// The bit width of a data type: N for ap_[u]int<N>, otherwise 8 * sizeof(T).
template <class T> struct axis_bits_ { enum { value = (int)sizeof(T) * 8 }; };
template <int N> struct axis_bits_<ap_int<N> > { enum { value = N }; };
template <int N> struct axis_bits_<ap_uint<N> > { enum { value = N }; };
template <int W, int I, ap_q_mode Q, ap_o_mode O, int NB> struct axis_bits_<ap_fixed<W, I, Q, O, NB> > { enum { value = W }; };
template <int W, int I, ap_q_mode Q, ap_o_mode O, int NB> struct axis_bits_<ap_ufixed<W, I, Q, O, NB> > { enum { value = W }; };

template <class T, int U = 0, int TI = 0, int TD = 0> struct axis {
  enum { bytes = (axis_bits_<T>::value + 7) / 8 };
  T data;
  ap_uint<bytes> keep;
  ap_uint<bytes> strb;
  ap_uint<ap_axi_w_<U>::value> user;
  ap_uint<1> last;
  ap_uint<ap_axi_w_<TI>::value> id;
  ap_uint<ap_axi_w_<TD>::value> dest;
};
} // namespace hls

#endif
