int sum_large(const int a[65536]) {
  int s = 0;
  for (int i = 0; i < 65536; i++)
    s += a[i];
  return s;
}
