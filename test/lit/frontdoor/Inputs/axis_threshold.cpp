// An AXI4-Stream pixel threshold: reads beats until TLAST, passes the side channels
// through.  Vitis style with ap_axiu and an unknown packet length.
#include "ap_axi_sdata.h"
#include "hls_stream.h"

#define D 32
typedef ap_axiu<D, 1, 1, 1> pkt_t;

void threshold(hls::stream<pkt_t> &in, hls::stream<pkt_t> &out, ap_uint<8> level) {
#pragma HLS interface axis port=in
#pragma HLS interface axis port=out
#pragma HLS interface s_axilite port=level
#pragma HLS interface s_axilite port=return
  bool last = false;
beats:
  while (!last) {
#pragma HLS loop_tripcount min=1 max=1920
#pragma HLS pipeline II=1
    pkt_t p = in.read();
    ap_uint<D> v = p.data;
    for (int b = 0; b < D / 8; b++) {
#pragma HLS unroll
      ap_uint<8> px = v.range(8 * b + 7, 8 * b);
      v.range(8 * b + 7, 8 * b) = px > level ? ap_uint<8>(255) : ap_uint<8>(0);
    }
    p.data = v;
    last = p.last;
    out.write(p);
  }
}
