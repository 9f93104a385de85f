// hlsmoe test kernel: Inputs/fir_ap.cpp on plain C types (short samples, long sums).
#define N 128
#define TAPS 16
void fir(short x[N], const short c[TAPS], long y[N]) {
  short shift[TAPS];
  for (int i = 0; i < TAPS; i++)
    shift[i] = 0;
samples:
  for (int n = 0; n < N; n++) {
#pragma HLS pipeline II=1
    long acc = 0;
  taps:
    for (int k = TAPS - 1; k > 0; k--) {
      shift[k] = shift[k - 1];
      acc += shift[k] * c[k];
    }
    shift[0] = x[n];
    acc += shift[0] * c[0];
    y[n] = acc;
  }
}
