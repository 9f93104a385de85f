// Vitis pragmas sit inside the body of the loop they apply to (innermost
// enclosing loop); keywords are case-insensitive; lines may continue with '\'.
// RUN: %cc-hls %s -o %t.ll
// RUN: %opt -passes=hls-annotate -S %t.ll -o - | FileCheck %s --check-prefix=IR
// RUN: %opt -passes=hls-annotate -pass-remarks-analysis=hls-annotate -disable-output %t.ll 2>&1 \
// RUN:   | FileCheck %s --check-prefix=REMARK

void top(int a[128], int b[128]) {
#pragma HLS array_partition variable=a type=cyclic factor=4
  for (int i = 0; i < 128; i++) {
#pragma HLS PIPELINE II=2
    a[i] = b[i] + 1;
  }
  for (int i = 0; i < 16; i++) {
    for (int j = 0; j < 8; j++) {
#pragma HLS unroll \
    factor=4
      b[i * 8 + j] += a[j];
    }
#pragma hls Loop_Tripcount min=1 max=16
  }
  for (int i = 0; i < 8; i++) {
#pragma HLS dataflow
#pragma HLS loop_flatten off
    for (int j = 0; j < 8; j++) {
#pragma HLS unroll
      a[j] += i;
    }
    for (int j = 0; j < 8; j++) {
#pragma HLS unroll off
#pragma HLS pipeline off
      b[j] -= i;
    }
  }
}

// IR: define {{.*}} @top({{.*}} !hls.pragmas ![[FN:[0-9]+]]
// IR-DAG: ![[FN]] = !{![[AP:[0-9]+]]}
// IR-DAG: ![[AP]] = !{!"hls.unmodelled", !"vitis", !"HLS array_partition variable=a type=cyclic factor=4", i32 9, i32 1}
// IR-DAG: !{!"hls.pipeline", !"fg"}
// IR-DAG: !{!"hls.pipeline.ii", i32 2}
// IR-DAG: !{!"hls.pragma", !"vitis", !"HLS PIPELINE II=2", i32 11, i32 1}
// IR-DAG: !{!"hls.parallel.factor", i32 4}
// IR-DAG: !{!"hls.pragma", !"vitis", !"HLS unroll factor=4", i32 16, i32 1}
// IR-DAG: !{!"hls.tripcount", i32 16}
// IR-DAG: !{!"hls.pragma", !"vitis", !"hls Loop_Tripcount min=1 max=16", i32 20, i32 1}
// IR-DAG: !{!"hls.pipeline", !"cg"}
// IR-DAG: !{!"hls.flatten", !"off"}
// IR-DAG: !{!"hls.pragma", !"vitis", !"HLS loop_flatten off", i32 24, i32 1}
// IR-DAG: !{!"hls.parallel.factor", i32 0}
// IR-DAG: !{!"hls.parallel.factor", i32 1}
// IR-DAG: !{!"hls.pipeline", !"off"}

// REMARK-NOT: Loop_Tripcount{{.*}}is not modelled
// REMARK-DAG: vitis.c:9:1: '#pragma HLS array_partition variable=a type=cyclic factor=4' applies to the function and is not modelled
// REMARK-DAG: vitis.c:10:3: loop L0 in top (depth 1): pipeline=fg,II=2
// REMARK-DAG: vitis.c:14:3: loop L1 in top (depth 1): tripcount=16
// REMARK-DAG: vitis.c:15:5: loop L1_0 in top (depth 2): parallel=4
// REMARK-DAG: vitis.c:22:3: loop L2 in top (depth 1): pipeline=cg, flatten=off
// REMARK-NOT: loop_flatten off' (line 24) is not modelled
// REMARK-DAG: vitis.c:25:5: loop L2_0 in top (depth 2): parallel=full
// REMARK-DAG: vitis.c:29:5: loop L2_1 in top (depth 2): pipeline=off, parallel=1
