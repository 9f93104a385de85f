/* A small HLS kernel for trying hlsmoe: a 1-D convolution followed by a
 * ReLU and a running sum.  The auto{...} placeholders are knobs: the values
 * hlsmoe binds (from a design point) or explores. */
#define N 1024
#define TAPS 32

#pragma ACCEL kernel
void conv1d(const float in[N + TAPS], const float w[TAPS], float out[N], float *total) {
  float sum = 0.0f;

#pragma ACCEL PIPELINE auto{__PIPE__L0}
#pragma ACCEL TILE FACTOR=auto{__TILE__L0}
  for (int i = 0; i < N; i++) {
    float acc = 0.0f;
#pragma ACCEL PARALLEL reduction=acc FACTOR=auto{__PARA__L1}
    for (int t = 0; t < TAPS; t++)
      acc += w[t] * in[i + t];
    out[i] = acc > 0.0f ? acc : 0.0f;
  }

#pragma ACCEL PARALLEL reduction=sum FACTOR=auto{__PARA__L2}
  for (int i = 0; i < N; i++)
    sum += out[i];
  *total = sum;
}
