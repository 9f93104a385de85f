void matvec(const float A[32][32], const float x[32], float y[32]) {
  for (int i = 0; i < 32; i++) {
    float acc = 0;
    for (int j = 0; j < 32; j++)
      acc += A[i][j] * x[j];
    y[i] = acc;
  }
}
