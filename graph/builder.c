/* ProGraph construction over the LLVM C API.
 *
 * Order of nodes (deterministic, independent of pointer values):
 *   0: external; then instructions (function, block, instruction order);
 *   then variables (per function: arguments, then instruction results);
 *   globals and constants as their first use is met while adding data edges;
 *   pragma nodes (loop order; pipeline, parallel, tile); block nodes last. */
#include "graph/builder.h"
#include "graph/derive.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph/ptrmap.h"

typedef struct {
  const hls_build_input *in;
  hls_graph *g;
  hls_diags *diags;
  size_t max_nodes;
  int over_limit;
  size_t node_cap, edge_cap;
  LLVMValueRef *node_value; /* the LLVM value behind a node, NULL if none */
  int32_t *node_loop;       /* pragma nodes: their loop */
  hls_ptrmap inst_node, var_node, const_node, func_index, block_index;
  int32_t *block_loop;      /* graph block -> innermost loop */
  uint32_t *block_node;     /* graph block -> block node */
} builder;

/* ---- storage ------------------------------------------------------------- */

static uint32_t add_node(builder *b, hls_node_kind kind, int32_t func, int32_t block,
                         const char *text, LLVMValueRef value) {
  hls_graph *g = b->g;
  if (g->nnodes == b->node_cap) {
    b->node_cap = b->node_cap ? 2 * b->node_cap : 1024;
    g->nodes = hls_xrealloc(g->nodes, b->node_cap * sizeof *g->nodes);
    b->node_value = hls_xrealloc(b->node_value, b->node_cap * sizeof *b->node_value);
    b->node_loop = hls_xrealloc(b->node_loop, b->node_cap * sizeof *b->node_loop);
  }
  if (g->nnodes >= b->max_nodes)
    b->over_limit = 1;
  uint32_t id = (uint32_t)g->nnodes++;
  hls_node *n = &g->nodes[id];
  memset(n, 0, sizeof *n);
  n->kind = (uint8_t)kind;
  n->function = func;
  n->block = block;
  snprintf(n->text, sizeof n->text, "%s", text);
  b->node_value[id] = value;
  b->node_loop[id] = -1;
  return id;
}

static void add_edge(builder *b, uint32_t src, uint32_t dst, hls_flow flow, uint32_t pos,
                     int reverse) {
  hls_graph *g = b->g;
  if (g->nedges == b->edge_cap) {
    b->edge_cap = b->edge_cap ? 2 * b->edge_cap : 4096;
    g->edges = hls_xrealloc(g->edges, b->edge_cap * sizeof *g->edges);
  }
  hls_edge *e = &g->edges[g->nedges++];
  e->src = src;
  e->dst = dst;
  e->flow = (uint8_t)flow;
  e->reverse = (uint8_t)reverse;
  e->position = pos;
}

static void add_two_way(builder *b, uint32_t a, uint32_t c, hls_flow flow, uint32_t pos) {
  add_edge(b, a, c, flow, pos, 0);
  add_edge(b, c, a, flow, pos, 1);
}

/* ---- what an instruction is ---------------------------------------------- */

