#include "MoEPass.h"

#include "AnnotatePass.h"
#include "Diagnostics.h"
#include "GraphPass.h"
#include "MoERemarks.h"
#include "PluginFiles.h"
#include "Rewrite.h"

#include "llvm/Support/CommandLine.h"

#include <string>
#include <unistd.h>
#include <vector>

extern "C" {
#include "dse/bind.h"
#include "dse/explore.h"
#include "dse/oracle.h"
#include "dse/report.h"
#include "dse/score.h"
#include "dse/space.h"
#include "model/predictor.h"
}

using namespace llvm;

// The search's defaults are dse/explore.c's; these options only override them.
static const hls_explore_options SearchDefaults = [] {
  hls_explore_options O;
  hls_explore_defaults(&O);
  return O;
}();

static cl::opt<std::string> Target("hls-target", cl::value_desc("flow"),
                                   cl::desc("The tool flow to predict for (model/flows.def: "
                                            "vitis-2025.1, merlin-2021.1; default: the kernel's "
                                            "dialect's, Merlin pragmas merlin-2021.1, else vitis-2025.1)"));
static cl::opt<std::string> ModelPath("hls-model", cl::value_desc("file.safetensors"),
                                      cl::desc("Regression model (default: hiermoe-<flow>.safetensors "
                                               "next to the plugin)"));
static cl::opt<std::string> ValidModelPath("hls-valid-model", cl::value_desc("file.safetensors"),
                                           cl::desc("Validity model (default: "
                                                    "hiermoe-<flow>-valid.safetensors next to the plugin)"));
static cl::opt<hls_predictor_kind> PredictorKind(
    "hls-predictor", cl::init(HLS_PREDICTOR_NETWORK), cl::desc("What predicts latency and resources"),
    cl::values(clEnumValN(HLS_PREDICTOR_NETWORK, "network", "the HierMoE network (model files)"),
               clEnumValN(HLS_PREDICTOR_ANALYTIC, "analytic",
                          "the analytic estimator: loop nest, operation latencies, ports; no model "
                          "files")));
static cl::opt<std::string> DSConfig("hls-ds-config", cl::value_desc("file.json"),
                                     cl::desc("Design space in the AutoDSE ds_config format "
                                              "(default: derived from the loops)"));
static cl::list<unsigned> PipelineII(
    "hls-pipeline-ii", cl::CommaSeparated, cl::value_desc("N,..."),
    cl::desc("IIs above 1 that the Vitis pipeline knobs of a derived space may take too"));
static cl::opt<bool> Explore("hls-explore", cl::init(true),
                             cl::desc("Explore the design space (false: predict only)"));
enum SearchKind { SearchAuto = HLS_SEARCH_AUTO, SearchAll = HLS_SEARCH_EXHAUSTIVE, SearchBeam = HLS_SEARCH_BEAM };
static cl::opt<SearchKind> Search(
    "hls-search", cl::init(SearchAuto), cl::desc("Search strategy"),
    cl::values(clEnumValN(SearchAuto, "auto", "exhaustive if the space fits the budget, else beam"),
               clEnumValN(SearchAll, "exhaustive", "the first -hls-budget designs in enumeration order"),
               clEnumValN(SearchBeam, "beam", "coordinate search refined by a beam")));
static cl::opt<unsigned long long> Budget("hls-budget", cl::init(SearchDefaults.budget),
                                          cl::desc("Designs to score at most"));
static cl::opt<double> BudgetSeconds("hls-budget-seconds", cl::init(0),
                                     cl::desc("Wall-clock limit of the search in seconds (0: none)"));
// The paper's filter: a design the validity classifier calls more likely to fail
// than not is not a candidate.
static cl::opt<float> MinValid("hls-min-valid", cl::init(SearchDefaults.min_valid),
                               cl::desc("Smallest predicted validity probability a design may have"));
static cl::opt<double> MinGain(
    "hls-min-gain", cl::init(SearchDefaults.min_gain),
    cl::desc("Smallest predicted speedup over the pragmas as written for which the advice and "
             "-hls-rewrite change them (a feasible design as written is kept below it)"));
static cl::opt<float> MaxUtil("hls-max-util", cl::init(SearchDefaults.max_util[0]),
                              cl::desc("Largest predicted utilisation of every resource"));
static cl::opt<float> MaxLUT("hls-max-util-lut", cl::init(-1), cl::desc("Override for LUT"));
static cl::opt<float> MaxFF("hls-max-util-ff", cl::init(-1), cl::desc("Override for FF"));
static cl::opt<float> MaxDSP("hls-max-util-dsp", cl::init(-1), cl::desc("Override for DSP"));
static cl::opt<float> MaxBRAM("hls-max-util-bram", cl::init(-1), cl::desc("Override for BRAM"));
static cl::opt<unsigned> TopK("hls-designs", cl::init((unsigned)SearchDefaults.top_k), cl::desc("Designs to report"));
static cl::opt<std::string> ReportPath("hls-report", cl::value_desc("file.json"),
                                       cl::desc("Write the predictions and the ranking as JSON"));
