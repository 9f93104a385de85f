// Placement rules at the edges: pragmas in code that was not emitted, in
// #if 0 blocks, a kernel pragma without a function, a pragma at the end of a
// function.
// RUN: %cc-hls %s -o %t.ll
// RUN: not %opt -passes=hls-annotate -disable-output %t.ll 2>&1 | FileCheck %s

static void unused(int *a) {
#pragma ACCEL PARALLEL FACTOR=2
  for (int i = 0; i < 4; i++)
    a[i] = 0;
}

void used(int a[4]) {
#if 0
#pragma ACCEL PARALLEL FACTOR=3
#endif
  for (int i = 0; i < 4; i++)
    a[i] = 1;
  for (int i = 0; i < 4; i++)
    a[i] += 1;
#pragma ACCEL PIPELINE
}

#pragma ACCEL kernel
int global_counter;

// CHECK: {{.*}}placement.c:8:1: warning: '#pragma ACCEL PARALLEL FACTOR=2' is in code that was not compiled into this module (an unused static or inline function, or an uninstantiated template); it is ignored
// CHECK-NOT: placement.c:15
// CHECK: {{.*}}placement.c:21:1: error: '#pragma ACCEL PIPELINE' is not followed by a loop
// CHECK: {{.*}}placement.c:24:1: error: '#pragma ACCEL kernel' is not followed by a function definition
// CHECK: error: hls-annotate: 2 errors above
