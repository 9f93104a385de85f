// hlsmoe test kernel: Inputs/sum_wrapped.cpp without the struct.
float sum_plain(const float a[256]) {
  float s = 0.0f;
acc:
  for (int i = 0; i < 256; i++) {
#pragma HLS pipeline II=1
    s += a[i];
  }
  return s;
}
