#include "graph/ptrmap.h"

#include <stdlib.h>
#include <string.h>

#include "support/diag.h"

static size_t slot_of(const hls_ptrmap *m, const void *key) {
  uintptr_t h = (uintptr_t)key;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  return (size_t)h & (m->capacity - 1);
}

void hls_ptrmap_init(hls_ptrmap *m) { memset(m, 0, sizeof *m); }

void hls_ptrmap_free(hls_ptrmap *m) {
  free(m->keys);
  free(m->values);
  hls_ptrmap_init(m);
}

int hls_ptrmap_get(const hls_ptrmap *m, const void *key, uint32_t *value) {
  if (!m->capacity)
    return 0;
  for (size_t i = slot_of(m, key);; i = (i + 1) & (m->capacity - 1)) {
    if (!m->keys[i])
      return 0;
    if (m->keys[i] == key) {
      *value = m->values[i];
      return 1;
    }
  }
}

static void grow(hls_ptrmap *m) {
  hls_ptrmap bigger;
  bigger.capacity = m->capacity ? 2 * m->capacity : 64;
  bigger.count = 0;
  bigger.keys = hls_xcalloc(bigger.capacity, sizeof *bigger.keys);
  bigger.values = hls_xcalloc(bigger.capacity, sizeof *bigger.values);
  for (size_t i = 0; i < m->capacity; i++)
    if (m->keys[i])
      hls_ptrmap_put(&bigger, m->keys[i], m->values[i]);
  hls_ptrmap_free(m);
  *m = bigger;
}

void hls_ptrmap_put(hls_ptrmap *m, const void *key, uint32_t value) {
  if (2 * (m->count + 1) > m->capacity)
    grow(m);
  for (size_t i = slot_of(m, key);; i = (i + 1) & (m->capacity - 1)) {
    if (!m->keys[i]) {
      m->keys[i] = key;
      m->values[i] = value;
      m->count++;
      return;
    }
    if (m->keys[i] == key) {
      m->values[i] = value;
      return;
    }
  }
}
