/* A float accumulation: the loop carries s, so the pipeline waits for each
 * fadd before the next (II = fadd latency). */
float accumulate(const float a[100]) {
  float s = 0;
  for (int i = 0; i < 100; i++) {
#pragma HLS pipeline II=1
    s += a[i];
  }
  return s;
}
