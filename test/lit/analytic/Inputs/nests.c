/* Loop nests for the estimator's automatic flattening (test/lit/analytic/merge.test). */

/* Perfect: the outer body holds only the inner loop. */
void copy2d(const int a[32][16], int b[32][16]) {
  for (int i = 0; i < 32; i++)
    for (int j = 0; j < 16; j++)
      b[i][j] = a[i][j] + 1;
}

/* Almost perfect: straight-line code between the loops, which the tool
 * pushes into the inner loop; three levels merge into one pipeline. */
void rowsum3(const int a[8][8][8], int s[8][8]) {
  for (int i = 0; i < 8; i++)
    for (int j = 0; j < 8; j++) {
      int t = 0;
      for (int k = 0; k < 8; k++)
        t += a[i][j][k];
      s[i][j] = t;
    }
}

/* A branch around the inner loop: not a nest the tool flattens. */
void guarded(const int a[32][16], int b[32][16], const int skip[32]) {
  for (int i = 0; i < 32; i++) {
    if (skip[i])
      continue;
    for (int j = 0; j < 16; j++)
      b[i][j] = a[i][j];
  }
}

/* The inner trip count depends on the outer counter: not flattened. */
void triangle(const int a[32][32], int b[32][32]) {
  for (int i = 0; i < 32; i++)
    for (int j = 0; j <= i; j++)
      b[i][j] = a[i][j];
}

/* Two inner loops: not flattened. */
void twice(const int a[32][16], int b[32][16], int c[32][16]) {
  for (int i = 0; i < 32; i++) {
    for (int j = 0; j < 16; j++)
      b[i][j] = a[i][j];
    for (int j = 0; j < 16; j++)
      c[i][j] = a[i][j];
  }
}
