/* What the files of the design-space module share; not an API.  The module
 * reads like a small interpreter, one file per stage:
 *   dspace_expr.c     expression text -> resolved syntax tree
 *   dspace_eval.c     values and the evaluation of one tree
 *   dspace_options.c  a knob's options and order ranks, type-checked
 *   dspace.c          the ds_config file -> knobs in dependency order
 *   dspace_walk.c     counting, enumeration, membership
 * Functions and objects shared between the files start with dspace_: they
 * have external linkage, and the plugin links every static library of the
 * project into one module. */
#ifndef HLSMOE_DSPACE_IMPL_H
#define HLSMOE_DSPACE_IMPL_H

#include "dse/dspace.h"
#include "support/strbuf.h"

/* ---- values (dspace_eval.c) ---- */

/* Evaluation values: Python's int, bool, float (only `/` makes one), str
 * and list.  Strings are never created by evaluation (the subset has no
 * string operators), so every string points at an expression literal or at
 * a knob value: no ownership to track.  Lists live in the evaluation
 * context's pool and die with the evaluation. */
typedef enum { V_INT, V_BOOL, V_FLOAT, V_STR, V_LIST } vtag;

typedef struct vlist vlist;
typedef struct {
  vtag tag;
  union {
    int64_t i; /* V_INT, V_BOOL (0/1) */
    double f;
    const char *s;
    vlist *l;
  } u;
} val;

struct vlist {
  val *items;
  size_t n, cap;
};

static inline int is_intlike(val v) { return v.tag == V_INT || v.tag == V_BOOL; }
static inline val from_public(hls_dspace_value v) {
  val r;
  if (v.is_string) {
    r.tag = V_STR;
    r.u.s = v.string;
  } else {
    r.tag = V_INT;
    r.u.i = v.integer;
  }
  return r;
}

const char *dspace_type_name(vtag t); /* Python's name: "int", "list", ... */
/* Python repr, as inside a list: 'off', 4, True, 1.5. */
void dspace_format_val(hls_strbuf *b, val v);
void dspace_format_value(hls_strbuf *b, hls_dspace_value v);
/* "[1, 2]"; stops early once b holds more than `limit` bytes, for callers
 * that cut the text there anyway (option lists can be huge). */
void dspace_format_options(hls_strbuf *b, const hls_dspace_value *v, size_t n, size_t limit);

/* A growable array of public values: option lists, memo keys. */
typedef struct {
  hls_dspace_value *v;
  size_t n, cap;
} valbuf;

void dspace_valbuf_push(valbuf *b, hls_dspace_value v);

/* ---- syntax trees (dspace_expr.c) ---- */

typedef enum {
  N_INT, N_BOOL, N_STR,
  N_NAME, /* identifier before resolution; becomes N_KNOB or N_VAR */
  N_KNOB, /* num = knob index */
  N_VAR,  /* num = variable slot (comprehension variable, or x of `order`) */
  N_LIST, /* kid[0] = first element, chained through next */
  N_COMP, /* [kid0 for str in kid1 if kid2 (chained)], num = slot */
  N_NEG, N_POS, N_NOT,
  N_BIN,  /* op = bin_op */
  N_AND, N_OR,
  N_CMP,  /* kid[0] op1 link1 op2 link2...: kid[1] = first N_LINK */
  N_LINK, /* op = cmp_op, kid[0] = right operand */
  N_COND  /* kid[0] if kid[1] else kid[2] */
} node_kind;

typedef enum { OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_FLOORDIV, OP_MOD, OP_BAND, OP_BOR } bin_op;
typedef enum { C_EQ, C_NE, C_LT, C_LE, C_GT, C_GE } cmp_op;

/* Operator spellings by bin_op / cmp_op: the parser matches them, the
 * evaluator quotes them in messages. */
extern const char *const dspace_bin_op_text[];
extern const char *const dspace_cmp_op_text[];

/* Nodes refer to each other by index into expr.nodes, so the array can grow
 * while the parser holds references. */
