/* A two-level nest the tool flattens (same-design.test; vitis_nest_written.c
 * keeps it apart with loop_flatten off). */
void vitis_nest(const int a[16][16], int s[16][16]) {
  for (int i = 0; i < 16; i++) {
    for (int j = 0; j < 16; j++) {
      s[i][j] = a[i][j] + 1;
    }
  }
}
