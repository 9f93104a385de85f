/* vitis_nest.c with the nest kept apart (same-design.test). */
void vitis_nest(const int a[16][16], int s[16][16]) {
  for (int i = 0; i < 16; i++) {
    for (int j = 0; j < 16; j++) {
#pragma HLS loop_flatten off
      s[i][j] = a[i][j] + 1;
    }
  }
}
