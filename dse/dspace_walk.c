/* Walks of a design space in its assignment order: counting (a memoised
 * depth-first search), enumeration (pull and push) and membership. */
#include "dse/dspace_impl.h"

#include <stdlib.h>
#include <string.h>

/* The number of completions below level L depends only on the values of
 * the knobs live at L (assigned earlier, referenced at L or later).  The memo
 * maps (L, live values) to that number, so a space of 10^13 points whose
 * knobs form small dependency clusters is counted in milliseconds. */
typedef struct {
  uint64_t hash;
  uint64_t count;
  size_t key;  /* offset of the key values in the key pool */
  size_t level; /* SIZE_MAX: empty slot */
} memo_slot;

typedef struct {
  const hls_dspace *s;
  evalctx ctx;
  hls_dspace_value *point;
  valbuf *scratch; /* one per level: options stay alive while deeper levels run */
  memo_slot *table;
  size_t cap, used;
  valbuf keys;
  uint64_t cap_points; /* 0: none */
  int stopped;         /* the cap was reached: unwind without memoising */
  int saturated;
  int found;           /* a point was reached: the count is at least 1 */
  uint64_t visits;     /* count_rec calls, to look at the clock now and then */
} counter;

/* Every 1024 steps of a walk, has the space's deadline passed? */
static int walk_timed_out(const hls_dspace *s, uint64_t *visits) {
  return (++*visits & 1023) == 0 && hls_deadline_passed(s->deadline);
}

static uint64_t hash_bytes(uint64_t h, const void *p, size_t n) {
  const unsigned char *b = p;
  for (size_t i = 0; i < n; i++) {
    h ^= b[i];
    h *= 1099511628211ull; /* FNV-1a */
  }
  return h;
}

static uint64_t level_hash(const counter *c, size_t level) {
  uint64_t h = hash_bytes(14695981039346656037ull, &level, sizeof level);
  for (size_t i = c->s->live_off[level]; i < c->s->live_off[level + 1]; i++) {
    hls_dspace_value v = c->point[c->s->live[i]];
    h = hash_bytes(h, &v.is_string, sizeof v.is_string);
    h = v.is_string ? hash_bytes(h, v.string, strlen(v.string) + 1)
                    : hash_bytes(h, &v.integer, sizeof v.integer);
  }
  return h;
}

static int key_matches(const counter *c, const memo_slot *m, size_t level) {
  const size_t *live = c->s->live + c->s->live_off[level];
  size_t n = c->s->live_off[level + 1] - c->s->live_off[level];
  for (size_t i = 0; i < n; i++)
    if (!hls_dspace_value_equal(c->keys.v[m->key + i], c->point[live[i]]))
      return 0;
  return 1;
}

static memo_slot *memo_find(counter *c, size_t level, uint64_t h) {
  size_t mask = c->cap - 1;
  for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
    memo_slot *m = &c->table[i];
    if (m->level == SIZE_MAX)
      return m;
    if (m->level == level && m->hash == h && key_matches(c, m, level))
      return m;
  }
}

static void memo_grow(counter *c) {
  memo_slot *old = c->table;
  size_t old_cap = c->cap;
  c->cap = old_cap ? 2 * old_cap : 1024;
  c->table = hls_xmalloc(c->cap * sizeof *c->table);
  for (size_t i = 0; i < c->cap; i++)
    c->table[i].level = SIZE_MAX;
  for (size_t i = 0; i < old_cap; i++) {
    if (old[i].level == SIZE_MAX)
      continue;
    size_t j = (size_t)old[i].hash & (c->cap - 1);
    while (c->table[j].level != SIZE_MAX)
      j = (j + 1) & (c->cap - 1);
    c->table[j] = old[i];
  }
  free(old);
}

/* Spaces whose knobs all depend on each other gain nothing from the memo
 * (every key is new), so it stops growing at a bound: counting then goes on
 * as a plain depth-first search in bounded memory. */
#define MEMO_MAX_ENTRIES ((size_t)1 << 19)
#define MEMO_MAX_KEY_VALUES ((size_t)1 << 21)

