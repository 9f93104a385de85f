// hlsmoe test kernel: a stream stage that scales every element (hls::stream
// in, hls::stream out), the shape of a dataflow region's middle stage.
#include <ap_int.h>
#include <hls_stream.h>

void fifo_scale(hls::stream<ap_uint<32> > &in, hls::stream<ap_uint<32> > &out, int k) {
scale:
  for (int i = 0; i < 1024; i++) {
#pragma HLS pipeline II=1
#pragma HLS unroll factor=8
    ap_uint<32> v = in.read();
    out.write(v * k);
  }
}
