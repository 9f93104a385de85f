/* Vitis pragmas with HLSyn-Vitis knobs: the pipeline value is the text that
 * replaces auto{} (NA: the line goes), the unroll factor an integer. */
void vitis_knobs(const double a[40][50], double s[40]) {
L0:
  for (int i = 0; i < 40; i++) {
#pragma HLS pipeline auto{__PIPE__L0}
#pragma HLS unroll factor=auto{__PARA__L0}
    double acc = 0;
  L1:
    for (int j = 0; j < 50; j++) {
#pragma HLS unroll factor=auto{__PARA__L1}
      acc += a[i][j];
    }
    s[i] = acc;
  }
}