static void memo_store(counter *c, size_t level, uint64_t h, uint64_t count) {
  size_t width = c->s->live_off[level + 1] - c->s->live_off[level];
  if (c->used >= MEMO_MAX_ENTRIES || c->keys.n + width > MEMO_MAX_KEY_VALUES)
    return;
  if (2 * (c->used + 1) > c->cap)
    memo_grow(c);
  memo_slot *m = memo_find(c, level, h);
  m->level = level;
  m->hash = h;
  m->count = count;
  m->key = c->keys.n;
  for (size_t i = c->s->live_off[level]; i < c->s->live_off[level + 1]; i++)
    dspace_valbuf_push(&c->keys, c->point[c->s->live[i]]);
  c->used++;
}

static uint64_t sat_add(counter *c, uint64_t a, uint64_t b) {
  if (a > UINT64_MAX - b) {
    c->saturated = 1;
    return UINT64_MAX;
  }
  return a + b;
}

/* Points below `level` under the current prefix; sets c->stopped once the
 * cap is known to be reached.  Returns -1 on an evaluation error. */
static int count_rec(counter *c, size_t level, uint64_t *out) {
  const hls_dspace *s = c->s;
  if (level == s->n) {
    c->found = 1;
    *out = 1;
    return 0;
  }
  if (walk_timed_out(s, &c->visits)) {
    c->ctx.timed_out = 1;
    return -1;
  }
  uint64_t h = level_hash(c, level);
  memo_slot *m = memo_find(c, level, h);
  if (m->level != SIZE_MAX) {
    *out = m->count;
    return 0;
  }
  size_t ki = s->order[level], n;
  const hls_dspace_value *opts =
      dspace_options_of(&c->ctx, s, ki, c->point, &c->scratch[level], &n);
  if (!opts)
    return -1;
  uint64_t total = 0;
  if (level + 1 == s->n) {
    total = n; /* the last knob: its options are its completions */
    c->found |= n > 0;
  } else {
    for (size_t i = 0; i < n && !c->stopped; i++) {
      uint64_t sub;
      c->point[ki] = opts[i];
      if (count_rec(c, level + 1, &sub) < 0)
        return -1;
      total = sat_add(c, total, sub);
      /* Every point below this prefix is a point of the space, so a partial
       * sum at any level is already a lower bound of the whole count. */
      if (c->cap_points && total >= c->cap_points)
        c->stopped = 1;
    }
  }
  if (c->cap_points && total >= c->cap_points)
    c->stopped = 1;
  if (!c->stopped)
    memo_store(c, level, h, total);
  *out = total;
  return 0;
}

/* point: the prefix to count under, or NULL for a zeroed array of its own. */
static void counter_init(counter *c, const hls_dspace *s, hls_dspace_value *point, hls_diags *d) {
  memset(c, 0, sizeof *c);
  c->s = s;
  dspace_ctx_init(&c->ctx, s, d);
  c->point = point ? point : hls_xcalloc(s->n + 1, sizeof *c->point);
  c->scratch = hls_xcalloc(s->n + 1, sizeof *c->scratch);
  memo_grow(c);
}

static void counter_free(counter *c, int own_point) {
  for (size_t i = 0; i < c->s->n; i++)
    free(c->scratch[i].v);
  free(c->scratch);
  if (own_point)
    free(c->point);
  free(c->table);
  free(c->keys.v);
  dspace_ctx_free(&c->ctx);
}

int hls_dspace_count(const hls_dspace *s, uint64_t cap, uint64_t *out, hls_diags *d) {
  counter c;
  counter_init(&c, s, NULL, d);
  c.cap_points = cap;
  uint64_t total = 0;
  int rc = count_rec(&c, 0, &total);
  counter_free(&c, 1);
  if (rc < 0 && c.ctx.timed_out) {
    *out = (uint64_t)c.found;
    return HLS_DSPACE_TIMEOUT;
  }
  if (rc < 0)
    return -1;
  if (c.stopped) {
    *out = cap;
    return 1;
  }
  *out = total;
  return c.saturated ? 1 : 0;
}

/* ---- enumeration ---- */

struct hls_dspace_iter {
  const hls_dspace *s;
  evalctx ctx;
  hls_dspace_value *point;
  valbuf *scratch;
  const hls_dspace_value **opts; /* per level */
  size_t *nopts, *index;         /* per level */
  int state; /* 0 fresh, 1 running, 2 finished */
  uint64_t visits;
  counter *prune; /* made at the first dead end (skip_dead) */
};

