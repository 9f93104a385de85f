/* No recurrence: one product per iteration, II 1; the parallel knob unrolls. */
#pragma ACCEL kernel
void scale(int a[256], int b[256]) {
#pragma ACCEL PARALLEL FACTOR=auto{__PARA__L0}
  for (int i = 0; i < 256; i++)
    b[i] = a[i] * 3;
}
