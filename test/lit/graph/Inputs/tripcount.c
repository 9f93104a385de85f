// Vitis loop_tripcount as the trip count of loops whose bound the compiler
// cannot derive (the project's own test kernel).
void tripcount(int n, float *a, float *b) {
  for (int i = 0; i < n; i++) {          // L0: unknown bound -> max=64
#pragma HLS loop_tripcount min=1 max=64 avg=32
    a[i] = b[i] * 2;
  }
  for (int i = 0; i < 16; i++) {         // L1: known 16, the pragma does not override it
#pragma HLS loop_tripcount max=100
    a[i] += 1;
  }
  for (int i = 0; i < n && i < 50; i++) { // L2: bound 50 from SCEV, 20 from the user: 20
#pragma HLS loop_tripcount max=20
    b[i] = 0;
  }
  for (int i = 0; i < n; i++) {          // L3: avg= alone
#pragma HLS loop_tripcount avg=12
    b[i] += 3;
  }
  for (int i = 0; i < n; i++) {          // L4: no pragma: unknown
#pragma HLS pipeline II=1
    b[i] += a[i];
  }
}
