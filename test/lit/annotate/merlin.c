// Merlin pragmas stand before their loop; blank lines, comments and a label
// may sit between.  Values are literals or auto{KNOB} placeholders.
// RUN: %cc-hls %s -o %t.ll
// RUN: %opt -passes=hls-annotate -S %t.ll -o - | FileCheck %s --check-prefix=IR
// RUN: %opt -passes=hls-annotate -pass-remarks-analysis=hls-annotate -disable-output %t.ll 2>&1 \
// RUN:   | FileCheck %s --check-prefix=REMARK

#pragma ACCEL kernel
void scale(int n, float a[64][32], float b[64]) {
#pragma ACCEL PIPELINE auto{__PIPE__L0}

#pragma ACCEL TILE FACTOR=auto{__TILE__L0}
  // a comment between pragma and loop
#pragma ACCEL PARALLEL FACTOR=auto{__PARA__L0}
  for (int i = 0; i < 64; i++) {
#pragma ACCEL PARALLEL reduction = b FACTOR=4
    for (int j = 0; j < 32; j++)
      b[i] += a[i][j];
  }

#pragma accel pipeline flatten
outer:
  for (int i = 0; i < 64; i++) {
    /* block comment
       over lines */
#pragma ACCEL PARALLEL reduction FACTOR=2
    for (int j = 0; j < 32; j++)
      a[i][j] *= 2.0f;
#pragma ACCEL PIPELINE off
    for (int j = 0; j < 32; j++)
      a[i][j] += 1.0f;
#pragma ACCEL PIPELINE
    for (int j = 0; j < 32; j++)
      a[i][j] -= 1.0f;
#pragma ACCEL PIPELINE fg
#pragma ACCEL PARALLEL
    for (int j = 0; j < 32; j++)
      a[i][j] *= 0.5f;
  }
}

// IR: define {{.*}} @scale({{.*}} !hls.kernel
// IR-DAG: !{!"hls.loop.name", !"L0"}
// IR-DAG: !{!"hls.pipeline.knob", !"__PIPE__L0"}
// IR-DAG: !{!"hls.tile.knob", !"__TILE__L0"}
// IR-DAG: !{!"hls.parallel.knob", !"__PARA__L0"}
// IR-DAG: !{!"hls.pragma", !"merlin", !"ACCEL PIPELINE auto{__PIPE__L0}", i32 10, i32 1}
// IR-DAG: !{!"hls.pragma", !"merlin", !"ACCEL TILE FACTOR=auto{__TILE__L0}", i32 12, i32 1}
// IR-DAG: !{!"hls.pragma", !"merlin", !"ACCEL PARALLEL FACTOR=auto{__PARA__L0}", i32 14, i32 1}
// IR-DAG: !{!"hls.parallel.factor", i32 4}
// IR-DAG: !{!"hls.parallel.reduction", !"b"}
// IR-DAG: !{!"hls.pipeline", !"fg"}
// IR-DAG: !{!"hls.parallel.factor", i32 2}
// IR-DAG: !{!"hls.parallel.reduction", !""}
// IR-DAG: !{!"hls.pipeline", !"off"}
// IR-DAG: !{!"hls.pipeline", !"cg"}
// IR-DAG: !{!"hls.parallel.factor", i32 0}

// REMARK-DAG: merlin.c:8:1: function scale is the HLS kernel
// REMARK-DAG: merlin.c:15:3: loop L0 in scale (depth 1): pipeline=auto{__PIPE__L0}=unbound, parallel=auto{__PARA__L0}=unbound, tile=auto{__TILE__L0}=unbound
// REMARK-DAG: merlin.c:17:5: loop L0_0 in scale (depth 2): parallel=4,reduction=b
// REMARK-DAG: merlin.c:23:3: loop L1 'outer' in scale (depth 1): pipeline=fg
// REMARK-DAG: merlin.c:27:5: loop L1_0 in scale (depth 2): parallel=2,reduction
// REMARK-DAG: merlin.c:30:5: loop L1_1 in scale (depth 2): pipeline=off
// REMARK-DAG: merlin.c:33:5: loop L1_2 in scale (depth 2): pipeline=cg
// REMARK-DAG: merlin.c:37:5: loop L1_3 in scale (depth 2): pipeline=fg, parallel=full
