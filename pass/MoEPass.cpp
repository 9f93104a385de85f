#include "MoEPass.h"

#include "AnnotatePass.h"
#include "Diagnostics.h"
#include "GraphPass.h"
#include "LoopMetadata.h"

#include "llvm/Analysis/OptimizationRemarkEmitter.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Metadata.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FormatVariadic.h"

#include <cJSON.h>
#include <cmath>
#include <dlfcn.h>
#include <string>
#include <unistd.h>
#include <vector>

extern "C" {
#include "dse/dspace.h"
#include "dse/bind.h"
#include "graph/encode.h"
#include "pragma/source.h"
#include "graph/export.h"
#include "dse/explore.h"
#include "model/hiermoe.h"
#include "dse/space.h"
}

using namespace llvm;

static cl::opt<std::string> ModelPath("hls-model", cl::value_desc("file.safetensors"),
                                      cl::desc("Regression model (default: hiermoe-v21.safetensors "
                                               "next to the plugin)"));
static cl::opt<std::string> ValidModelPath("hls-valid-model", cl::value_desc("file.safetensors"),
                                           cl::desc("Validity model (default: "
                                                    "hiermoe-v21-valid.safetensors next to the plugin)"));
static cl::opt<std::string> DSConfig("hls-ds-config", cl::value_desc("file.json"),
                                     cl::desc("Design space in the AutoDSE ds_config format "
                                              "(default: derived from the loops)"));
static cl::opt<bool> Explore("hls-explore", cl::init(true),
                             cl::desc("Explore the design space (false: predict only)"));
enum SearchKind { SearchAuto = HLS_SEARCH_AUTO, SearchAll = HLS_SEARCH_EXHAUSTIVE, SearchBeam = HLS_SEARCH_BEAM };
static cl::opt<SearchKind> Search(
    "hls-search", cl::init(SearchAuto), cl::desc("Search strategy"),
    cl::values(clEnumValN(SearchAuto, "auto", "exhaustive if the space fits the budget, else beam"),
               clEnumValN(SearchAll, "exhaustive", "the first -hls-budget designs in enumeration order"),
               clEnumValN(SearchBeam, "beam", "coordinate search refined by a beam")));
static cl::opt<unsigned long long> Budget("hls-budget", cl::init(100000),
                                          cl::desc("Designs to score at most"));
static cl::opt<double> BudgetSeconds("hls-budget-seconds", cl::init(0),
                                     cl::desc("Wall-clock limit of the search in seconds (0: none)"));
// The paper's filter: a design the validity classifier calls more likely to fail
// than not is not a candidate.
static cl::opt<float> MinValid("hls-min-valid", cl::init(0.5f),
                               cl::desc("Smallest predicted validity probability a design may have"));
static cl::opt<float> MaxUtil("hls-max-util", cl::init(0.8f),
                              cl::desc("Largest predicted utilisation of every resource"));
static cl::opt<float> MaxLUT("hls-max-util-lut", cl::init(-1), cl::desc("Override for LUT"));
static cl::opt<float> MaxFF("hls-max-util-ff", cl::init(-1), cl::desc("Override for FF"));
static cl::opt<float> MaxDSP("hls-max-util-dsp", cl::init(-1), cl::desc("Override for DSP"));
static cl::opt<float> MaxBRAM("hls-max-util-bram", cl::init(-1), cl::desc("Override for BRAM"));
static cl::opt<unsigned> TopK("hls-top", cl::init(10), cl::desc("Designs to report"));
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

