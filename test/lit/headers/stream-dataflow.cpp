// hls::stream dataflow across three functions (read, compute, write) with
// include/hls/hls_stream.h: compiles without -fno-exceptions and without landing
// pads, the stream calls stay calls at -O0, the graph is built, a native run checks.
// RUN: %cc-hls -x c++ -std=c++17 -Wall -Wextra -Wno-unknown-pragmas -Werror -I %src/include/hls %s -o %t.ll
// RUN: not grep -q -e '=[ ]landingpad' -e '^define .*@__clang_call_terminate' %t.ll
// RUN: FileCheck %s --check-prefix=IR < %t.ll
// RUN: %opt -passes=hls-graph -pass-remarks-analysis=hls-graph -disable-output %t.ll 2>&1 | FileCheck %s --check-prefix=GRAPH
// RUN: %clang -x c++ -std=c++11 -Wall -Wextra -Wno-unknown-pragmas -Werror -fsyntax-only -I %src/include/hls %s
// RUN: %clang -x c++ -std=c++17 -O0 -I %src/include/hls -DHLSMOE_NATIVE_MAIN %s %S/Inputs/stream-dataflow-main.cpp -o %t.exe
// RUN: %t.exe | FileCheck %s
// IR-DAG: call {{.*}} @_ZN3hls6streamI7ap_uintILi32EELi0EE4readEv(
// IR-DAG: call void @_ZN3hls6streamI7ap_uintILi32EELi0EE5writeERKS2_(
// IR-DAG: call void @_ZN3hls6streamI7ap_uintILi32EELi16EElsERKS2_(
// IR-DAG: call {{.*}} @_ZNK3hls6streamI7ap_uintILi32EELi16EE5emptyEv(
// GRAPH: remark: {{.*}}stream-dataflow.cpp:[[#]]:1: program graph of dataflow_top: [[#]] nodes ({{.*}}), [[#]] edges, 3 loops, 3 with pragmas

#include "ap_int.h"
#include "hls_stream.h"

typedef ap_uint<32> word;

static void load(const int *in, hls::stream<word> &s, int n) {
  for (int i = 0; i < n; i++) {
#pragma HLS pipeline II=1
    s.write(in[i]);
  }
}

static void scale(hls::stream<word> &in, hls::stream<word, 16> &out, int n) {
  for (int i = 0; i < n; i++) {
#pragma HLS pipeline II=1
    word v = in.read();
    out << (v * 3 + 1);  // wraps to 32 bits
  }
}

static void store(hls::stream<word, 16> &s, int *out, int n) {
  int i = 0;
  while (!s.empty() && i < n) {
#pragma HLS pipeline II=1
    word v;
    s >> v;
    out[i++] = v.to_int();
  }
}

#pragma ACCEL kernel
extern "C" void dataflow_top(const int *in, int *out, int n) {
#pragma HLS dataflow
  hls::stream<word> a("a");
  hls::stream<word, 16> b;
  load(in, a, n);
  scale(a, b, n);
  store(b, out, n);
}

// CHECK: out 1 4 7 4000000000 {{-?[0-9]+}}
// CHECK-NEXT: sum 4000014940
// CHECK-NEXT: nb 1 1 7 full 0 size 0

// A stream with a depth passes to a `hls::stream<T> &` parameter, as in Vitis.
// RUN: %clang -x c++ -std=c++17 -fsyntax-only -Wall -Wno-unknown-pragmas -Werror -DDEPTH_CHECK -I %src/include/hls %s
#ifdef DEPTH_CHECK
static int drain(hls::stream<int> &s) { return s.read(); }
int depth_check() {
  hls::stream<int, 32> deep;
  deep.write(3);
  return drain(deep);
}
#endif
