// A templated matrix-vector engine as a class, instantiated twice by the top
// function (a two-layer perceptron on ap_fixed data).
#include <ap_fixed.h>

typedef ap_fixed<16, 6> act_t;
typedef ap_fixed<12, 2> wgt_t;

template <int ROWS, int COLS, typename T_IN, typename T_W> class Dense {
public:
  T_W weight[ROWS][COLS];
  T_W bias[ROWS];

  void forward(const T_IN in[COLS], T_IN out[ROWS]) const {
  row:
    for (int r = 0; r < ROWS; r++) {
#pragma HLS pipeline II=1
      ap_fixed<32, 12> acc = bias[r];
    col:
      for (int c = 0; c < COLS; c++)
        acc += in[c] * weight[r][c];
      out[r] = acc > 0 ? T_IN(acc) : T_IN(0);
    }
  }
};

template <typename T, int LEN> T argmax(const T v[LEN]) {
  int best = 0;
  for (int i = 1; i < LEN; i++)
    if (v[i] > v[best])
      best = i;
  return T(best);
}

void mlp(const Dense<32, 64, act_t, wgt_t> &l1, const Dense<10, 32, act_t, wgt_t> &l2, const act_t in[64], act_t *cls) {
#pragma HLS top name=mlp
  act_t hidden[32];
  act_t logits[10];
  l1.forward(in, hidden);
  l2.forward(hidden, logits);
  *cls = argmax<act_t, 10>(logits);
}
