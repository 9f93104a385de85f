// Kernels #define short names (N, W, SIZE, DEPTH, ...) before including the HLS
// headers.  The headers' own template parameters, function parameters, locals and
// members use reserved names (_AP_W, _HLS_T, ...), so no user macro can reach them.
// Every header, after the macros, in C++11/14/17/20, with warnings as errors; each
// header's templates are instantiated below.
// RUN: %clang -std=c++17 -fsyntax-only -Wall -Werror -I %src/include/hls %s
// RUN: %clang -std=c++11 -fsyntax-only -Wall -Wextra -Werror -I %src/include/hls %s
// RUN: %clang -std=c++14 -fsyntax-only -Wall -Wextra -Werror -I %src/include/hls %s
// RUN: %clang -std=c++20 -fsyntax-only -Wall -Wextra -Werror -I %src/include/hls %s
// The same macros as object-like names of another kind (an expression, a type).
// RUN: %clang -std=c++17 -fsyntax-only -Wall -Werror -DMACRO_VALUE='(1+2)' -I %src/include/hls %s
// RUN: %clang -std=c++17 -fsyntax-only -Wall -Werror -DMACRO_VALUE=float -I %src/include/hls %s

#ifndef MACRO_VALUE
#define MACRO_VALUE 64
#endif

#define N MACRO_VALUE
#define W MACRO_VALUE
#define I MACRO_VALUE
#define S MACRO_VALUE
#define T MACRO_VALUE
#define D MACRO_VALUE
#define U MACRO_VALUE
#define Q MACRO_VALUE
#define O MACRO_VALUE
#define M MACRO_VALUE
#define K MACRO_VALUE
#define L MACRO_VALUE
#define E MACRO_VALUE
#define F MACRO_VALUE
#define SIZE MACRO_VALUE
#define DEPTH MACRO_VALUE
#define WIDTH MACRO_VALUE
#define TI MACRO_VALUE
#define TD MACRO_VALUE
#define LEN MACRO_VALUE
#define B MACRO_VALUE
#define C MACRO_VALUE
#define V MACRO_VALUE
// Names kernels also use for their own macros and that headers commonly use inside.
#define R MACRO_VALUE
#define A MACRO_VALUE
#define NB MACRO_VALUE
#define CAP MACRO_VALUE
#define Base MACRO_VALUE
#define data_t MACRO_VALUE
#define acc_t MACRO_VALUE
#define x MACRO_VALUE
#define y MACRO_VALUE
#define n MACRO_VALUE
#define i MACRO_VALUE
#define v MACRO_VALUE
#define a MACRO_VALUE
#define b MACRO_VALUE
#define hi MACRO_VALUE
#define lo MACRO_VALUE
#define tmp MACRO_VALUE

#include "ap_int.h"
#include "ap_fixed.h"
#include "ap_common.h"
#include "hls_stream.h"
#include "hls_vector.h"
#include "hls_math.h"
#include "ap_axi_sdata.h"
#include "hls_task.h"

// The kernel's own names again, so the code below can be written plainly.
#undef N
#undef W
#undef I
#undef S
#undef T
#undef D
#undef U
#undef Q
#undef O
#undef M
#undef K
#undef L
#undef E
#undef F
#undef SIZE
#undef DEPTH
#undef WIDTH
#undef TI
#undef TD
#undef LEN
#undef B
#undef C
#undef V
#undef R
#undef A
#undef NB
#undef CAP
#undef Base
#undef data_t
#undef acc_t
#undef x
#undef y
#undef n
#undef i
#undef v
#undef a
#undef b
#undef hi
#undef lo
#undef tmp

static void task_body(hls::stream<int> &in, hls::stream<int> &out) { out.write(in.read() + 1); }

void use_all(ap_uint<256> *wide, ap_int<12> *small, ap_fixed<18, 6, AP_RND, AP_SAT> *fx, ap_ufixed<8, 2> *ufx,
             hls::stream<ap_axiu<64, 2, 3, 4> > &axis, hls::stream<hls::axis<ap_fixed<16, 4>, 1> > &axis2,
             hls::vector<float, 8> *vec, float *f, int *out) {
  ap_uint<256> w = wide[0];
  w.range(15, 0) = small[0];
  w[3] = 1;
  w.reverse();
  w.lrotate(5);
  ap_uint<264> cat = (w, ap_uint<8>(7));
  out[0] = cat.countPopulation() + w.countLeadingZeros() + w.xor_reduce() + (w.range(7, 0) == 3);
  ap_int<12> s = small[1];
  s += small[2] * 3;
  s >>= 1;
  out[1] = s.to_int() + (s < 0) + (s / small[3]).to_int() + (s % 5).to_int();
  ap_int<12> parsed("-0x1f"), parsed2("101", 2);
  out[2] = parsed + parsed2;
  ap_fixed<18, 6, AP_RND, AP_SAT> p = fx[0] * fx[1] + ufx[0] - 0.5;
  p /= fx[2];
  fx[3] = p;
  out[3] = p.to_int() + (p > 1.0) + (p == fx[0]) + p.range(3, 0).to_int();
  ap_axiu<64, 2, 3, 4> beat = axis.read();
  beat.last = 1;
  beat.keep = -1;
  axis.write(beat);
  hls::axis<ap_fixed<16, 4>, 1> beat2;
  axis2.read_nb(beat2);
  axis2 << beat2;
  hls::vector<float, 8> vv = vec[0] + vec[1] * 2.0f;
  vv -= vec[2];
  vec[3] = -vv;
  out[4] = vv == vec[0];
  f[0] = vv.reduce_add() + hls::sqrt(f[1]) + hls::exp(fx[0]) + hls::pow(f[2], 2.0f) + hls::abs(s).to_int() +
         hls::min(f[3], f[4]) + hls::fma(f[5], f[6], f[7]);
  hls::stream<int> s1("s1"), s2;
  s1.write(out[0]);
  task_body(s1, s2);
  hls_thread_local hls::task t(task_body, s1, s2);
  out[5] = s2.read() + s2.size() + s2.empty() + s2.full() + s2.capacity();
}
