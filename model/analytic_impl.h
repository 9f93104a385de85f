/* What the analytic estimator knows about a graph before any design point
 * (model/analytic_facts.c) and what model/analytic.c composes per point.
 * Internal to model/analytic*.c. */
#ifndef HLSMOE_MODEL_ANALYTIC_IMPL_H
#define HLSMOE_MODEL_ANALYTIC_IMPL_H

#include "model/analytic.h"

enum {
#define OP_CLASS(name, latency, lut, ff, dsp) HLS_OPC_##name,
#include "model/analytic_ops.def"
#undef OP_CLASS
  HLS_OPCS
};

typedef struct {
  double latency, lut, ff, dsp;
} hls_op_cost;

extern const hls_op_cost hls_op_costs[HLS_OPCS];

/* One instruction of the graph. */
typedef struct {
  uint8_t cls;          /* HLS_OPC_* */
  int32_t region;       /* its loop (own body), or nloops + function for code outside loops */
  int32_t object;       /* loads and stores: the object accessed, else -1 */
  int32_t callee;       /* calls of a kernel function: its index, else -1 */
  int32_t fifo;         /* calls of hls::stream's read or write: the stream's object, else -1 */
  uint8_t fifo_write;   /* ... 1 for a write */
  uint32_t ivmask;      /* memory accesses: bit d-1 set when the address depends on the
                         * induction variable of the enclosing loop at depth d */
  uint32_t pred_begin, pred_end; /* same-region predecessors in preds[] (instruction indices) */
  int32_t addend;       /* a multiply-add: the same-region instruction feeding its addend, else -1 */
  int32_t sum_of;       /* a write that adds to what a read of its object gave, on every
                         * iteration (x += y, x = fma(a, b, x)): that read, else -1 */
  uint32_t index_begin, index_end; /* array accesses: the subscripts in indices[], when affine */
  uint8_t affine;       /* ... every subscript is affine in the enclosing induction variables */
  uint8_t every;        /* it runs on every iteration of its loop (every run of its function,
                         * outside loops): no branch of the body bypasses it */
  double bulk;          /* a bulk copy (memcpy, memset): its transfer cycles, else 0 */
  int32_t copy_to, copy_from; /* ... the objects it writes and reads (-1: none, unknown) */
} hls_afact_inst;

typedef struct {
  int is_register;  /* a scalar local: a register after mem2reg */
  int is_local;     /* an alloca or global (on chip), not memory behind a pointer argument */
  double extent;    /* scalar elements (the largest seen for memory behind a pointer) */
  int32_t frame;    /* an alloca: the function whose local it is; else -1 */
} hls_afact_object;

/* A recurrence through memory: a load and a later store of the same array in
 * one body, the store's value computed from the load. */
typedef struct {
  double latency;   /* load, the path, the store */
  uint32_t ivmask;  /* the store address's induction variables (as hls_afact_inst) */
  uint8_t sums;     /* an accumulation (hls_afact_inst.sum_of) */
} hls_afact_memrec;

/* One subscript of an array access (a GEP index, in the order the
 * pointer's GEPs are met from the access towards the object), affine in
 * the induction variables of the enclosing loops:
 * k + sum over d of coef[d - 1] * (the induction variable at depth d). */
#define HLS_AFF_DEPTHS 8
typedef struct {
  int64_t coef[HLS_AFF_DEPTHS];
  int64_t k;
} hls_afact_index;

/* A true dependence through an array carried by a loop: a store in one
 * iteration and a load of the same element `distance` iterations later
 * (model/analytic_deps.c). */
typedef struct {
  int32_t distance;
  uint8_t own_body; /* the store and the load are both in the loop's own body */
  double latency;   /* own body: load, the path to the store, the store; else -1 */
} hls_afact_dep;

typedef struct {
  uint32_t inst_begin, inst_end; /* its instructions in region_inst[], node order */
  uint32_t rec_begin, rec_end;   /* its memory recurrences in memrecs[] */
  double reg_rec;                /* longest recurrence through a scalar across iterations
                                  * that is not an accumulation (sum_of) */
  double reg_sum;                /* longest accumulation through a scalar */
  double ops[HLS_OPCS];          /* instruction count per class */
  double bulk;                   /* its bulk copies' transfer cycles, one after another */
  uint8_t straight;              /* every instruction runs every time and none is a call:
                                  * what the outer body of a merged nest may hold */
} hls_afact_region;

struct hls_analytic {
  const hls_graph *g;
  size_t ninst;
  hls_afact_inst *inst;
  uint32_t *preds;
  size_t nregions; /* nloops + nfunctions */
  hls_afact_region *region;
  uint32_t *region_inst;
  hls_afact_memrec *memrecs;
  hls_afact_index *indices;         /* the affine subscripts of array accesses */
  hls_afact_dep *deps;              /* carried dependences (CSR by loop: dep_begin) */
  uint32_t *dep_begin;
  size_t nobjects;
  hls_afact_object *objects;
  uint32_t *child_begin, *children; /* loops' children (CSR by loop), in loop order */
  uint32_t *top_begin, *tops;       /* functions' outermost loops (CSR by function) */
  uint8_t *called;                  /* functions called from another kernel function */
  uint8_t *inlined;                 /* called and loop-free: the flow inlines it
                                       (accesses by reference, analytic_facts.c) */
  double *inline_depth;             /* [nfunctions] inlined ones: the longest path through the
                                       body, in fractional cycles as the caller chains it */
  uint8_t *loop_every;              /* [nloops] the loop runs on every iteration of its parent
                                     * (every run of its function, when outermost) */
  int merges_nests;                 /* the flow merges perfect nests (mergeable(), analytic.c) */
  int partitions_args;              /* the flow partitions arrays behind pointer arguments */
  double capacity[HLS_UTILS];       /* what the utilisations are fractions of (the flow's) */
  /* per estimate */
  const hls_loop_setting *settings;
  double *start;                    /* [ninst] scratch of the critical path */
  uint8_t *on_stack;                /* [nfunctions] recursion guard */
  hls_analytic_loop *rows;          /* [nloops] */
  double at_once;                   /* copies of the loop being scheduled that run at the same
                                       time (those of unrolled ancestors that do not wait for
                                       each other): they share an argument array's ports */
  int no_default_pipe;              /* inside a pipeline the flow dropped */
  double count[HLS_UTILS];
};

/* Start times of the region's instructions when `from` starts at 0 and only
 * what depends on it counts (the others HLS_AFACT_UNREACHED).  A start may
 * be negative: a multiply-add reached through its addend alone starts its
 * multiply early (hls_afact_path_from). */
#define HLS_AFACT_UNREACHED (-1e30)
static inline int hls_afact_reached(double start) { return start > HLS_AFACT_UNREACHED / 2; }
void hls_afact_path_from(hls_analytic *a, const hls_afact_region *rg, uint32_t from, double *start);

/* The dependences carried by every loop (model/analytic_deps.c): deps[],
 * dep_begin[]. */
void hls_afact_find_deps(hls_analytic *a);

/* Fills everything above "per estimate"; 0, or -1 with an error in d. */
int hls_analytic_facts(hls_analytic *a, const hls_graph *g, hls_diags *d);
void hls_analytic_facts_free(hls_analytic *a);

#endif