namespace hlsmoe {
namespace {

constexpr const char *PassName = "hls-moe";

// The plugin's own directory: shipped models live next to it.
std::string pluginDir() {
  Dl_info Info;
  if (!dladdr(reinterpret_cast<void *>(&pluginDir), &Info) || !Info.dli_fname)
    return ".";
  std::string Path = Info.dli_fname;
  size_t Slash = Path.rfind('/');
  return Slash == std::string::npos ? "." : Path.substr(0, Slash);
}

std::string modelPath(const std::string &Option, const char *Default) {
  return Option.empty() ? pluginDir() + "/" + Default : Option;
}

// A regression and a validity model prepared for one kernel.
struct Predictor {
  hls_model *Reg = nullptr, *Valid = nullptr;
  hls_prepared *PReg = nullptr, *PValid = nullptr;
  hls_workspace *WReg = nullptr, *WValid = nullptr;
  std::vector<float> RegOut, ValidOut;

  ~Predictor() {
    hls_workspace_free(WReg);
    hls_workspace_free(WValid);
    hls_prepared_free(PReg);
    hls_prepared_free(PValid);
    hls_model_free(Reg);
    hls_model_free(Valid);
  }

  bool load(const hls_graph &G, hls_diags *D) {
    std::string RegPath = modelPath(ModelPath, "hiermoe-v21.safetensors");
    std::string ValidPath = modelPath(ValidModelPath, "hiermoe-v21-valid.safetensors");
    Reg = hls_model_load(RegPath.c_str(), D);
    Valid = hls_model_load(ValidPath.c_str(), D);
    if ((!Reg && ModelPath.empty()) || (!Valid && ValidModelPath.empty()))
      hls_diag_add(D, HLS_SEV_ERROR, pluginDir().c_str(), 0, 0,
                   "no shipped model next to the plugin: the build copies "
                   "model/weights/*.safetensors there; or give -hls-model= and -hls-valid-model=");
    if (!Reg || !Valid)
      return false;
    if (hls_model_task_of(Reg) != HLS_TASK_REGRESSION || hls_model_task_of(Valid) != HLS_TASK_VALIDITY) {
      hls_diag_add(D, HLS_SEV_ERROR, RegPath.c_str(), 0, 0,
                   "-hls-model must be a regression model and -hls-valid-model a validity model");
      return false;
    }
    PReg = hls_model_prepare(Reg, &G, D);
    PValid = PReg ? hls_model_prepare(Valid, &G, D) : nullptr;
    if (!PReg || !PValid)
      return false;
    WReg = hls_workspace_new(Reg, PReg);
    WValid = hls_workspace_new(Valid, PValid);
    return true;
  }

