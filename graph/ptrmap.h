/* Pointer -> uint32 map (open addressing), for LLVM value -> node id. */
#ifndef HLSMOE_PTRMAP_H
#define HLSMOE_PTRMAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
  const void **keys;
  uint32_t *values;
  size_t capacity, count; /* capacity is a power of two */
} hls_ptrmap;

void hls_ptrmap_init(hls_ptrmap *m);
void hls_ptrmap_free(hls_ptrmap *m);
/* Returns 1 and sets *value when key is present. */
int hls_ptrmap_get(const hls_ptrmap *m, const void *key, uint32_t *value);
void hls_ptrmap_put(hls_ptrmap *m, const void *key, uint32_t value);

#endif