static const char *opcode_name(LLVMOpcode op) {
  switch (op) {
#define OP(e, s) \
  case e:        \
    return s;
    OP(LLVMRet, "ret") OP(LLVMBr, "br") OP(LLVMSwitch, "switch") OP(LLVMIndirectBr, "indirectbr")
    OP(LLVMInvoke, "invoke") OP(LLVMUnreachable, "unreachable") OP(LLVMCallBr, "callbr")
    OP(LLVMFNeg, "fneg") OP(LLVMAdd, "add") OP(LLVMFAdd, "fadd") OP(LLVMSub, "sub")
    OP(LLVMFSub, "fsub") OP(LLVMMul, "mul") OP(LLVMFMul, "fmul") OP(LLVMUDiv, "udiv")
    OP(LLVMSDiv, "sdiv") OP(LLVMFDiv, "fdiv") OP(LLVMURem, "urem") OP(LLVMSRem, "srem")
    OP(LLVMFRem, "frem") OP(LLVMShl, "shl") OP(LLVMLShr, "lshr") OP(LLVMAShr, "ashr")
    OP(LLVMAnd, "and") OP(LLVMOr, "or") OP(LLVMXor, "xor") OP(LLVMAlloca, "alloca")
    OP(LLVMLoad, "load") OP(LLVMStore, "store") OP(LLVMGetElementPtr, "getelementptr")
    OP(LLVMTrunc, "trunc") OP(LLVMZExt, "zext") OP(LLVMSExt, "sext") OP(LLVMFPToUI, "fptoui")
    OP(LLVMFPToSI, "fptosi") OP(LLVMUIToFP, "uitofp") OP(LLVMSIToFP, "sitofp")
    OP(LLVMFPTrunc, "fptrunc") OP(LLVMFPExt, "fpext") OP(LLVMPtrToInt, "ptrtoint")
    OP(LLVMIntToPtr, "inttoptr") OP(LLVMBitCast, "bitcast") OP(LLVMAddrSpaceCast, "addrspacecast")
    OP(LLVMICmp, "icmp") OP(LLVMFCmp, "fcmp") OP(LLVMPHI, "phi") OP(LLVMCall, "call")
    OP(LLVMSelect, "select") OP(LLVMVAArg, "va_arg") OP(LLVMExtractElement, "extractelement")
    OP(LLVMInsertElement, "insertelement") OP(LLVMShuffleVector, "shufflevector")
    OP(LLVMExtractValue, "extractvalue") OP(LLVMInsertValue, "insertvalue") OP(LLVMFreeze, "freeze")
    OP(LLVMFence, "fence") OP(LLVMAtomicCmpXchg, "cmpxchg") OP(LLVMAtomicRMW, "atomicrmw")
#undef OP
  default:
    return "other";
  }
}

static int name_starts(LLVMValueRef fn, const char *prefix) {
  size_t len = 0;
  const char *name = LLVMGetValueName2(fn, &len);
  size_t n = strlen(prefix);
  return len >= n && strncmp(name, prefix, n) == 0;
}

static LLVMValueRef called_function(LLVMValueRef inst) {
  if (!LLVMIsACallInst(inst) && !LLVMIsAInvokeInst(inst))
    return NULL;
  LLVMValueRef callee = LLVMGetCalledValue(inst);
  return callee && LLVMIsAFunction(callee) ? callee : NULL;
}

/* Bookkeeping intrinsics that carry no computation; -O0 and -O2 pipeline
 * starts differ in them (lifetime markers), the graph must not. */
static int is_skipped(LLVMValueRef inst) {
  LLVMValueRef fn = called_function(inst);
  return fn && (name_starts(fn, "llvm.dbg.") || name_starts(fn, "llvm.lifetime.") ||
                name_starts(fn, "llvm.experimental.noalias.scope.decl") ||
                name_starts(fn, "llvm.invariant.") || name_starts(fn, "llvm.pseudoprobe") ||
                name_starts(fn, "llvm.assume") || name_starts(fn, "llvm.var.annotation"));
}

static const char *type_category(LLVMTypeRef t) {
  switch (LLVMGetTypeKind(t)) {
  case LLVMVoidTypeKind:
    return "void";
  case LLVMIntegerTypeKind:
    switch (LLVMGetIntTypeWidth(t)) {
    case 1:
      return "i1";
    case 8:
      return "i8";
    case 16:
      return "i16";
    case 32:
      return "i32";
    case 64:
      return "i64";
    default:
      return "int_other";
    }
  case LLVMHalfTypeKind:
  case LLVMBFloatTypeKind:
    return "half";
  case LLVMFloatTypeKind:
    return "float";
  case LLVMDoubleTypeKind:
    return "double";
  case LLVMPointerTypeKind:
    return "pointer";
  case LLVMArrayTypeKind:
    return "array";
  case LLVMStructTypeKind:
    return "struct";
  case LLVMVectorTypeKind:
  case LLVMScalableVectorTypeKind:
    return "vector";
  default:
    return "other";
  }
}

/* Scalar elements of a type: arrays multiply, structs add. */
static double type_extent(LLVMTypeRef t) {
  switch (LLVMGetTypeKind(t)) {
  case LLVMArrayTypeKind:
    return (double)LLVMGetArrayLength2(t) * type_extent(LLVMGetElementType(t));
  case LLVMVectorTypeKind:
    return (double)LLVMGetVectorSize(t) * type_extent(LLVMGetElementType(t));
  case LLVMStructTypeKind: {
    double sum = 0;
    unsigned n = LLVMCountStructElementTypes(t);
    for (unsigned i = 0; i < n; i++)
      sum += type_extent(LLVMStructGetTypeAtIndex(t, i));
    return sum;
  }
  default:
    return 1;
  }
}

