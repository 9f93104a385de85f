/* MD5 (RFC 1321), only to compare a source file with the checksum DWARF 5
 * records for it (DIFile checksum): which text was compiled.  Not for
 * security.  Written here: no dependency for a few lines of arithmetic. */
#ifndef HLSMOE_MD5_H
#define HLSMOE_MD5_H

#include <stddef.h>
#include <stdint.h>

#include "support/digest_block.h"

typedef struct {
  uint32_t h[4];
  hls_digest_block buf; /* the bytes not yet compressed, and the length */
} hls_md5;

void hls_md5_init(hls_md5 *s);
void hls_md5_update(hls_md5 *s, const void *data, size_t n);
void hls_md5_final(hls_md5 *s, unsigned char digest[16]);

/* The digest of data[0..n) as 32 lowercase hex digits and a NUL. */
void hls_md5_hex(const void *data, size_t n, char hex[33]);

#endif
