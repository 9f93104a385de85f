// include/hls/hls_math.h: hls:: functions forward to the C library, float to the
// f-suffixed function and double to the plain one; ap_fixed and ap_int arguments
// go through double.  IR shows the C calls; the graph is built; a native run checks.
// RUN: %cc-hls -x c++ -std=c++17 -Wall -Wextra -Wno-unknown-pragmas -Werror -I %src/include/hls %s -o %t.ll
// RUN: not grep -q -e '=[ ]landingpad' -e '^define .*@__clang_call_terminate' %t.ll
// RUN: FileCheck %s --check-prefix=IR < %t.ll
// RUN: %opt -passes=hls-graph -pass-remarks-analysis=hls-graph -disable-output %t.ll 2>&1 | FileCheck %s --check-prefix=GRAPH
// RUN: %clang -x c++ -std=c++11 -Wall -Wextra -Wno-unknown-pragmas -Werror -fsyntax-only -I %src/include/hls %s
// RUN: %clang -x c++ -std=c++17 -O0 -I %src/include/hls -DHLSMOE_NATIVE_MAIN %s -lm -o %t.exe
// RUN: %t.exe | FileCheck %s
// IR-DAG: call float @sqrtf(
// IR-DAG: call float @expf(
// IR-DAG: call double @log(
// IR-DAG: call float @sinf(
// IR-DAG: call double @cos(
// IR-DAG: call float @powf(
// IR-DAG: call double @sqrt(
// GRAPH: remark: {{.*}}math.cpp:[[#]]:1: program graph of activations: [[#]] nodes ({{.*}}), [[#]] edges, 1 loops, 1 with pragmas

#include "ap_fixed.h"
#include "hls_math.h"

typedef ap_fixed<18, 6> fx;

#pragma ACCEL kernel
extern "C" void activations(const float *x, const double *d, const fx *f, float *y, double *z, fx *g, int n) {
  for (int i = 0; i < n; i++) {
#pragma HLS pipeline II=1
    float v = x[i];
    float s = 1.0f / (1.0f + hls::exp(-v));           // sigmoid
    float r = hls::sqrt(hls::fabs(v)) + hls::pow(v, 2.0f);
    y[i] = hls::max(s, r) + hls::sin(v) + hls::floor(v) + hls::ceil(v) + hls::abs(v);
    z[i] = hls::log(d[i]) + hls::cos(d[i]) + hls::min(d[i], 0.5) + hls::tanh(d[i]);
    g[i] = hls::sqrt(f[i]) + hls::abs(f[i]);  // double via the implicit conversion
  }
}

#ifdef HLSMOE_NATIVE_MAIN
#include <stdio.h>
int main() {
  float x[2] = {0.0f, -2.0f}, y[2];
  double d[2] = {1.0, 0.25}, z[2];
  fx f[2] = {4.0, 2.25}, g[2];
  activations(x, d, f, y, z, g, 2);
  printf("y %.4f %.4f\nz %.4f %.4f\ng %.4f %.4f\n", y[0], y[1], z[0], z[1], g[0].to_double(), g[1].to_double());
  printf("int %d %d %d\n", hls::abs(-3), hls::min(3, 4), hls::max(ap_int<8>(-5), ap_int<8>(2)).to_int());
  return 0;
}
#endif
// CHECK: y 0.5000 2.5049
// CHECK-NEXT: z 1.8019 0.0775
// CHECK-NEXT: g 6.0000 3.7500
// CHECK-NEXT: int 3 3 2