hls_dspace_iter *hls_dspace_iter_new(const hls_dspace *s) {
  hls_dspace_iter *it = hls_xcalloc(1, sizeof *it);
  it->s = s;
  dspace_ctx_init(&it->ctx, s, NULL);
  it->point = hls_xcalloc(s->n, sizeof *it->point);
  it->scratch = hls_xcalloc(s->n, sizeof *it->scratch);
  it->opts = hls_xcalloc(s->n, sizeof *it->opts);
  it->nopts = hls_xcalloc(s->n, sizeof *it->nopts);
  it->index = hls_xcalloc(s->n, sizeof *it->index);
  return it;
}

void hls_dspace_iter_free(hls_dspace_iter *it) {
  if (!it)
    return;
  for (size_t i = 0; i < it->s->n; i++)
    free(it->scratch[i].v);
  free(it->scratch);
  free(it->opts);
  free(it->nopts);
  free(it->index);
  if (it->prune) {
    counter_free(it->prune, 0);
    free(it->prune);
  }
  free(it->point);
  dspace_ctx_free(&it->ctx);
  free(it);
}

/* Moves to the next option at the deepest level that has one left;
 * returns the level below it (to be refilled), or -1 when exhausted. */
static long iter_advance(hls_dspace_iter *it, long level) {
  for (; level >= 0; level--) {
    if (++it->index[level] < it->nopts[level]) {
      it->point[it->s->order[level]] = it->opts[level][it->index[level]];
      return level + 1;
    }
  }
  return -1;
}

/* Does the subtree below `level` under the current prefix hold a point?
 * 1 yes, 0 no, -1 error (timed_out set on the deadline).  The counter's
 * memo remembers dead subtrees, so each is walked once. */
static int subtree_alive(hls_dspace_iter *it, size_t level) {
  counter *c = it->prune;
  uint64_t n = 0;
  c->ctx.d = it->ctx.d;
  c->cap_points = 1;
  c->stopped = 0;
  if (count_rec(c, level, &n) < 0) {
    it->ctx.timed_out = c->ctx.timed_out;
    return -1;
  }
  return n > 0;
}

/* After a dead end at `level`: the shallowest level whose current option
 * leads to no point at all, to advance there instead of trying every
 * sibling below it (twelve knobs of ten options before an empty thirteenth
 * would be 10^12 dead ends).  Returns the level to refill, -1 when the walk
 * is over, -2 on an error. */
static long skip_dead(hls_dspace_iter *it, long level) {
  if (!it->prune) {
    it->prune = hls_xcalloc(1, sizeof *it->prune);
    counter_init(it->prune, it->s, it->point, it->ctx.d);
  }
  for (long j = 0; j < level; j++) {
    int alive = subtree_alive(it, (size_t)j + 1);
    if (alive < 0)
      return -2;
    if (!alive)
      return iter_advance(it, j);
  }
  return iter_advance(it, level - 1);
}

int hls_dspace_iter_next(hls_dspace_iter *it, const hls_dspace_value **point, hls_diags *d) {
  const hls_dspace *s = it->s;
  long n = (long)s->n, level;
  if (it->state == 2)
    return 0;
  it->ctx.d = d;
  level = it->state == 0 ? 0 : iter_advance(it, n - 1);
  it->state = 1;
  while (level >= 0 && level < n) {
    size_t ki = s->order[level];
    if (walk_timed_out(s, &it->visits)) {
      it->state = 2;
      return HLS_DSPACE_TIMEOUT;
    }
    const hls_dspace_value *o =
        dspace_options_of(&it->ctx, s, ki, it->point, &it->scratch[level], &it->nopts[level]);
    if (!o) {
      it->state = 2;
      return it->ctx.timed_out ? HLS_DSPACE_TIMEOUT : -1;
    }
    it->opts[level] = o;
    it->index[level] = 0;
    if (it->nopts[level] == 0) {
      level = skip_dead(it, level); /* dead end: no option fits */
      if (level == -2) {
        it->state = 2;
        return it->ctx.timed_out ? HLS_DSPACE_TIMEOUT : -1;
      }
      continue;
    }
    it->point[ki] = o[0];
    level++;
  }
  if (level < 0) {
    it->state = 2;
    return 0;
  }
  *point = it->point;
  return 1;
}