/* ---- nodes ----------------------------------------------------------------- */

static int32_t block_of(builder *b, LLVMBasicBlockRef bb) {
  uint32_t idx;
  return hls_ptrmap_get(&b->block_index, bb, &idx) ? (int32_t)idx : -1;
}

static void add_instruction_nodes(builder *b) {
  for (size_t f = 0; f < b->in->nfunctions; f++) {
    for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(b->in->functions[f]); bb;
         bb = LLVMGetNextBasicBlock(bb)) {
      int32_t block = block_of(b, bb);
      for (LLVMValueRef i = LLVMGetFirstInstruction(bb); i; i = LLVMGetNextInstruction(i)) {
        if (is_skipped(i))
          continue;
        uint32_t id = add_node(b, HLS_NODE_INSTRUCTION, (int32_t)f, block,
                               opcode_name(LLVMGetInstructionOpcode(i)), i);
        hls_ptrmap_put(&b->inst_node, i, id);
      }
    }
  }
}

static void add_variable_nodes(builder *b) {
  for (size_t f = 0; f < b->in->nfunctions; f++) {
    LLVMValueRef fn = b->in->functions[f];
    int32_t entry = block_of(b, LLVMGetEntryBasicBlock(fn));
    for (LLVMValueRef a = LLVMGetFirstParam(fn); a; a = LLVMGetNextParam(a))
      hls_ptrmap_put(&b->var_node, a,
                     add_node(b, HLS_NODE_VARIABLE, (int32_t)f, entry,
                              type_category(LLVMTypeOf(a)), a));
    for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb; bb = LLVMGetNextBasicBlock(bb))
      for (LLVMValueRef i = LLVMGetFirstInstruction(bb); i; i = LLVMGetNextInstruction(i)) {
        uint32_t inst;
        if (LLVMGetTypeKind(LLVMTypeOf(i)) == LLVMVoidTypeKind ||
            !hls_ptrmap_get(&b->inst_node, i, &inst))
          continue;
        uint32_t var = add_node(b, HLS_NODE_VARIABLE, (int32_t)f, block_of(b, bb),
                                type_category(LLVMTypeOf(i)), i);
        hls_ptrmap_put(&b->var_node, i, var);
        add_edge(b, inst, var, HLS_FLOW_DATA, 0, 0);
      }
  }
}

/* The node an operand reads, created on first use for globals and constants;
 * -1 for operands that are not data (blocks, metadata, inline asm). */
static int64_t operand_node(builder *b, LLVMValueRef op, int32_t func, int32_t block) {
  uint32_t id;
  if (LLVMValueIsBasicBlock(op))
    return -1;
  LLVMValueKind k = LLVMGetValueKind(op);
  if (k == LLVMMetadataAsValueValueKind || k == LLVMInlineAsmValueKind)
    return -1;
  if (LLVMIsAInstruction(op) || LLVMIsAArgument(op))
    return hls_ptrmap_get(&b->var_node, op, &id) ? (int64_t)id : -1;
  if (LLVMIsAGlobalVariable(op)) {
    if (!hls_ptrmap_get(&b->var_node, op, &id)) {
      id = add_node(b, HLS_NODE_VARIABLE, -1, -1, type_category(LLVMTypeOf(op)), op);
      hls_ptrmap_put(&b->var_node, op, id);
    }
    return id;
  }
  if (!hls_ptrmap_get(&b->const_node, op, &id)) { /* constants: one node per function */
    id = add_node(b, HLS_NODE_CONSTANT, func, block, type_category(LLVMTypeOf(op)), op);
    hls_ptrmap_put(&b->const_node, op, id);
  }
  return id;
}

/* ---- edges ------------------------------------------------------------------ */

static int64_t first_node_of_block(builder *b, LLVMBasicBlockRef bb) {
  uint32_t id;
  for (LLVMValueRef i = LLVMGetFirstInstruction(bb); i; i = LLVMGetNextInstruction(i))
    if (hls_ptrmap_get(&b->inst_node, i, &id))
      return id;
  return -1;
}

