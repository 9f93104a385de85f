/* What MD5 and SHA-256 share: 64-byte blocks filled from a byte stream and
 * fed to a compression function, then the padding (0x80, zeros, the message
 * length in bits as 64 bits).  Only the compression function and the byte
 * order of the length and of the digest words differ, so each algorithm
 * keeps those and calls these.  Header-only: both files include it. */
#ifndef HLSMOE_DIGEST_BLOCK_H
#define HLSMOE_DIGEST_BLOCK_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef void (*hls_digest_compress)(uint32_t *h, const unsigned char block[64]);

typedef struct {
  uint64_t bytes;          /* message length so far */
  unsigned char block[64];
  size_t used;             /* bytes in block */
} hls_digest_block;

static inline void hls_digest_block_feed(hls_digest_block *b, uint32_t *h,
                                         hls_digest_compress compress, const void *data,
                                         size_t n) {
  const unsigned char *p = data;
  b->bytes += n;
  while (n) {
    size_t take = 64 - b->used < n ? 64 - b->used : n;
    memcpy(b->block + b->used, p, take);
    b->used += take, p += take, n -= take;
    if (b->used == 64) {
      compress(h, b->block);
      b->used = 0;
    }
  }
}

/* Pads the message, the bit length big-endian (SHA-256) or little-endian (MD5). */
static inline void hls_digest_block_finish(hls_digest_block *b, uint32_t *h,
                                           hls_digest_compress compress, int big_endian) {
  uint64_t bits = b->bytes * 8;
  unsigned char pad[72] = {0x80};
  size_t padlen = (b->used < 56 ? 56 : 120) - b->used;
  for (int i = 0; i < 8; i++)
    pad[padlen + i] = (unsigned char)(bits >> (big_endian ? 56 - 8 * i : 8 * i));
  hls_digest_block_feed(b, h, compress, pad, padlen + 8);
}

#endif
