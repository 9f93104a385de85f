/* The analytic estimator's reading of a program graph: what every
 * instruction costs, which body (loop or function) it belongs to, which
 * array or scalar a load or store touches, what its address depends on, and
 * the recurrences of every body.  Everything here is independent of the
 * design point, so it is computed once per kernel.
 *
 * The graph is built from clang's -O0 memory form: locals live in allocas
 * and every use is a load.  An HLS tool promotes scalar allocas to
 * registers, so loads and stores of a scalar alloca are register reads and
 * writes here, and a value carried from one iteration to the next (a
 * reduction's accumulator, an induction variable) is a register read before
 * a register write in the same body: the recurrence. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/analytic_impl.h"

const hls_op_cost hls_op_costs[HLS_OPCS] = {
#define OP_CLASS(name, latency, lut, ff, dsp) {latency, lut, ff, dsp},
#include "model/analytic_ops.def"
#undef OP_CLASS
};

/* Bulk copies move one 64-bit beat per cycle (bulk_cycles()). */
#define BULK_BYTES_PER_CYCLE 8.0
/* A copy (llvm.memcpy, memset) of at most this many bytes moves one element:
 * clang copies an ap_int, an ap_fixed or a small struct by value that way.
 * It is a read and a write of the objects, not a bulk transfer. */
#define ELEMENT_COPY_BYTES 16.0

/* Scratch of the analysis. */
typedef struct {
  const hls_graph *g;
  hls_analytic *a;
  int32_t *inst_of;   /* node -> instruction index, -1 */
  int32_t *var_def;   /* variable node -> defining instruction node, -1 */
  int32_t *object_of; /* (node * 2 + through_pointer) -> object, -1 */
  /* Per instruction index (graph instructions and the accesses by reference
   * made for them, lay_out()): */
  uint32_t *node_of;  /* -> the graph instruction node */
  int64_t *ptr;       /* -> the pointer it accesses (loads, stores, by reference), -1 */
  uint8_t *by_ref;    /* -> BYREF_READ or BYREF_WRITE (| BYREF_INDEXED) for an access by
                         reference, else 0 */
  /* Per node: */
  int32_t *callee_of; /* call instruction -> the kernel function it calls, -1 */
  uint8_t *param_use; /* argument variable -> BYREF_READ | BYREF_WRITE | BYREF_INDEXED: what
                         its function (and what that calls) does to the memory it points to */
  /* Per function: */
  uint32_t *first_param, *nparams; /* its argument variables: nodes first_param .. + nparams */
  /* Per object key (object_key()): */
  int32_t *param_key; /* -> the argument variable of an inlined function whose memory it is, -1 */
} reader;

#define BYREF_READ 1
#define BYREF_WRITE 2
/* the callee indexes the memory (a[i] on a pointer argument): where in the
 * caller's object it lands, the caller's subscripts do not say */
#define BYREF_INDEXED 4
#define BYREF_DIRECTION(k) ((k) & (BYREF_READ | BYREF_WRITE))

static float feature(const hls_graph *g, uint32_t node, int column) {
  return g->x[(size_t)node * HLS_NODE_DIM + column];
}

static int is_op(const hls_graph *g, int64_t node, const char *op) {
  return node >= 0 && g->nodes[node].kind == HLS_NODE_INSTRUCTION &&
         strcmp(g->nodes[node].text, op) == 0;
}

/* The node feeding operand `pos` of instruction `node` (a variable or
 * constant), -1 if none. */
static int64_t operand(const hls_graph *g, uint32_t node, uint32_t pos) {
  for (uint32_t k = g->in_offset[node]; k < g->in_offset[node + 1]; k++) {
    const hls_edge *e = &g->edges[g->in_edge[k]];
    if (e->flow == HLS_FLOW_DATA && e->position == pos)
      return e->src;
  }
  return -1;
}

/* The instruction defining the value node v, -1 for arguments, globals,
 * constants. */
static int64_t def_of(const reader *r, int64_t v) { return v < 0 ? -1 : r->var_def[v]; }

/* Scalar elements of the aggregate an alloca, GEP or global works on. */
static double extent_of(const hls_graph *g, uint32_t node) {
  return round(hls_node_unscaled(HLS_NF_log_extent, feature(g, node, HLS_NF_log_extent)));
}

/* ---- classes ------------------------------------------------------------- */

static int op_in(const char *op, const char *const *list) {
  for (; *list; list++)
    if (strcmp(op, *list) == 0)
      return 1;
  return 0;
}

/* The class of a floating-point operation by its type: double or float. */
static int fp_class(const hls_graph *g, uint32_t node, int f, int d) {
  return feature(g, node, HLS_NF_type_double) > 0 ? d : f;
}

static int call_class(const hls_graph *g, uint32_t node) {
  int fp = feature(g, node, HLS_NF_type_double) > 0 || feature(g, node, HLS_NF_type_float) > 0 ||
           feature(g, node, HLS_NF_type_half) > 0;
  int intrinsic = feature(g, node, HLS_NF_call_intrinsic) > 0;
  /* llvm.fmuladd / llvm.fma (clang contracts a*b+c at -O0): the floating-point
   * intrinsics with three operands */
  if (intrinsic && fp && operand(g, node, 2) >= 0)
    return fp_class(g, node, HLS_OPC_fmac, HLS_OPC_dmac);
  if (feature(g, node, HLS_NF_call_math) > 0)
    return fp_class(g, node, HLS_OPC_fmath, HLS_OPC_dmath);
  if (intrinsic) /* memcpy, memset, ...: no arithmetic of their own here */
    return HLS_OPC_free;
  if (feature(g, node, HLS_NF_call_defined) > 0)
    return HLS_OPC_call;
  return HLS_OPC_ext_call;
}

static int op_class(const hls_graph *g, uint32_t node) {
  static const char *const adds[] = {"add", "sub", "icmp", NULL};
  static const char *const logic[] = {"and", "or", "xor", "shl", "lshr", "ashr", "select", NULL};
  static const char *const divs[] = {"sdiv", "udiv", "srem", "urem", NULL};
  static const char *const convs[] = {"sitofp", "uitofp", "fptosi", "fptoui", "fpext", "fptrunc", NULL};
  const char *op = g->nodes[node].text;
  if (op_in(op, adds))
    return HLS_OPC_int_add;
  if (op_in(op, logic))
    return HLS_OPC_int_logic;
  if (op_in(op, divs))
    return HLS_OPC_int_div;
  if (op_in(op, convs))
    return HLS_OPC_fconv;
  if (!strcmp(op, "mul"))
    return HLS_OPC_int_mul;
  if (!strcmp(op, "getelementptr"))
    return HLS_OPC_address;
  if (!strcmp(op, "fadd") || !strcmp(op, "fsub") || !strcmp(op, "fneg"))
    return fp_class(g, node, HLS_OPC_fadd, HLS_OPC_dadd);
  if (!strcmp(op, "fmul"))
    return fp_class(g, node, HLS_OPC_fmul, HLS_OPC_dmul);
  if (!strcmp(op, "fdiv") || !strcmp(op, "frem"))
    return fp_class(g, node, HLS_OPC_fdiv, HLS_OPC_ddiv);
  if (!strcmp(op, "fcmp"))
    return HLS_OPC_fcmp;
  if (!strcmp(op, "call"))
    return call_class(g, node);
  return HLS_OPC_free; /* load and store are classed with their object */
}

/* ---- objects ----------------------------------------------------------------- */

/* What the way from a pointer to its object went through. */
typedef struct {
  int through_gep;   /* a GEP or a cast */
  double gep_extent; /* the largest extent of those GEPs */
  int variable;      /* a GEP index that is not a constant, before any load of the pointer:
                        an address that moves within the object (a[i]) */
} key_walk;

/* The object a pointer value points into: strip GEPs and casts down to an
 * alloca, a global or an argument; a pointer loaded from memory (clang's
 * `%0 = load ptr, ptr %A.addr` for an array argument) is the memory behind
 * that alloca, a different object from the alloca itself.  This is its key
 * (node * 2 + through_pointer), -1 if none, and the way there in *w.
 * object_of() numbers the keys. */
