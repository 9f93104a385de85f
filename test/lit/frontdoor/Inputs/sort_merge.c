/* Bottom-up merge sort over a fixed-size array with a temporary buffer (MachSuite
 * sort/merge shape), Merlin pragmas with literal values. */
#define SIZE 2048

static void merge(int a[SIZE], int tmp[SIZE], int start, int mid, int stop) {
  int i = start, j = mid + 1;
#pragma ACCEL PIPELINE
  for (int k = start; k <= stop; k++) {
    if (j > stop || (i <= mid && a[i] <= a[j]))
      tmp[k] = a[i++];
    else
      tmp[k] = a[j++];
  }
#pragma ACCEL PIPELINE
  for (int k = start; k <= stop; k++)
    a[k] = tmp[k];
}

#pragma ACCEL kernel
void ms_mergesort(int a[SIZE]) {
  int tmp[SIZE];
#pragma ACCEL PIPELINE off
  for (int m = 1; m < SIZE; m *= 2) {
#pragma ACCEL PIPELINE off
    for (int start = 0; start < SIZE; start += 2 * m) {
      int mid = start + m - 1;
      int stop = start + 2 * m - 1;
      if (stop > SIZE - 1)
        stop = SIZE - 1;
      if (mid < stop)
        merge(a, tmp, start, mid, stop);
    }
  }
}
