// ap_fixed multiply-accumulate (an 8-tap FIR) with include/hls/ap_fixed.h: the
// product of ap_fixed<16,8> and ap_fixed<16,4> is a 32-bit integer multiply, the
// accumulator an ap_fixed<40,16>; quantisation and overflow modes on conversion.
// RUN: %cc-hls -x c++ -std=c++17 -Wall -Wextra -Wno-unknown-pragmas -Werror -I %src/include/hls %s -o %t.ll
// RUN: not grep -q -e '=[ ]landingpad' -e '^define .*@__clang_call_terminate' %t.ll
// RUN: grep -q 'mul nsw i32' %t.ll
// RUN: %opt -passes=hls-graph -pass-remarks-analysis=hls-graph -disable-output %t.ll 2>&1 | FileCheck %s --check-prefix=GRAPH
// RUN: %cc-hls -x c++ -std=c++17 -fno-exceptions -I %src/include/hls %s -o %t.noexc.ll
// RUN: %opt -passes=hls-graph -pass-remarks-analysis=hls-graph -disable-output %t.noexc.ll 2>&1 | FileCheck %s --check-prefix=GRAPH
// RUN: %clang -x c++ -std=c++11 -Wall -Wextra -Wno-unknown-pragmas -Werror -fsyntax-only -I %src/include/hls %s
// RUN: %clang -x c++ -std=c++17 -O0 -I %src/include/hls -DHLSMOE_NATIVE_MAIN %s %S/Inputs/ap-fixed-mac-main.cpp -o %t.exe
// RUN: %t.exe | FileCheck %s
// The kernel has C++ linkage: the graph names it by its mangled name.
// GRAPH: remark: {{.*}}ap-fixed-mac.cpp:[[#]]:1: program graph of _Z4fir8{{[^:]*}}: [[#]] nodes ({{.*}}, 9 pragma, {{.*}}), [[#]] edges, 3 loops, 3 with pragmas

#include "ap_fixed.h"

typedef ap_fixed<16, 8> data_t;  // 8 fractional bits
typedef ap_fixed<16, 4> coef_t;  // 12 fractional bits
typedef ap_fixed<40, 16> acc_t;

#pragma ACCEL kernel
void fir8(const data_t x[64], const coef_t c[8], data_t y[64]) {
  data_t shift[8];
  for (int k = 0; k < 8; k++)
    shift[k] = 0;
  for (int n = 0; n < 64; n++) {
#pragma HLS pipeline II=1
    acc_t acc = 0;
    for (int k = 7; k > 0; k--) {
#pragma HLS unroll
      shift[k] = shift[k - 1];
      acc += shift[k] * c[k];
    }
    shift[0] = x[n];
    acc += x[n] * c[0];
    y[n] = acc;  // AP_TRN, AP_WRAP into ap_fixed<16,8>
  }
}

// CHECK:      y 0 -0.25
// CHECK-NEXT: y 1 -0.734375
// CHECK-NEXT: y 10 -6
// CHECK-NEXT: y 63 23.8125
// CHECK-NEXT: sum 440.531
// CHECK-NEXT: sat 7.9375 -8 rnd 0.125 0 trn 0.0625 -0.125 wrap -7 zero 0
// CHECK-NEXT: int -1 3 bits fd80 0280
// CHECK-NEXT: div -0.664062 ufixed 3.75
