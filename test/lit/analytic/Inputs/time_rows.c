/* Two half steps of a 1-D smoothing per time step, the time loop pipelined:
 * each step reads the row the previous one wrote. */
#define T 16
#define S 32

void smooth(float a[S], float b[S]) {
  float ab[S], bb[S];
  for (int i = 0; i < S; i++)
    ab[i] = a[i];
steps:
  for (int t = 0; t < T; t++) {
#pragma HLS pipeline II=1
  half1:
    for (int i = 1; i < S - 1; i++)
      bb[i] = 0.25f * (ab[i - 1] + 2 * ab[i] + ab[i + 1]);
  half2:
    for (int i = 1; i < S - 1; i++)
      ab[i] = 0.25f * (bb[i - 1] + 2 * bb[i] + bb[i + 1]);
  }
  for (int i = 0; i < S; i++)
    a[i] = ab[i];
}
