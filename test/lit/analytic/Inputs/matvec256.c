void matvec(const float A[256][256], const float x[256], float y[256]) {
  for (int i = 0; i < 256; i++) {
    float acc = 0;
    for (int j = 0; j < 256; j++)
      acc += A[i][j] * x[j];
    y[i] = acc;
  }
}