static int64_t object_key(const reader *r, int64_t v, key_walk *w) {
  const hls_graph *g = r->g;
  int through_pointer = 0;
  memset(w, 0, sizeof *w);
  for (int steps = 0; steps < 64; steps++) {
    int64_t d = def_of(r, v);
    if (d >= 0 && (is_op(g, d, "getelementptr") || is_op(g, d, "bitcast"))) {
      w->through_gep = 1;
      double x = extent_of(g, (uint32_t)d);
      w->gep_extent = x > w->gep_extent ? x : w->gep_extent;
      for (uint32_t pos = 1; !through_pointer && operand(g, (uint32_t)d, pos) >= 0; pos++)
        w->variable |= g->nodes[operand(g, (uint32_t)d, pos)].kind != HLS_NODE_CONSTANT;
      v = operand(g, (uint32_t)d, 0);
      continue;
    }
    if (d >= 0 && is_op(g, d, "load") && !through_pointer) {
      through_pointer = 1;
      v = operand(g, (uint32_t)d, 0);
      continue;
    }
    break;
  }
  if (v < 0)
    return -1;
  int64_t d = def_of(r, v);
  return (d >= 0 ? d : v) * 2 + through_pointer;
}

static int32_t object_of(reader *r, int64_t v) {
  const hls_graph *g = r->g;
  key_walk w;
  int64_t key = object_key(r, v, &w);
  if (key < 0)
    return -1;
  int64_t key_node = key / 2, d = g->nodes[key_node].kind == HLS_NODE_INSTRUCTION ? key_node : -1;
  int through_pointer = (int)(key % 2);
  hls_analytic *a = r->a;
  if (r->object_of[key] < 0) {
    r->object_of[key] = (int32_t)a->nobjects;
    a->objects = hls_xrealloc(a->objects, (a->nobjects + 1) * sizeof *a->objects);
    hls_afact_object *o = &a->objects[a->nobjects++];
    int alloca = !through_pointer && is_op(g, d, "alloca");
    int alloca_or_global = alloca || (!through_pointer && d < 0 && g->nodes[key_node].function < 0);
    o->is_local = alloca_or_global;
    o->extent = alloca_or_global ? extent_of(g, (uint32_t)key_node) : 0;
    o->is_register = alloca_or_global && o->extent < 1.5; /* one element */
    o->frame = alloca ? g->nodes[key_node].function : -1;
  }
  hls_afact_object *o = &a->objects[r->object_of[key]];
  if (!o->is_local && w.gep_extent > o->extent)
    o->extent = w.gep_extent;
  /* indexed somewhere: an array after all, unless it holds one element (the
   * field of an ap_int, of a one-member struct) */
  if (w.through_gep && o->extent >= 1.5)
    o->is_register = 0;
  return r->object_of[key];
}

/* Register objects a value depends on, through address arithmetic and casts
 * (not through memory): set in `seen` (by object). */
static void register_sources(reader *r, int64_t v, uint8_t *seen, int budget) {
  const hls_graph *g = r->g;
  int64_t d = def_of(r, v);
  if (d < 0 || budget <= 0)
    return;
  if (is_op(g, d, "load")) {
    int32_t o = object_of(r, operand(g, (uint32_t)d, 0));
    if (o >= 0 && r->a->objects[o].is_register)
      seen[o] = 1;
    return;
  }
  if (is_op(g, d, "call") || is_op(g, d, "alloca"))
    return;
  for (uint32_t pos = 0; pos < 4; pos++) {
    int64_t op = operand(g, (uint32_t)d, pos);
    if (op >= 0 && g->nodes[op].kind == HLS_NODE_VARIABLE)
      register_sources(r, op, seen, budget - 1);
  }
}

/* ---- instructions --------------------------------------------------------------- */

static int32_t region_of(const hls_graph *g, uint32_t node) {
  const hls_node *n = &g->nodes[node];
  int32_t loop = n->block >= 0 && (size_t)n->block < g->nblocks ? g->block_loop[n->block] : -1;
  return loop >= 0 ? loop : (int32_t)g->nloops + n->function;
}

/* The functions of hls::stream (include/hls/hls_stream.h), by their
 * Itanium-mangled nested name. */
static int is_stream_function(const char *name) { return strncmp(name, "_ZN3hls6streamI", 15) == 0; }

/* The kernel function each call instruction calls (callee_of), and which
 * functions another calls. */
static void find_call_targets(reader *r) {
  const hls_graph *g = r->g;
  for (size_t k = 0; k < g->nedges; k++) {
    const hls_edge *e = &g->edges[k];
    if (e->flow != HLS_FLOW_CALL || e->reverse || !is_op(g, e->src, "call") ||
        g->nodes[e->dst].function < 0)
      continue;
    int32_t callee = g->nodes[e->dst].function;
    r->callee_of[e->src] = callee;
    if (callee != g->nodes[e->src].function)
      r->a->called[callee] = 1;
  }
}

/* The kernel function instruction index i calls, -1 if none (an access by
 * reference calls nothing: its call is the instruction after or before). */
static int32_t call_target(const reader *r, size_t i) {
  return r->by_ref[i] ? -1 : r->callee_of[r->node_of[i]];
}

/* in->callee: the calls whose callee's schedule is part of the caller's.
 * Not hls::stream's methods: their bodies are the C simulation's ring
 * buffer, not hardware (the call is a FIFO access, classify()). */
static void find_callees(reader *r) {
  for (size_t i = 0; i < r->a->ninst; i++) {
    int32_t f = call_target(r, i);
    r->a->inst[i].callee = f >= 0 && !is_stream_function(r->g->functions[f]) ? f : -1;
  }
}

/* Whether a function is a method of hls::stream (include/hls/hls_stream.h)
 * that moves one element, by its Itanium-mangled name: the nested name
 * _ZN3hls6streamI<arguments>E<method>E.  1 read, 2 write, 0 neither.  The
 * header's methods are functions of the graph (it is built before inlining);
 * their ring buffer is how C simulation runs, not the FIFO the tool builds. */
static int fifo_method(const char *name) {
  static const char *const reads[] = {"E4readE", "E7read_nbE", "E8read_depE", "ErsE", NULL};
  static const char *const writes[] = {"E5writeE", "E8write_nbE", "E9write_depE", "ElsE", NULL};
  if (!is_stream_function(name))
    return 0;
  for (int k = 0; reads[k]; k++)
    if (strstr(name, reads[k]))
      return 1;
  for (int k = 0; writes[k]; k++)
    if (strstr(name, writes[k]))
      return 2;
  return 0;
}

/* Calls that read or write an hls::stream: the stream (the object of the
 * call's `this`, operand 0), for the one-element-per-cycle limit of a FIFO. */
static void find_fifo_calls(reader *r) {
  hls_analytic *a = r->a;
  for (size_t i = 0; i < a->ninst; i++) {
    hls_afact_inst *in = &a->inst[i];
    int32_t f = call_target(r, i);
    int m = f >= 0 ? fifo_method(r->g->functions[f]) : 0;
    int64_t self = m ? operand(r->g, r->node_of[i], 0) : -1;
    if (self >= 0 && (in->fifo = object_of(r, self)) >= 0)
      in->fifo_write = m == 2;
  }
}

/* The pointer operand of a load (operand 0) or store (operand 1), -1 else. */
static int64_t pointer_operand(const hls_graph *g, uint32_t node) {
  if (is_op(g, node, "load"))
    return operand(g, node, 0);
  if (is_op(g, node, "store"))
    return operand(g, node, 1);
  return -1;
}

/* ---- accesses by reference ------------------------------------------------------ */

/* clang passes an ap_int, an ap_fixed or a struct to its operators by
 * reference and copies it with llvm.memcpy, so in `acc += shift[k] * c[k]`
 * the elements of shift and c are read inside operator* (through its
 * arguments), not by a load of the kernel.  The flow inlines such small
 * functions; after inlining those reads are the kernel's accesses of its
 * arrays, on their ports, at the caller's subscripts.  So: a called function
 * without loops is inlined (a->inlined); what it does to the memory behind
 * each pointer argument, directly or through what it calls, is summarised
 * (param_use); and each call of it becomes, for each such argument, a read
 * before the call and a write after it of the caller's object, as does an
 * element copy.  Inside the inlined function those accesses cost nothing:
 * the caller pays for them. */

/* The bytes an intrinsic copy or fill (memcpy, memmove, memset) moves,
 * when constant; -1 for anything else. */
