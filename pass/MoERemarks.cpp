#include "MoERemarks.h"

#include "llvm/Analysis/OptimizationRemarkEmitter.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/Support/FormatVariadic.h"

#include <cmath>
#include <string>
#include <vector>

using namespace llvm;

namespace hlsmoe {
namespace {

constexpr const char *PassName = "hls-moe";

// ---- formatting ---------------------------------------------------------------

// Pipeline values as modes (off, cg, flatten: the dataset writes cg as ""),
// factors as numbers.
std::string valueText(hls_dspace_value V) {
  if (V.is_string)
    return hls_pipe_point_display(V.string);
  return std::to_string(V.integer);
}

std::string pointText(const hls_dspace *S, const hls_dspace_value *Values) {
  std::string T;
  for (size_t K = 0; S && K < hls_dspace_knob_count(S); K++)
    T += (K ? " " : "") + std::string(hls_dspace_knob_name(S, K)) + "=" + valueText(Values[K]);
  return T.empty() ? "no knobs" : T;
}

std::string fixed(double V, int Digits) {
  char Buf[64];
  snprintf(Buf, sizeof Buf, "%.*f", Digits, V);
  return Buf;
}

// Utilisation in percent; the regression can undershoot 0 slightly, which
// means "none" to a reader (the JSON report keeps the raw value).
std::string percent(float Fraction) { return fixed(100.0 * std::max(0.0f, Fraction), 1); }

// "latency N cycles, LUT x%, FF x%, DSP x%, BRAM x%, valid p", each value a
// named argument of the remark (YAML keys LatencyCycles, LUT, FF, DSP, BRAM, Valid).
void streamPrediction(OptimizationRemarkAnalysis &R, const hls_prediction &P) {
  auto Cycles = (unsigned long long)std::llround(hls_latency_cycles(P.perf));
  R << "latency " << ore::NV("LatencyCycles", formatv("{0:N}", Cycles).str()) << " cycles, LUT "
    << ore::NV("LUT", percent(P.util[0])) << "%, FF " << ore::NV("FF", percent(P.util[1]))
    << "%, DSP " << ore::NV("DSP", percent(P.util[2])) << "%, BRAM "
    << ore::NV("BRAM", percent(P.util[3])) << "%, valid " << ore::NV("Valid", fixed(P.valid, 2));
}

// ---- remarks --------------------------------------------------------------------

DebugLoc functionLoc(Function *F) {
  if (DISubprogram *SP = F->getSubprogram())
    return DILocation::get(F->getContext(), SP->getLine(), 1, SP);
  return DebugLoc();
}

void remark(const RemarkContext &C, const char *Name, function_ref<void(OptimizationRemarkAnalysis &)> Fill,
            DebugLoc DL = DebugLoc(), const BasicBlock *Where = nullptr) {
  Function *F = Where ? const_cast<Function *>(Where->getParent()) : C.Kernel;
  auto &ORE = C.FAM.getResult<OptimizationRemarkEmitterAnalysis>(*F);
  ORE.emit([&] {
    OptimizationRemarkAnalysis R(PassName, Name, DL ? DL : functionLoc(F),
                                 Where ? Where : &F->getEntryBlock());
    Fill(R);
    return R;
  });
}

void remark(const RemarkContext &C, const char *Name, const std::string &Text) {
  remark(C, Name, [&](OptimizationRemarkAnalysis &R) { R << Text; });
}

// The knob values of loop L in a design, e.g. "pipeline=flatten tile=4".
std::string loopValues(const RemarkContext &C, size_t L, const hls_dspace_value *Values) {
  std::string T;
  const hls_graph_loop &GL = C.G.loops[L];
  const std::pair<const char *, const hls_graph_slot *> Slots[] = {
      {"pipeline", &GL.pipeline}, {"parallel", &GL.parallel}, {"tile", &GL.tile}};
  for (auto [Name, Slot] : Slots) {
    if (!Slot->present)
      continue;
    std::string V;
    if (Slot->knob[0] && C.Space)
      V = valueText(Values[hls_dspace_knob_index(C.Space, Slot->knob)]);
    else
      V = Slot == &GL.pipeline ? hls_pipe_mode_name(Slot->pipe) : std::to_string(Slot->factor);
    T += (T.empty() ? "" : " ") + std::string(Name) + "=" + V;
  }
  return T;
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
          Rem << "loop " << ore::NV("Loop", C.G.loops[L].name) << ": trip count "
              << ore::NV("TripCount", (long long)Row.trip) << ", unroll "
              << ore::NV("Unroll", (long long)Row.unroll) << ", "
              << ore::NV("Schedule", hls_sched_name((hls_sched)Row.sched));
          if (Row.ii > 0)
            Rem << ", II " << ore::NV("II", (long long)std::llround(Row.ii)) << " ("
                << ore::NV("IILimit", hls_ii_limit_name((hls_ii_limit)Row.limit)) << ")";
          Rem << ", iteration latency "
              << ore::NV("IterationLatency", (long long)std::llround(Row.depth)) << ", "
              << ore::NV("Cycles", formatv("{0:N}", (unsigned long long)std::llround(Row.cycles)).str())
              << " cycles (analytic)";
        },
        LL->getStartLoc(), LL->getHeader());
  }
}

} // namespace

void emitExplorationRemarks(const RemarkContext &C, const hls_explore_result &R, bool Explored) {
  remark(C, "Prediction", [&](OptimizationRemarkAnalysis &Rem) {
    Rem << "pragmas as written";
    if (C.Space)
      Rem << " (" << ore::NV("Design", pointText(C.Space, R.current.values)) << ")";
    Rem << ": ";
    streamPrediction(Rem, R.current.pred);
    if (!R.current.feasible)
      Rem << "; outside the validity or utilisation limits";
  });
  if (C.Analytic)
    emitLoopEstimates(C, R.current.values);
  if (Explored && !C.Space && C.G.nloops == 0)
    remark(C, "NoLoops",
           "the kernel has no loops, so no loop pragma to choose: the prediction above is the "
           "kernel as written");
  else if (Explored && !C.Space)
    remark(C, "NothingToExplore", "no auto{} knob in the kernel: nothing to explore");
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
      Rem << "#" << ore::NV("Rank", (unsigned)(I + 1)) << ": "
          << ore::NV("Design", pointText(C.Space, D.values)) << ": ";
      streamPrediction(Rem, D.pred);
      Rem << "; " << ore::NV("Speedup", fixed(Speedup, 2)) << "x the speed of the pragmas as written";
    });
  }
  for (size_t L = 0; L < C.G.nloops; L++) {
    if (C.G.loops[L].scope < 0)
      continue;
    Loop *LL = C.Loops[L];
    remark(
        C, "LoopRecommendation",
        [&](OptimizationRemarkAnalysis &Rem) {
          Rem << "loop " << ore::NV("Loop", C.G.loops[L].name) << ": as written "
              << ore::NV("AsWritten", loopValues(C, L, R.current.values)) << "; best design "
              << ore::NV("Best", loopValues(C, L, R.top[0].values));
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
