// Nearest-neighbour digit recognition on 196-bit binarised images packed in
// ap_uint<256>: Hamming distance by XOR and population count, a running top-3.
// Rosetta style.
#include <ap_int.h>

#define TRAIN 1800
#define K_NN 3

typedef ap_uint<256> digit_t;
typedef ap_uint<4> label_t;
typedef ap_uint<9> dist_t;

static void update_knn(dist_t d, label_t l, dist_t best[K_NN], label_t who[K_NN]) {
  int worst = 0;
  for (int k = 1; k < K_NN; k++)
    if (best[k] > best[worst])
      worst = k;
  if (d < best[worst]) {
    best[worst] = d;
    who[worst] = l;
  }
}

static label_t vote(const dist_t best[K_NN], const label_t who[K_NN]) {
  ap_uint<3> count[10];
  for (int c = 0; c < 10; c++)
    count[c] = 0;
  for (int k = 0; k < K_NN; k++)
    count[who[k]]++;
  label_t pick = 0;
  for (int c = 1; c < 10; c++)
    if (count[c] > count[pick])
      pick = c;
  (void)best;
  return pick;
}

void digitrec(const digit_t train[TRAIN], const label_t labels[TRAIN], digit_t test, label_t *result) {
  dist_t best[K_NN];
  label_t who[K_NN];
init:
  for (int k = 0; k < K_NN; k++) {
    best[k] = 256;
    who[k] = 0;
  }
scan:
  for (int t = 0; t < TRAIN; t++) {
#pragma HLS pipeline
    digit_t diff = train[t] ^ test;
    dist_t d = diff.countPopulation();
    update_knn(d, labels[t], best, who);
  }
  *result = vote(best, who);
}