static double copy_bytes(const hls_graph *g, uint32_t node) {
  if (!is_op(g, node, "call") || feature(g, node, HLS_NF_call_intrinsic) <= 0)
    return -1;
  int64_t dst = operand(g, node, 0), len = operand(g, node, 2);
  if (dst < 0 || len < 0 || feature(g, (uint32_t)dst, HLS_NF_type_pointer) <= 0 ||
      feature(g, (uint32_t)len, HLS_NF_kind_constant) <= 0 ||
      feature(g, (uint32_t)len, HLS_NF_const_fp) > 0)
    return -1;
  return round(hls_node_unscaled(HLS_NF_log_const_value,
                                 feature(g, (uint32_t)len, HLS_NF_log_const_value)));
}

static int is_element_copy(const hls_graph *g, uint32_t node) {
  double bytes = copy_bytes(g, node);
  return bytes > 0 && bytes <= ELEMENT_COPY_BYTES;
}

/* Bulk copies (llvm.memcpy, memmove, memset: an intrinsic call on a pointer
 * with a constant length as operand 2, longer than one element): the cycles
 * of moving that many bytes one 64-bit beat per cycle, which is what the
 * HLSyn-Vitis kernels' copies between the interface and their local buffers
 * cost (docs/analytic.md).  0 for anything else. */
static double bulk_cycles(const hls_graph *g, uint32_t node) {
  double bytes = copy_bytes(g, node);
  return bytes > ELEMENT_COPY_BYTES ? ceil(bytes / BULK_BYTES_PER_CYCLE) : 0;
}

/* The arguments of every function: the variable nodes without a defining
 * instruction, first in the function's variables (graph/builder.c). */
static void find_params(reader *r) {
  const hls_graph *g = r->g;
  for (size_t v = 0; v < g->nnodes; v++) {
    const hls_node *n = &g->nodes[v];
    if (n->kind != HLS_NODE_VARIABLE || n->function < 0 || r->var_def[v] >= 0)
      continue;
    if (r->nparams[n->function]++ == 0)
      r->first_param[n->function] = (uint32_t)v;
  }
}

/* Called functions without loops, except hls::stream's (their `this` is the
 * FIFO, find_fifo_calls()). */
static void find_inlined(reader *r) {
  const hls_graph *g = r->g;
  hls_analytic *a = r->a;
  for (size_t f = 0; f < g->nfunctions; f++)
    a->inlined[f] = a->called[f] && !is_stream_function(g->functions[f]);
  for (size_t l = 0; l < g->nloops; l++)
    a->inlined[g->loops[l].function] = 0;
}

/* The object keys of the memory behind an inlined function's pointer
 * arguments: the argument itself, and at -O0 the alloca clang spills it to
 * (`store ptr %0, ptr %this.addr`; uses load it back). */
static void find_param_keys(reader *r) {
  const hls_graph *g = r->g;
  for (size_t f = 0; f < g->nfunctions; f++)
    for (uint32_t p = 0; r->a->inlined[f] && p < r->nparams[f]; p++)
      r->param_key[(size_t)(r->first_param[f] + p) * 2] = (int32_t)(r->first_param[f] + p);
  for (size_t v = 0; v < g->nnodes; v++) {
    if (!is_op(g, (int64_t)v, "store"))
      continue;
    int64_t val = operand(g, (uint32_t)v, 0), slot = def_of(r, operand(g, (uint32_t)v, 1));
    if (val >= 0 && slot >= 0 && is_op(g, slot, "alloca") && r->param_key[val * 2] >= 0)
      r->param_key[slot * 2 + 1] = r->param_key[val * 2];
  }
}

/* The argument variable of an inlined function whose memory pointer p
 * points into, -1 if none; the way there in *w. */
static int64_t param_behind(const reader *r, int64_t p, key_walk *w) {
  int64_t key = p >= 0 ? object_key(r, p, w) : -1;
  return key >= 0 ? r->param_key[key] : -1;
}

#define MAX_BYREF 32

/* The accesses by reference of instruction `node`: pointers and
 * BYREF_READ / BYREF_WRITE, at most MAX_BYREF; their count. */
static int byref_accesses(const reader *r, uint32_t node, int64_t *ptr, uint8_t *kind) {
  const hls_graph *g = r->g;
  int n = 0;
  if (is_element_copy(g, node)) {
    int64_t src = operand(g, node, 1);
    if (src >= 0 && feature(g, (uint32_t)src, HLS_NF_type_pointer) > 0) { /* memcpy, memmove */
      ptr[n] = src;
      kind[n++] = BYREF_READ;
    }
    ptr[n] = operand(g, node, 0);
    kind[n++] = BYREF_WRITE;
    return n;
  }
  int32_t f = r->callee_of[node];
  int m = f >= 0 ? fifo_method(g->functions[f]) : 0;
  int64_t value = m ? operand(g, node, 1) : -1;
  if (value >= 0 && feature(g, (uint32_t)value, HLS_NF_type_pointer) > 0) {
    /* write(const T &) reads the element, read(T &) and >> write it */
    ptr[n] = value;
    kind[n++] = m == 2 ? BYREF_READ : BYREF_WRITE;
    return n;
  }
  if (f < 0 || !r->a->inlined[f])
    return 0;
  for (uint32_t p = 0; p < r->nparams[f] && n + 2 <= MAX_BYREF; p++) {
    uint8_t use = r->param_use[r->first_param[f] + p];
    int64_t arg = operand(g, node, p);
    if (!use || arg < 0)
      continue;
    for (uint8_t k = BYREF_READ; k <= BYREF_WRITE; k <<= 1)
      if (use & k) {
        ptr[n] = arg;
        kind[n++] = (uint8_t)(k | (use & BYREF_INDEXED));
      }
  }
  return n;
}

/* param_use of every inlined function's arguments: what its loads, stores
 * and accesses by reference do to the memory behind them, to a fixed point
 * over the call graph. */
static void summarise_params(reader *r) {
  const hls_graph *g = r->g;
  int64_t ptr[MAX_BYREF + 1]; /* and a load's or store's own pointer */
  uint8_t kind[MAX_BYREF + 1];
  for (size_t round = 0, changed = 1; changed && round <= g->nfunctions; round++) {
    changed = 0;
    for (size_t v = 0; v < g->nnodes; v++) {
      if (g->nodes[v].kind != HLS_NODE_INSTRUCTION || g->nodes[v].function < 0 ||
          !r->a->inlined[g->nodes[v].function])
        continue;
      int n = byref_accesses(r, (uint32_t)v, ptr, kind);
      int64_t p = pointer_operand(g, (uint32_t)v);
      if (p >= 0) {
        ptr[n] = p;
        kind[n++] = is_op(g, (int64_t)v, "load") ? BYREF_READ : BYREF_WRITE;
      }
      for (int k = 0; k < n; k++) {
        key_walk w;
        int64_t param = param_behind(r, ptr[k], &w);
        uint8_t use = (uint8_t)(kind[k] | (w.variable ? BYREF_INDEXED : 0));
        if (param >= 0 && (r->param_use[param] | use) != r->param_use[param]) {
          r->param_use[param] |= use;
          changed = 1;
        }
      }
    }
  }
}

/* Appends instruction index a->ninst: node v, by_ref `kind` (0: the
 * instruction itself), pointer p; its index. */
static int32_t append_inst(reader *r, size_t *cap, uint32_t v, uint8_t kind, int64_t p) {
  if (r->a->ninst == *cap) {
    *cap *= 2;
    r->node_of = hls_xrealloc(r->node_of, *cap * sizeof *r->node_of);
    r->ptr = hls_xrealloc(r->ptr, *cap * sizeof *r->ptr);
    r->by_ref = hls_xrealloc(r->by_ref, *cap);
  }
  size_t i = r->a->ninst++;
  r->node_of[i] = v;
  r->by_ref[i] = kind;
  r->ptr[i] = p;
  return (int32_t)i;
}

/* Instruction indices: every graph instruction in node order, its reads by
 * reference just before it and its writes by reference just after, except
 * those of an inlined function's own arguments (its caller's). */
