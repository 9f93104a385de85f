#include "Rewrite.h"

#include "LoopMetadata.h"
#include "MetadataKeys.h"

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
  return K == md::PipelineKeys.Value || K == md::PipelineKeys.II || K == md::ParallelKeys.Value || K == md::TileKeys.Value ||
         K == md::Flatten || K == md::Rewritten || K.starts_with(md::UnrollPrefix) ||
         K.starts_with(md::PipelinePrefix);
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
    hls_pipe_mode Mode = HLS_PIPE_UNSET;
    int64_t II = 0;
    hls_pipe_value_parse((hls_dialect)GL.pipeline.vocab, knob(GL.pipeline).string, &Mode, &II);
    if (Mode != HLS_PIPE_UNSET) // Vitis "NA": no pipeline pragma, the tool's default
      Ops.push_back(MDNode::get(Ctx, {mdString(Ctx, md::PipelineKeys.Value), mdString(Ctx, hls_pipe_mode_name(Mode))}));
    if (II > 0)
      Ops.push_back(MDNode::get(Ctx, {mdString(Ctx, md::PipelineKeys.II), mdInt32(Ctx, II)}));
    if (Mode == HLS_PIPE_OFF)
      Ops.push_back(MDNode::get(Ctx, {mdString(Ctx, md::PipelineDisable),
                                      ConstantAsMetadata::get(ConstantInt::getTrue(Ctx))}));
    else if (II > 0)
      Ops.push_back(MDNode::get(Ctx, {mdString(Ctx, md::PipelineII), mdInt32(Ctx, II)}));
  }
  if (GL.parallel.present && GL.parallel.knob[0]) {
    int64_t F = knob(GL.parallel).integer;
    Ops.push_back(MDNode::get(Ctx, {mdString(Ctx, md::ParallelKeys.Value), mdInt32(Ctx, F)}));
    Ops.push_back(F > 1 ? MDNode::get(Ctx, {mdString(Ctx, md::UnrollCount), mdInt32(Ctx, F)})
                        : MDNode::get(Ctx, {mdString(Ctx, md::UnrollDisable)}));
  }
  if (GL.tile.present && GL.tile.knob[0])
    Ops.push_back(MDNode::get(Ctx, {mdString(Ctx, md::TileKeys.Value), mdInt32(Ctx, knob(GL.tile).integer)}));
  if (GL.flatten.present && GL.flatten.knob[0]) {
    int Off = 0; // "NA": no operand, the tool flattens by default
    if (hls_flatten_value_parse(knob(GL.flatten).string, &Off) == 0 && Off)
      Ops.push_back(MDNode::get(Ctx, {mdString(Ctx, md::Flatten), mdString(Ctx, "off")}));
  }
  Ops.push_back(MDNode::get(Ctx, {mdString(Ctx, md::Rewritten)}));
  MDNode *ID = MDNode::getDistinct(Ctx, Ops);
  ID->replaceOperandWith(0, ID);
  L->setLoopID(ID);
}

} // namespace hlsmoe
