/* SHA-256 (FIPS 180-4), to check that a shipped model file is the one that
 * was recorded (a corrupted download is refused).  Written here: no
 * dependency for forty lines of arithmetic. */
#ifndef HLSMOE_SHA256_H
#define HLSMOE_SHA256_H

#include <stddef.h>
#include <stdint.h>

#include "support/digest_block.h"

typedef struct {
  uint32_t h[8];
  hls_digest_block buf; /* the bytes not yet compressed, and the length */
} hls_sha256;

void hls_sha256_init(hls_sha256 *s);
void hls_sha256_update(hls_sha256 *s, const void *data, size_t n);
void hls_sha256_final(hls_sha256 *s, unsigned char digest[32]);

/* The digest of data[0..n) as 64 lowercase hex digits and a NUL. */
void hls_sha256_hex(const void *data, size_t n, char hex[65]);

#endif
