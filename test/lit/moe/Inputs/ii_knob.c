/* II=auto{K}: the initiation interval of a Vitis pipeline as a knob. */
void ii_kernel(const float a[128], float *out) {
  float acc = 0;
L0:
  for (int i = 0; i < 128; i++) {
#pragma HLS pipeline II=auto{__II__L0}
#pragma HLS unroll factor=auto{__PARA__L0}
    acc += a[i];
  }
  *out = acc;
}
