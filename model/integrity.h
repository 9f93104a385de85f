/* Integrity of model files: each shipped model's SHA-256 is recorded in a
 * SHA256SUMS file beside it (sha256sum's format, model/weights/SHA256SUMS,
 * copied next to the plugin by the build), and a model listed there must
 * match, so that a corrupted download or a flipped bit is refused instead of
 * predicting "latency 0 cycles".  A model that is not listed (a user's own,
 * given with -hls-model=FILE in a directory without SHA256SUMS or not named
 * in it) is accepted as it is. */
#ifndef HLSMOE_MODEL_INTEGRITY_H
#define HLSMOE_MODEL_INTEGRITY_H

#include "support/diag.h"

#define HLS_MODEL_SUMS "SHA256SUMS"

/* Checks the SHA-256 (64 hex digits) of the file at `path` against the
 * SHA256SUMS beside it.  Returns 0 when it matches or is not recorded, -1
 * after an error naming the file and both digests. */
int hls_model_check_digest(const char *path, const char *sha256_hex, hls_diags *d);

#endif