static void add_control_edges(builder *b, LLVMBasicBlockRef bb) {
  int64_t prev = -1;
  uint32_t id;
  for (LLVMValueRef i = LLVMGetFirstInstruction(bb); i; i = LLVMGetNextInstruction(i)) {
    if (!hls_ptrmap_get(&b->inst_node, i, &id))
      continue;
    if (prev >= 0)
      add_edge(b, (uint32_t)prev, id, HLS_FLOW_CONTROL, 0, 0);
    prev = id;
  }
  LLVMValueRef term = LLVMGetBasicBlockTerminator(bb);
  if (!term || !hls_ptrmap_get(&b->inst_node, term, &id))
    return;
  unsigned n = LLVMGetNumSuccessors(term);
  for (unsigned s = 0; s < n; s++) {
    int64_t first = first_node_of_block(b, LLVMGetSuccessor(term, s));
    if (first >= 0)
      add_edge(b, id, (uint32_t)first, HLS_FLOW_CONTROL, s, 0);
  }
}

static void add_data_edges(builder *b, LLVMValueRef inst, int32_t func, int32_t block) {
  uint32_t id;
  if (!hls_ptrmap_get(&b->inst_node, inst, &id))
    return;
  int n = LLVMGetNumOperands(inst);
  int callee_slot = (LLVMIsACallInst(inst) || LLVMIsAInvokeInst(inst)) ? n - 1 : -1;
  for (int k = 0; k < n; k++) {
    if (k == callee_slot)
      continue; /* the callee is a call edge, not data */
    int64_t src = operand_node(b, LLVMGetOperand(inst, (unsigned)k), func, block);
    if (src >= 0)
      add_edge(b, (uint32_t)src, id, HLS_FLOW_DATA, (uint32_t)k, 0);
  }
}

static void add_function_edges(builder *b) {
  for (size_t f = 0; f < b->in->nfunctions; f++) {
    hls_ptrmap_free(&b->const_node); /* constants are per function */
    hls_ptrmap_init(&b->const_node);
    for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(b->in->functions[f]); bb;
         bb = LLVMGetNextBasicBlock(bb)) {
      add_control_edges(b, bb);
      for (LLVMValueRef i = LLVMGetFirstInstruction(bb); i; i = LLVMGetNextInstruction(i))
        add_data_edges(b, i, (int32_t)f, block_of(b, bb));
    }
  }
}

/* site -> the function's first instruction, each of its returns -> site. */
static void link_into(builder *b, uint32_t site, LLVMValueRef fn) {
  int64_t entry = first_node_of_block(b, LLVMGetEntryBasicBlock(fn));
  if (entry >= 0)
    add_edge(b, site, (uint32_t)entry, HLS_FLOW_CALL, 0, 0);
  for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb; bb = LLVMGetNextBasicBlock(bb)) {
    LLVMValueRef t = LLVMGetBasicBlockTerminator(bb);
    uint32_t ret;
    if (t && LLVMGetInstructionOpcode(t) == LLVMRet && hls_ptrmap_get(&b->inst_node, t, &ret))
      add_edge(b, ret, site, HLS_FLOW_CALL, 0, 0);
  }
}

static void add_call_edges(builder *b) {
  for (size_t f = 0; f < b->in->nfunctions; f++)
    for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(b->in->functions[f]); bb;
         bb = LLVMGetNextBasicBlock(bb))
      for (LLVMValueRef i = LLVMGetFirstInstruction(bb); i; i = LLVMGetNextInstruction(i)) {
        uint32_t site, callee_index;
        if (!(LLVMIsACallInst(i) || LLVMIsAInvokeInst(i)) || !hls_ptrmap_get(&b->inst_node, i, &site))
          continue;
        LLVMValueRef fn = called_function(i);
        if (fn && LLVMGetIntrinsicID(fn))
          continue; /* intrinsics are operations, not calls */
        if (fn && hls_ptrmap_get(&b->func_index, fn, &callee_index))
          link_into(b, site, fn);
        else
          add_two_way(b, site, 0, HLS_FLOW_CALL, 0); /* code outside the graph */
      }
  /* the outside world (node 0) calls the first function, the kernel */
  if (b->in->nfunctions)
    link_into(b, 0, b->in->functions[0]);
}

static const char *const slot_names[3] = {"pipeline", "parallel", "tile"};

