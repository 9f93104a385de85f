// An AXI4-Stream kernel with include/hls/ap_axi_sdata.h: ap_axiu packets in and out
// (data, keep, strb, last, user), a running sum written on TLAST, and hls::axis over
// an ap_int data type.  Compiles as C++17/11, no landing pads, the graph is built.
// RUN: %cc-hls -x c++ -std=c++17 -Wall -Wextra -Wno-unknown-pragmas -Werror -I %src/include/hls %s -o %t.ll
// RUN: not grep -q -e '=[ ]landingpad' -e '^define .*@__clang_call_terminate' %t.ll
// RUN: %opt -passes=hls-graph -pass-remarks-analysis=hls-graph -disable-output %t.ll 2>&1 | FileCheck %s --check-prefix=GRAPH
// RUN: %clang -x c++ -std=c++11 -Wall -Wextra -Wno-unknown-pragmas -Werror -fsyntax-only -I %src/include/hls %s
// RUN: %clang -x c++ -std=c++17 -O0 -I %src/include/hls -DHLSMOE_NATIVE_MAIN %s -o %t.exe
// RUN: %t.exe | FileCheck %s
// GRAPH: remark: {{.*}}axis.cpp:[[#]]:1: program graph of axis_accumulate: [[#]] nodes ({{.*}}), [[#]] edges, 1 loops, 1 with pragmas

#include "ap_axi_sdata.h"
#include "hls_stream.h"

typedef ap_axiu<32, 1, 0, 0> pkt_t;
typedef hls::axis<ap_int<24>, 0, 0, 0> sample_t;

#pragma ACCEL kernel
extern "C" void axis_accumulate(hls::stream<pkt_t> &in, hls::stream<pkt_t> &out, hls::stream<sample_t> &side) {
#pragma HLS interface mode=axis port=in
#pragma HLS interface mode=axis port=out
#pragma HLS interface mode=ap_ctrl_none port=return
  ap_uint<40> sum = 0;
  bool last = false;
  while (!last) {
#pragma HLS pipeline II=1
    pkt_t p = in.read();
    sum += p.data;
    last = p.last;
    pkt_t q;
    q.data = p.data ^ 0xffffffffu;
    q.keep = p.keep;
    q.strb = -1;
    q.user = p.user;
    q.last = 0;
    q.id = 0;
    q.dest = 0;
    out.write(q);
    if (last) {
      q.data = sum.range(31, 0);
      q.user = sum[32];
      q.last = 1;
      out.write(q);
      sample_t s;
      s.data = -sum.range(23, 0);
      s.keep = -1;
      s.strb = -1;
      s.user = 0;
      s.last = 1;
      s.id = 0;
      s.dest = 0;
      side << s;
    }
  }
}

#ifdef HLSMOE_NATIVE_MAIN
#include <stdio.h>
int main() {
  hls::stream<pkt_t> in, out;
  hls::stream<sample_t> side;
  for (int i = 0; i < 5; i++) {
    pkt_t p;
    p.data = 0x80000000u + i;
    p.keep = 0xf;
    p.strb = 0xf;
    p.user = i & 1;
    p.last = i == 4;
    p.id = 0;
    p.dest = 0;
    in.write(p);
  }
  axis_accumulate(in, out, side);
  printf("out %d", out.size());
  while (!out.empty()) {
    pkt_t q = out.read();
    printf(" %08x/%x/%d", q.data.to_uint(), q.user.to_uint(), q.last.to_int());
  }
  sample_t s = side.read();
  printf("\nside %d %d keep %x\n", s.data.to_int(), s.last.to_int(), s.keep.to_uint());
  return 0;
}
#endif
// CHECK: out 6 7fffffff/0/0 7ffffffe/1/0 7ffffffd/0/0 7ffffffc/1/0 7ffffffb/0/0 8000000a/0/1
// CHECK-NEXT: side -10 1 keep 7
