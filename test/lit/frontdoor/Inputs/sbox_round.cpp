// One substitution-permutation round of a toy block cipher over 128-bit blocks: a
// constant S-box table of ap_uint<8>, a byte rotation and a key XOR (the shape of
// the AES rounds in the accelerator suites).
#include "ap_int.h"

typedef ap_uint<128> block_t;

static const ap_uint<8> sbox[16] = {0xC, 0x5, 0x6, 0xB, 0x9, 0x0, 0xA, 0xD,
                                    0x3, 0xE, 0xF, 0x8, 0x4, 0x7, 0x1, 0x2};

extern "C" void spn_encrypt(const block_t *in, block_t *out, const block_t key[10], int blocks) {
blk:
  for (int n = 0; n < blocks; n++) {
#pragma HLS loop_tripcount min=1 max=256
    block_t s = in[n];
  round:
    for (int r = 0; r < 10; r++) {
#pragma HLS pipeline II=1
      block_t t = 0;
    sub:
      for (int b = 0; b < 32; b++) {
#pragma HLS unroll
        ap_uint<4> nib = s.range(4 * b + 3, 4 * b);
        t.range(4 * b + 3, 4 * b) = sbox[nib].range(3, 0);
      }
      s = ((t << 8) | (t >> 120)) ^ key[r];
    }
    out[n] = s;
  }
}
