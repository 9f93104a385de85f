/* A small kernel of the project's own for training tests: a histogram and its prefix sum. */
#define N 2048
#define BINS 64

#pragma ACCEL kernel
void histo(const unsigned char data[N], int hist[BINS], int cum[BINS]) {
  for (int b = 0; b < BINS; b++)
    hist[b] = 0;
#pragma ACCEL PIPELINE auto{__PIPE__L1}
#pragma ACCEL TILE FACTOR=auto{__TILE__L1}
  for (int i = 0; i < N; i++)
    hist[data[i] % BINS] += 1;
  int run = 0;
#pragma ACCEL PARALLEL FACTOR=auto{__PARA__L2}
  for (int b = 0; b < BINS; b++) {
    run += hist[b];
    cum[b] = run;
  }
}
