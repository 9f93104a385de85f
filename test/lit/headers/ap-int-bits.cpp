// ap_uint<256> bit manipulation with include/hls/ap_int.h: bit select (read and
// write), range (read and write), reverse, reductions, concatenation, shifts.
// The kernel compiles cleanly (-Wall -Wextra) as C++17/14/11, without -fno-exceptions
// and without landing pads; the program graph is built; a native run checks values.
// RUN: %cc-hls -x c++ -std=c++17 -Wall -Wextra -Wno-unknown-pragmas -Wno-unused-label -Werror -I %src/include/hls %s -o %t.ll
// RUN: not grep -q -e '=[ ]landingpad' -e '^define .*@__clang_call_terminate' %t.ll
// RUN: grep -q 'mul i256' %t.ll
// RUN: %opt -passes=hls-graph -pass-remarks-analysis=hls-graph -disable-output %t.ll 2>&1 | FileCheck %s --check-prefix=GRAPH
// RUN: %clang -x c++ -std=c++14 -Wall -Wextra -Wno-unknown-pragmas -Wno-unused-label -Werror -fsyntax-only -I %src/include/hls %s
// RUN: %clang -x c++ -std=c++11 -Wall -Wextra -Wno-unknown-pragmas -Wno-unused-label -Werror -fsyntax-only -I %src/include/hls %s
// RUN: %clang -x c++ -std=c++17 -O0 -I %src/include/hls -DHLSMOE_NATIVE_MAIN %s %S/Inputs/ap-int-bits-main.cpp -o %t.exe
// RUN: %t.exe | FileCheck %s
// GRAPH: remark: {{.*}}ap-int-bits.cpp:[[#]]:1: program graph of bitops: [[#]] nodes ({{.*}}), [[#]] edges, 4 loops, 3 with pragmas

#include "ap_int.h"

typedef ap_uint<256> word_t;

#pragma ACCEL kernel
extern "C" void bitops(const word_t in[4], word_t out[4], ap_uint<16> ones[4], ap_uint<8> flags[4]) {
words:
  for (int i = 0; i < 4; i++) {
#pragma HLS pipeline II=1
    word_t w = in[i];
    ap_uint<16> n = 0;
  count:
    for (int b = 0; b < 256; b++) {
#pragma HLS unroll factor=16
      n += w[b];
    }
    ones[i] = n;

    word_t r = w;
    r.reverse();
    r.range(255, 248) = w.range(7, 0);  // low byte of w into the top byte
    r[0] = w.xor_reduce();
    r[1] = !r[1];
    ap_uint<128> hi = w.range(255, 128), lo = w(127, 0);
    word_t mixed = (lo ^ hi, hi);  // concatenation: lo ^ hi in the high half
    word_t prod = ap_uint<128>(w.range(63, 0)) * ap_uint<128>(w.range(127, 64));
    out[i] = r ^ (mixed << 3) ^ (prod >> 1);

    ap_uint<8> f = 0;
    f[0] = w.and_reduce();
    f[1] = w.or_reduce();
    f[2] = w.xor_reduce();
    f[3] = w.test(255);
    f.range(7, 4) = w.range(3, 0) + 1;
    flags[i] = f;
  }
  // a field loop on a 256-bit word: 32-bit lanes summed
lanes:
  for (int k = 0; k < 8; k++)
    out[3].range(32 * k + 31, 32 * k) = out[3].range(32 * k + 31, 32 * k) + in[3].range(32 * k + 31, 32 * k);
}

// CHECK: ones 0 256 64 128
// CHECK-NEXT: flags 10 0b 22
// CHECK-NEXT: out0 0000000000000000 0000000000000000 0000000000000000 0000000000000002
// CHECK-NEXT: out1 ffffffffffffffff fffffffffffffff8 7fffffffffffffff 0000000000000004
// CHECK-NEXT: out2 1188888888888888 8888888888888888 0091a2b3c4d5e6f8 07f6e5d4c3b2a192
// CHECK-NEXT: out3 f0d71af8704e926f f8d71af8704e926f ffcca0854f911e9d 921e55106d31c759
