// hlsmoe test kernel: array accesses through small index helpers (get/set on a pointer
// argument); Inputs/helpers_inline.c is the same code written out.
static int get(const int *a, int i) { return a[i]; }
static void set(int *a, int i, int v) { a[i] = v; }
void scale_helpers(const int in[1024], int out[1024], int k) {
  int buf[1024];
copy:
  for (int i = 0; i < 1024; i++) {
#pragma HLS pipeline II=1
    set(buf, i, get(in, i) * k);
  }
step:
  for (int i = 1; i < 1024; i++) {
#pragma HLS pipeline II=1
    set(buf, i, get(buf, i) + get(buf, i - 1));
  }
emit:
  for (int i = 0; i < 1024; i++) {
#pragma HLS pipeline II=1
#pragma HLS unroll factor=4
    set(out, i, get(buf, i));
  }
}
