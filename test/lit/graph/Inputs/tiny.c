void tiny(int a[8]) {
#pragma ACCEL PARALLEL FACTOR=2
  for (int i = 0; i < 8; i++)
    a[i] = i;
}