int hls_dspace_foreach(const hls_dspace *s, hls_dspace_visit_fn fn, void *user, hls_diags *d) {
  hls_dspace_iter *it = hls_dspace_iter_new(s);
  const hls_dspace_value *pt;
  int rc;
  while ((rc = hls_dspace_iter_next(it, &pt, d)) == 1)
    if (fn(pt, s->n, user)) {
      rc = 2;
      break;
    }
  hls_dspace_iter_free(it);
  return rc == 2 ? 1 : rc;
}

/* ---- why a space is empty ---- */

/* "K has no options ([...]) given A = 1, B = 4": a dead end and its cause. */
static void describe_dead_end(const hls_dspace *s, size_t ki, const hls_dspace_value *point,
                              char *why, size_t why_size) {
  const knob_info *k = &s->knobs[ki];
  hls_strbuf msg = {0};
  hls_strbuf_printf(&msg, "knob %s has no options (%s)", k->name, k->options.text);
  for (size_t j = 0; j < k->ndeps; j++) {
    hls_strbuf_printf(&msg, "%s%s = ", j ? ", " : " given ", s->knobs[k->deps[j]].name);
    dspace_format_value(&msg, point[k->deps[j]]);
  }
  hls_strbuf_copy(&msg, why, why_size);
  hls_strbuf_free(&msg);
}

int hls_dspace_dead_end(const hls_dspace *s, char *why, size_t why_size, hls_diags *d) {
  evalctx c;
  valbuf scratch = {NULL, 0, 0};
  hls_dspace_value *point = hls_xcalloc(s->n + 1, sizeof *point);
  int rc = 0;
  dspace_ctx_init(&c, s, d);
  for (size_t lvl = 0; lvl < s->n && rc == 0; lvl++) {
    size_t ki = s->order[lvl], n;
    const hls_dspace_value *opts = dspace_options_of(&c, s, ki, point, &scratch, &n);
    if (!opts)
      rc = -1;
    else if (n == 0) {
      describe_dead_end(s, ki, point, why, why_size);
      rc = 1;
    } else
      point[ki] = opts[0];
  }
  free(scratch.v);
  free(point);
  dspace_ctx_free(&c);
  return rc;
}

/* ---- membership ---- */

int hls_dspace_contains(const hls_dspace *s, const hls_dspace_value *point, char *why,
                        size_t why_size, hls_diags *d) {
  evalctx c;
  valbuf scratch = {NULL, 0, 0};
  int rc = 1;
  dspace_ctx_init(&c, s, d);
  if (why && why_size)
    why[0] = '\0';
  /* In assignment order, so the reported knob is the first one that fails. */
  for (size_t lvl = 0; lvl < s->n && rc == 1; lvl++) {
    size_t ki = s->order[lvl], n;
    const hls_dspace_value *opts = dspace_options_of(&c, s, ki, point, &scratch, &n);
    if (!opts) {
      rc = c.timed_out ? HLS_DSPACE_TIMEOUT : -1;
      break;
    }
    size_t i = 0;
    while (i < n && !hls_dspace_value_equal(opts[i], point[ki]))
      i++;
    if (i == n && why && why_size) {
      hls_strbuf msg = {0};
      hls_strbuf_printf(&msg, "%s = ", s->knobs[ki].name);
      dspace_format_value(&msg, point[ki]);
      hls_strbuf_printf(&msg, " is not among its options ");
      dspace_format_options(&msg, opts, n, why_size);
      const knob_info *k = &s->knobs[ki];
      for (size_t j = 0; j < k->ndeps; j++) {
        hls_strbuf_printf(&msg, "%s%s = ", j ? ", " : " given ", s->knobs[k->deps[j]].name);
        dspace_format_value(&msg, point[k->deps[j]]);
      }
      hls_strbuf_copy(&msg, why, why_size);
      hls_strbuf_free(&msg);
    }
    if (i == n)
      rc = 0;
  }
  free(scratch.v);
  dspace_ctx_free(&c);
  return rc;
}
