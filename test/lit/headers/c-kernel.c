// A kernel written in C that includes an HLS header (all of them are C++) gets one
// message saying what to do, from every header, and the front door passes it on.
// RUN: not %clang -fsyntax-only -I %src/include/hls -include ap_int.h %s 2>&1 | FileCheck %s -DH=ap_int
// RUN: not %clang -fsyntax-only -I %src/include/hls -include ap_fixed.h %s 2>&1 | FileCheck %s -DH=ap_fixed
// RUN: not %clang -fsyntax-only -I %src/include/hls -include ap_axi_sdata.h %s 2>&1 | FileCheck %s -DH=ap_axi_sdata
// RUN: not %clang -fsyntax-only -I %src/include/hls -include hls_stream.h %s 2>&1 | FileCheck %s -DH=hls_stream
// RUN: not %clang -fsyntax-only -I %src/include/hls -include hls_task.h %s 2>&1 | FileCheck %s -DH=hls_task
// RUN: not %clang -fsyntax-only -I %src/include/hls -include hls_vector.h %s 2>&1 | FileCheck %s -DH=hls_vector
// RUN: not %clang -fsyntax-only -I %src/include/hls -include hls_math.h %s 2>&1 | FileCheck %s -DH=hls_math
// RUN: not %clang -fsyntax-only -I %src/include/hls -include ap_common.h %s 2>&1 | FileCheck %s -DH=ap_common
// RUN: not %hlsmoe explore %s --top mac 2>&1 | FileCheck %s -DH=ap_int
// The same file read as C++ compiles.
// RUN: %clang -x c++ -fsyntax-only -I %src/include/hls %s
// CHECK: [[H]].h:{{[0-9]+}}:2: error: "[[H]].h is a C++ header: name the kernel file .cpp, or pass -x c++ to clang"
// CHECK-NOT: ap_common.h:{{.*}} error:
#include <ap_int.h>
#define N 64
void mac(const ap_int<12> a[N], const ap_int<12> b[N], ap_int<32> *out) {
  ap_int<32> acc = 0;
  for (int i = 0; i < N; i++)
    acc += a[i] * b[i];
  *out = acc;
}
