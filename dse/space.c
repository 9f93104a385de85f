#include "dse/space.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/strbuf.h"

static int is_pow2(int64_t v) { return v > 0 && (v & (v - 1)) == 0; }

#define MAX_FACTORS 16

/* Parallel factors for trip count t: 1, the powers of two below t, the four
 * largest other divisors of t, and t itself (full unroll).  Unknown t: 1..32. */
static size_t parallel_factors(int64_t t, int64_t *out) {
  size_t n = 0;
  if (t <= 0) {
    for (int64_t f = 1; f <= 32; f *= 2)
      out[n++] = f;
    return n;
  }
  for (int64_t f = 1; f < t && n < 11; f *= 2)
    out[n++] = f;
  int64_t extra[4];
  size_t ne = 0;
  for (int64_t dv = t / 2; dv >= 3 && ne < 4; dv--)
    if (t % dv == 0 && !is_pow2(dv))
      extra[ne++] = dv;
  for (size_t i = 0; i < ne; i++)
    out[n++] = extra[i];
  out[n++] = t;
  /* sort and drop duplicates (t may be a power of two already listed) */
  for (size_t i = 1; i < n; i++)
    for (size_t j = i; j > 0 && out[j] < out[j - 1]; j--) {
      int64_t tmp = out[j];
      out[j] = out[j - 1];
      out[j - 1] = tmp;
    }
  size_t u = 0;
  for (size_t i = 0; i < n; i++)
    if (!u || out[i] != out[u - 1])
      out[u++] = out[i];
  return u;
}

/* Tile factors: 1, 2, 4, 8 below t, and t. */
static size_t tile_factors(int64_t t, int64_t *out) {
  size_t n = 0;
  for (int64_t f = 1; f <= 8 && (t <= 0 || f < t); f *= 2)
    out[n++] = f;
  if (t > 0)
    out[n++] = t;
  return n;
}

static void put_list(hls_strbuf *b, const int64_t *v, size_t n) {
  hls_strbuf_printf(b, "[");
  for (size_t i = 0; i < n; i++)
    hls_strbuf_printf(b, i ? ",%lld" : "%lld", (long long)v[i]);
  hls_strbuf_printf(b, "]");
}

/* Appends one condition of a comprehension's filter. */
static void put_condition(hls_strbuf *b, int *nconds, const char *fmt, const char *a,
                          const char *c) {
  hls_strbuf_printf(b, *nconds ? " and " : " if ");
  hls_strbuf_printf(b, fmt, a, c);
  ++*nconds;
}

/* "(x==1 or A!='flatten')" for every pipeline knob of an enclosing loop: a
 * fine-grained pipelined loop unrolls everything inside it. */
static void put_ancestor_rule(hls_strbuf *b, int *nconds, const hls_graph *g, int32_t loop,
                              const char *keep) {
  for (int32_t p = g->loops[loop].parent; p >= 0; p = g->loops[p].parent)
    if (g->loops[p].pipeline.present && g->loops[p].pipeline.knob[0])
      put_condition(b, nconds, "(%s or %s!='flatten')", keep, g->loops[p].pipeline.knob);
}

static void put_knob(hls_strbuf *b, const hls_graph *g, const hls_graph_knob *k) {
  const hls_graph_loop *l = &g->loops[k->loop];
  int64_t t = l->trip_count, f[MAX_FACTORS];
  int nconds = 0;
  hls_strbuf_printf(b, "\"%s\": {", k->name);
  if (k->kind == HLS_KNOB_PIPELINE) {
    hls_strbuf_printf(b, "\"default\": \"off\", \"ds_type\": \"PIPELINE\", "
           "\"options\": \"[x for x in ['off','','flatten']");
    put_ancestor_rule(b, &nconds, g, k->loop, "x=='off'");
    hls_strbuf_printf(b, "]\", \"order\": \"0 if x!='flatten' else 1\"}");
    return;
  }
  int parallel = k->kind == HLS_KNOB_PARALLEL;
  size_t n = parallel ? parallel_factors(t, f) : tile_factors(t, f);
  hls_strbuf_printf(b, "\"default\": 1, \"ds_type\": \"%s\", \"options\": \"[x for x in ",
      parallel ? "PARALLEL" : "TILING");
  put_list(b, f, n);
  if (parallel && l->tile.present && l->tile.knob[0] && t > 0) {
    char bound[32];
    snprintf(bound, sizeof bound, "%lld", (long long)t);
    put_condition(b, &nconds, "x*%s<=%s", l->tile.knob, bound);
  }
  put_ancestor_rule(b, &nconds, g, k->loop, "x==1");
  hls_strbuf_printf(b, "]\", \"order\": \"0 if x&(x-1)==0 else 1\"}");
}

char *hls_space_derive_text(const hls_graph *g) {
  hls_strbuf b = {0};
  hls_strbuf_printf(&b, "{\"design-space.definition\": {");
  for (size_t k = 0; k < g->nknobs; k++) {
    if (k)
      hls_strbuf_printf(&b, ", ");
    put_knob(&b, g, &g->knobs[k]);
  }
  hls_strbuf_printf(&b, "}}\n");
  return b.text;
}

hls_dspace *hls_space_derive(const hls_graph *g, hls_diags *d) {
  char *text = hls_space_derive_text(g);
  hls_dspace *s = hls_dspace_parse("<derived design space>", text, strlen(text), d);
  free(text);
  return s;
}
