// Small readers and builders of !llvm.loop operands ({!"name", value}),
// shared by the passes.  Finding an operand by name is LLVM's own
// findOptionMDForLoopID.
#ifndef HLSMOE_PASS_LOOPMETADATA_H
#define HLSMOE_PASS_LOOPMETADATA_H

#include "llvm/IR/Constants.h"
#include "llvm/IR/Metadata.h"

namespace hlsmoe {

// The integer value of {!"name", iN V}; Default when absent or not an integer.
inline int64_t intOperand(const llvm::MDNode *N, int64_t Default = 0) {
  if (N && N->getNumOperands() > 1)
    if (auto *C = llvm::mdconst::dyn_extract<llvm::ConstantInt>(N->getOperand(1)))
      return C->getSExtValue();
  return Default;
}

// The string value of {!"name", !"value"}; "" when absent.
inline llvm::StringRef stringOperand(const llvm::MDNode *N) {
  if (N && N->getNumOperands() > 1)
    if (auto *S = llvm::dyn_cast<llvm::MDString>(N->getOperand(1)))
      return S->getString();
  return "";
}

inline llvm::Metadata *mdString(llvm::LLVMContext &C, llvm::StringRef S) {
  return llvm::MDString::get(C, S);
}

inline llvm::Metadata *mdInt32(llvm::LLVMContext &C, int64_t V) {
  return llvm::ConstantAsMetadata::get(llvm::ConstantInt::get(llvm::Type::getInt32Ty(C), V));
}

} // namespace hlsmoe

#endif
