// Packs sixteen 16-bit samples into a 256-bit bus word and unpacks them again,
// with a parity bit per sample and a byte swap: ap_uint<256> ranges, bits and
// concatenation, as on a wide AXI master port.
#include "ap_int.h"

#define W 16
#define LANES 16

typedef ap_uint<256> bus_t;

extern "C" void bitpack256(const ap_uint<W> *in, bus_t *out, ap_uint<LANES> *parity, int words) {
#pragma HLS interface m_axi port=in depth=1024
#pragma HLS interface m_axi port=out depth=64
word:
  for (int w = 0; w < words; w++) {
#pragma HLS loop_tripcount min=1 max=64 avg=32
#pragma HLS pipeline II=1
    bus_t line = 0;
    ap_uint<LANES> par = 0;
  lane:
    for (int l = 0; l < LANES; l++) {
      ap_uint<W> s = in[w * LANES + l];
      ap_uint<W> swapped = (s.range(7, 0), s.range(15, 8));
      line.range(W * l + W - 1, W * l) = swapped;
      par[l] = s.xor_reduce();
    }
    line[255] = line[0] ^ line[128];
    out[w] = line;
    parity[w] = par;
  }
}

extern "C" void bitunpack256(const bus_t *in, ap_uint<W> *out, int words) {
  for (int w = 0; w < words; w++) {
#pragma HLS loop_tripcount min=1 max=64
    bus_t line = in[w];
    for (int l = 0; l < LANES; l++) {
#pragma HLS unroll
      out[w * LANES + l] = line(W * l + W - 1, W * l);
    }
  }
}
