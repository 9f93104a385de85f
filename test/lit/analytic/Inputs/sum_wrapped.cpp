// hlsmoe test kernel: a float accumulator wrapped in a struct whose operator+= the loop calls.
struct running_sum {
  float v;
  running_sum &operator+=(float x) {
    v += x;
    return *this;
  }
};

float sum_wrapped(const float a[256]) {
  running_sum s = {0.0f};
acc:
  for (int i = 0; i < 256; i++) {
#pragma HLS pipeline II=1
    s += a[i];
  }
  return s.v;
}
