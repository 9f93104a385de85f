// Load, compute and store stages connected by hls::stream inside a dataflow region:
// the Vitis "dataflow_stream" shape, with the stages as separate functions.
#include "hls_stream.h"
#include "ap_int.h"

#define DEPTH 32 /* the FIFO depth the stream pragmas below spell out */
#define LEN 4096

typedef ap_uint<32> word_t;

static void load(const word_t *in, hls::stream<word_t> &s, int n) {
mem_rd:
  for (int i = 0; i < n; i++) {
#pragma HLS loop_tripcount min=64 max=4096
#pragma HLS pipeline II=1
    s.write(in[i]);
  }
}

static void compute(hls::stream<word_t> &a, hls::stream<word_t> &b, hls::stream<word_t> &out, int n) {
execute:
  for (int i = 0; i < n; i++) {
#pragma HLS loop_tripcount min=64 max=4096
#pragma HLS pipeline II=1
    word_t x = a.read();
    word_t y = b.read();
    out.write(x * 3 + y);
  }
}

static void store(word_t *out, hls::stream<word_t> &s, int n) {
mem_wr:
  for (int i = 0; i < n; i++) {
#pragma HLS loop_tripcount min=64 max=4096
#pragma HLS pipeline II=1
    out[i] = s.read();
  }
}

extern "C" void vadd_stream(const word_t *in1, const word_t *in2, word_t *out, int n) {
#pragma HLS interface m_axi port=in1 bundle=gmem0
#pragma HLS interface m_axi port=in2 bundle=gmem1
#pragma HLS interface m_axi port=out bundle=gmem0
  static hls::stream<word_t> s1("s1"), s2("s2"), s3("s3");
#pragma HLS stream variable=s1 depth=32
#pragma HLS stream variable=s2 depth=32
#pragma HLS stream variable=s3 depth=32
#pragma HLS dataflow
  load(in1, s1, n);
  load(in2, s2, n);
  compute(s1, s2, s3, n);
  store(out, s3, n);
}
