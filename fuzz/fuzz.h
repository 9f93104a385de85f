/* What the libFuzzer targets share: the entry point libFuzzer calls and a
 * NUL-terminated copy of its input (the parsers read C strings). */
#ifndef HLSMOE_FUZZ_H
#define HLSMOE_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static inline char *fuzz_text(const uint8_t *data, size_t size) {
  char *text = malloc(size + 1);
  if (!text)
    abort();
  memcpy(text, data, size);
  text[size] = '\0';
  return text;
}

#endif
