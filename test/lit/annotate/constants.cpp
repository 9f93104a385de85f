// Pragma values as Vitis accepts them: macros, const and constexpr integers,
// and integer expressions of them.  A value that names nothing known is a
// warning, and only that pragma is not modelled: the run goes on.
// RUN: %cc-hls %s -o %t.ll
// RUN: %opt -passes=hls-annotate -pass-remarks-analysis=hls-annotate -disable-output %t.ll 2>&1 | FileCheck %s
// The same with the macros only in -fdebug-macro debug info (the text scan
// finds them too; debug info is what a header's macros need).
// RUN: %cc-hls -fdebug-macro -DUF_FROM_CMDLINE=8 %s -o %t.macro.ll
// RUN: %opt -passes=hls-annotate -pass-remarks-analysis=hls-annotate -disable-output %t.macro.ll 2>&1 | FileCheck %s --check-prefix=MACRO

#define UF 4
#define SIZE (UF * 16)
const int c_size = 128;
constexpr unsigned c_dim = 8;
static const long c_ii = 0x3;

void k(int a[SIZE], int b[128], int n) {
  for (int i = 0; i < SIZE; i++) {
#pragma HLS unroll factor=UF
    a[i] = 0;
  }
  for (int j = 0; j < n; j++) {
#pragma HLS loop_tripcount min=c_dim*c_dim max=c_size avg=(c_size + c_dim * c_dim) / 2
#pragma HLS pipeline II=c_ii-1
    b[j] = j;
  }
  for (int j = 0; j < n; j++) {
#pragma HLS unroll factor=NOT_DEFINED
    b[j] = j;
  }
#ifdef UF_FROM_CMDLINE
  for (int j = 0; j < 64; j++) {
#pragma HLS unroll factor=UF_FROM_CMDLINE/2
    b[j] = j;
  }
#endif
}

// CHECK: constants.cpp:28:1: warning: 'NOT_DEFINED' in '#pragma HLS unroll factor=NOT_DEFINED' names no integer constant hlsmoe knows
// CHECK: constants.cpp:18:3: loop L0 in k (depth 1): parallel=4
// CHECK: constants.cpp:22:3: loop L1 in k (depth 1): pipeline=fg,II=2, tripcount=128
// CHECK: constants.cpp:27:3: loop L2 in k (depth 1): no modelled pragmas
// CHECK: '#pragma HLS unroll factor=NOT_DEFINED' (line 28) is not modelled
// CHECK-NOT: error:
// MACRO: constants.cpp:32:3: loop L3 in k (depth 1): parallel=4
