void k(float a[64]) {
#pragma ACCEL PARALLEL reduction=rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr
  for (int i = 0; i < 64; i++) a[i] += 1;
}
