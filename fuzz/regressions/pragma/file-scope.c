#pragma ACCEL PIPELINE flatten
static const char *s = "{\""; /* { */
void k(int a[8]) {
  for (int i = 0; i < 8; i++) a[i] = i;
}
