#ifndef SPMV_TYPES_H
#define SPMV_TYPES_H
typedef double value_t;
typedef int index_t;
#endif
