#include "pragma/symbols.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* Macros that expand to macros: deeper than this is a cycle or abuse. */
#define MAX_DEPTH 16

typedef struct {
  const hls_symbols *symbols;
  const char *s, *end;
  int depth;
  char *unresolved;
  size_t unresolved_size;
  int failed;
} evaluator;

static int fail(evaluator *e, const char *what, size_t len) {
  if (!e->failed && e->unresolved && e->unresolved_size)
    snprintf(e->unresolved, e->unresolved_size, "%.*s", (int)len, what);
  e->failed = 1;
  return -1;
}

static void skip_space(evaluator *e) {
  while (e->s < e->end && isspace((unsigned char)*e->s))
    e->s++;
}

static int parse_or(evaluator *e, int64_t *v);

static int lookup(evaluator *e, const char *name, size_t len, int64_t *v) {
  for (size_t i = 0; e->symbols && i < e->symbols->count; i++) {
    const hls_symbol *sym = &e->symbols->items[i];
    if (strlen(sym->name) != len || strncmp(sym->name, name, len) != 0)
      continue;
    if (e->depth >= MAX_DEPTH)
      return fail(e, name, len);
    evaluator inner = {e->symbols, sym->text, sym->text + strlen(sym->text), e->depth + 1,
                       e->unresolved, e->unresolved_size, 0};
    if (parse_or(&inner, v) || (skip_space(&inner), inner.s != inner.end)) {
      if (!inner.failed)
        fail(e, name, len);
      e->failed = 1;
      return -1;
    }
    return 0;
  }
  return fail(e, name, len);
}

static int parse_literal(evaluator *e, int64_t *v) {
  const char *start = e->s;
  int base = 10;
  if (e->end - e->s > 2 && e->s[0] == '0' && (e->s[1] == 'x' || e->s[1] == 'X'))
    base = 16, e->s += 2;
  else if (e->end - e->s > 2 && e->s[0] == '0' && (e->s[1] == 'b' || e->s[1] == 'B'))
    base = 2, e->s += 2;
  else if (e->end - e->s > 1 && e->s[0] == '0')
    base = 8, e->s += 1;
  uint64_t x = 0;
  for (; e->s < e->end && isxdigit((unsigned char)*e->s); e->s++) {
    int d = isdigit((unsigned char)*e->s) ? *e->s - '0' : tolower((unsigned char)*e->s) - 'a' + 10;
    if (d >= base || x > (UINT64_MAX - (uint64_t)d) / (uint64_t)base)
      return fail(e, start, (size_t)(e->end - start));
    x = x * (uint64_t)base + (uint64_t)d;
  }
  while (e->s < e->end && strchr("uUlL", *e->s))
    e->s++;
  if (x > INT64_MAX || (e->s < e->end && (isalnum((unsigned char)*e->s) || *e->s == '_')))
    return fail(e, start, (size_t)(e->end - start));
  *v = (int64_t)x;
  return 0;
}

static int parse_unary(evaluator *e, int64_t *v) {
  skip_space(e);
  if (e->s >= e->end)
    return fail(e, "end of value", 12);
  char c = *e->s;
  if (c == '-' || c == '+' || c == '~') {
    e->s++;
    if (parse_unary(e, v))
      return -1;
    if (c == '-' && *v == INT64_MIN)
      return fail(e, "-", 1);
    *v = c == '-' ? -*v : c == '~' ? ~*v : *v;
    return 0;
  }
  if (c == '(') {
    e->s++;
    if (parse_or(e, v))
      return -1;
    skip_space(e);
    if (e->s >= e->end || *e->s != ')')
      return fail(e, "(", 1);
    e->s++;
    return 0;
  }
  if (isdigit((unsigned char)c))
    return parse_literal(e, v);
  if (isalpha((unsigned char)c) || c == '_') {
    const char *name = e->s;
    while (e->s < e->end && (isalnum((unsigned char)*e->s) || *e->s == '_'))
      e->s++;
    return lookup(e, name, (size_t)(e->s - name), v);
  }
  return fail(e, e->s, 1);
}

/* One binary operator of a precedence level, if the text continues with it. */
static int take_operator(evaluator *e, const char *const *ops, const char **op) {
  skip_space(e);
  for (; *ops; ops++) {
    size_t n = strlen(*ops);
    if ((size_t)(e->end - e->s) >= n && strncmp(e->s, *ops, n) == 0 &&
        !(n == 1 && e->end - e->s > 1 && (e->s[1] == *e->s && strchr("<>&|", *e->s)))) {
      *op = *ops;
      e->s += n;
      return 1;
    }
  }
  return 0;
}

static int apply(evaluator *e, const char *op, int64_t a, int64_t b, int64_t *out) {
  switch (op[0]) {
  case '*':
    if (__builtin_mul_overflow(a, b, out))
      return fail(e, op, 1);
    return 0;
  case '/':
  case '%':
    if (b == 0 || (a == INT64_MIN && b == -1))
      return fail(e, op, 1);
    *out = op[0] == '/' ? a / b : a % b;
    return 0;
  case '+':
    return __builtin_add_overflow(a, b, out) ? fail(e, op, 1) : 0;
  case '-':
    return __builtin_sub_overflow(a, b, out) ? fail(e, op, 1) : 0;
  case '<':
  case '>':
    if (b < 0 || b > 62)
      return fail(e, op, 2);
    *out = op[0] == '<' ? (int64_t)((uint64_t)a << b) : a >> b;
    return 0;
  case '&':
    *out = a & b;
    return 0;
  case '^':
    *out = a ^ b;
    return 0;
  default: /* '|' */
    *out = a | b;
    return 0;
  }
}

static const char *const levels[][3] = {
    {"|", NULL}, {"^", NULL}, {"&", NULL}, {"<<", ">>", NULL}, {"+", "-", NULL}, {"*", "/", "%"}};
#define LEVELS (int)(sizeof levels / sizeof levels[0])

static int parse_level(evaluator *e, int level, int64_t *v) {
  if (level == LEVELS)
    return parse_unary(e, v);
  if (parse_level(e, level + 1, v))
    return -1;
  const char *ops[4] = {levels[level][0], levels[level][1], level == LEVELS - 1 ? levels[level][2] : NULL, NULL};
  const char *op;
  while (take_operator(e, ops, &op)) {
    int64_t rhs;
    if (parse_level(e, level + 1, &rhs) || apply(e, op, *v, rhs, v))
      return -1;
  }
  return 0;
}

static int parse_or(evaluator *e, int64_t *v) { return parse_level(e, 0, v); }

int hls_symbols_eval(const hls_symbols *symbols, const char *expr, size_t len, int64_t *out,
                     char *unresolved, size_t unresolved_size) {
  evaluator e = {symbols, expr, expr + len, 0, unresolved, unresolved_size, 0};
  int64_t v;
  if (parse_or(&e, &v))
    return -1;
  skip_space(&e);
  if (e.s != e.end)
    return fail(&e, expr, len);
  *out = v;
  return 0;
}
