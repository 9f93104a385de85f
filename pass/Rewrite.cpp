#include "Rewrite.h"

#include "LoopMetadata.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/Metadata.h"

using namespace llvm;

namespace hlsmoe {
namespace {

// The operands a rewrite replaces: the knob values and the hints made from them.
bool replacedOperand(const MDOperand &Op) {
  auto *N = dyn_cast<MDNode>(Op.get());
  if (!N || !N->getNumOperands())
    return false;
  auto *S = dyn_cast<MDString>(N->getOperand(0));
  if (!S)
    return false;
  StringRef K = S->getString();
  return K == "hls.pipeline" || K == "hls.parallel.factor" || K == "hls.tile.factor" ||
         K == "hls.rewritten" || K.starts_with("llvm.loop.unroll.") ||
         K.starts_with("llvm.loop.pipeline.");
}

} // namespace

void rewriteLoop(Loop *L, const hls_graph_loop &GL, const hls_dspace *Space,
                 const hls_dspace_value *Values) {
  LLVMContext &Ctx = L->getHeader()->getContext();
  SmallVector<Metadata *, 16> Ops{nullptr};
  if (MDNode *Old = L->getLoopID())
    for (const MDOperand &Op : drop_begin(Old->operands()))
      if (!replacedOperand(Op))
        Ops.push_back(Op.get());
  auto knob = [&](const hls_graph_slot &S) { return Values[hls_dspace_knob_index(Space, S.knob)]; };
  if (GL.pipeline.present && GL.pipeline.knob[0]) {
    hls_pipe_mode Mode = hls_pipe_mode_from_point(knob(GL.pipeline).string);
    Ops.push_back(MDNode::get(Ctx, {mdString(Ctx, "hls.pipeline"), mdString(Ctx, hls_pipe_mode_name(Mode))}));
    if (Mode == HLS_PIPE_OFF)
      Ops.push_back(MDNode::get(Ctx, {mdString(Ctx, "llvm.loop.pipeline.disable"),
                                      ConstantAsMetadata::get(ConstantInt::getTrue(Ctx))}));
  }
  if (GL.parallel.present && GL.parallel.knob[0]) {
    int64_t F = knob(GL.parallel).integer;
    Ops.push_back(MDNode::get(Ctx, {mdString(Ctx, "hls.parallel.factor"), mdInt32(Ctx, F)}));
    Ops.push_back(F > 1 ? MDNode::get(Ctx, {mdString(Ctx, "llvm.loop.unroll.count"), mdInt32(Ctx, F)})
                        : MDNode::get(Ctx, {mdString(Ctx, "llvm.loop.unroll.disable")}));
  }
  if (GL.tile.present && GL.tile.knob[0])
    Ops.push_back(MDNode::get(Ctx, {mdString(Ctx, "hls.tile.factor"), mdInt32(Ctx, knob(GL.tile).integer)}));
  Ops.push_back(MDNode::get(Ctx, {mdString(Ctx, "hls.rewritten")}));
  MDNode *ID = MDNode::getDistinct(Ctx, Ops);
  ID->replaceOperandWith(0, ID);
  L->setLoopID(ID);
}

} // namespace hlsmoe