  static int score(void *Ctx, const float *Pragma, size_t N, hls_prediction *Out) {
    auto *P = static_cast<Predictor *>(Ctx);
    P->RegOut.resize(N * 5);
    P->ValidOut.resize(N);
    if (hls_model_score(P->Reg, P->PReg, P->WReg, Pragma, N, P->RegOut.data()) ||
        hls_model_score(P->Valid, P->PValid, P->WValid, Pragma, N, P->ValidOut.data()))
      return -1;
    for (size_t I = 0; I < N; I++) {
      Out[I].perf = P->RegOut[I * 5];
      for (int U = 0; U < HLS_UTILS; U++)
        Out[I].util[U] = P->RegOut[I * 5 + 1 + U];
      Out[I].valid = P->ValidOut[I];
    }
    return 0;
  }
};

// ---- formatting ---------------------------------------------------------------

// Pipeline values as modes (off, cg, flatten: the dataset writes cg as ""),
// factors as numbers.
std::string valueText(hls_dspace_value V) {
  if (V.is_string)
    return V.string[0] ? V.string : "cg";
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

struct Context {
  Module &M;
  FunctionAnalysisManager &FAM;
  const hls_graph &G;
  const hls_dspace *Space;
  const std::vector<Loop *> &Loops;
  Function *Kernel;
};

DebugLoc functionLoc(Function *F) {
  if (DISubprogram *SP = F->getSubprogram())
    return DILocation::get(F->getContext(), SP->getLine(), 1, SP);
  return DebugLoc();
}

void remark(Context &C, const char *Name, function_ref<void(OptimizationRemarkAnalysis &)> Fill,
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

void remark(Context &C, const char *Name, const std::string &Text) {
  remark(C, Name, [&](OptimizationRemarkAnalysis &R) { R << Text; });
}

// The knob values of loop L in a design, e.g. "pipeline=flatten tile=4".
std::string loopValues(const Context &C, size_t L, const hls_dspace_value *Values) {
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

void emitRemarks(Context &C, const hls_explore_result &R, bool Explored) {
  remark(C, "Prediction", [&](OptimizationRemarkAnalysis &Rem) {
    Rem << "pragmas as written";
    if (C.Space)
      Rem << " (" << ore::NV("Design", pointText(C.Space, R.current.values)) << ")";
    Rem << ": ";
    streamPrediction(Rem, R.current.pred);
    if (!R.current.feasible)
      Rem << "; outside the validity or utilisation limits";
  });
  if (Explored && !C.Space)
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

// ---- JSON report -------------------------------------------------------------------

cJSON *pointJSON(const hls_dspace *S, const hls_dspace_value *V) {
  cJSON *O = cJSON_CreateObject();
  for (size_t K = 0; S && K < hls_dspace_knob_count(S); K++) {
    if (V[K].is_string)
      cJSON_AddStringToObject(O, hls_dspace_knob_name(S, K), V[K].string);
    else
      cJSON_AddNumberToObject(O, hls_dspace_knob_name(S, K), (double)V[K].integer);
  }
  return O;
}

cJSON *designJSON(const hls_dspace *S, const hls_design &D, double Current) {
  static const char *const Utils[] = {"util_LUT", "util_FF", "util_DSP", "util_BRAM"};
  cJSON *O = cJSON_CreateObject();
  cJSON_AddItemToObject(O, "point", pointJSON(S, D.values));
  cJSON_AddNumberToObject(O, "perf", D.pred.perf);
  cJSON_AddNumberToObject(O, "latency", hls_latency_cycles(D.pred.perf));
  for (int U = 0; U < HLS_UTILS; U++)
    cJSON_AddNumberToObject(O, Utils[U], D.pred.util[U]);
  cJSON_AddNumberToObject(O, "valid", D.pred.valid);
  cJSON_AddBoolToObject(O, "feasible", D.feasible);
  cJSON_AddNumberToObject(O, "speedup", Current / hls_latency_cycles(D.pred.perf));
  return O;
}

bool writeReport(const Context &C, const hls_explore_result &R, const std::string &Space,
                 hls_diags *D) {
  cJSON *Root = cJSON_CreateObject();
  cJSON_AddStringToObject(Root, "format", "hlsmoe-report");
  cJSON_AddStringToObject(Root, "source", C.M.getSourceFileName().c_str());
  cJSON_AddStringToObject(Root, "kernel", C.G.kernel);
  cJSON_AddStringToObject(Root, "schema", hls_schema_id());
  cJSON_AddStringToObject(Root, "model", modelPath(ModelPath, "hiermoe-v21.safetensors").c_str());
  double Current = hls_latency_cycles(R.current.pred.perf);
  cJSON_AddItemToObject(Root, "current", designJSON(C.Space, R.current, Current));
  cJSON *S = cJSON_AddObjectToObject(Root, "space");
  cJSON_AddStringToObject(S, "source", Space.c_str());
  cJSON_AddNumberToObject(S, "size", (double)R.space_size);
  cJSON_AddBoolToObject(S, "exact", R.space_exact);
  cJSON *Search = cJSON_AddObjectToObject(Root, "search");
  cJSON_AddStringToObject(Search, "strategy", R.exhaustive ? "exhaustive" : "coordinate-beam");
  cJSON_AddNumberToObject(Search, "scored", (double)R.scored);
  cJSON_AddNumberToObject(Search, "seconds", R.seconds);
  cJSON_AddBoolToObject(Search, "stopped_by_time", R.stopped_by_time);
  cJSON *Top = cJSON_AddArrayToObject(Root, "top");
  for (size_t I = 0; I < R.ntop; I++)
    cJSON_AddItemToArray(Top, designJSON(C.Space, R.top[I], Current));
  char *Text = cJSON_Print(Root);
  cJSON_Delete(Root);
  bool OK = Text && hls_write_text(ReportPath.c_str(), Text) == 0;
  if (!OK)
    hls_diag_add(D, HLS_SEV_ERROR, ReportPath.c_str(), 0, 0, "cannot write the report: %s",
                 strerror(errno));
  free(Text);
  return OK;
}

// ---- rewrite --------------------------------------------------------------------------

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

// The design's value of every knob slot of the loop, as hls.* values plus the
// matching llvm.loop hints; marked hls.rewritten so that annotating the
// result again does not take the hints for user pragmas.
void rewriteLoop(const Context &C, size_t L, const hls_dspace_value *Values) {
  Loop *LL = C.Loops[L];
  LLVMContext &Ctx = LL->getHeader()->getContext();
  const hls_graph_loop &GL = C.G.loops[L];
  SmallVector<Metadata *, 16> Ops{nullptr};
  if (MDNode *Old = LL->getLoopID())
    for (const MDOperand &Op : drop_begin(Old->operands()))
      if (!replacedOperand(Op))
        Ops.push_back(Op.get());
  auto knob = [&](const hls_graph_slot &S) { return Values[hls_dspace_knob_index(C.Space, S.knob)]; };
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
  LL->setLoopID(ID);
}

// ---- driver -----------------------------------------------------------------------------

hls_explore_options exploreOptions() {
  hls_explore_options O;
  hls_explore_defaults(&O);
  O.budget = Budget;
  O.seconds = BudgetSeconds;
  O.min_valid = MinValid;
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
  return G.nknobs ? hls_space_derive(&G, D) : nullptr;
}

Function *kernelOf(Module &M, const hls_graph &G) {
  if (G.kernel[0])
    return M.getFunction(G.kernel);
  return M.getFunction(G.functions[0]);
}

// ---- offline exploration check against labelled points -----------------------------------

struct Labelled {
  double Latency; // true cycles; 0 when the HLS run failed
  bool Valid;     // synthesized (latency >= 100) with every utilisation < 0.8
};

// Reads the labelled points of the oracle file and their pragma matrices.
bool readOracle(const hls_graph &G, std::vector<Labelled> &Points, std::vector<float> &Pragma,
                hls_diags *D) {
  hls_source File;
  if (hls_source_read_file(&File, Oracle.c_str())) {
    hls_diag_add(D, HLS_SEV_ERROR, Oracle.c_str(), 0, 0, "cannot read the labelled points");
    return false;
  }
  std::vector<hls_knob_setting> Settings(G.nknobs + 1);
  size_t Row = G.nscopes * HLS_PRAGMA_DIM;
  unsigned LineNo = 0;
  bool OK = true;
  for (char *Line = strtok(File.text, "\n"); Line && OK; Line = strtok(nullptr, "\n")) {
    std::string Where = Oracle + ":" + std::to_string(++LineNo);
    hls_point Pt = {};
    cJSON *Obj = cJSON_Parse(Line);
    if (!Obj || hls_point_parse(&Pt, Where.c_str(), Line, D) ||
        hls_bind_graph(&G, &Pt, Settings.data(), D)) {
      if (!Obj)
        hls_diag_add(D, HLS_SEV_ERROR, Where.c_str(), 0, 0, "malformed JSON line");
      OK = false;
    } else {
      Labelled L = {};
      L.Latency = cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(Obj, "perf"));
      L.Valid = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(Obj, "valid"));
      Points.push_back(L);
      Pragma.resize(Points.size() * Row + 1);
      hls_encode_settings(&G, Settings.data(), Pragma.data() + (Points.size() - 1) * Row);
    }
    hls_point_free(&Pt);
    cJSON_Delete(Obj);
  }
  hls_source_free(&File);
  return OK;
}

// Ranks the labelled points by prediction (feasible ones, lowest predicted
// latency first) and reports how good the top K truly are.
void oracleCheck(Context &C, Predictor &P, const hls_explore_options &O, hls_diags *D) {
  std::vector<Labelled> Points;
  std::vector<float> Pragma;
  if (!readOracle(C.G, Points, Pragma, D))
    return;
  size_t Row = C.G.nscopes * HLS_PRAGMA_DIM;
  std::vector<hls_prediction> Pred(Points.size() + 1);
  for (size_t I = 0; I < Points.size(); I += 512) {
    size_t N = std::min<size_t>(512, Points.size() - I);
    if (Predictor::score(&P, Pragma.data() + I * Row, N, Pred.data() + I)) {
      hls_diag_add(D, HLS_SEV_ERROR, Oracle.c_str(), 0, 0, "scoring the labelled points failed");
      return;
    }
  }
  std::vector<size_t> Order;
  for (size_t I = 0; I < Points.size(); I++) {
    bool Feasible = Pred[I].valid >= O.min_valid;
    for (int U = 0; U < HLS_UTILS; U++)
      Feasible &= Pred[I].util[U] < O.max_util[U];
    if (Feasible)
      Order.push_back(I);
  }
  std::stable_sort(Order.begin(), Order.end(),
                   [&](size_t A, size_t B) { return Pred[A].perf > Pred[B].perf; });
  double Best = 0, BestTop = 0;
  size_t Rank = 0;
  for (const Labelled &L : Points)
    if (L.Valid && L.Latency > 0 && (Best == 0 || L.Latency < Best))
      Best = L.Latency;
  for (size_t R = 0; R < std::min<size_t>(O.top_k, Order.size()); R++) {
    const Labelled &L = Points[Order[R]];
    if (L.Valid && L.Latency > 0 && (BestTop == 0 || L.Latency < BestTop))
      BestTop = L.Latency, Rank = R + 1;
  }
  // Baseline in the same run: K points drawn at random with replacement
  // (fixed seed), the median over 1001 draws of their best valid latency over
  // the best labelled.
  std::vector<double> Draws;
  uint64_t Seed = 0x9e3779b97f4a7c15ULL;
  for (int T = 0; T < 1001 && Best > 0; T++) {
    double BestDraw = 0;
    for (size_t K = 0; K < std::min<size_t>(O.top_k, Points.size()); K++) {
      Seed = Seed * 6364136223846793005ULL + 1442695040888963407ULL;
      const Labelled &L = Points[(Seed >> 33) % Points.size()];
      if (L.Valid && L.Latency > 0 && (BestDraw == 0 || L.Latency < BestDraw))
        BestDraw = L.Latency;
    }
    Draws.push_back(BestDraw > 0 ? BestDraw / Best : 1e9); // no valid point drawn: worst
  }
  std::sort(Draws.begin(), Draws.end());
  std::string Baseline = Draws.empty()                     ? "n/a"
                         : Draws[Draws.size() / 2] >= 1e9 ? "none valid"
                                                          : fixed(Draws[Draws.size() / 2], 3);
  remark(C, "OracleCheck", [&](OptimizationRemarkAnalysis &Rem) {
    Rem << "offline check on " << ore::NV("Labelled", (unsigned)Points.size())
        << " labelled points: " << ore::NV("Feasible", (unsigned)Order.size())
        << " predicted feasible; best valid true latency among the top " << ore::NV("K", O.top_k)
        << ": " << ore::NV("TopLatency", (unsigned long long)BestTop) << " cycles (rank "
        << ore::NV("TopRank", (unsigned)Rank) << "); best valid labelled: "
        << ore::NV("BestLatency", (unsigned long long)Best) << " cycles; ratio "
        << ore::NV("Ratio", Best <= 0      ? std::string("n/a")
                            : BestTop > 0 ? fixed(BestTop / Best, 3)
                                          : std::string("none valid"))
        << "; random " << ore::NV("K", O.top_k) << " points: median ratio "
        << ore::NV("RandomRatio", Baseline);
  });
}

// Loads the models and the space, predicts the design as written, explores
// (or runs the oracle check), reports and rewrites.  Returns whether the IR
// changed.  Errors go to D; SpaceSource names the space for them.
bool predictAndExplore(Module &M, FunctionAnalysisManager &FAM, const hls_graph &G,
                       const std::vector<Loop *> &Loops, std::string &SpaceSource, hls_diags *D) {
  Predictor P;
  hls_dspace *Space = nullptr;
  hls_point Point = {};
  hls_explore_result R = {};
  bool Changed = false;
  if (P.load(G, D) && ((Space = loadSpace(G, SpaceSource, D)) || (!G.nknobs && !D->errors))) {
    std::vector<hls_dspace_value> Current((Space ? hls_dspace_knob_count(Space) : 0) + 1);
    bool HavePoint = !pointFileOption().empty();
    if ((!HavePoint || hls_point_load(&Point, pointFileOption().c_str(), D) == 0) &&
        (!Space || hls_bind_space(Space, HavePoint ? &Point : nullptr, Current.data(), D) == 0)) {
      hls_explore_options O = exploreOptions();
      O.predict_only = !Explore || !Space;
      Context C{M, FAM, G, Space, Loops, kernelOf(M, G)};
      if (!Oracle.empty())
        oracleCheck(C, P, O, D);
      else if (hls_explore(&G, Space, Current.data(), Predictor::score, &P, &O, &R, D) == 0) {
        emitRemarks(C, R, Explore);
        if (!ReportPath.empty())
          writeReport(C, R, SpaceSource, D);
        for (size_t L = 0; Rewrite && R.ntop && L < G.nloops; L++)
          if (G.loops[L].scope >= 0) {
            rewriteLoop(C, L, R.top[0].values);
            Changed = true;
          }
      }
    }
  }
  hls_explore_result_free(&R);
  hls_point_free(&Point);
  if (Space)
    hls_dspace_free(Space);
  return Changed;
}

} // namespace

PreservedAnalyses MoEPass::run(Module &M, ModuleAnalysisManager &MAM) {
  hls_graph G;
  std::vector<Loop *> Loops;
  if (!buildModuleGraph(M, MAM, &G, /*EmitRemarks=*/false, &Loops))
    return PreservedAnalyses::all();
  auto &FAM = MAM.getResult<FunctionAnalysisManagerModuleProxy>(M).getManager();
  hls_diags D;
  hls_diags_init(&D);
  if (M.getFunction("llvm.lifetime.start.p0"))
    hls_diag_add(&D, HLS_SEV_WARNING, M.getSourceFileName().c_str(), 0, 0,
                 "this IR comes from clang at -O1 or above (it has lifetime markers); the model "
                 "was trained on -O0 IR, whose graphs differ: compile with -O0 for predictions "
                 "you can trust");
  std::string SpaceSource;
  bool Changed = predictAndExplore(M, FAM, G, Loops, SpaceSource, &D);
  for (size_t I = 0; I < D.count; I++)
    if (!D.items[I].file[0]) { // space/graph mismatches: name what was compared
      free(D.items[I].file);
      D.items[I].file = hls_xstrdup(SpaceSource == "derived" || SpaceSource.empty()
                                        ? M.getSourceFileName().c_str()
                                        : SpaceSource.c_str());
    }
  hls_diags_sort(&D);
  emitDiagnostics(M, D, PassName);
  hls_diags_free(&D);
  hls_graph_free(&G);
  if (!Changed)
    return PreservedAnalyses::all();
  PreservedAnalyses PA;
  PA.preserveSet<CFGAnalyses>();
  return PA;
}

} // namespace hlsmoe