static void lay_out(reader *r) {
  const hls_graph *g = r->g;
  int64_t ptr[MAX_BYREF];
  uint8_t kind[MAX_BYREF];
  size_t cap = g->nnodes + 1;
  r->node_of = hls_xmalloc(cap * sizeof *r->node_of);
  r->ptr = hls_xmalloc(cap * sizeof *r->ptr);
  r->by_ref = hls_xmalloc(cap);
  for (uint32_t v = 0; v < g->nnodes; v++) {
    if (g->nodes[v].kind != HLS_NODE_INSTRUCTION)
      continue;
    int n = byref_accesses(r, v, ptr, kind);
    key_walk w;
    for (int k = 0; k < n; k++)
      if (BYREF_DIRECTION(kind[k]) == BYREF_READ && param_behind(r, ptr[k], &w) < 0)
        append_inst(r, &cap, v, kind[k], ptr[k]);
    r->inst_of[v] = append_inst(r, &cap, v, 0, pointer_operand(g, v));
    for (int k = 0; k < n; k++)
      if (BYREF_DIRECTION(kind[k]) == BYREF_WRITE && param_behind(r, ptr[k], &w) < 0)
        append_inst(r, &cap, v, kind[k], ptr[k]);
  }
}

/* A GEP into a register (the field of a one-member struct) or into the
 * memory behind an inlined function's argument (an address its caller
 * computes) is wiring, not an adder. */
static int free_address(const reader *r, uint32_t gep) {
  int64_t base = operand(r->g, gep, 0);
  key_walk w;
  int64_t key = base >= 0 ? object_key(r, base, &w) : -1;
  if (key < 0)
    return 0;
  int32_t o = r->object_of[key];
  return r->param_key[key] >= 0 || (o >= 0 && r->a->objects[o].is_register);
}

static void classify(reader *r) {
  const hls_graph *g = r->g;
  hls_analytic *a = r->a;
  /* Objects first: one access through a GEP makes an object an array for
   * every access.  An inlined function's accesses of its arguments' memory
   * are its callers' (accesses by reference). */
  for (size_t i = 0; i < a->ninst; i++) {
    int64_t p = r->ptr[i];
    key_walk w;
    a->inst[i].object = p >= 0 && (r->by_ref[i] || param_behind(r, p, &w) < 0) ? object_of(r, p) : -1;
    a->inst[i].fifo = -1;
  }
  for (size_t i = 0; i < a->ninst; i++) {
    uint32_t node = r->node_of[i];
    hls_afact_inst *in = &a->inst[i];
    in->region = region_of(g, node);
    in->cls = r->by_ref[i] ? HLS_OPC_free : (uint8_t)op_class(g, node);
    in->bulk = r->by_ref[i] ? 0 : bulk_cycles(g, node);
    in->copy_to = in->bulk > 0 ? object_of(r, operand(g, node, 0)) : -1;
    in->copy_from = in->bulk > 0 ? object_of(r, operand(g, node, 1)) : -1; /* memset: -1 */
    int32_t callee = call_target(r, i);
    if (callee >= 0 && a->inlined[callee])
      in->cls = HLS_OPC_free; /* no call: the callee's operations are the caller's */
    else if (in->cls == HLS_OPC_address && free_address(r, node))
      in->cls = HLS_OPC_free;
    else if (callee >= 0 && is_stream_function(g->functions[callee]))
      in->cls = fifo_method(g->functions[callee]) ? HLS_OPC_fifo : HLS_OPC_free;
    if (in->object >= 0) {
      int reg = a->objects[in->object].is_register;
      int load = r->by_ref[i] ? BYREF_DIRECTION(r->by_ref[i]) == BYREF_READ : is_op(g, node, "load");
      in->cls = (uint8_t)(reg ? (load ? HLS_OPC_reg_read : HLS_OPC_reg_write)
                              : (load ? HLS_OPC_load : HLS_OPC_store));
    }
  }
}

/* ---- regions ----------------------------------------------------------------------- */

static int is_write(const hls_afact_inst *in) {
  return in->cls == HLS_OPC_reg_write || in->cls == HLS_OPC_store;
}
static int is_read(const hls_afact_inst *in) {
  return in->cls == HLS_OPC_reg_read || in->cls == HLS_OPC_load;
}

/* A write of a scalar local of an inlined function (at -O0 its arguments'
 * spills, an operator's temporaries: most of an ap_int operator): the
 * function has no loop, so inlined the value lives no longer than the
 * caller's path through it and is a wire, not a register of its own.  It
 * still orders the path (the class stays reg_write); only its cost goes. */
static int wire_write(const hls_analytic *a, const hls_afact_inst *in) {
  if (in->cls != HLS_OPC_reg_write || in->object < 0)
    return 0;
  int32_t f = a->objects[in->object].frame;
  return f >= 0 && a->inlined[f];
}

/* Groups the instructions by region, in node order. */
/* Does the bulk copy `in` move through object o? */
static int copies_through(const hls_afact_inst *in, int32_t o) {
  return in->bulk > 0 && o >= 0 && (in->copy_to == o || in->copy_from == o);
}

/* The cycles a region's bulk copies take: copies through different objects
 * (each array argument its own interface, each buffer its own ports) run at
 * the same time, those through one object take their turns, so the busiest
 * object's total.  A copy whose objects are unknown waits for all others.
 * Measured on HLSyn-Vitis: 2mm's fastest design (7,781 cycles) is below the
 * sum of its six copies (18,700 beats), near its busiest array's two (6,400);
 * atax's (14,887) is its one large copy's 14,384 (docs/analytic.md). */
static double bulk_turns(const hls_analytic *a, const hls_afact_region *rg) {
  double most = 0, unknown = 0;
  for (uint32_t j = rg->inst_begin; j < rg->inst_end; j++) {
    const hls_afact_inst *in = &a->inst[a->region_inst[j]];
    if (in->bulk <= 0)
      continue;
    if (in->copy_to < 0 && in->copy_from < 0) {
      unknown += in->bulk;
      continue;
    }
    int32_t ends[2] = {in->copy_to, in->copy_from};
    for (int e = 0; e < 2; e++) {
      double busy = 0;
      for (uint32_t m = rg->inst_begin; m < rg->inst_end; m++)
        if (copies_through(&a->inst[a->region_inst[m]], ends[e]))
          busy += a->inst[a->region_inst[m]].bulk;
      most = busy > most ? busy : most;
    }
  }
  return most + unknown;
}

static void group_regions(hls_analytic *a) {
  a->region = hls_xcalloc(a->nregions, sizeof *a->region);
  a->region_inst = hls_xcalloc(a->ninst ? a->ninst : 1, sizeof *a->region_inst);
  uint32_t *fill = hls_xcalloc(a->nregions + 1, sizeof *fill);
  for (size_t i = 0; i < a->ninst; i++)
    fill[a->inst[i].region + 1]++;
  for (size_t k = 0; k < a->nregions; k++)
    fill[k + 1] += fill[k];
  for (size_t k = 0; k < a->nregions; k++)
    a->region[k].inst_begin = a->region[k].inst_end = fill[k];
  for (size_t i = 0; i < a->ninst; i++) {
    hls_afact_region *rg = &a->region[a->inst[i].region];
    a->region_inst[rg->inst_end++] = (uint32_t)i;
    rg->ops[wire_write(a, &a->inst[i]) ? HLS_OPC_free : a->inst[i].cls] += 1;
  }
  free(fill);
  for (size_t k = 0; k < a->nregions; k++)
    a->region[k].bulk = bulk_turns(a, &a->region[k]);
}

/* Adds the same-region instructions defining the data operands of `node`
 * (all of them, or only operand `only` when >= 0). */
static size_t add_data_preds(const reader *r, uint32_t node, int32_t region, int64_t only, size_t n) {
  const hls_graph *g = r->g;
  const hls_analytic *a = r->a;
  for (uint32_t e = g->in_offset[node]; e < g->in_offset[node + 1]; e++) {
    const hls_edge *ed = &g->edges[g->in_edge[e]];
    int64_t d = ed->flow == HLS_FLOW_DATA && (only < 0 || ed->src == only) ? def_of(r, ed->src) : -1;
    if (d >= 0 && a->inst[r->inst_of[d]].region == region && (uint32_t)d < node)
      a->preds[n++] = (uint32_t)r->inst_of[d];
  }
  return n;
}

/* The same-region instruction feeding a multiply-add's addend (operand 2), else -1. */
static int32_t addend_of(const reader *r, uint32_t node, const hls_afact_inst *in) {
  if (in->cls != HLS_OPC_fmac && in->cls != HLS_OPC_dmac)
    return -1;
  int64_t d = def_of(r, operand(r->g, node, 2));
  if (d < 0 || (uint32_t)d >= node || r->a->inst[r->inst_of[d]].region != in->region)
    return -1;
  return (int32_t)r->inst_of[d];
}

/* Same-region predecessors: the instructions whose results an instruction
 * reads, and for a read of a scalar or an array the latest earlier write of
 * it in the body (the value flows through the register or the memory).  An
 * access by reference: a read waits for its address, the call for its reads,
 * a write for the call. */
