// Constant tables of ap types stay constants at -O0: constexpr constructors from C
// integers (C++11 on) and from double for ap_fixed (C++14 on), so a coefficient ROM
// is an LLVM constant array with no global initialiser function and no guard.
// RUN: %cc-hls -std=c++17 -Wall -Wextra -Wno-unknown-pragmas -Werror -I %src/include/hls %s -o %t.ll
// RUN: FileCheck %s < %t.ll
// RUN: FileCheck %s --check-prefix=NOINIT < %t.ll
// RUN: %opt -passes=hls-graph -pass-remarks-analysis=hls-graph -disable-output %t.ll 2>&1 | FileCheck %s --check-prefix=GRAPH
// RUN: %cc-hls -std=c++11 -Wall -Wextra -Wno-unknown-pragmas -Werror -I %src/include/hls %s -o %t.11.ll
// RUN: FileCheck %s --check-prefix=CXX11 < %t.11.ll
// CHECK-DAG: @_ZL4coef = internal constant [4 x {{.*}}] [{{.*}} { i16 512 } }, {{.*}} { i16 -1024 } }, {{.*}} { i16 2048 } }, {{.*}} { i16 3072 } }]
// CHECK-DAG: @_ZL3lut = internal constant [4 x { i8 }] [{ i8 } { i8 1 }, { i8 } { i8 2 }, { i8 } { i8 3 }, { i8 } { i8 -56 }]
// CHECK-DAG: @_ZZ3romE3loc = internal constant [3 x { i16 }] [{ i16 } { i16 -1 }, { i16 } { i16 5 }, { i16 } { i16 9 }]
// NOINIT-NOT: {{^}}define{{.*}}__cxx_global_var_init
// NOINIT-NOT: {{^}}declare{{.*}}@__cxa_guard
// GRAPH: remark: {{.*}}tables.cpp:[[#]]:1: program graph of rom: [[#]] nodes
// CXX11: @_ZL3lut = internal constant [4 x { i8 }]
// CXX11: @_ZZ3romE3loc = internal constant [3 x { i16 }]

#include "ap_fixed.h"

static const ap_fixed<16, 4> coef[4] = {0.125, -0.25, 0.5, 0.75};  // 12 fractional bits
static const ap_uint<8> lut[4] = {1, 2, 3, 200};

#pragma ACCEL kernel
extern "C" void rom(const ap_fixed<16, 8> x[4], ap_fixed<32, 12> *y, ap_uint<16> *o) {
  static const ap_int<12> loc[3] = {-1, 5, 9};
  ap_fixed<32, 12> acc = 0;
  for (int i = 0; i < 4; i++) {
#pragma HLS unroll
    acc += x[i] * coef[i];
  }
  *y = acc;
  *o = lut[x[0].to_int() & 3] + loc[1];
}
