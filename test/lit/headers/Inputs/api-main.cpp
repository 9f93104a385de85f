// Native run for ../api.cpp: arithmetic and conversions of ap_int.h.
#ifdef HLSMOE_NATIVE_MAIN
#include "ap_int.h"
#include <stdio.h>

int main() {
  ap_uint<12> a("0o17"), b("017"), c("0b101"), d("ff", 16), e("1_000"), f("-1");
  ap_uint<64> h("0xdeadbeef");
  ap_int<32> dec("-1234");
  printf("str %u %u %u %u %u %u %llx %d\n", a.to_uint(), b.to_uint(), c.to_uint(), d.to_uint(), e.to_uint(),
         f.to_uint(), (unsigned long long)h.to_uint64(), dec.to_int());
  ap_uint<8> r = 0x81, r2 = 0x81, rv = 1;
  r.lrotate(1);
  r2.rrotate(1);
  rv.reverse();
  ap_uint<40> z = 0x100;
  printf("bits %x %x %u %d %d %d %d\n", r.to_uint(), r2.to_uint(), rv.to_uint(), z.countTrailingZeros(),
         z.countLeadingZeros(), z.countPopulation(), z.length());
  ap_int<8> n = -128;
  ap_int<9> nn = -n;
  ap_int<8> q = n / ap_int<8>(-1);
  ap_int<8> mo = ap_int<8>(-7) % 3;
  printf("div %d %d %d %d\n", nn.to_int(), (n / ap_int<8>(-1)).to_int(), q.to_int(), mo.to_int());
  ap_uint<8> u = 5;
  ap_int<8> s = -3;
  ap_uint<8> big = 200;
  ap_uint<16> p = big * big;  // full-width product
  ap_uint<8> pw = big * big;  // wraps
  ap_int<17> dd = big - ap_uint<8>(201);
  big += 100;
  printf("mix %d %d %d %d %u %u %d %u\n", (u + s).to_int(), (u - 10).to_int(), (u * s).to_int(), (int)(s < u),
         p.to_uint(), pw.to_uint(), dd.to_int(), big.to_uint());
  ap_int<16> m = -5;
  m >>= 1;
  ap_int<1> one = 1;  // wraps to -1
  ap_uint<1> bit = 3;
  printf("small %d %d %d %d %d\n", m.to_int(), (m << 2).to_int(), one.to_int(), bit.to_int(), (one + bit).to_int());
  ap_uint<16> cat = (ap_uint<8>(0x12), ap_uint<8>(0x34));
  ap_uint<3000> huge = 1;
  huge <<= 2999;
  printf("wide %x %d %d %d\n", cat.to_uint(), (int)huge[2999], huge.countLeadingZeros(), (huge >> 2998).to_int());
  return 0;
}
#endif
