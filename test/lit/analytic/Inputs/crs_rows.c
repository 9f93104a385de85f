/* A sparse matrix-vector product in CRS form: each row's loop runs from
 * row_start[i] to row_start[i + 1], a trip count no compiler knows. */
#define ROWS 100
#define NNZ 1000

void crs(const float val[NNZ], const int col[NNZ], const int row_start[ROWS + 1],
         const float x[ROWS], float y[ROWS]) {
rows:
  for (int i = 0; i < ROWS; i++) {
#pragma HLS pipeline II=1
    float s = 0;
  nz:
    for (int k = row_start[i]; k < row_start[i + 1]; k++) {
#pragma HLS loop_tripcount max=10
      s += val[k] * x[col[k]];
    }
    y[i] = s;
  }
}
