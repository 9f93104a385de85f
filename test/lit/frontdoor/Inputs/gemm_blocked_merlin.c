/* Blocked matrix multiply in doubles, Merlin pragmas with auto{} knobs on every
 * loop (MachSuite gemm/blocked shape as AutoDSE explores it). */
#define DIM 64
#define BLK 8

#pragma ACCEL kernel
void bbgemm(const double m1[DIM * DIM], const double m2[DIM * DIM], double prod[DIM * DIM]) {
#pragma ACCEL PIPELINE auto{__PIPE__L0}
#pragma ACCEL TILE FACTOR=auto{__TILE__L0}
  for (int jj = 0; jj < DIM; jj += BLK) {
#pragma ACCEL PIPELINE auto{__PIPE__L1}
#pragma ACCEL TILE FACTOR=auto{__TILE__L1}
    for (int kk = 0; kk < DIM; kk += BLK) {
#pragma ACCEL PIPELINE auto{__PIPE__L2}
      for (int i = 0; i < DIM; i++) {
#pragma ACCEL PARALLEL FACTOR=auto{__PARA__L3}
        for (int k = 0; k < BLK; k++) {
          double a = m1[i * DIM + k + kk];
#pragma ACCEL PARALLEL FACTOR=auto{__PARA__L4}
          for (int j = 0; j < BLK; j++)
            prod[i * DIM + j + jj] += a * m2[(k + kk) * DIM + j + jj];
        }
      }
    }
  }
}