static void find_preds(reader *r) {
  const hls_graph *g = r->g;
  hls_analytic *a = r->a;
  size_t cap = 1024, n = 0;
  a->preds = hls_xmalloc(cap * sizeof *a->preds);
  int32_t *last_write = hls_xmalloc((a->nobjects + 1) * sizeof *last_write);
  for (size_t k = 0; k < a->nregions; k++) {
    const hls_afact_region *rg = &a->region[k];
    for (size_t o = 0; o < a->nobjects; o++)
      last_write[o] = -1;
    for (uint32_t j = rg->inst_begin; j < rg->inst_end; j++) {
      uint32_t i = a->region_inst[j], node = r->node_of[i];
      hls_afact_inst *in = &a->inst[i];
      in->pred_begin = (uint32_t)n;
      size_t most = 8 + MAX_BYREF + (g->in_offset[node + 1] - g->in_offset[node]);
      if (n + most > cap) {
        cap = 2 * cap + most;
        a->preds = hls_xrealloc(a->preds, cap * sizeof *a->preds);
      }
      if (BYREF_DIRECTION(r->by_ref[i]) == BYREF_WRITE) {
        a->preds[n++] = (uint32_t)r->inst_of[node];
      } else if (BYREF_DIRECTION(r->by_ref[i]) == BYREF_READ) {
        n = add_data_preds(r, node, in->region, r->ptr[i], n);
      } else {
        n = add_data_preds(r, node, in->region, -1, n);
        for (uint32_t b = i; b-- > 0 && r->node_of[b] == node;) /* its reads by reference */
          a->preds[n++] = b;
      }
      if (is_read(in) && last_write[in->object] >= 0)
        a->preds[n++] = (uint32_t)last_write[in->object];
      if (is_write(in))
        last_write[in->object] = (int32_t)i;
      in->pred_end = (uint32_t)n;
      in->addend = addend_of(r, node, in);
    }
  }
  free(last_write);
}

/* An instruction's latency on a path: its class's, and an inlined callee's body. */
static double latency_of(const hls_analytic *a, const hls_afact_inst *in) {
  double x = hls_op_costs[in->cls].latency;
  return in->callee >= 0 && a->inlined[in->callee] ? x + a->inline_depth[in->callee] : x;
}

/* inline_depth of function f (and of the inlined functions it calls first). */
static double inline_depth_of(hls_analytic *a, int32_t f, uint8_t *state) {
  if (state[f] == 2 || state[f] == 1) /* done, or recursion (which HLS rejects) */
    return a->inline_depth[f];
  state[f] = 1;
  const hls_afact_region *rg = &a->region[a->g->nloops + (size_t)f];
  double depth = 0;
  for (uint32_t j = rg->inst_begin; j < rg->inst_end; j++) {
    uint32_t i = a->region_inst[j];
    const hls_afact_inst *in = &a->inst[i];
    if (in->callee >= 0 && a->inlined[in->callee])
      inline_depth_of(a, in->callee, state);
    double s = 0;
    for (uint32_t p = in->pred_begin; p < in->pred_end; p++)
      s = a->start[a->preds[p]] > s ? a->start[a->preds[p]] : s;
    a->start[i] = s + latency_of(a, in);
    depth = a->start[i] > depth ? a->start[i] : depth;
  }
  a->inline_depth[f] = depth;
  state[f] = 2;
  return depth;
}

static void find_inline_depths(hls_analytic *a) {
  size_t n = a->g->nfunctions;
  uint8_t *state = hls_xcalloc(n + 1, 1);
  a->inline_depth = hls_xcalloc(n + 1, sizeof *a->inline_depth);
  for (size_t f = 0; f < n; f++)
    if (a->inlined[f])
      inline_depth_of(a, (int32_t)f, state);
  free(state);
}

/* The part of a multiply-add's latency its addend waits for: the add's.  A
 * chain through the addend (an accumulation, sum = fma(x, y, sum)) does not
 * wait for the multiply, which starts as soon as x and y are there. */
static double addend_latency(const hls_afact_inst *in) {
  return hls_op_costs[in->cls == HLS_OPC_dmac ? HLS_OPC_dadd : HLS_OPC_fadd].latency;
}

void hls_afact_path_from(hls_analytic *a, const hls_afact_region *rg, uint32_t from, double *start) {
  for (uint32_t j = rg->inst_begin; j < rg->inst_end; j++)
    start[a->region_inst[j]] = HLS_AFACT_UNREACHED;
  start[from] = 0;
  for (uint32_t j = rg->inst_begin; j < rg->inst_end; j++) {
    uint32_t i = a->region_inst[j];
    if (i == from)
      continue;
    const hls_afact_inst *in = &a->inst[i];
    double other = HLS_AFACT_UNREACHED, add = HLS_AFACT_UNREACHED;
    for (uint32_t p = in->pred_begin; p < in->pred_end; p++) {
      uint32_t q = a->preds[p];
      if (!hls_afact_reached(start[q]))
        continue;
      double t = start[q] + latency_of(a, &a->inst[q]);
      if ((int32_t)q == in->addend)
        add = t > add ? t : add;
      else
        other = t > other ? t : other;
    }
    /* what follows adds the whole latency: start so that it ends as the add does */
    if (hls_afact_reached(add))
      add -= latency_of(a, in) - addend_latency(in);
    start[i] = add > other ? add : other;
  }
}

static void add_memrec(hls_analytic *a, size_t *cap, size_t *count, double latency,
                       uint32_t ivmask, int sums) {
  if (*count == *cap) {
    *cap = *cap ? 2 * *cap : 64;
    a->memrecs = hls_xrealloc(a->memrecs, *cap * sizeof *a->memrecs);
  }
  a->memrecs[(*count)++] = (hls_afact_memrec){latency, ivmask, (uint8_t)sums};
}

/* Does the read take its value from a write of its object earlier in the
 * body?  That write is its last predecessor (find_preds). */
static int reads_own_write(const hls_analytic *a, const hls_afact_inst *ld) {
  if (ld->pred_end == ld->pred_begin)
    return 0;
  const hls_afact_inst *last = &a->inst[a->preds[ld->pred_end - 1]];
  return is_write(last) && last->object == ld->object;
}

/* A read with no earlier write of its object in the body reads the value of
 * the previous iteration; a later write of the same object computed from it
 * closes the recurrence.  Scalars: the latency of the path.  Arrays: load,
 * path and store, carried only by loops the store's address does not move
 * with (ivmask). */
static void find_recurrences(hls_analytic *a, double *start) {
  size_t cap = 0, count = 0;
  for (size_t k = 0; k < a->nregions; k++) {
    hls_afact_region *rg = &a->region[k];
    uint32_t begin = (uint32_t)count;
    for (uint32_t j = rg->inst_begin; j < rg->inst_end; j++) {
      uint32_t i = a->region_inst[j];
      const hls_afact_inst *ld = &a->inst[i];
      if (!is_read(ld) || reads_own_write(a, ld))
        continue;
      hls_afact_path_from(a, rg, i, start);
      for (uint32_t m = j + 1; m < rg->inst_end; m++) {
        const hls_afact_inst *st = &a->inst[a->region_inst[m]];
        if (!is_write(st) || st->object != ld->object || !hls_afact_reached(start[a->region_inst[m]]))
          continue;
        double lat = start[a->region_inst[m]];
        int sums = st->sum_of == (int32_t)i;
        if (st->cls == HLS_OPC_reg_write) {
          double *most = sums ? &rg->reg_sum : &rg->reg_rec;
          *most = lat > *most ? lat : *most;
        } else {
          add_memrec(a, &cap, &count, lat + hls_op_costs[HLS_OPC_store].latency, st->ivmask, sums);
        }
      }
    }
    rg->rec_begin = begin;
    rg->rec_end = (uint32_t)count;
  }
}

/* ---- induction variables ---------------------------------------------------------- */

/* Depth-indexed induction variables of the loops enclosing a region: bit
 * d-1 of the result is set when `v` depends on the induction variable (the
 * scalar the exit compare reads) of the enclosing loop at depth d. */
