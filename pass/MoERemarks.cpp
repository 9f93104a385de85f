#include "MoERemarks.h"

#include "llvm/Analysis/OptimizationRemarkEmitter.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/Support/FormatVariadic.h"

extern "C" {
#include "dse/setting.h"
}

#include <cmath>
#include <string>
#include <vector>

using namespace llvm;

namespace hlsmoe {
namespace {

constexpr const char *PassName = "hls-moe";
// Not matched by -pass-remarks-analysis=hls-moe (a regex search): YAML only.
constexpr const char *DesignPassName = "hlsmoe-design";

// ---- formatting ---------------------------------------------------------------

// A knob's value as remarks show it: pipeline values in the knob's
// vocabulary (Merlin "" as cg, Vitis "NA" as none), factors as numbers.
std::string valueText(const hls_graph_knob *K, hls_dspace_value V) {
  if (V.is_string)
    return hls_pipe_value_display(K ? (hls_dialect)K->vocab : HLS_DIALECT_MERLIN, V.string);
  return std::to_string(V.integer);
}

const hls_graph_knob *knobOf(const hls_graph &G, const char *Name) {
  int I = hls_graph_knob_index(&G, Name);
  return I >= 0 ? &G.knobs[I] : nullptr;
}

std::string pointText(const hls_graph &G, const hls_dspace *S, const hls_dspace_value *Values) {
  std::string T;
  for (size_t K = 0; S && K < hls_dspace_knob_count(S); K++)
    T += (K ? " " : "") + std::string(hls_dspace_knob_name(S, K)) + "=" +
         valueText(knobOf(G, hls_dspace_knob_name(S, K)), Values[K]);
  return T.empty() ? "no knobs" : T;
}

std::string fixed(double V, int Digits) {
  char Buf[64];
  snprintf(Buf, sizeof Buf, "%.*f", Digits, V);
  return Buf;
}

// Utilisation in percent (never negative: the physical rules of
// model/physical.h have raised a negative prediction to 0).
std::string percent(float Fraction) { return fixed(100.0 * Fraction, 1); }

// "latency N cycles, LUT x%, FF x%, DSP x%, BRAM x%, valid p", each value a
// named argument of the remark (YAML keys LatencyCycles, LUT, FF, DSP, BRAM,
// Valid), then what the physical rules changed, if anything ("(physical:
// latency raised to the lower bound)", key Adjusted), so that a reader knows
// the number is the floor, not the model's.
void streamPrediction(OptimizationRemarkAnalysis &R, const hls_prediction &P) {
  auto Cycles = (unsigned long long)std::llround(hls_latency_cycles(P.perf));
  R << "latency " << ore::NV("LatencyCycles", formatv("{0:N}", Cycles).str()) << " cycles, LUT "
    << ore::NV("LUT", percent(P.util[0])) << "%, FF " << ore::NV("FF", percent(P.util[1]))
    << "%, DSP " << ore::NV("DSP", percent(P.util[2])) << "%, BRAM "
    << ore::NV("BRAM", percent(P.util[3])) << "%, valid " << ore::NV("Valid", fixed(P.valid, 2));
  char Adjusted[256];
  hls_adjusted_describe(&P, Adjusted, sizeof Adjusted);
  if (Adjusted[0])
    R << " (physical: " << ore::NV("Adjusted", Adjusted) << ")";
}

// The source's label of loop L, "" when none.
const std::string &labelOf(const RemarkContext &C, size_t L) {
  static const std::string None;
  return L < C.Sources.size() ? C.Sources[L].Label : None;
}

// The name a loop goes by in remarks: the user's label when the source has
// one (`init: for` -> "init"), else the positional name (L0, L1_0) that its
// knobs carry.  Vitis users often label loops L1, L2, ...: a label spelled
// like the positional name of another, unlabelled loop of the function would
// make two loops look alike, so that unlabelled loop also says its line.
std::string loopName(const RemarkContext &C, size_t L) {
  const hls_graph_loop &GL = C.G.loops[L];
  if (!labelOf(C, L).empty())
    return labelOf(C, L);
  for (size_t M = 0; M < C.G.nloops; M++)
    if (M != L && C.G.loops[M].function == GL.function && labelOf(C, M) == GL.name) {
      unsigned Line = L < C.Sources.size() ? C.Sources[L].Line : 0;
      return std::string(GL.name) + (Line ? " (line " + std::to_string(Line) + ")" : " (unlabelled)");
    }
  return GL.name;
}

// The lowest confidence level (model/confidence.def's last): the one remarks
// warn about.
constexpr int LowestConfidence = HLS_CONFIDENCE_LEVELS - 1;

// "; low confidence: far from the training kernels (nearest: gemm, 3.1x the
// typical distance); its analytic latency lies 2.4 standard deviations from
// the training designs'" when the design's confidence is the lowest level,
// naming each measure that alone puts it there.  Nothing otherwise.
void streamConfidence(OptimizationRemarkAnalysis &R, const hls_confidence &C) {
  if (C.level != LowestConfidence)
    return;
  bool Far = C.distance >= hls_confidence_distance_below(LowestConfidence - 1);
  bool Work = !std::isnan(C.work) && C.work >= hls_confidence_work_below(LowestConfidence - 1);
  R << "; " << ore::NV("Confidence", hls_confidence_level_name(C.level)) << " confidence: ";
  if (Far)
    R << "far from the training kernels (nearest: " << ore::NV("NearestKernel", C.nearest) << ", "
      << ore::NV("Distance", fixed(C.distance, 1)) << "x the typical distance)";
  if (Far && Work)
    R << "; ";
  if (Work)
    R << "its analytic latency lies " << ore::NV("Work", fixed(C.work, 1))
      << " standard deviations from the training designs'";
  if (Work && !Far)
    R << " (nearest kernel: " << ore::NV("NearestKernel", C.nearest) << ")";
}

// ---- remarks --------------------------------------------------------------------

DebugLoc functionLoc(Function *F) {
  if (DISubprogram *SP = F->getSubprogram())
    return DILocation::get(F->getContext(), SP->getLine(), 1, SP);
  return DebugLoc();
}

void remark(const RemarkContext &C, const char *Pass, const char *Name,
            function_ref<void(OptimizationRemarkAnalysis &)> Fill, DebugLoc DL = DebugLoc(),
            const BasicBlock *Where = nullptr) {
  Function *F = Where ? const_cast<Function *>(Where->getParent()) : C.Kernel;
  auto &ORE = C.FAM.getResult<OptimizationRemarkEmitterAnalysis>(*F);
  ORE.emit([&] {
    OptimizationRemarkAnalysis R(Pass, Name, DL ? DL : functionLoc(F),
                                 Where ? Where : &F->getEntryBlock());
    Fill(R);
    return R;
  });
}

void remark(const RemarkContext &C, const char *Name, function_ref<void(OptimizationRemarkAnalysis &)> Fill,
            DebugLoc DL = DebugLoc(), const BasicBlock *Where = nullptr) {
  remark(C, PassName, Name, Fill, DL, Where);
}

void remark(const RemarkContext &C, const char *Name, const std::string &Text) {
  remark(C, Name, [&](OptimizationRemarkAnalysis &R) { R << Text; });
}

// The pragmas of loop L's slots under a design, as written into the source.
struct LoopPragmas {
  std::string Text[HLS_LOOP_SLOTS]; // per slot: the pragma, "" for none
  bool Has[HLS_LOOP_SLOTS] = {};
};

LoopPragmas loopPragmas(const RemarkContext &C, size_t L, const hls_dspace_value *Values) {
  LoopPragmas P;
  for (int Group = 0; Group < HLS_LOOP_SLOTS; Group++) {
    const hls_graph_slot *S = hls_loop_slot(&C.G.loops[L], Group);
    if (!S->present || !(S->knob[0] || S->ii_knob[0]))
      continue;
    char Buf[128];
    hls_slot_pragma(&C.G, &C.G.loops[L], Group, Values, Buf, sizeof Buf);
    P.Text[Group] = Buf;
    P.Has[Group] = true;
  }
  return P;
}

// Under a design that pipelines an enclosing loop (a Vitis pipeline or a
// Merlin flatten), loop L is fully unrolled into that pipeline and its own
// pragmas do nothing: say so, or the advice reads as if they mattered.
std::string unrolledByAncestor(const RemarkContext &C, size_t L, const hls_dspace_value *D) {
  for (int32_t P = C.G.loops[L].parent; P >= 0; P = C.G.loops[P].parent) {
    hls_pipe_mode Mode;
    int64_t II;
    if (hls_loop_pipeline(&C.G, &C.G.loops[P], D, &Mode, &II) == 0 && Mode == HLS_PIPE_FG)
      return " (the pipeline of loop " + loopName(C, (size_t)P) +
             " unrolls this loop fully: its own pragmas have no effect)";
  }
  return "";
}

// What to write on loop L to get the best design, e.g. "write '#pragma HLS
// pipeline II=1' (now: none); keep '#pragma HLS unroll factor=2'".
std::string loopAdvice(const RemarkContext &C, size_t L, const hls_dspace_value *Now,
                       const hls_dspace_value *Best) {
  LoopPragmas A = loopPragmas(C, L, Now), B = loopPragmas(C, L, Best);
  std::string T;
  auto quoted = [](const std::string &P) { return "'#pragma " + P + "'"; };
  for (int Group = 0; Group < HLS_LOOP_SLOTS; Group++) {
    if (!A.Has[Group])
      continue;
    std::string Step;
    const hls_graph_slot *S = hls_loop_slot(&C.G.loops[L], Group);
    if (!S->derived) { // auto{} placeholders: the user sets their values
      for (const char *Knob : {S->knob, S->ii_knob}) {
        if (!Knob[0])
          continue;
        int K = hls_graph_knob_index(&C.G, Knob);
        std::string V = valueText(&C.G.knobs[K], Best[K]), W = valueText(&C.G.knobs[K], Now[K]);
        Step += std::string(Step.empty() ? "" : "; ") +
                (V == W ? "keep auto{" + std::string(Knob) + "} = " + W
                        : "set auto{" + std::string(Knob) + "} to " + V + " (now " + W + ")");
      }
    } else if (A.Text[Group] == B.Text[Group])
      Step = A.Text[Group].empty() ? "" : "keep " + quoted(A.Text[Group]);
    else if (B.Text[Group].empty())
      Step = "remove " + quoted(A.Text[Group]);
    else
      Step = "write " + quoted(B.Text[Group]) + " (now: " +
             (A.Text[Group].empty() ? std::string("none") : quoted(A.Text[Group])) + ")";
    if (!Step.empty())
      T += (T.empty() ? "" : "; ") + Step;
  }
  if (T.empty())
    T = "no pragma (as written)";
  return T + unrolledByAncestor(C, L, Best);
}

// A pragma without its dialect word, for short lists: "pipeline II=1".
std::string shortPragma(const std::string &P) {
  size_t Space = P.find(' ');
  return Space == std::string::npos ? P : P.substr(Space + 1);
}

// Loop L's name in lists of the whole kernel: loops of called functions carry
// the function's name (L0, and labels, repeat across functions).
std::string kernelLoopName(const RemarkContext &C, size_t L) {
  int32_t F = C.G.loops[L].function;
  return F == 0 ? loopName(C, L) : C.Sources[L].Function + ":" + loopName(C, L);
}

// The pragmas of a design in the kernel's dialect, short: "L0 pipeline II=1,
// unroll factor=4; L2 pipeline off"; an auto{} placeholder says its value
// ("L1 auto{__PARA__L1}=4").
std::string designPragmas(const RemarkContext &C, const hls_dspace_value *Values) {
  std::string T;
  for (size_t L = 0; L < C.G.nloops; L++) {
    if (C.G.loops[L].scope < 0)
      continue;
    std::string Loop;
    auto add = [&Loop](const std::string &Item) { Loop += (Loop.empty() ? "" : ", ") + Item; };
    for (int Group = 0; Group < HLS_LOOP_SLOTS; Group++) {
      const hls_graph_slot *S = hls_loop_slot(&C.G.loops[L], Group);
      bool Placeholder = S->present && !S->derived && (S->knob[0] || S->ii_knob[0]);
      char Buf[128];
      if (Placeholder) { // the user's auto{} knobs: their values
        for (const char *Knob : {S->knob, S->ii_knob})
          if (Knob[0]) {
            int K = hls_graph_knob_index(&C.G, Knob);
            add("auto{" + std::string(Knob) + "}=" + valueText(&C.G.knobs[K], Values[K]));
          }
      } else if (hls_slot_pragma(&C.G, &C.G.loops[L], Group, Values, Buf, sizeof Buf) == 0 &&
                 Buf[0]) { // a derived knob's value, or a pragma held as written
        add(shortPragma(Buf));
      }
    }
    if (!Loop.empty())
      T += (T.empty() ? "" : "; ") + kernelLoopName(C, L) + " " + Loop;
  }
  return T.empty() ? "no loop pragma" : T;
}

// The pragmas a design changes against the design as written, short:
// "L1 pipeline II=1, unroll factor=4; L2 no unroll pragma" (the tool's
// default: for Vitis, an unwritten pipeline means pipelined).
std::string designChanges(const RemarkContext &C, const hls_dspace_value *Now,
                          const hls_dspace_value *D) {
  static const char *const Slot[HLS_LOOP_SLOTS] = {"pipeline", "unroll", "tile", "loop_flatten"};
  std::string T;
  for (size_t L = 0; L < C.G.nloops; L++) {
    if (C.G.loops[L].scope < 0)
      continue;
    LoopPragmas A = loopPragmas(C, L, Now), B = loopPragmas(C, L, D);
    std::string Loop;
    for (int Group = 0; Group < HLS_LOOP_SLOTS; Group++)
      if (A.Has[Group] && A.Text[Group] != B.Text[Group])
        Loop += (Loop.empty() ? "" : ", ") +
                (B.Text[Group].empty() ? "no " + std::string(Slot[Group]) + " pragma"
                                        : shortPragma(B.Text[Group]));
    if (!Loop.empty())
      T += (T.empty() ? "" : "; ") + kernelLoopName(C, L) + " " + Loop;
  }
  return T.empty() ? "as written" : T;
}

// The analytic estimator's loop table of the design as written: one remark
// per loop at its location, like a row of a Vitis synthesis report's loop table.
void emitLoopEstimates(const RemarkContext &C, const hls_dspace_value *Values) {
  std::vector<hls_loop_setting> Settings(C.G.nloops + 1);
  hls_analytic_result R;
  hls_analytic_settings(&C.G, Values, Settings.data());
  hls_analytic_estimate(C.Analytic, Settings.data(), &R);
  for (size_t L = 0; L < C.G.nloops; L++) {
    const hls_analytic_loop &Row = R.loops[L];
    Loop *LL = C.Loops[L];
    if (!LL)
      continue;
    remark(
        C, "LoopEstimate",
        [&](OptimizationRemarkAnalysis &Rem) {
          Rem << "loop " << ore::NV("Loop", loopName(C, L)) << ": trip count ";
          if (C.G.loops[L].trip_count > 0)
            Rem << ore::NV("TripCount", (long long)Row.trip);
          else /* what the table assumes, and (Vitis) how the user says more */
            Rem << "unknown (counted as " << ore::NV("TripCount", (long long)Row.trip)
                << (C.Dialect == HLS_DIALECT_MERLIN ? ")" : "; '#pragma HLS loop_tripcount max=N' sets it)");
          Rem << ", unroll "
              << ore::NV("Unroll", (long long)Row.unroll) << ", "
              << ore::NV("Schedule", hls_sched_name((hls_sched)Row.sched));
          if (Row.ii > 0)
            Rem << ", II " << ore::NV("II", (long long)std::llround(Row.ii)) << " ("
                << ore::NV("IILimit", hls_ii_limit_name((hls_ii_limit)Row.limit)) << ")";
          Rem << ", iteration latency "
              << ore::NV("IterationLatency", (long long)std::llround(Row.depth)) << ", "
              << ore::NV("Cycles", formatv("{0:N}", (unsigned long long)std::llround(Row.cycles)).str())
              << " cycles (analytic)";
          if (Row.carried > 0) /* why unrolling or pipelining it gains less */
            Rem << "; it carries a dependence through an array, distance "
                << ore::NV("CarriedDistance", (long long)Row.carried);
          if (Row.dropped > 0) /* why its pipeline pragma does nothing (UG1399) */
            Rem << "; its pipeline is dropped: loop "
                << ore::NV("RolledLoop", loopName(C, (size_t)Row.dropped - 1))
                << " inside has no constant trip count to unroll";
        },
        LL->getStartLoc(), LL->getHeader());
  }
}

} // namespace

void emitExplorationRemarks(const RemarkContext &C, const hls_explore_result &R, bool Explored) {
  remark(C, "Prediction", [&](OptimizationRemarkAnalysis &Rem) {
    Rem << "pragmas as written";
    if (C.Space)
      Rem << " (" << ore::NV("Pragmas", designPragmas(C, R.current.values)) << ")";
    Rem << ": ";
    streamPrediction(Rem, R.current.pred);
    if (!R.current.feasible)
      Rem << "; outside the validity or utilisation limits";
    streamConfidence(Rem, R.current.pred.confidence);
    Rem << "; for " << ore::NV("Target", C.FlowText);
  });
  if (C.Space) // every knob's value, for YAML readers (as RankedDesignPoint)
    remark(C, DesignPassName, "CurrentDesignPoint", [&](OptimizationRemarkAnalysis &Rem) {
      Rem << "as written: " << ore::NV("Design", pointText(C.G, C.Space, R.current.values));
    });
  if (C.Analytic)
    emitLoopEstimates(C, R.current.values);
  if (Explored && !C.Space && C.G.nloops == 0)
    remark(C, "NoLoops",
           "the kernel has no loops, so no loop pragma to choose: the prediction above is the "
           "kernel as written");
  else if (Explored && !C.Space)
    remark(C, "NothingToExplore",
           "no knob in the kernel (its loops are library code, or -hls-knobs=declared and no "
           "auto{} placeholder): nothing to explore");
  if (!Explored || !C.Space)
    return;
  remark(C, "Exploration",
         formatv("scored {0} of {1}{2} designs ({3}) in {4:F2} s; {5} feasible design(s) reported",
                 R.scored, R.space_size, R.space_exact ? "" : "+",
                 R.exhaustive ? (R.scored < R.space_size ? "enumeration order, stopped by the budget"
                                                         : "exhaustive")
                              : "coordinate search with a beam",
                 R.seconds, R.ntop)
             .str());
  if (!R.ntop) {
    remark(C, "NoFeasibleDesign",
           "no design is predicted valid and within the utilisation limits; relax "
           "-hls-min-valid or -hls-max-util");
    return;
  }
  double Current = hls_latency_cycles(R.current.pred.perf);
  for (size_t I = 0; I < R.ntop; I++) {
    const hls_design &D = R.top[I];
    double Speedup = Current / hls_latency_cycles(D.pred.perf);
    remark(C, "RankedDesign", [&](OptimizationRemarkAnalysis &Rem) {
      Rem << "#" << ore::NV("Rank", (unsigned)(I + 1)) << " ("
          << ore::NV("Speedup", fixed(Speedup, 2)) << "x): ";
      streamPrediction(Rem, D.pred);
      Rem << "; " << ore::NV("Changes", designChanges(C, R.current.values, D.values));
      if (D.pred.confidence.level == LowestConfidence)
        Rem << "; " << ore::NV("Confidence", hls_confidence_level_name(D.pred.confidence.level))
            << " confidence";
    });
    // The whole design, every knob, for YAML readers: under a pass name of
    // its own, so that -pass-remarks-analysis=hls-moe keeps terminals short.
    remark(C, DesignPassName, "RankedDesignPoint", [&](OptimizationRemarkAnalysis &Rem) {
      Rem << "#" << ore::NV("Rank", (unsigned)(I + 1)) << ": "
          << ore::NV("Design", pointText(C.G, C.Space, D.values));
    });
  }
  if (R.keeps_current)
    remark(C, "KeepAsWritten", [&](OptimizationRemarkAnalysis &Rem) {
      Rem << "the best design found is predicted only " << ore::NV("Gain", fixed(R.best_gain, 2))
          << "x faster than the pragmas as written, less than -hls-min-gain="
          << ore::NV("MinGain", fixed(R.min_gain, 2))
          << ": within what the predictions resolve, so the advice keeps them";
    });
  const hls_design &Advice = *hls_explore_advice(&R);
  for (size_t L = 0; L < C.G.nloops; L++) {
    if (C.G.loops[L].scope < 0)
      continue;
    Loop *LL = C.Loops[L];
    remark(
        C, "LoopRecommendation",
        [&](OptimizationRemarkAnalysis &Rem) {
          Rem << "loop " << ore::NV("Loop", loopName(C, L)) << ": "
              << ore::NV("Advice", loopAdvice(C, L, R.current.values, Advice.values));
        },
        LL->getStartLoc(), LL->getHeader());
  }
}

void emitOracleRemark(const RemarkContext &C, const hls_oracle_result &R, size_t K) {
  std::string Baseline = R.random_ratio < 0                        ? "n/a"
                         : R.random_ratio >= HLS_ORACLE_NONE_VALID ? "none valid"
                                                                   : fixed(R.random_ratio, 3);
  remark(C, "OracleCheck", [&](OptimizationRemarkAnalysis &Rem) {
    Rem << "offline check on " << ore::NV("Labelled", (unsigned)R.labelled)
        << " labelled points: " << ore::NV("Feasible", (unsigned)R.feasible)
        << " predicted feasible; best valid true latency among the top " << ore::NV("K", K)
        << ": " << ore::NV("TopLatency", (unsigned long long)R.best_top) << " cycles (rank "
        << ore::NV("TopRank", (unsigned)R.best_top_rank) << "); best valid labelled: "
        << ore::NV("BestLatency", (unsigned long long)R.best) << " cycles; ratio "
        << ore::NV("Ratio", R.best <= 0      ? std::string("n/a")
                            : R.best_top > 0 ? fixed(R.best_top / R.best, 3)
                                          : std::string("none valid"))
        << "; random " << ore::NV("K", K) << " points: median ratio "
        << ore::NV("RandomRatio", Baseline);
  });
}

} // namespace hlsmoe
