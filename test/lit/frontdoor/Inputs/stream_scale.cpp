// hlsmoe test kernel: a stream stage already at one element per cycle (pipelined, II 1):
// unrolling it cannot go faster, since each stream moves one element per cycle.
#include <ap_int.h>
#include <hls_stream.h>

void stream_scale(hls::stream<ap_uint<32> > &in, hls::stream<ap_uint<32> > &out, int k) {
scale:
  for (int i = 0; i < 1024; i++) {
#pragma HLS pipeline II=1
    ap_uint<32> v = in.read();
    out.write(v * k);
  }
}