static uint32_t iv_mask(reader *r, int64_t v, int32_t region, const int32_t *loop_iv) {
  const hls_graph *g = r->g;
  uint8_t *seen = hls_xcalloc(r->a->nobjects + 1, 1);
  register_sources(r, v, seen, 24);
  uint32_t mask = 0;
  for (int32_t l = region < (int32_t)g->nloops ? region : -1; l >= 0; l = g->loops[l].parent)
    if (loop_iv[l] >= 0 && seen[loop_iv[l]] && g->loops[l].depth >= 1 && g->loops[l].depth <= 32)
      mask |= 1u << (g->loops[l].depth - 1);
  free(seen);
  return mask;
}

/* The bits of every loop around a region. */
static uint32_t enclosing_mask(const hls_graph *g, int32_t region) {
  uint32_t mask = 0;
  for (int32_t l = region < (int32_t)g->nloops ? region : -1; l >= 0; l = g->loops[l].parent)
    if (g->loops[l].depth >= 1 && g->loops[l].depth <= 32)
      mask |= 1u << (g->loops[l].depth - 1);
  return mask;
}

/* ---- subscripts -------------------------------------------------------------------- */

/* The depth of the loop around `region` whose induction variable is object o, 0 if none. */
static int iv_depth(const hls_graph *g, int32_t region, int32_t o, const int32_t *loop_iv) {
  for (int32_t l = region < (int32_t)g->nloops ? region : -1; l >= 0; l = g->loops[l].parent)
    if (loop_iv[l] == o)
      return (int)g->loops[l].depth;
  return 0;
}

static void affine_combine(hls_afact_index *out, const hls_afact_index *x, int64_t fx,
                           const hls_afact_index *y, int64_t fy) {
  for (int d = 0; d < HLS_AFF_DEPTHS; d++)
    out->coef[d] = fx * x->coef[d] + fy * y->coef[d];
  out->k = fx * x->k + fy * y->k;
}

static int is_invariant(const hls_afact_index *x) {
  for (int d = 0; d < HLS_AFF_DEPTHS; d++)
    if (x->coef[d])
      return 0;
  return 1;
}

/* Value v as an affine form of the induction variables of the loops around
 * `region` (clang's -O0 form: register reads, casts, +, -, * and << by a
 * constant); 0 when it is not one (another scalar, a load from memory). */
static int affine_of(reader *r, int64_t v, int32_t region, const int32_t *loop_iv, int budget,
                     hls_afact_index *out) {
  const hls_graph *g = r->g;
  memset(out, 0, sizeof *out);
  if (v < 0 || budget <= 0)
    return 0;
  if (g->nodes[v].kind == HLS_NODE_CONSTANT) {
    if (feature(g, (uint32_t)v, HLS_NF_kind_constant) <= 0 || feature(g, (uint32_t)v, HLS_NF_const_fp) > 0)
      return 0;
    out->k = llround(hls_node_unscaled(HLS_NF_log_const_value,
                                       feature(g, (uint32_t)v, HLS_NF_log_const_value)));
    return 1;
  }
  int64_t d = def_of(r, v);
  if (d < 0)
    return 0;
  const char *op = g->nodes[d].text;
  if (!strcmp(op, "load")) {
    int32_t o = object_of(r, operand(g, (uint32_t)d, 0));
    int depth = o >= 0 && r->a->objects[o].is_register ? iv_depth(g, region, o, loop_iv) : 0;
    if (depth < 1 || depth > HLS_AFF_DEPTHS)
      return 0;
    out->coef[depth - 1] = 1;
    return 1;
  }
  if (!strcmp(op, "sext") || !strcmp(op, "zext") || !strcmp(op, "trunc"))
    return affine_of(r, operand(g, (uint32_t)d, 0), region, loop_iv, budget - 1, out);
  hls_afact_index x, y;
  if (!affine_of(r, operand(g, (uint32_t)d, 0), region, loop_iv, budget - 1, &x) ||
      !affine_of(r, operand(g, (uint32_t)d, 1), region, loop_iv, budget - 1, &y))
    return 0;
  if (!strcmp(op, "add"))
    affine_combine(out, &x, 1, &y, 1);
  else if (!strcmp(op, "sub"))
    affine_combine(out, &x, 1, &y, -1);
  else if (!strcmp(op, "mul") && is_invariant(&y))
    affine_combine(out, &x, y.k, &y, 0);
  else if (!strcmp(op, "mul") && is_invariant(&x))
    affine_combine(out, &y, x.k, &x, 0);
  else if (!strcmp(op, "shl") && is_invariant(&y) && y.k >= 0 && y.k < 31)
    affine_combine(out, &x, (int64_t)1 << y.k, &y, 0);
  else
    return 0;
  return 1;
}

/* The subscripts of every array access: the indices of the GEPs from the
 * access's pointer down to its object, each affine, or `affine` stays 0. */
static void find_subscripts(reader *r, const int32_t *loop_iv) {
  const hls_graph *g = r->g;
  hls_analytic *a = r->a;
  size_t cap = 0, n = 0;
  for (size_t i = 0; i < a->ninst; i++) {
    hls_afact_inst *in = &a->inst[i];
    if (in->cls != HLS_OPC_load && in->cls != HLS_OPC_store)
      continue;
    in->index_begin = in->index_end = (uint32_t)n;
    int ok = 1, geps = 0;
    int64_t p = r->ptr[i];
    for (int64_t d = def_of(r, p); ok && d >= 0 && is_op(g, d, "getelementptr") && geps < 8;
         d = def_of(r, operand(g, (uint32_t)d, 0)), geps++) {
      for (uint32_t pos = 1; ok && operand(g, (uint32_t)d, pos) >= 0; pos++) {
        if (n == cap) {
          cap = cap ? 2 * cap : 256;
          a->indices = hls_xrealloc(a->indices, cap * sizeof *a->indices);
        }
        ok = affine_of(r, operand(g, (uint32_t)d, pos), in->region, loop_iv, 12, &a->indices[n++]);
      }
    }
    in->affine = (uint8_t)(ok && geps > 0 && !(r->by_ref[i] & BYREF_INDEXED));
    if (!in->affine)
      n = in->index_begin; /* drop what was read */
    in->index_end = (uint32_t)n;
  }
}

static void find_ivs(reader *r) {
  const hls_graph *g = r->g;
  hls_analytic *a = r->a;
  int32_t *loop_iv = hls_xmalloc((g->nloops + 1) * sizeof *loop_iv);
  for (size_t l = 0; l < g->nloops; l++) {
    loop_iv[l] = -1;
    int32_t cmp = g->loops[l].exit_compare_node;
    uint8_t *seen = hls_xcalloc(a->nobjects + 1, 1);
    for (uint32_t pos = 0; cmp >= 0 && pos < 2 && loop_iv[l] < 0; pos++) {
      register_sources(r, operand(g, (uint32_t)cmp, pos), seen, 8);
      for (size_t o = 0; o < a->nobjects && loop_iv[l] < 0; o++)
        if (seen[o])
          loop_iv[l] = (int32_t)o;
    }
    free(seen);
  }
  for (size_t i = 0; i < a->ninst; i++) {
    hls_afact_inst *in = &a->inst[i];
    if ((in->cls == HLS_OPC_load || in->cls == HLS_OPC_store) && (r->by_ref[i] & BYREF_INDEXED))
      in->ivmask = enclosing_mask(g, in->region); /* it may move with any of them */
    else if (in->cls == HLS_OPC_load || in->cls == HLS_OPC_store)
      in->ivmask = iv_mask(r, r->ptr[i], in->region, loop_iv);
  }
  find_subscripts(r, loop_iv);
  free(loop_iv);
}

/* ---- what runs every time --------------------------------------------------------- */

/* A lower bound may count an inner loop or a call only when it runs on
 * every iteration of the enclosing loop: not when a branch of the body can
 * bypass it (`if (c) for (...)`).  That is dominance: the inner loop's
 * header, or the call's block, dominates every latch of the enclosing loop
 * (every exit of the function, outside loops).  The blocks' control flow
 * comes from the graph's control edges (a terminator to its successors'
 * first instruction); dominators by Cooper, Harvey and Kennedy's iteration
 * over reverse postorder. */
typedef struct {
  size_t n;                     /* blocks */
  uint32_t *succ_begin, *succ;  /* successors, CSR by block */
  uint32_t *pred_begin, *pred;  /* predecessors */
  int32_t *function;            /* block -> function, -1 for a block without instructions */
  int32_t *idom;                /* immediate dominator; the entry's own; -1 when unreachable */
  int32_t *rpo;                 /* position in reverse postorder, per function */
} cfg;

