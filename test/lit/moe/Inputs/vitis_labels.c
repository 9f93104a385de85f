/* A Vitis-style kernel with labelled and unlabelled loops (labels.test):
 * labels on the loop's line and alone above it, a comment between, labels
 * that are no loop's (`case 1:`, `default:`, one in a comment), a label
 * spelled like another loop's positional name, and a called function's. */
#define N 32

static void bump(int a[N]) {
fill:
  for (int i = 0; i < N; i++)
    a[i] += 1;
}

void vitis_labels(int a[N], int b[N][N], int s) {
init: for (int i = 0; i < N; i++)
    a[i] = 0;
  rows: // the outer loop
  /* a comment between the label and its loop */
  for (int i = 0; i < N; i++) {
    for (int j = 0; j < N; j++)
      b[i][j] += a[j] * s;
  }
  switch (s) {
  case 1:
    for (int i = 0; i < N; i++)
      a[i] *= 2;
    break;
  default:
    // not_a_label:
    for (int i = 0; i < N; i++)
      a[i] *= 3;
  }
  L2: for (int i = 0; i < N; i++)
    a[i] -= s;
  bump(a);
}