static void add_pragma_nodes(builder *b) {
  hls_graph *g = b->g;
  for (size_t l = 0; l < b->in->nloops; l++) {
    const hls_loop_fact *lf = &b->in->loops[l];
    const hls_graph_slot *slots[3] = {&lf->pipeline, &lf->parallel, &lf->tile};
    uint32_t anchor;
    int have_anchor = lf->exit_compare && hls_ptrmap_get(&b->inst_node, lf->exit_compare, &anchor);
    if (!have_anchor) {
      int64_t first = first_node_of_block(b, lf->header);
      have_anchor = first >= 0;
      anchor = (uint32_t)first;
    }
    for (int s = 0; s < 3; s++) {
      if (!slots[s]->present || !have_anchor)
        continue;
      uint32_t p = add_node(b, HLS_NODE_PRAGMA, lf->function, g->nodes[anchor].block,
                            slot_names[s], NULL);
      b->node_loop[p] = (int32_t)l;
      add_two_way(b, p, anchor, HLS_FLOW_PRAGMA, (uint32_t)s);
    }
  }
}

static void add_block_nodes(builder *b, size_t nblocks) {
  hls_graph *g = b->g;
  size_t members_end = g->nnodes;
  for (size_t k = 0; k < nblocks; k++) {
    LLVMBasicBlockRef bb = b->in->blocks[k].block;
    size_t len = 0;
    const char *name = LLVMGetBasicBlockName(bb);
    char label[24];
    len = name ? strlen(name) : 0;
    if (len)
      snprintf(label, sizeof label, "%s", name);
    else
      snprintf(label, sizeof label, "bb%zu", k);
    uint32_t fn = 0;
    hls_ptrmap_get(&b->func_index, LLVMGetBasicBlockParent(bb), &fn);
    b->block_node[k] = add_node(b, HLS_NODE_BLOCK, (int32_t)fn, (int32_t)k, label, NULL);
  }
  uint32_t *next_pos = hls_xcalloc(nblocks, sizeof *next_pos);
  for (size_t v = 0; v < members_end; v++) {
    int32_t blk = g->nodes[v].block;
    if (blk >= 0)
      add_two_way(b, b->block_node[blk], (uint32_t)v, HLS_FLOW_BLOCK, next_pos[blk]++);
  }
  free(next_pos);
  for (size_t k = 1; k < nblocks; k++)
    if (g->nodes[b->block_node[k]].function == g->nodes[b->block_node[k - 1]].function)
      add_two_way(b, b->block_node[k - 1], b->block_node[k], HLS_FLOW_CHAIN, 0);
}

static void add_nest_edges(builder *b) {
  for (size_t l = 0; l < b->in->nloops; l++) {
    const hls_loop_fact *lf = &b->in->loops[l];
    if (lf->parent < 0)
      continue;
    int32_t hp = block_of(b, b->in->loops[lf->parent].header), hc = block_of(b, lf->header);
    if (hp >= 0 && hc >= 0)
      add_two_way(b, b->block_node[hp], b->block_node[hc], HLS_FLOW_NEST, 0);
  }
}

/* ---- features --------------------------------------------------------------- */

static void set_type(float *x, LLVMTypeRef t) {
  static const struct {
    const char *name;
    int column;
  } cats[] = {{"void", HLS_NF_type_void},     {"i1", HLS_NF_type_i1},
              {"i8", HLS_NF_type_i8},         {"i16", HLS_NF_type_i16},
              {"i32", HLS_NF_type_i32},       {"i64", HLS_NF_type_i64},
              {"int_other", HLS_NF_type_int_other}, {"half", HLS_NF_type_half},
              {"float", HLS_NF_type_float},   {"double", HLS_NF_type_double},
              {"pointer", HLS_NF_type_pointer}, {"array", HLS_NF_type_array},
              {"struct", HLS_NF_type_struct}, {"vector", HLS_NF_type_vector}};
  const char *cat = type_category(t);
  for (size_t i = 0; i < sizeof cats / sizeof *cats; i++)
    if (strcmp(cats[i].name, cat) == 0) {
      x[cats[i].column] = 1;
      return;
    }
  x[HLS_NF_type_other] = 1;
}

static int is_math_name(LLVMValueRef fn) {
  static const char *const math[] = {"sqrt", "exp", "log", "pow", "sin", "cos", "tan", "fabs",
                                     "floor", "ceil", "fmin", "fmax", "llvm.sqrt", "llvm.exp",
                                     "llvm.log", "llvm.pow", "llvm.sin", "llvm.cos", "llvm.fabs",
                                     "llvm.fmuladd", "llvm.fma", NULL};
  for (const char *const *m = math; *m; m++)
    if (name_starts(fn, *m))
      return 1;
  return 0;
}

