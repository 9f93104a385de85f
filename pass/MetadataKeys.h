// Every metadata key the passes write or read, spelled once
// (docs/pragma-metadata.md describes them; test/lit/annotate/metadata-keys.test
// checks that it names every hls.* key here).
#ifndef HLSMOE_PASS_METADATAKEYS_H
#define HLSMOE_PASS_METADATAKEYS_H

namespace hlsmoe::md {

// ---- hls.* operands of !llvm.loop, written by hls-annotate ----
inline constexpr char Prefix[] = "hls."; // every key of ours starts so; re-annotation replaces them
inline constexpr char LoopName[] = "hls.loop.name";
inline constexpr char Tripcount[] = "hls.tripcount";
inline constexpr char Flatten[] = "hls.flatten"; // !"off" (loop_flatten off) or !"on" (loop_flatten)
inline constexpr char Pragma[] = "hls.pragma";         // a modelled pragma placed on the loop
inline constexpr char Unmodelled[] = "hls.unmodelled"; // a pragma the model does not represent
// Written by hls-moe -hls-rewrite: the loop's hints come from a chosen
// design, not from the user, and re-annotation keeps them.
inline constexpr char Rewritten[] = "hls.rewritten";

// The keys of one pragma slot; null where the slot has no such operand.
struct SlotKeys {
  const char *Value;     // the literal or bound value
  const char *II;        // requested initiation interval
  const char *Knob;      // the auto{} knob the value comes from
  const char *Reduction; // a reduction loop
};
inline constexpr SlotKeys PipelineKeys = {"hls.pipeline", "hls.pipeline.ii", "hls.pipeline.knob",
                                          nullptr};
inline constexpr SlotKeys ParallelKeys = {"hls.parallel.factor", nullptr, "hls.parallel.knob",
                                          "hls.parallel.reduction"};
inline constexpr SlotKeys TileKeys = {"hls.tile.factor", nullptr, "hls.tile.knob", nullptr};

// ---- on functions ----
inline constexpr char Kernel[] = "hls.kernel";   // !hls.kernel !{}: the top function
inline constexpr char Pragmas[] = "hls.pragmas"; // function-level pragmas

// ---- clang's loop hints (llvm.loop.*), read as pragmas and written by the rewrite ----
inline constexpr char UnrollPrefix[] = "llvm.loop.unroll.";
inline constexpr char UnrollCount[] = "llvm.loop.unroll.count";
inline constexpr char UnrollFull[] = "llvm.loop.unroll.full";
inline constexpr char UnrollDisable[] = "llvm.loop.unroll.disable";
inline constexpr char PipelinePrefix[] = "llvm.loop.pipeline.";
inline constexpr char PipelineII[] = "llvm.loop.pipeline.initiationinterval";
inline constexpr char PipelineDisable[] = "llvm.loop.pipeline.disable";

} // namespace hlsmoe::md

#endif
