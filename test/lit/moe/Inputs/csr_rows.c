/* A kernel written for the variable-bound tests: sparse rows (CSR), the
 * inner loop's bounds come from memory, so no compiler knows its trip count. */
#define ROWS 16

void csr_rows(const int begin[ROWS + 1], const int col[256], const float val[256],
              const float x[64], float y[ROWS]) {
rows:
  for (int i = 0; i < ROWS; i++) {
    float sum = 0;
  nonzeros:
    for (int k = begin[i]; k < begin[i + 1]; k++) {
      /* the nonzeros of row i */
      sum += val[k] * x[col[k]];
    }
    y[i] = sum;
  }
}
