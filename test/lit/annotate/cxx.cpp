// C++: namespaces, templates, methods and an extern "C" kernel; several
// functions, nested loops, and IR with and without optnone give one result.
// RUN: %clang -x c++ -std=c++17 -O0 -g -gdwarf-5 -gembed-source -emit-llvm -S %s -o %t.O0.ll
// RUN: %clang -x c++ -std=c++17 -O0 -Xclang -disable-O0-optnone -g -gdwarf-5 -gembed-source -emit-llvm -S %s -o %t.noopt.ll
// RUN: grep -q '^attributes #.* optnone' %t.O0.ll
// RUN: not grep -q '^attributes #.* optnone' %t.noopt.ll
// RUN: %opt -passes=hls-annotate -pass-remarks-analysis=hls-annotate -disable-output %t.O0.ll 2>&1 | FileCheck %s
// RUN: %opt -passes=hls-annotate -pass-remarks-analysis=hls-annotate -disable-output %t.noopt.ll 2>&1 | FileCheck %s

namespace dsp {
template <int N> struct Filter {
  float taps[N];
  float apply(const float *x) const {
    float acc = 0;
#pragma ACCEL PARALLEL reduction=acc FACTOR=auto{__PARA__T}
    for (int i = 0; i < N; i++)
      acc += taps[i] * x[i];
    return acc;
  }
};
} // namespace dsp

static void clear(float *y, int n) {
  for (int i = 0; i < n; i++) {
#pragma HLS pipeline II=1
    y[i] = 0;
  }
}

#pragma ACCEL kernel
extern "C" void fir(const float x[1024], float y[1024]) {
  dsp::Filter<16> f = {};
  clear(y, 1024);
#pragma ACCEL PIPELINE auto{__PIPE__L0}
  for (int i = 0; i + 16 <= 1024; i++)
    y[i] = f.apply(x + i);
}

// CHECK-DAG: cxx.cpp:30:1: function fir is the HLS kernel
// CHECK-DAG: cxx.cpp:35:3: loop L0 in fir (depth 1): pipeline=auto{__PIPE__L0}=unbound
// CHECK-DAG: cxx.cpp:24:3: loop L0 in clear (depth 1): pipeline=fg,II=1
// CHECK-DAG: cxx.cpp:16:5: loop L0 in apply (depth 1): parallel=auto{__PARA__T}=unbound,reduction=acc
