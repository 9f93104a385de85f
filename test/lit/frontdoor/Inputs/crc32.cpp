// CRC-32 (reflected, polynomial 0xEDB88320) over a byte buffer, bit-serial inner
// loop fully unrolled: ap_uint bit selects and shifts.
#include <ap_int.h>

#define BYTES 1500

ap_uint<32> crc32(const ap_uint<8> data[BYTES], int len) {
  ap_uint<32> crc = 0xFFFFFFFF;
bytes:
  for (int i = 0; i < len; i++) {
#pragma HLS loop_tripcount min=64 max=1500 avg=512
#pragma HLS pipeline II=1
    ap_uint<8> byte = data[i];
  bits:
    for (int b = 0; b < 8; b++) {
#pragma HLS unroll
      bool fb = crc[0] ^ byte[b];
      crc >>= 1;
      if (fb)
        crc ^= 0xEDB88320;
    }
  }
  return ~crc;
}