static void cfg_edges(cfg *c, const hls_graph *g) {
  c->succ_begin = hls_xcalloc(c->n + 2, sizeof *c->succ_begin);
  c->pred_begin = hls_xcalloc(c->n + 2, sizeof *c->pred_begin);
  size_t m = 0;
  for (int pass = 0; pass < 2; pass++) {
    for (size_t k = 0; k < g->nedges; k++) {
      const hls_edge *e = &g->edges[k];
      if (e->flow != HLS_FLOW_CONTROL || e->reverse)
        continue;
      int32_t sb = g->nodes[e->src].block, db = g->nodes[e->dst].block;
      if (sb < 0 || db < 0 || sb == db || (size_t)sb >= c->n || (size_t)db >= c->n)
        continue; /* order within a block, or a block's branch to itself */
      if (pass == 0) {
        c->succ_begin[sb + 2]++;
        c->pred_begin[db + 2]++;
        m++;
      } else {
        c->succ[c->succ_begin[sb + 1]++] = (uint32_t)db;
        c->pred[c->pred_begin[db + 1]++] = (uint32_t)sb;
      }
    }
    if (pass == 0) {
      for (size_t b = 0; b < c->n; b++) {
        c->succ_begin[b + 2] += c->succ_begin[b + 1];
        c->pred_begin[b + 2] += c->pred_begin[b + 1];
      }
      c->succ = hls_xmalloc((m + 1) * sizeof *c->succ);
      c->pred = hls_xmalloc((m + 1) * sizeof *c->pred);
    }
  }
}

/* The blocks reachable from `entry` in reverse postorder, into order[];
 * numbered in c->rpo.  Returns how many. */
static size_t cfg_order(cfg *c, uint32_t entry, uint32_t *order, uint32_t *stack, uint32_t *next,
                        uint8_t *seen) {
  size_t depth = 0, done = 0;
  stack[depth++] = entry;
  seen[entry] = 1;
  next[entry] = c->succ_begin[entry];
  while (depth) {
    uint32_t b = stack[depth - 1];
    if (next[b] < c->succ_begin[b + 1]) {
      uint32_t s = c->succ[next[b]++];
      if (!seen[s]) {
        seen[s] = 1;
        next[s] = c->succ_begin[s];
        stack[depth++] = s;
      }
      continue;
    }
    order[done++] = b; /* postorder */
    depth--;
  }
  for (size_t i = 0; i < done / 2; i++) {
    uint32_t t = order[i];
    order[i] = order[done - 1 - i];
    order[done - 1 - i] = t;
  }
  for (size_t i = 0; i < done; i++)
    c->rpo[order[i]] = (int32_t)i;
  return done;
}

static int32_t intersect(const cfg *c, int32_t a, int32_t b) {
  while (a != b) {
    while (c->rpo[a] > c->rpo[b])
      a = c->idom[a];
    while (c->rpo[b] > c->rpo[a])
      b = c->idom[b];
  }
  return a;
}

static void cfg_dominators(cfg *c, const hls_graph *g) {
  c->function = hls_xmalloc((c->n + 1) * sizeof *c->function);
  c->idom = hls_xmalloc((c->n + 1) * sizeof *c->idom);
  c->rpo = hls_xmalloc((c->n + 1) * sizeof *c->rpo);
  int32_t *entry = hls_xmalloc((g->nfunctions + 1) * sizeof *entry);
  for (size_t f = 0; f < g->nfunctions; f++)
    entry[f] = -1;
  for (size_t b = 0; b < c->n; b++)
    c->function[b] = c->idom[b] = c->rpo[b] = -1;
  /* Nodes are in function, block, instruction order: a function's first
   * instruction is in its entry block. */
  for (size_t v = 0; v < g->nnodes; v++) {
    const hls_node *nd = &g->nodes[v];
    if (nd->kind != HLS_NODE_INSTRUCTION || nd->block < 0 || (size_t)nd->block >= c->n ||
        nd->function < 0 || (size_t)nd->function >= g->nfunctions)
      continue;
    c->function[nd->block] = nd->function;
    if (entry[nd->function] < 0)
      entry[nd->function] = nd->block;
  }
  uint32_t *order = hls_xmalloc((c->n + 1) * sizeof *order);
  uint32_t *stack = hls_xmalloc((c->n + 1) * sizeof *stack);
  uint32_t *next = hls_xmalloc((c->n + 1) * sizeof *next);
  uint8_t *seen = hls_xcalloc(c->n + 1, 1);
  size_t at = 0;
  for (size_t f = 0; f < g->nfunctions; f++) {
    if (entry[f] < 0 || seen[entry[f]])
      continue;
    size_t count = cfg_order(c, (uint32_t)entry[f], order + at, stack, next, seen);
    const uint32_t *rpo = order + at;
    c->idom[entry[f]] = entry[f];
    for (int changed = 1; changed;) {
      changed = 0;
      for (size_t i = 1; i < count; i++) {
        uint32_t b = rpo[i];
        int32_t d = -1;
        for (uint32_t k = c->pred_begin[b]; k < c->pred_begin[b + 1]; k++) {
          int32_t p = (int32_t)c->pred[k];
          if (c->idom[p] >= 0 && c->function[p] == c->function[b])
            d = d < 0 ? p : intersect(c, p, d);
        }
        if (d >= 0 && c->idom[b] != d) {
          c->idom[b] = d;
          changed = 1;
        }
      }
    }
    at += count;
  }
  free(entry);
  free(order);
  free(stack);
  free(next);
  free(seen);
}

static int dominates(const cfg *c, int32_t a, int32_t b) {
  if (c->idom[b] < 0)
    return 0;
  for (; b != a; b = c->idom[b])
    if (c->idom[b] == b)
      return 0;
  return 1;
}

static int in_loop(const hls_graph *g, int32_t block, int32_t loop) {
  for (int32_t l = g->block_loop[block]; l >= 0; l = g->loops[l].parent)
    if (l == loop)
      return 1;
  return 0;
}

/* Regions without branches around any of their instructions and without
 * calls (a call may hide a loop), once per graph: the shape analytic.c's
 * mergeable() asks of a nest's outer bodies for every design point. */
static void find_straight(hls_analytic *a) {
  for (size_t k = 0; k < a->nregions; k++) {
    hls_afact_region *rg = &a->region[k];
    rg->straight = 1;
    for (uint32_t j = rg->inst_begin; j < rg->inst_end && rg->straight; j++) {
      const hls_afact_inst *in = &a->inst[a->region_inst[j]];
      rg->straight = in->every && in->cls != HLS_OPC_call && in->cls != HLS_OPC_ext_call;
    }
  }
}

/* Does block b run on every iteration of loop `loop` (every run of function
 * f when loop < 0)?  It must dominate every reachable latch (every
 * reachable exit), and there must be one. */
static int runs_every(const cfg *c, const hls_graph *g, int32_t b, int32_t loop, int32_t f) {
  if (b < 0 || (size_t)b >= c->n || c->idom[b] < 0)
    return 0;
  int32_t header = loop >= 0 ? g->nodes[g->loops[loop].header_node].block : -1;
  int found = 0;
  for (size_t x = 0; x < c->n; x++) {
    if (c->idom[x] < 0 || c->function[x] != f)
      continue;
    int end = 0;
    if (loop >= 0) {
      for (uint32_t k = c->succ_begin[x]; k < c->succ_begin[x + 1] && !end; k++)
        end = (int32_t)c->succ[k] == header && in_loop(g, (int32_t)x, loop);
    } else {
      end = c->succ_begin[x] == c->succ_begin[x + 1];
    }
    if (!end)
      continue;
    found = 1;
    if (!dominates(c, b, (int32_t)x))
      return 0;
  }
  return found;
}

