/* Named integer constants that pragma values may use, as Vitis accepts them:
 * `factor=UF` with `#define UF 4`, `max=c_size` with `const int c_size = 64;`,
 * `min=c_dim*c_dim`.  The shim collects the names from the module (macros
 * from -fdebug-macro debug info, constant globals from the IR); values are
 * the text of their definitions and are evaluated on demand, so a macro may
 * use other macros. */
#ifndef HLSMOE_PRAGMA_SYMBOLS_H
#define HLSMOE_PRAGMA_SYMBOLS_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
  const char *name;
  const char *text; /* the definition: "64", "(N * 2)", ... */
} hls_symbol;

typedef struct {
  const hls_symbol *items; /* the first definition of a name wins */
  size_t count;
} hls_symbols;

/* Evaluates the integer expression expr[0..len): decimal, hex, octal and
 * binary literals (with u/l suffixes), names of `symbols`, unary + - ~, and
 * binary * / % + - << >> & ^ | with C precedence, in 64-bit arithmetic.
 * Returns 0 and sets *out; -1 when it cannot (an unknown name, which is
 * copied to unresolved[unresolved_size], or bad syntax, division by zero,
 * overflow, definitions nested too deep: then unresolved gets the text). */
int hls_symbols_eval(const hls_symbols *symbols, const char *expr, size_t len, int64_t *out,
                     char *unresolved, size_t unresolved_size);

#endif
