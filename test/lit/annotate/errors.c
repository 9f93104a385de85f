// Malformed and misplaced pragmas: every one is reported with file:line:col,
// the run fails, and the module is left unchanged.
// RUN: %cc-hls %s -o %t.ll
// RUN: not %opt -passes=hls-annotate -S %t.ll -o %t.out.ll 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: not grep -q 'hls\.' %t.out.ll

void bad(int a[64][64], int n) {
#pragma ACCEL PARALLEL FACTOR=0
  for (int i = 0; i < 64; i++)
    a[i][0] = 0;
#pragma ACCEL PARALLEL FACTOR=four
  for (int i = 0; i < 64; i++)
    a[i][1] = 0;
#pragma ACCEL TILE FACTOR=-2
  for (int i = 0; i < 64; i++)
    a[i][2] = 0;
#pragma ACCEL PIPELINE sometimes
  for (int i = 0; i < 64; i++)
    a[i][3] = 0;
#pragma ACCEL PIPELINED
  for (int i = 0; i < 64; i++)
    a[i][4] = 0;
#pragma ACCEL TILE FACTOR=auto{}
  for (int i = 0; i < 64; i++)
    a[i][5] = 0;
  for (int i = 0; i < 64; i++) {
#pragma HLS pipeline II=zero
#pragma HLS unrol factor=2
#pragma HLS unroll factor=2 speed=max
    a[i][6] = 0;
  }
#pragma ACCEL PIPELINE flatten
  n = n + 1;
  for (int i = 0; i < 64; i++)
    a[i][7] = n;
#pragma ACCEL PARALLEL FACTOR=4
#pragma HLS unroll factor=8
  for (int i = 0; i < 64; i++) {
#pragma HLS unroll factor=2
#pragma HLS pipeline
#pragma HLS pipeline
    a[i][8] = 0;
  }
#pragma HLS unroll factor=2
  for (int i = 0; i < 64; i++) {
#pragma HLS loop_tripcount min=1 max=many
    a[i][9] = 0;
  }
}

void bad_tripcount(int *a, int n) {
  for (int i = 0; i < n; i++) {
#pragma HLS loop_tripcount min=10 max=5
    a[i] = 0;
  }
  for (int i = 0; i < n; i++) {
#pragma HLS loop_tripcount
    a[i] = 1;
  }
  for (int i = 0; i < n; i++) {
#pragma HLS loop_tripcount max=8
#pragma HLS loop_tripcount max=9
    a[i] = 2;
  }
  for (int i = 0; i < n; i++) {
#pragma HLS loop_tripcount min=0 max=0
    a[i] = 3;
  }
  for (int i = 0; i < n; i++) {
#pragma HLS loop_flatten maybe
    a[i] = 4;
  }
  for (int i = 0; i < n; i++) {
#pragma HLS loop_flatten
#pragma HLS loop_flatten off
    a[i] = 5;
  }
#pragma HLS loop_tripcount max=3
}

// CHECK: {{.*}}errors.c:9:31: error: FACTOR expects a positive integer, got '0' in '#pragma ACCEL PARALLEL FACTOR=0'
// A value that names no known constant is not an error: that pragma is not modelled.
// CHECK: {{.*}}errors.c:12:1: warning: 'four' in '#pragma ACCEL PARALLEL FACTOR=four' names no integer constant hlsmoe knows (a #define or a const or constexpr integer above the pragma, a constant global, or a macro in -fdebug-macro debug info): the pragma is not modelled
// CHECK: {{.*}}errors.c:15:27: error: FACTOR expects a positive integer, got '-2' in '#pragma ACCEL TILE FACTOR=-2'
// CHECK: {{.*}}errors.c:18:24: error: PIPELINE expects off, cg, fg, flatten or auto{KNOB}, got 'sometimes'
// CHECK: {{.*}}errors.c:21:15: error: unknown Merlin pragma 'PIPELINED' (expected PIPELINE, PARALLEL, TILE or kernel)
// CHECK: {{.*}}errors.c:24:27: error: malformed knob placeholder: expected auto{NAME}
// CHECK: {{.*}}errors.c:28:1: warning: 'zero' in '#pragma HLS pipeline II=zero' names no integer constant
// CHECK: {{.*}}errors.c:29:13: error: unknown Vitis HLS pragma 'unrol'
// CHECK: {{.*}}errors.c:30:29: error: unknown unroll option 'speed'
// CHECK: {{.*}}errors.c:33:1: error: '#pragma ACCEL PIPELINE flatten' is not followed by a loop (the next statement, line 34, starts no loop); Merlin pragmas must stand directly before the loop
// CHECK: {{.*}}errors.c:38:1: error: '#pragma HLS unroll factor=8' is not inside a loop
// CHECK: {{.*}}errors.c:40:1: error: '#pragma HLS unroll factor=2' conflicts with '#pragma ACCEL PARALLEL FACTOR=4' (line 37)
// CHECK: {{.*}}errors.c:42:1: warning: '#pragma HLS pipeline' repeats '#pragma HLS pipeline' (line 41) on the same loop
// CHECK: {{.*}}errors.c:45:1: error: '#pragma HLS unroll factor=2' is not inside a loop; Vitis loop pragmas belong in the body of the loop they apply to
// CHECK: {{.*}}errors.c:47:1: warning: 'many' in '#pragma HLS loop_tripcount min=1 max=many' names no integer constant
// CHECK: {{.*}}errors.c:54:1: error: loop_tripcount min=10 is larger than max=5 in '#pragma HLS loop_tripcount min=10 max=5'
// CHECK: {{.*}}errors.c:58:1: error: loop_tripcount needs at least one of min=, max=, avg=
// CHECK: {{.*}}errors.c:63:1: error: '#pragma HLS loop_tripcount max=9' conflicts with '#pragma HLS loop_tripcount max=8' (line 62): both set the trip count
// CHECK: {{.*}}errors.c:67:1: error: loop_tripcount gives no positive count
// CHECK: {{.*}}errors.c:71:26: error: unknown loop_flatten option 'maybe' (expected off)
// CHECK: {{.*}}errors.c:76:1: error: '#pragma HLS loop_flatten off' conflicts with '#pragma HLS loop_flatten' (line 75): both set the loop flattening of the loop at line 74
// CHECK: {{.*}}errors.c:79:1: error: '#pragma HLS loop_tripcount max=3' is not inside a loop
// CHECK: error: hls-annotate: 18 errors above; the module was left unchanged