static void instruction_features(float *x, LLVMValueRef i) {
  x[HLS_NF_kind_instruction] = 1;
  x[hls_opcode_column(opcode_name(LLVMGetInstructionOpcode(i)))] = 1;
  set_type(x, LLVMTypeOf(i));
  if (LLVMIsACallInst(i) || LLVMIsAInvokeInst(i)) {
    LLVMValueRef fn = called_function(i);
    if (!fn)
      x[HLS_NF_call_indirect] = 1;
    else if (LLVMGetIntrinsicID(fn))
      x[HLS_NF_call_intrinsic] = 1;
    else if (LLVMIsDeclaration(fn))
      x[HLS_NF_call_declaration] = 1;
    else
      x[HLS_NF_call_defined] = 1;
    if (fn && is_math_name(fn))
      x[HLS_NF_call_math] = 1;
  }
  if (LLVMIsAAllocaInst(i))
    x[HLS_NF_log_extent] = hls_node_scaled(HLS_NF_log_extent, type_extent(LLVMGetAllocatedType(i)));
  else if (LLVMIsAGetElementPtrInst(i))
    x[HLS_NF_log_extent] =
        hls_node_scaled(HLS_NF_log_extent, type_extent(LLVMGetGEPSourceElementType(i)));
}

static void constant_features(float *x, LLVMValueRef c) {
  x[HLS_NF_kind_constant] = 1;
  set_type(x, LLVMTypeOf(c));
  if (LLVMIsAConstantInt(c) && LLVMGetIntTypeWidth(LLVMTypeOf(c)) <= 64) {
    x[HLS_NF_log_const_value] =
        hls_node_scaled(HLS_NF_log_const_value, (double)LLVMConstIntGetSExtValue(c));
  }
  if (LLVMIsAConstantFP(c))
    x[HLS_NF_const_fp] = 1;
  if (LLVMIsNull(c))
    x[HLS_NF_const_zero] = 1;
}

static void loop_features(float *x, const hls_loop_fact *lf) {
  /* an upper bound still says much about size; trip_known tells them apart */
  x[HLS_NF_loop_log_trip] =
      lf->trip_count > 0 ? hls_node_scaled(HLS_NF_loop_log_trip, (double)lf->trip_count) : 0;
  x[HLS_NF_loop_trip_known] = lf->trip_known ? 1.0f : 0.0f;
}

static int has_slot(const hls_loop_fact *lf) {
  return lf->pipeline.present || lf->parallel.present || lf->tile.present || lf->flatten.present;
}

static void fill_features(builder *b) {
  hls_graph *g = b->g;
  g->x = hls_xcalloc(g->nnodes * HLS_NODE_DIM, sizeof *g->x);
  for (size_t v = 0; v < g->nnodes; v++) {
    float *x = g->x + v * HLS_NODE_DIM;
    const hls_node *n = &g->nodes[v];
    LLVMValueRef val = b->node_value[v];
    switch ((hls_node_kind)n->kind) {
    case HLS_NODE_INSTRUCTION:
      instruction_features(x, val);
      break;
    case HLS_NODE_VARIABLE:
      x[HLS_NF_kind_variable] = 1;
      set_type(x, LLVMTypeOf(val));
      if (LLVMIsAAllocaInst(val))
        x[HLS_NF_log_extent] =
            hls_node_scaled(HLS_NF_log_extent, type_extent(LLVMGetAllocatedType(val)));
      else if (LLVMIsAGlobalVariable(val))
        x[HLS_NF_log_extent] =
            hls_node_scaled(HLS_NF_log_extent, type_extent(LLVMGlobalGetValueType(val)));
      break;
    case HLS_NODE_CONSTANT:
      constant_features(x, val);
      break;
    case HLS_NODE_PRAGMA: {
      const hls_loop_fact *lf = &b->in->loops[b->node_loop[v]];
      x[HLS_NF_kind_pragma] = 1;
      x[strcmp(n->text, "pipeline") == 0   ? HLS_NF_pragma_pipeline
        : strcmp(n->text, "parallel") == 0 ? HLS_NF_pragma_parallel
                                           : HLS_NF_pragma_tile] = 1;
      loop_features(x, lf);
      break;
    }
    case HLS_NODE_BLOCK:
      x[HLS_NF_kind_block] = 1;
      break;
    default:
      x[HLS_NF_kind_external] = 1;
      break;
    }
    if (n->block >= 0 && b->block_loop[n->block] >= 0)
      x[HLS_NF_loop_depth] =
          hls_node_scaled(HLS_NF_loop_depth, b->in->loops[b->block_loop[n->block]].depth);
  }
  for (size_t l = 0; l < b->in->nloops; l++) {
    const hls_loop_fact *lf = &b->in->loops[l];
    int32_t hb = block_of(b, lf->header);
    if (hb >= 0) {
      float *x = g->x + (size_t)b->block_node[hb] * HLS_NODE_DIM;
      x[HLS_NF_loop_header] = 1;
      x[HLS_NF_loop_pragma_scope] = has_slot(lf) ? 1.0f : 0.0f;
      loop_features(x, lf);
    }
    uint32_t cmp;
    if (lf->exit_compare && hls_ptrmap_get(&b->inst_node, lf->exit_compare, &cmp)) {
      float *x = g->x + (size_t)cmp * HLS_NODE_DIM;
      x[HLS_NF_loop_exit_compare] = 1;
      loop_features(x, lf);
    }
  }
  g->e = hls_xcalloc(g->nedges * HLS_EDGE_DIM, sizeof *g->e);
  for (size_t k = 0; k < g->nedges; k++) {
    const hls_edge *e = &g->edges[k];
    float *x = g->e + k * HLS_EDGE_DIM;
    x[HLS_EF_flow_control + e->flow] = 1;
    x[HLS_EF_dir_reverse] = e->reverse;
    x[e->position >= 3 ? HLS_EF_pos_3plus : HLS_EF_pos_0 + (int)e->position] = 1;
    x[HLS_EF_pos_log] = hls_edge_scaled(HLS_EF_pos_log, e->position);
  }
}