static void find_every(reader *r) {
  const hls_graph *g = r->g;
  hls_analytic *a = r->a;
  cfg c = {.n = g->nblocks};
  a->loop_every = hls_xcalloc(g->nloops + 1, 1);
  if (!c.n)
    return;
  cfg_edges(&c, g);
  cfg_dominators(&c, g);
  for (size_t l = 0; l < g->nloops; l++) {
    const hls_graph_loop *lp = &g->loops[l];
    a->loop_every[l] = (uint8_t)runs_every(&c, g, g->nodes[lp->header_node].block, lp->parent,
                                           lp->function);
  }
  /* Per block, once: every instruction of a block shares its answer. */
  int8_t *block_every = hls_xcalloc(c.n + 1, 1);
  memset(block_every, -1, c.n + 1);
  for (size_t i = 0; i < a->ninst; i++) {
    hls_afact_inst *in = &a->inst[i];
    const hls_node *nd = &g->nodes[r->node_of[i]];
    if (nd->block < 0 || (size_t)nd->block >= c.n)
      continue;
    if (block_every[nd->block] < 0) {
      int32_t loop = in->region < (int32_t)g->nloops ? in->region : -1;
      block_every[nd->block] = (int8_t)runs_every(&c, g, nd->block, loop, nd->function);
    }
    in->every = (uint8_t)block_every[nd->block];
  }
  free(block_every);
  free(c.succ_begin);
  free(c.succ);
  free(c.pred_begin);
  free(c.pred);
  free(c.function);
  free(c.idom);
  free(c.rpo);
}

/* ---- accumulations ---------------------------------------------------------------- */

/* The read of `object` that the value node v is, else -1. */
static int32_t read_of(const reader *r, int64_t v, int32_t object) {
  int64_t d = def_of(r, v);
  if (d < 0 || BYREF_DIRECTION(r->by_ref[r->inst_of[d]]))
    return -1;
  const hls_afact_inst *in = &r->a->inst[r->inst_of[d]];
  return is_read(in) && in->object == object ? (int32_t)r->inst_of[d] : -1;
}

/* The read a write adds to on every iteration (hls_afact_inst.sum_of): its
 * value an fadd or fsub of that read and something else, or a multiply-add
 * with that read as its addend.  Floating point only: the flow re-associates
 * integer chains anyway (unrolled_recurrence, analytic.c).  A conditional
 * update (if (...) x += y) is a select of two values: no sum to re-associate. */
static int32_t sum_read(const reader *r, uint32_t i) {
  const hls_graph *g = r->g;
  const hls_afact_inst *w = &r->a->inst[i];
  if (!is_write(w) || !w->every || BYREF_DIRECTION(r->by_ref[i]) || w->object < 0)
    return -1;
  int64_t v = def_of(r, operand(g, r->node_of[i], 0));
  if (v < 0 || r->a->inst[r->inst_of[v]].region != w->region)
    return -1;
  uint8_t cls = r->a->inst[r->inst_of[v]].cls;
  if (cls == HLS_OPC_fmac || cls == HLS_OPC_dmac)
    return read_of(r, operand(g, (uint32_t)v, 2), w->object);
  if (cls != HLS_OPC_fadd && cls != HLS_OPC_dadd)
    return -1;
  int32_t x = read_of(r, operand(g, (uint32_t)v, 0), w->object);
  int32_t y = is_op(g, v, "fsub") ? -1 : read_of(r, operand(g, (uint32_t)v, 1), w->object);
  return x >= 0 && y >= 0 ? -1 : x >= 0 ? x : y; /* x + x doubles: no sum */
}

static void find_sums(reader *r) {
  for (size_t i = 0; i < r->a->ninst; i++)
    r->a->inst[i].sum_of = sum_read(r, (uint32_t)i);
}

/* ---- loop nest ------------------------------------------------------------------------ */

static void csr_by(size_t groups, size_t n, const int32_t *group_of, uint32_t **begin,
                   uint32_t **items) {
  *begin = hls_xcalloc(groups + 1, sizeof **begin);
  *items = hls_xcalloc(n ? n : 1, sizeof **items);
  for (size_t i = 0; i < n; i++)
    if (group_of[i] >= 0)
      (*begin)[group_of[i] + 1]++;
  for (size_t k = 0; k < groups; k++)
    (*begin)[k + 1] += (*begin)[k];
  uint32_t *fill = hls_xmalloc((groups + 1) * sizeof *fill);
  memcpy(fill, *begin, (groups + 1) * sizeof *fill);
  for (size_t i = 0; i < n; i++)
    if (group_of[i] >= 0)
      (*items)[fill[group_of[i]]++] = (uint32_t)i;
  free(fill);
}

static void nest(hls_analytic *a) {
  const hls_graph *g = a->g;
  int32_t *parent = hls_xmalloc((g->nloops + 1) * sizeof *parent);
  int32_t *top = hls_xmalloc((g->nloops + 1) * sizeof *top);
  for (size_t l = 0; l < g->nloops; l++) {
    parent[l] = g->loops[l].parent;
    top[l] = g->loops[l].parent < 0 ? g->loops[l].function : -1;
  }
  csr_by(g->nloops, g->nloops, parent, &a->child_begin, &a->children);
  csr_by(g->nfunctions, g->nloops, top, &a->top_begin, &a->tops);
  free(parent);
  free(top);
}

/* ---- driver ---------------------------------------------------------------------------- */

static void index_nodes(reader *r) {
  const hls_graph *g = r->g;
  r->inst_of = hls_xmalloc((g->nnodes + 1) * sizeof *r->inst_of);
  r->var_def = hls_xmalloc((g->nnodes + 1) * sizeof *r->var_def);
  r->object_of = hls_xmalloc((2 * g->nnodes + 2) * sizeof *r->object_of);
  r->param_key = hls_xmalloc((2 * g->nnodes + 2) * sizeof *r->param_key);
  r->callee_of = hls_xmalloc((g->nnodes + 1) * sizeof *r->callee_of);
  r->param_use = hls_xcalloc(g->nnodes + 1, 1);
  r->first_param = hls_xcalloc(g->nfunctions + 1, sizeof *r->first_param);
  r->nparams = hls_xcalloc(g->nfunctions + 1, sizeof *r->nparams);
  for (size_t v = 0; v < g->nnodes; v++) {
    r->var_def[v] = r->inst_of[v] = r->callee_of[v] = -1;
    r->object_of[2 * v] = r->object_of[2 * v + 1] = -1;
    r->param_key[2 * v] = r->param_key[2 * v + 1] = -1;
  }
  for (size_t k = 0; k < g->nedges; k++) {
    const hls_edge *e = &g->edges[k];
    if (e->flow == HLS_FLOW_DATA && !e->reverse && g->nodes[e->src].kind == HLS_NODE_INSTRUCTION &&
        g->nodes[e->dst].kind == HLS_NODE_VARIABLE)
      r->var_def[e->dst] = (int32_t)e->src;
  }
}

static void free_reader(reader *r) {
  free(r->inst_of);
  free(r->var_def);
  free(r->object_of);
  free(r->param_key);
  free(r->callee_of);
  free(r->param_use);
  free(r->first_param);
  free(r->nparams);
  free(r->node_of);
  free(r->ptr);
  free(r->by_ref);
}

int hls_analytic_facts(hls_analytic *a, const hls_graph *g, hls_diags *d) {
  if (g->nloops && g->nblocks == 0) {
    hls_diag_add(d, HLS_SEV_ERROR, g->kernel, 0, 0,
                 "the graph has no block_loops (exported by an older build): re-export it "
                 "for the analytic predictor");
    return -1;
  }
  a->g = g;
  a->nregions = g->nloops + g->nfunctions;
  a->called = hls_xcalloc(g->nfunctions + 1, 1);
  a->inlined = hls_xcalloc(g->nfunctions + 1, 1);
  reader r = {.g = g, .a = a};
  index_nodes(&r);
  find_call_targets(&r);
  find_params(&r);
  find_inlined(&r);
  find_param_keys(&r);
  summarise_params(&r);
  lay_out(&r);
  a->inst = hls_xcalloc(a->ninst ? a->ninst : 1, sizeof *a->inst);
  classify(&r);
  find_callees(&r);
  find_fifo_calls(&r);
  find_ivs(&r);
  group_regions(a);
  find_preds(&r);
  a->start = hls_xcalloc(a->ninst ? a->ninst : 1, sizeof *a->start);
  find_inline_depths(a);
  find_every(&r);
  find_sums(&r);
  find_recurrences(a, a->start);
  find_straight(a);
  nest(a);
  hls_afact_find_deps(a);
  free_reader(&r);
  return 0;
}

void hls_analytic_facts_free(hls_analytic *a) {
  free(a->inst);
  free(a->preds);
  free(a->region);
  free(a->region_inst);
  free(a->memrecs);
  free(a->indices);
  free(a->deps);
  free(a->dep_begin);
  free(a->objects);
  free(a->child_begin);
  free(a->children);
  free(a->top_begin);
  free(a->tops);
  free(a->called);
  free(a->inlined);
  free(a->inline_depth);
  free(a->loop_every);
  free(a->start);
}
