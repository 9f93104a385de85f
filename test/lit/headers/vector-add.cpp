// hls::vector element-wise arithmetic with include/hls/hls_vector.h: a vector add
// over hls::vector<float, 16> and hls::vector<ap_int<12>, 8>, construction from a
// scalar and from an element list; a native run checks the sums.
// RUN: %cc-hls -x c++ -std=c++17 -Wall -Wextra -Wno-unknown-pragmas -Werror -I %src/include/hls %s -o %t.ll
// RUN: not grep -q -e '=[ ]landingpad' -e '^define .*@__clang_call_terminate' %t.ll
// RUN: grep -q 'fadd float' %t.ll
// RUN: %opt -passes=hls-graph -pass-remarks-analysis=hls-graph -disable-output %t.ll 2>&1 | FileCheck %s --check-prefix=GRAPH
// RUN: %clang -x c++ -std=c++11 -Wall -Wextra -Wno-unknown-pragmas -Werror -fsyntax-only -I %src/include/hls %s
// RUN: %clang -x c++ -std=c++17 -O0 -I %src/include/hls -DHLSMOE_NATIVE_MAIN %s -o %t.exe
// RUN: %t.exe | FileCheck %s
// GRAPH: remark: {{.*}}vector-add.cpp:[[#]]:1: program graph of vadd: [[#]] nodes ({{.*}}), [[#]] edges, [[#]] loops, 1 with pragmas

#include "ap_int.h"
#include "hls_vector.h"

typedef hls::vector<float, 16> vf;
typedef hls::vector<ap_int<12>, 8> vi;

#pragma ACCEL kernel
extern "C" void vadd(const vf *a, const vf *b, vf *c, const vi *p, vi *q, int n) {
  const vi bias = {1, 2, 3, 4, 5, 6, 7, 8};
  for (int i = 0; i < n; i++) {
#pragma HLS pipeline II=1
    c[i] = a[i] + b[i] * 2.0f;
    q[i] = p[i] + bias - vi(ap_int<12>(1));
  }
}

#ifdef HLSMOE_NATIVE_MAIN
#include <stdio.h>
int main() {
  vf a[2], b[2], c[2];
  vi p[2], q[2];
  for (int i = 0; i < 2; i++) {
    for (unsigned k = 0; k < vf::size(); k++) {
      a[i][k] = (float)k;
      b[i][k] = 0.5f * (float)i;
    }
    p[i] = vi(ap_int<12>(2045 * i));  // 2045 + 8 - 1 wraps in 12 bits
  }
  vadd(a, b, c, p, q, 2);
  printf("c %g %g %g\n", c[0][15], c[1][0], c[1].reduce_add());
  printf("q %d %d %d %d\n", q[0][0].to_int(), q[0][7].to_int(), q[1][0].to_int(), q[1][7].to_int());
  return 0;
}
#endif
// CHECK: c 15 1 136
// CHECK-NEXT: q 0 7 2045 -2044