/* ---- loops and knobs ---------------------------------------------------------- */

static void add_knob(hls_graph *g, const hls_graph_slot *s, hls_knob_kind kind, int32_t loop) {
  if (kind == HLS_KNOB_PIPELINE && s->present && s->ii_knob[0]) { /* II=auto{K} */
    hls_graph_slot ii = *s;
    snprintf(ii.knob, sizeof ii.knob, "%s", s->ii_knob);
    ii.derived = 0;
    ii.ii_knob[0] = '\0';
    add_knob(g, &ii, HLS_KNOB_II, loop);
  }
  if (!s->present || !s->knob[0])
    return;
  g->knobs = hls_xrealloc(g->knobs, (g->nknobs + 1) * sizeof *g->knobs);
  hls_graph_knob *k = &g->knobs[g->nknobs++];
  memset(k, 0, sizeof *k);
  snprintf(k->name, sizeof k->name, "%s", s->knob);
  k->kind = (uint8_t)kind;
  k->loop = loop;
  k->vocab = s->vocab;
  k->derived = s->derived;
  if (s->derived && kind == HLS_KNOB_FLATTEN)
    snprintf(k->written, sizeof k->written, "%s", s->pipe == HLS_PIPE_OFF ? "off" : "NA");
  else if (s->derived)
    hls_derived_written(s, kind == HLS_KNOB_PIPELINE, k->written, sizeof k->written);
}

static int knob_cmp(const void *a, const void *b) {
  return strcmp(((const hls_graph_knob *)a)->name, ((const hls_graph_knob *)b)->name);
}

