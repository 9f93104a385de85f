void trips(int n, int a[100]) {
  for (int i = 0; i <= 99; i += 3)
    a[i] = 0;
  for (int i = 0; i < n; i++)
    a[i % 100] += 1;
  for (unsigned char c = 0; c < n && c < 200; c++)
    a[c % 100] -= 1;
  int k = 0;
  while (k < 64) {
    a[k] = k;
    k += 2;
  }
  do {
    k--;
  } while (k > 0);
  for (int i = 10; i > 0; i--)
    a[i] = 1;
}