static cl::opt<bool> Rewrite("hls-rewrite", cl::init(false),
                             cl::desc("Write the best design into the loop metadata"));
static cl::opt<cl::boolOrDefault> Progress("hls-progress",
                                           cl::desc("Progress on stderr (default: when a terminal)"));
static cl::opt<std::string> Oracle(
    "hls-oracle", cl::value_desc("labels.jsonl"),
    cl::desc("Offline exploration check: rank the labelled design points of this file (HLSyn "
             "JSON Lines) instead of the design space, and compare the top designs with the truth"));
static cl::opt<std::string> ScorePoints(
    "hls-score-points", cl::value_desc("points.jsonl"),
    cl::desc("Score every design point of this file (JSON Lines) instead of exploring: one JSON "
             "line of predictions per point"));
static cl::opt<std::string> ScoreOutput("hls-score-output", cl::init("-"),
                                        cl::value_desc("file.jsonl"),
                                        cl::desc("Where -hls-score-points writes (- is stdout)"));

namespace hlsmoe {
namespace {

constexpr const char *PassName = "hls-moe";

// ---- driver -----------------------------------------------------------------------------

hls_explore_options exploreOptions() {
  hls_explore_options O;
  hls_explore_defaults(&O);
  O.budget = Budget;
  O.seconds = BudgetSeconds;
  O.min_valid = MinValid;
  O.min_gain = MinGain;
  const float Overrides[HLS_UTILS] = {MaxLUT, MaxFF, MaxDSP, MaxBRAM};
  for (int U = 0; U < HLS_UTILS; U++)
    O.max_util[U] = Overrides[U] >= 0 ? Overrides[U] : MaxUtil;
  O.top_k = TopK ? TopK : 1;
  O.strategy = (int)Search.getValue();
  O.progress = Progress == cl::BOU_UNSET ? isatty(2) : Progress == cl::BOU_TRUE;
  return O;
}

// The space to explore; NULL without an error when the kernel has no knobs.
hls_dspace *loadSpace(const hls_graph &G, std::string &Source, hls_diags *D) {
  if (!DSConfig.empty()) {
    Source = DSConfig;
    return hls_dspace_load(DSConfig.c_str(), D);
  }
  Source = "derived";
  std::vector<unsigned> IIs(PipelineII.begin(), PipelineII.end());
  hls_space_options O = {IIs.data(), IIs.size()};
  return G.nknobs ? hls_space_derive(&G, &O, D) : nullptr;
}

// Runs the offline check against the labelled points of -hls-oracle.
void oracleCheck(const RemarkContext &C, hls_predictor *P, const hls_explore_options &O,
                 hls_diags *D) {
  hls_oracle_result R;
  if (hls_oracle_check(&C.G, Oracle.c_str(), hls_predictor_score, P, &O, &R, D) == 0)
    emitOracleRemark(C, R, O.top_k);
}

// Explores the space and reports: remarks, the JSON report, the rewrite.
// Returns whether the IR changed.
bool exploreAndReport(Module &M, const RemarkContext &C, hls_predictor *P,
                      const hls_dspace_value *Current, hls_explore_options &O,
                      const std::string &SpaceSource, hls_diags *D) {
  hls_explore_result R = {};
  bool Changed = false;
  if (hls_explore(&C.G, C.Space, Current, hls_predictor_score, P, &O, &R, D) == 0) {
    emitExplorationRemarks(C, R, Explore);
    if (!ReportPath.empty()) {
      std::vector<hls_report_loop> Loops;
      for (const ProgramGraph::LoopSource &S : C.Sources)
        Loops.push_back({S.File.empty() ? nullptr : S.File.c_str(), S.Line, S.Col,
                         {S.PragmaLine[0], S.PragmaLine[1], S.PragmaLine[2], S.PragmaLine[3]},
                         S.Label.c_str(),
                         S.Function.c_str()});
      hls_report_origin Origin = {M.getSourceFileName().c_str(), C.G.kernel,
                                  hls_predictor_model_path(P), SpaceSource.c_str(), &C.G,
                                  Loops.data(), hls_dialect_name(C.Dialect),
                                  hls_predictor_flow(P)->name, C.FlowText,
                                  hls_predictor_analytic(P)};
      hls_report_write(ReportPath.c_str(), &Origin, C.Space, &R, D);
    }
    const hls_design *Advice = hls_explore_advice(&R);
    for (size_t L = 0; Rewrite && Advice && !R.keeps_current && L < C.G.nloops; L++)
      if (C.G.loops[L].scope >= 0) {
        rewriteLoop(C.Loops[L], C.G.loops[L], C.Space, Advice->values);
        Changed = true;
      }
  }
  hls_explore_result_free(&R);
  return Changed;
}

// The flow of -hls-target, else the default of the kernel's dialect; NULL
// with an error for an unknown name.
const hls_tool_flow *targetFlow(const ProgramGraph &PG, hls_diags *D) {
  if (Target.empty())
    return hls_tool_flow_default(PG.Dialect);
  const hls_tool_flow *F = hls_tool_flow_find(Target.c_str());
  if (!F)
    hls_diag_add(D, HLS_SEV_ERROR, "-hls-target", 0, 0, "unknown tool flow '%s' (known: %s)",
                 Target.c_str(), hls_tool_flow_names());
  return F;
}

// Loads the models and the space, predicts the design as written, explores
// (or runs the oracle check), reports and rewrites.  Returns whether the IR
// changed.  Errors go to D.
bool predictAndExplore(Module &M, FunctionAnalysisManager &FAM, const ProgramGraph &PG,
                       const hls_point *Point, hls_diags *D) {
  const hls_graph &G = PG.G;
  std::string Dir = pluginDir();
  const hls_tool_flow *Flow = targetFlow(PG, D);
  if (!Flow)
    return false;
  hls_predictor_options PO = {ModelPath.empty() ? nullptr : ModelPath.c_str(),
                              ValidModelPath.empty() ? nullptr : ValidModelPath.c_str(),
                              Dir.c_str(), (int)PredictorKind.getValue(), Flow};
  hls_predictor *P = hls_predictor_new(&PO, &G, D);
  std::string SpaceSource;
  hls_dspace *Space = nullptr;
  bool Changed = false;
  if (P && ((Space = loadSpace(G, SpaceSource, D)) || (!G.nknobs && !D->errors))) {
    std::vector<hls_dspace_value> Current((Space ? hls_dspace_knob_count(Space) : 0) + 1);
    if (!Space || hls_bind_space(Space, Point, Current.data(), D) == 0) {
      hls_explore_options O = exploreOptions();
      O.predict_only = !Explore || !Space;
      // Space/graph mismatches name the file the space came from.
      std::string Where = SpaceSource == "derived" || SpaceSource.empty() ? M.getSourceFileName()
                                                                          : SpaceSource;
      O.where = Where.c_str();
      O.model = hls_predictor_model_path(P);
      O.valid_model = hls_predictor_valid_model_path(P);
      RemarkContext C{FAM, G, Space, PG.Loops, PG.Kernel, PG.Sources, PG.Dialect,
                      hls_predictor_flow_text(P), hls_predictor_analytic(P)};
      hls_score_models Models = {hls_predictor_model_path(P), hls_predictor_valid_model_path(P)};
      if (!ScorePoints.empty())
        hls_score_points(&G, ScorePoints.c_str(), hls_predictor_score, P, &Models,
                         ScoreOutput.c_str(), D);
      else if (!Oracle.empty())
        oracleCheck(C, P, O, D);
      else
        Changed = exploreAndReport(M, C, P, Current.data(), O, SpaceSource, D);
    }
  }
  if (Space)
    hls_dspace_free(Space);
  hls_predictor_free(P);
  return Changed;
}

} // namespace

PreservedAnalyses MoEPass::run(Module &M, ModuleAnalysisManager &MAM) {
  const ProgramGraph *P = buildModuleGraph(M, MAM, /*EmitRemarks=*/false);
  if (!P)
    return PreservedAnalyses::all();
  const Annotation &A = *MAM.getResult<AnnotationAnalysis>(M).A;
  auto &FAM = MAM.getResult<FunctionAnalysisManagerModuleProxy>(M).getManager();
  hls_diags D;
  hls_diags_init(&D);
  if (M.getFunction("llvm.lifetime.start.p0"))
    hls_diag_add(&D, HLS_SEV_WARNING, M.getSourceFileName().c_str(), 0, 0,
                 "this IR comes from clang at -O1 or above (it has lifetime markers); the model "
                 "was trained on -O0 IR, whose graphs differ: compile with -O0 for predictions "
                 "you can trust");
  bool Changed = predictAndExplore(M, FAM, *P, A.HavePoint ? &A.Point : nullptr, &D);
  hls_diags_sort(&D);
  emitDiagnostics(M, D, PassName);
  hls_diags_free(&D);
  if (!Changed)
    return PreservedAnalyses::all();
  PreservedAnalyses PA;
  PA.preserveSet<CFGAnalyses>();
  return PA;
}

} // namespace hlsmoe
