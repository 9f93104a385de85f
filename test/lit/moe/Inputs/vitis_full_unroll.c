/* A loop fully unrolled as written (every-loop.test): its pipeline knob has
 * nothing left to pipeline. */
#define N 8

void triple(int a[N]) {
  for (int i = 0; i < N; i++) {
#pragma HLS unroll
    a[i] = a[i] * 3;
  }
}
