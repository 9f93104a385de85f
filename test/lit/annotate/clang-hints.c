// clang's own loop pragmas reach the IR as !llvm.loop hints; the result is
// the same whether the hints are there or stripped from the IR, and a hint
// whose pragma is missing from the source text still counts.
// RUN: %cc-hls %s -o %t.ll
// RUN: %opt -passes=hls-annotate -S %t.ll -o - | FileCheck %s
// RUN: sed -e 's/!{!"llvm.loop.unroll.count", i32 [0-9]*}/!{!"stripped"}/' \
// RUN:     -e 's/!{!"llvm.loop.pipeline.initiationinterval", i32 [0-9]*}/!{!"stripped"}/' \
// RUN:     -e 's/!{!"llvm.loop.pipeline.disable", i1 true}/!{!"stripped"}/' %t.ll > %t.nohints.ll
// RUN: not grep -q '!{!"llvm.loop.unroll.count"' %t.nohints.ll
// RUN: %opt -passes=hls-annotate -S %t.nohints.ll -o - | FileCheck %s
//
// Hint present, pragma text gone from the embedded source: the hint is used.
// RUN: sed -e 's/#pragma clang loop unroll_count(4)/\/\/ no pragma here now!!/g' %t.ll > %t.notext.ll
// RUN: %opt -passes=hls-annotate -S %t.notext.ll -o - | FileCheck %s --check-prefix=HINT
//
// Hint and source text disagree: an error.
// RUN: sed -e 's/!{!"llvm.loop.unroll.count", i32 4}/!{!"llvm.loop.unroll.count", i32 8}/' %t.ll > %t.bad.ll
// RUN: not %opt -passes=hls-annotate -disable-output %t.bad.ll 2>&1 | FileCheck %s --check-prefix=BAD

void k(float a[256]) {
#pragma clang loop unroll_count(4)
  for (int i = 0; i < 256; i++)
    a[i] += 1.0f;
#pragma clang loop pipeline_initiation_interval(3) unroll(disable)
  for (int i = 0; i < 256; i++)
    a[i] *= 2.0f;
#pragma clang loop pipeline(disable)
  for (int i = 0; i < 256; i++)
    a[i] -= 1.0f;
#pragma unroll 8
  for (int i = 0; i < 256; i++)
    a[i] -= 1.0f;
#pragma clang loop unroll(full)
  for (int i = 0; i < 8; i++)
    a[i] -= 1.0f;
}

// CHECK-DAG: !{!"hls.pragma", !"clang", !"clang loop unroll_count(4)", i32 21, i32 1}
// CHECK-DAG: !{!"hls.parallel.factor", i32 4}
// CHECK-DAG: !{!"hls.pipeline.ii", i32 3}
// CHECK-DAG: !{!"hls.parallel.factor", i32 1}
// CHECK-DAG: !{!"hls.pragma", !"clang", !"clang loop pipeline_initiation_interval(3) unroll(disable)", i32 24, i32 1}
// CHECK-DAG: !{!"hls.pipeline", !"off"}
// CHECK-DAG: !{!"hls.pragma", !"clang", !"clang loop pipeline(disable)", i32 27, i32 1}
// CHECK-DAG: !{!"hls.parallel.factor", i32 8}
// CHECK-DAG: !{!"hls.pragma", !"clang", !"unroll 8", i32 30, i32 1}
// CHECK-DAG: !{!"hls.parallel.factor", i32 0}
// CHECK-DAG: !{!"hls.pragma", !"clang", !"clang loop unroll(full)", i32 33, i32 1}

// HINT-DAG: !{!"hls.parallel.factor", i32 4}
// HINT-DAG: !{!"hls.pragma", !"clang", !"llvm.loop.unroll.count 4", i32 22, i32 3}

// BAD: {{.*}}clang-hints.c:21:1: error: '#pragma clang loop unroll_count(4)' disagrees with the loop hint in the IR (llvm.loop.unroll.count 8)
// BAD: error: hls-annotate: 1 error above; the module was left unchanged
