/* A growing NUL-terminated string: the one text builder of the C core, for
 * generated JSON, rewritten sources and messages assembled piece by piece. */
#ifndef HLSMOE_STRBUF_H
#define HLSMOE_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

#include "support/diag.h"

/* Zero-initialise ({0}) to start empty; text stays NULL until the first
 * append, after which it is always NUL-terminated.  The owner frees text. */
typedef struct {
  char *text;
  size_t len, cap;
} hls_strbuf;

void hls_strbuf_append(hls_strbuf *b, const char *s, size_t n);
void hls_strbuf_printf(hls_strbuf *b, const char *fmt, ...) HLS_PRINTF(2, 3);
void hls_strbuf_vprintf(hls_strbuf *b, const char *fmt, va_list ap);

/* Copies the text into buf[size], cut to size-1 bytes like snprintf, for
 * APIs that hand back messages in caller-sized arrays.  Nothing happens when
 * buf is NULL or size is 0. */
void hls_strbuf_copy(const hls_strbuf *b, char *buf, size_t size);

void hls_strbuf_free(hls_strbuf *b);

#endif
