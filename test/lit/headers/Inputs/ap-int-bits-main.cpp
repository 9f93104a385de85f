// Native run of ../ap-int-bits.cpp: prints the values that test checks.
#ifdef HLSMOE_NATIVE_MAIN
#include "ap_int.h"
#include <stdio.h>

extern "C" void bitops(const ap_uint<256> in[4], ap_uint<256> out[4], ap_uint<16> ones[4], ap_uint<8> flags[4]);

static void hex(const char *name, const ap_uint<256> &w) {
  printf("%s", name);
  for (int q = 3; q >= 0; q--)
    printf(" %016llx", (unsigned long long)w.range(64 * q + 63, 64 * q).to_uint64());
  printf("\n");
}

int main() {
  ap_uint<256> in[4], out[4];
  ap_uint<16> ones[4];
  ap_uint<8> flags[4];
  in[0] = 0;
  in[1] = 0;
  in[1].set();  // all ones
  in[2] = 0;
  for (int b = 0; b < 256; b += 4)
    in[2][b] = 1;  // 0x...1111
  in[3] = ap_uint<256>("0x0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
  bitops(in, out, ones, flags);
  printf("ones %d %d %d %d\n", ones[0].to_int(), ones[1].to_int(), ones[2].to_int(), ones[3].to_int());
  printf("flags %02x %02x %02x\n", flags[0].to_uint(), flags[1].to_uint(), flags[2].to_uint());
  hex("out0", out[0]);
  hex("out1", out[1]);
  hex("out2", out[2]);
  hex("out3", out[3]);
  return 0;
}
#endif
