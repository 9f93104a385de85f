/* Sparse matrix-vector product in compressed sparse row form (MachSuite-like
 * shape).  The sizes come from the build: -DNROWS=... -DNNZ=... */
#ifndef SPMV_H
#define SPMV_H

#ifndef NROWS
#error "build with -DNROWS=<rows>"
#endif
#ifndef NNZ
#error "build with -DNNZ=<non-zeros>"
#endif

#include "spmv_types.h"

void spmv(const value_t val[NNZ], const index_t cols[NNZ], const index_t row_ptr[NROWS + 1],
          const value_t vec[NROWS], value_t out[NROWS]);

#endif
