// The ap_int / ap_fixed / stream / vector / axis idioms kernels use, in one function:
// compiles with -Wall -Wextra as C++17 and C++11 and gives a program graph; a native
// run checks mixed-width arithmetic, strings, rotates, counts and 1-bit types.
// RUN: %cc-hls -std=c++17 -Wall -Wextra -Wno-unknown-pragmas -Werror -I %src/include/hls %s -o %t.ll
// RUN: not grep -q -e '=[ ]landingpad' -e '^define .*@__clang_call_terminate' %t.ll
// RUN: %opt -passes=hls-graph -pass-remarks-analysis=hls-graph -disable-output %t.ll 2>&1 | FileCheck %s --check-prefix=GRAPH
// RUN: %clang -x c++ -std=c++11 -Wall -Wextra -Wno-unknown-pragmas -Werror -fsyntax-only -I %src/include/hls %s
// RUN: %clang -x c++ -std=c++17 -O0 -I %src/include/hls -DHLSMOE_NATIVE_MAIN %s %S/Inputs/api-main.cpp -lm -o %t.exe
// RUN: %t.exe | FileCheck %s
// GRAPH: remark: {{.*}}api.cpp:[[#]]:1: program graph of idioms: [[#]] nodes
#include "ap_int.h"
#include "ap_fixed.h"
#include "hls_stream.h"
#include "hls_vector.h"
#include "hls_math.h"
#include "ap_axi_sdata.h"
typedef ap_uint<512> wide;
struct pix { ap_uint<8> r, g, b; };
#pragma ACCEL kernel
extern "C" void idioms(wide *mem, int *o, ap_int<8> *a8, ap_fixed<16, 8> *fx, hls::stream<pix> &ps, hls::stream<ap_axis<32, 2, 5, 6> > &ax) {
  wide w = mem[0];
  for (int i = 0; i < 16; i++) o[i] = w.range(32 * i + 31, 32 * i);
  unsigned u = w(31, 0);
  o[17] = u;
  ap_uint<4> nib = w.range(3, 0);
  switch (nib) { case 1: o[0] = 1; break; default: break; }
  for (ap_uint<5> i = 0; i < 16; i++) o[i] += i;
  ap_int<16> s = a8[0] * a8[1] + a8[2];
  ap_int<16> t = s >> 2;
  t = (t << 1) | 1;
  t = t & 0xff;
  t = ~t;
  t = -t;
  bool z = !t;
  int k = t;
  long long ll = t + 5LL;
  double d = t;
  float ff = t.to_float() * 2;
  if (t > 3 && t != 7 && 5 < t) o[1] = k + (int)ll + (int)d + (int)ff + z;
  ap_uint<8> m = t > 0 ? ap_uint<8>(t) : ap_uint<8>(0);
  m = m + m;
  m++;
  --m;
  m *= 2;
  m -= 1;
  m /= 3;
  m %= 5;
  m |= 0x80;
  m &= 0xfe;
  m ^= 1;
  m <<= 1;
  m >>= 1;
  ap_uint<16> cat = (m, ap_uint<8>(3));
  ap_uint<9> cat2 = (m[0], m);
  o[2] = cat + cat2;
  o[3] = m[7] ? 1 : 0;
  m[6] = m[7];
  m[5] = 1;
  m[4] = false;
  m.range(3, 0) = nib;
  m(3, 0) = 0xF;
  o[4] = m.range(3, 0) == 0xF;
  o[5] = m.countLeadingZeros() + m.length() + ap_uint<8>::width;
  ap_fixed<16, 8> x = fx[0], y = fx[1];
  ap_fixed<32, 16> acc = x * y + x - y / 2;
  acc = acc * 0.5 + 1.0;
  acc += x * 3;
  acc -= 1;
  fx[2] = acc;
  fx[3] = hls::sqrt(x) ;
  fx[4] = x > y ? x : y;
  fx[5] = -x;
  fx[6] = x << 2;
  fx[7] = (ap_fixed<16, 8>)(x * y);
  fx[8] = ap_fixed<16, 8>(s);
  if (x < 1.5 || x == 0) o[6] = x.to_int();
  float xf = x;
  o[7] = (int)xf + (int)(double)x + x.range(7, 0).to_int() + (x[15] ? 1 : 0);
  ap_int<8> xi = x;
  o[8] = xi;
  pix p = ps.read();
  p.r = p.g + p.b;
  ps.write(p);
  ap_axis<32, 2, 5, 6> v;
  ax >> v;
  v.data = v.data + 1;
  v.last = v.data == 0;
  ax << v;
  hls::vector<int, 8> vi = 3;
  vi = vi * 2 + vi;
  o[9] = vi[0] + vi.reduce_add();
  ap_uint<1> b1 = 1;
  ap_int<1> s1 = -1;
  o[10] = b1 + s1;
  ap_uint<64> big = 0xFFFFFFFFFFFFFFFFull;
  o[11] = big.to_uint64() == 0xFFFFFFFFFFFFFFFFull;
  ap_uint<3000> huge = 1;
  huge <<= 2999;
  o[12] = huge[2999];
  ap_int<32> fromf = 3.7f;
  o[13] = fromf;
  o[14] = hls::abs(ap_int<8>(-3)).to_int() + hls::min(x, y).to_int();
  ap_ufixed<10, 2, AP_RND_CONV, AP_SAT_SYM> us = 0.3;
  o[15] = us.to_double() > 0.29;
  const ap_uint<8> cm = 0x5a;
  o[16] = cm[1] + cm.range(7, 4) + cm(3, 0);
}

// CHECK:      str 15 15 5 255 1000 4095 deadbeef -1234
// CHECK-NEXT: bits 3 c0 128 8 31 1 40
// CHECK-NEXT: div 128 128 -128 -1
// CHECK-NEXT: mix 2 -5 -15 1 40000 64 -1 44
// CHECK-NEXT: small -3 -12 -1 1 0
// CHECK-NEXT: wide 1234 1 0 2
