/* Vitis loop_flatten written out (merge.test). */
#define N 16

/* off on the inner loop: the nest stays apart */
void kept(const int a[N][N], int s[N][N]) {
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) {
#pragma HLS loop_flatten off
      s[i][j] = a[i][j] + 1;
    }
}

/* off on the middle loop: it stays apart from its inner loop, which leaves
 * the outer loop no pipeline to join */
void middle(const int a[8][8][8], int s[8][8][8]) {
  for (int i = 0; i < 8; i++)
    for (int j = 0; j < 8; j++) {
#pragma HLS loop_flatten off
      for (int k = 0; k < 8; k++)
        s[i][j][k] = a[i][j][k] * 3;
    }
}

/* the plain pragma asks for what the tool does anyway */
void asked(const int a[N][N], int s[N][N]) {
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) {
#pragma HLS loop_flatten
      s[i][j] = a[i][j] + 1;
    }
}
