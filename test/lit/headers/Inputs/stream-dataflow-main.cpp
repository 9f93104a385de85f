// Native run of ../stream-dataflow.cpp.
#ifdef HLSMOE_NATIVE_MAIN
#include "ap_int.h"
#include "hls_stream.h"
#include <stdio.h>

extern "C" void dataflow_top(const int *in, int *out, int n);

int main() {
  int in[100], out[100];
  for (int i = 0; i < 100; i++)
    in[i] = i;
  in[3] = 1333333333;  // 3 * 1333333333 + 1 = 4000000000 still fits in 32 bits
  dataflow_top(in, out, 100);
  long long sum = 0;
  for (int i = 0; i < 100; i++)
    sum += (unsigned)out[i];
  printf("out %u %u %u %u %d\n", (unsigned)out[0], (unsigned)out[1], (unsigned)out[2], (unsigned)out[3], out[99]);
  printf("sum %lld\n", sum);
  hls::stream<int, 4> s;
  int v = 0;
  bool ok1 = s.write_nb(7);
  bool ok2 = s.read_nb(v) && !s.read_nb(v);
  printf("nb %d %d %d full %d size %d\n", ok1, ok2, v, s.full(), s.size());
  return 0;
}
#endif