static void record_loops(builder *b) {
  hls_graph *g = b->g;
  g->nloops = b->in->nloops;
  g->loops = hls_xcalloc(g->nloops ? g->nloops : 1, sizeof *g->loops);
  for (size_t l = 0; l < g->nloops; l++) {
    const hls_loop_fact *lf = &b->in->loops[l];
    hls_graph_loop *gl = &g->loops[l];
    snprintf(gl->name, sizeof gl->name, "%s", lf->name);
    gl->function = lf->function;
    gl->parent = lf->parent;
    gl->depth = lf->depth;
    gl->header_node = b->block_node[block_of(b, lf->header)];
    uint32_t cmp;
    gl->exit_compare_node = lf->exit_compare && hls_ptrmap_get(&b->inst_node, lf->exit_compare, &cmp)
                                ? (int32_t)cmp
                                : -1;
    gl->trip_count = lf->trip_count;
    gl->trip_known = lf->trip_known;
    gl->pipeline = lf->pipeline;
    gl->parallel = lf->parallel;
    gl->tile = lf->tile;
    gl->flatten = lf->flatten;
    gl->scope = has_slot(lf) ? (int32_t)g->nscopes++ : -1;
    add_knob(g, &lf->pipeline, HLS_KNOB_PIPELINE, (int32_t)l);
    add_knob(g, &lf->parallel, HLS_KNOB_PARALLEL, (int32_t)l);
    add_knob(g, &lf->tile, HLS_KNOB_TILE, (int32_t)l);
    add_knob(g, &lf->flatten, HLS_KNOB_FLATTEN, (int32_t)l);
  }
  if (g->nknobs)
    qsort(g->knobs, g->nknobs, sizeof *g->knobs, knob_cmp);
  /* one knob per name: the instances of a template's loop share theirs
   * (graph/derive.h); the first loop stands for them (qsort is not stable,
   * so the smallest loop index is kept explicitly) */
  size_t u = 0;
  for (size_t k = 0; k < g->nknobs; k++) {
    if (u && strcmp(g->knobs[u - 1].name, g->knobs[k].name) == 0) {
      if (g->knobs[k].loop < g->knobs[u - 1].loop)
        g->knobs[u - 1].loop = g->knobs[k].loop;
      continue;
    }
    g->knobs[u++] = g->knobs[k];
  }
  g->nknobs = u;
  g->nblocks = b->in->nblocks;
  g->block_loop = hls_xcalloc(g->nblocks ? g->nblocks : 1, sizeof *g->block_loop);
  memcpy(g->block_loop, b->block_loop, g->nblocks * sizeof *g->block_loop);
}

/* ---- driver ---------------------------------------------------------------------- */

static void index_blocks(builder *b) {
  size_t n = b->in->nblocks;
  b->block_loop = hls_xcalloc(n ? n : 1, sizeof *b->block_loop);
  b->block_node = hls_xcalloc(n ? n : 1, sizeof *b->block_node);
  for (size_t k = 0; k < n; k++) {
    hls_ptrmap_put(&b->block_index, b->in->blocks[k].block, (uint32_t)k);
    b->block_loop[k] = b->in->blocks[k].loop;
  }
  for (size_t f = 0; f < b->in->nfunctions; f++)
    hls_ptrmap_put(&b->func_index, b->in->functions[f], (uint32_t)f);
}

static void builder_free(builder *b) {
  free(b->node_value);
  free(b->node_loop);
  free(b->block_loop);
  free(b->block_node);
  hls_ptrmap_free(&b->inst_node);
  hls_ptrmap_free(&b->var_node);
  hls_ptrmap_free(&b->const_node);
  hls_ptrmap_free(&b->func_index);
  hls_ptrmap_free(&b->block_index);
}

static void record_functions(const hls_build_input *in, hls_graph *g) {
  snprintf(g->kernel, sizeof g->kernel, "%s", in->kernel ? in->kernel : "");
  g->nfunctions = in->nfunctions;
  g->functions = hls_xcalloc(in->nfunctions ? in->nfunctions : 1, sizeof *g->functions);
  for (size_t f = 0; f < in->nfunctions; f++) {
    size_t len = 0;
    const char *name = LLVMGetValueName2(in->functions[f], &len);
    g->functions[f] = hls_xstrndup(name, len);
  }
}

int hls_graph_build(const hls_build_input *in, hls_graph *g, hls_diags *diags) {
  builder b;
  memset(&b, 0, sizeof b);
  memset(g, 0, sizeof *g);
  b.in = in;
  b.g = g;
  b.diags = diags;
  b.max_nodes = in->max_nodes ? in->max_nodes : HLS_GRAPH_DEFAULT_MAX_NODES;
  index_blocks(&b);
  add_node(&b, HLS_NODE_EXTERNAL, -1, -1, "[external]", NULL);
  add_instruction_nodes(&b);
  add_variable_nodes(&b);
  add_function_edges(&b);
  add_call_edges(&b);
  add_pragma_nodes(&b);
  add_block_nodes(&b, in->nblocks);
  add_nest_edges(&b);
  if (b.over_limit) {
    hls_diag_add(diags, HLS_SEV_ERROR, in->kernel ? in->kernel : "", 0, 0,
                 "the program graph has %zu nodes, over the limit of %zu; raise it with "
                 "-hls-graph-max-nodes or split the kernel",
                 g->nnodes, b.max_nodes);
    builder_free(&b);
    hls_graph_free(g);
    return -1;
  }
  fill_features(&b);
  record_functions(in, g);
  record_loops(&b);
  hls_graph_index(g);
  builder_free(&b);
  return 0;
}
