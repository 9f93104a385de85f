// Native run of ../ap-fixed-mac.cpp.
#ifdef HLSMOE_NATIVE_MAIN
#include "ap_fixed.h"
#include <stdio.h>

void fir8(const ap_fixed<16, 8> x[64], const ap_fixed<16, 4> c[8], ap_fixed<16, 8> y[64]);

int main() {
  ap_fixed<16, 8> x[64], y[64];
  ap_fixed<16, 4> c[8];
  for (int n = 0; n < 64; n++)
    x[n] = n * 0.25 - 4;
  for (int k = 0; k < 8; k++)
    c[k] = (k + 1) / 16.0;
  fir8(x, c, y);
  double sum = 0;
  for (int n = 0; n < 64; n++)
    sum += y[n].to_double();
  printf("y 0 %g\ny 1 %g\ny 10 %g\ny 63 %g\nsum %g\n", y[0].to_double(), y[1].to_double(), y[10].to_double(),
         y[63].to_double(), sum);

  // conversions between modes (4 fractional bits)
  ap_fixed<8, 4, AP_TRN, AP_SAT> s1 = 100.0, s2 = -100.0;
  ap_fixed<12, 6> fine = 0.09375;  // 6/64: halfway between 1/16 and 2/16
  ap_fixed<12, 6> fneg = -0.09375;
  ap_fixed<8, 4, AP_RND> r1 = fine, r2 = ap_fixed<12, 6>(-0.03125);
  ap_fixed<8, 4> t1 = fine, t2 = fneg;
  ap_fixed<8, 4> w = 9.0;                        // wraps: 9 - 16
  ap_fixed<8, 4, AP_TRN, AP_SAT_ZERO> z = 9.0;   // overflow gives 0
  printf("sat %g %g rnd %g %g trn %g %g wrap %g zero %g\n", s1.to_double(), s2.to_double(), r1.to_double(),
         r2.to_double(), t1.to_double(), t2.to_double(), w.to_double(), z.to_double());
  ap_fixed<16, 8> m = -2.5, p = 2.5;
  printf("int %d %d bits %04x %04x\n", ap_fixed<8, 4>(-1.75).to_int(), ap_fixed<8, 4>(3.9375).to_int(),
         m.range(15, 0).to_uint(), p.range().to_uint());
  ap_fixed<16, 8> a = 1.5, b = -2.25, q = a / b;
  ap_ufixed<8, 4> u = 3.75;
  printf("div %g ufixed %g\n", q.to_double(), u.to_double());
  return 0;
}
#endif
