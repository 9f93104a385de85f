// A complex multiply-accumulate with rounding and saturation and no loop at all:
// a small datapath block, Vitis style (ap_ctrl_none, registered ports).
#include "ap_fixed.h"

typedef ap_fixed<18, 2, AP_RND, AP_SAT> sample_t;
typedef ap_fixed<48, 8> wide_t;

struct cplx {
  sample_t re, im;
};

extern "C" void cmac(const cplx *a, const cplx *b, cplx *acc, bool clear) {
#pragma HLS interface ap_ctrl_none port=return
#pragma HLS latency max=4
  wide_t re = a->re * b->re - a->im * b->im;
  wide_t im = a->re * b->im + a->im * b->re;
  if (!clear) {
    re += acc->re;
    im += acc->im;
  }
  acc->re = re;
  acc->im = im;
}
