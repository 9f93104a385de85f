// Loops written through macros: the loop's location is the macro use, so a
// pragma before the use applies to it.  HLS pragmas hidden in _Pragma are
// reported, not silently dropped.
// RUN: %cc-hls %s -o %t.ll
// RUN: %opt -passes=hls-annotate -pass-remarks-analysis=hls-annotate -disable-output %t.ll 2>&1 | FileCheck %s

#define FOR(i, n) for (int i = 0; i < (n); i++)
#define UNROLLED_FOR(i, n) _Pragma("HLS unroll") for (int i = 0; i < (n); i++)

void m(int a[16][16]) {
#pragma ACCEL PIPELINE flatten
  FOR(i, 16) {
#pragma ACCEL PARALLEL FACTOR=4
    FOR(j, 16) a[i][j] = i + j;
  }
  UNROLLED_FOR(k, 16) a[k][k] = 0;
}

// CHECK-DAG: {{.*}}macro.c:8:1: warning: HLS pragmas written with _Pragma inside a macro are not read by hlsmoe
// CHECK-DAG: macro.c:12:3: loop L0 in m (depth 1): pipeline=fg
// CHECK-DAG: macro.c:14:5: loop L0_0 in m (depth 2): parallel=4
// CHECK-DAG: macro.c:16:3: loop L1 in m (depth 1): no modelled pragmas
