// Every header of include/hls in one kernel, compiled the way users compile C++ (no
// -fno-exceptions), as C++11/14/17/20 with -Wall -Wextra: no warnings, no landing
// pads and no __clang_call_terminate, even with a user type that has a non-trivial
// destructor alive across the calls and a user noexcept function calling them (every
// header function is noexcept; hls::stream and hls::vector are noexcept when T's
// copy is).  hls-annotate and hls-graph accept the IR.  hls::task is a stub.
// RUN: %cc-hls -std=c++17 -Wall -Wextra -Wno-unknown-pragmas -Werror -I %src/include/hls %s -o %t.ll
// RUN: not grep -q -e '=[ ]landingpad' -e '^define .*@__clang_call_terminate' -e '[ ]invoke ' %t.ll
// RUN: %opt -passes=hls-annotate -disable-output %t.ll
// RUN: %opt -passes=hls-graph -pass-remarks-analysis=hls-graph -disable-output %t.ll 2>&1 | FileCheck %s
// RUN: %cc-hls -std=c++20 -Wall -Wextra -Wno-unknown-pragmas -Werror -I %src/include/hls %s -o %t.20.ll
// RUN: not grep -q -e '=[ ]landingpad' -e '^define .*@__clang_call_terminate' %t.20.ll
// RUN: %cc-hls -std=c++14 -Wall -Wextra -Wno-unknown-pragmas -Werror -I %src/include/hls %s -o %t.14.ll
// RUN: not grep -q -e '=[ ]landingpad' -e '^define .*@__clang_call_terminate' %t.14.ll
// RUN: %cc-hls -std=c++11 -Wall -Wextra -Wno-unknown-pragmas -Werror -I %src/include/hls %s -o %t.11.ll
// RUN: not grep -q -e '=[ ]landingpad' -e '^define .*@__clang_call_terminate' %t.11.ll
// RUN: %cc-hls -std=c++17 -fno-exceptions -Wall -Wextra -Wno-unknown-pragmas -Werror -I %src/include/hls %s -o %t.noexc.ll
// RUN: %opt -passes=hls-graph -pass-remarks-analysis=hls-graph -disable-output %t.noexc.ll 2>&1 | FileCheck %s
// CHECK: remark: {{.*}}exceptions.cpp:[[#]]:1: program graph of top: [[#]] nodes

#include "ap_axi_sdata.h"
#include "ap_fixed.h"
#include "ap_int.h"
#include "hls_math.h"
#include "hls_stream.h"
#include "hls_task.h"
#include "hls_vector.h"

struct Counter {  // a user type with a non-trivial destructor
  int *at;
  ~Counter() { (*at)++; }
};

static ap_uint<16> square_plus(ap_uint<8> a) noexcept { return a * a + 1; }

static void doubler(hls::stream<ap_int<16> > &in, hls::stream<ap_int<16> > &out) {
  out.write(in.read() * 2);
}

#pragma ACCEL kernel
extern "C" void top(hls::stream<ap_axiu<64, 0, 0, 0> > &in, hls::stream<ap_axiu<64, 0, 0, 0> > &out,
                    hls::stream<ap_int<16> > &a, hls::stream<ap_int<16> > &b, float *f, int *count) {
  Counter c = {count};
  hls_thread_local hls::task t(doubler, a, b);
  ap_axiu<64, 0, 0, 0> p = in.read();
  ap_fixed<24, 8> x = p.data.range(23, 0).to_int() * 0.125;
  hls::vector<ap_fixed<24, 8>, 4> v(x);
  v = v * v + x;
  p.data.range(15, 0) = square_plus(p.data.range(7, 0));
  p.data[63] = v[3] > 1;
  f[0] = hls::sqrt(f[1]) + hls::exp(x.to_float()) + hls::abs(v[2]).to_float();
  out << p;
}
