// A loop pragma outside every function is an error that says so (issue 15);
// one inside a function that was not compiled is still only a warning.
// RUN: %cc-hls %s -o %t.ll
// RUN: not %opt -passes=hls-annotate -disable-output %t.ll 2>&1 | FileCheck %s
#pragma ACCEL PIPELINE flatten
// CHECK: file-scope.c:5:1: error: '#pragma ACCEL PIPELINE flatten' is outside any function; loop pragmas belong directly before the loop they apply to
#pragma HLS pipeline II=2
// CHECK: file-scope.c:7:1: error: '#pragma HLS pipeline II=2' is outside any function; loop pragmas belong in the body of the loop they apply to
static const char *brace = "{"; /* a brace in a string or comment: { */
#pragma ACCEL PARALLEL FACTOR=2
// CHECK: file-scope.c:10:1: error: '#pragma ACCEL PARALLEL FACTOR=2' is outside any function
static void unused(int a[8]) {
#pragma ACCEL PARALLEL FACTOR=4
  for (int i = 0; i < 8; i++)
    a[i] = i;
}
// CHECK: file-scope.c:13:1: warning: '#pragma ACCEL PARALLEL FACTOR=4' is in code that was not compiled into this module
void k(int a[8]) {
  for (int i = 0; i < 8; i++)
    a[i] = brace[0];
}