typedef struct {
  node_kind kind;
  int op;
  unsigned col;   /* 1-based column of the token that made the node */
  unsigned depth; /* evaluation recursion depth below and including this node */
  int kid[3];     /* children, -1 when absent */
  int next;       /* sibling chain: list elements, comprehension ifs, links */
  int64_t num;
  char *str; /* owned: string literal, identifier, comprehension variable */
} node;

typedef struct {
  char *text;        /* owned copy of the source text */
  const char *knob;  /* borrowed knob name, for messages */
  const char *field; /* "options" or "order" */
  node *nodes;
  size_t count, cap;
  int root;
  int nslots; /* slot 0 is `x` of an order expression */
} expr;

/* Parses and resolves `text`.  For options, `space` holds the knobs (sorted
 * by name) that may be referenced and refs[] records which are; for an order
 * expression space is NULL and the only name is `x`.  Returns 0 or -1 (error
 * reported). */
int dspace_expr_compile(expr *e, const char *text, const char *knob, const char *field,
                        const char *path, unsigned line, const hls_dspace *space,
                        unsigned char *refs, hls_diags *d);
void dspace_expr_free(expr *e);

/* "knob K: options: WHAT at column C: 'EXPR'" plus the expression again
 * with a caret under column C.  d NULL: no message. */
void dspace_expr_error(hls_diags *d, const char *path, unsigned line, const expr *e,
                       unsigned col, const char *fmt, ...) HLS_PRINTF(6, 7);

/* ---- the space (dspace.c) ---- */

typedef struct {
  char *name;
  unsigned line; /* of the knob's key in the JSON text; 0 when unknown */
  hls_ds_type type;
  hls_dspace_value def;
  char *def_string; /* owned storage of def.string */
  expr options;
  expr order;
  int has_order;
  size_t *deps; /* sorted knob indices the options refer to */
  size_t ndeps;
  valbuf cache; /* options of a knob without deps, evaluated once */
} knob_info;

struct hls_dspace {
  char *path;
  knob_info *knobs;
  size_t n;
  size_t *order;    /* assignment order of the enumeration */
  size_t *level_of; /* inverse of order */
  size_t *live_off; /* live knobs at level i: live[live_off[i] .. live_off[i+1]) */
  size_t *live;
  int max_slots;
  double deadline; /* hls_dspace_set_deadline; 0: none */
};

/* ---- evaluation (dspace_eval.c) ---- */

/* Scratch state of evaluations: reused across many evaluations so that
 * walking a space does not allocate per point. */
typedef struct {
  const expr *e;
  const char *path;
  unsigned line;
  const hls_dspace_value *point; /* knob values by knob index */
  val *slots;
  int nslots;
  vlist **lists; /* pool; lists[0..used) belong to the current evaluation */
  size_t used, cap;
  hls_diags *d;
  int failed;
  uint64_t steps, elements; /* spent by the current evaluation (HLS_DSPACE_MAX_*) */
  int timed_out;            /* the space's deadline passed (no diagnostic) */
  /* For messages: the inputs of the failing evaluation. */
  const hls_dspace *space;
  const size_t *deps; /* knobs the expression reads */
  size_t ndeps;
  int has_x;
} evalctx;

void dspace_ctx_init(evalctx *c, const hls_dspace *s, hls_diags *d);
void dspace_ctx_free(evalctx *c);
/* Evaluates c->e; on an error c->failed is set and the result is meaningless. */
val dspace_eval(evalctx *c);
/* Reports an error of the current evaluation at column col, naming the
 * values it depended on; only the first error of an evaluation is kept.
 * Returns a dummy value, so that evaluation steps can return it. */
val dspace_eval_error(evalctx *c, unsigned col, const char *fmt, ...) HLS_PRINTF(3, 4);

/* ---- a knob's options and order (dspace_options.c) ---- */

/* The options of knob `ki` under `point`: the cached list when they depend
 * on no knob, else evaluated into `scratch`.  Returns the array (non-NULL
 * even when empty) or NULL after an error. */
const hls_dspace_value *dspace_options_of(evalctx *c, const hls_dspace *s, size_t ki,
                                          const hls_dspace_value *point, valbuf *scratch,
                                          size_t *n);
/* Evaluates the options of knobs that depend on none, once, into their cache. */
int dspace_precompute(hls_dspace *s, hls_diags *d);

#endif
