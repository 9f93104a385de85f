/* CSR sparse matrix-vector product, plain C without pragmas.  Needs
 * -I../include and -DNROWS/-DNNZ. */
#include "spmv.h"

static value_t row_dot(const value_t *val, const index_t *cols, const value_t *vec, index_t begin, index_t end) {
  value_t sum = 0;
  for (index_t j = begin; j < end; j++)
    sum += val[j] * vec[cols[j]];
  return sum;
}

void spmv(const value_t val[NNZ], const index_t cols[NNZ], const index_t row_ptr[NROWS + 1],
          const value_t vec[NROWS], value_t out[NROWS]) {
  for (index_t i = 0; i < NROWS; i++)
    out[i] = row_dot(val, cols, vec, row_ptr[i], row_ptr[i + 1]);
}
