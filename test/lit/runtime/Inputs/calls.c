/* A kernel that calls helpers inside its loops, with a do-while loop and
 * a knob-free literal pipeline: call edges, shared constants, mixed scopes. */
#define N 200

static int mix(int a, int b) { return (a * 31) ^ (b >> 2); }
static int sat(int v) { return v > 1000 ? 1000 : v < -1000 ? -1000 : v; }

#pragma ACCEL kernel
void calls(const int a[N], const int b[N], int out[N], int *sum) {
  int s = 0;
#pragma ACCEL PIPELINE auto{__PIPE__L0}
#pragma ACCEL PARALLEL FACTOR=auto{__PARA__L0}
  for (int i = 0; i < N; i++)
    out[i] = sat(mix(a[i], b[i]));
  int k = 0;
#pragma ACCEL PIPELINE off
  do {
    s += out[k];
    k += 2;
  } while (k < N);
  *sum = s;
}
