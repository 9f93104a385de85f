// hlsmoe test kernel: Inputs/helpers.c with its helpers written out.
void scale_inline(const int in[1024], int out[1024], int k) {
  int buf[1024];
copy:
  for (int i = 0; i < 1024; i++) {
#pragma HLS pipeline II=1
    buf[i] = in[i] * k;
  }
step:
  for (int i = 1; i < 1024; i++) {
#pragma HLS pipeline II=1
    buf[i] = buf[i] + buf[i - 1];
  }
emit:
  for (int i = 0; i < 1024; i++) {
#pragma HLS pipeline II=1
#pragma HLS unroll factor=4
    out[i] = buf[i];
  }
}
