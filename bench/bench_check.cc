// Per-payload cost of callcheck, stage by stage, as ratios to the RapidJSON
// DOM parse of the same payloads measured in the same run (PERFORMANCE.md 8:
// absolute times move up to 3x with the host's load; ratios do not).
//
//   bench_check [google-benchmark flags]   times; prints a ratio table at the end
//   bench_check --callgrind=STAGE/SET      one warm pass, then the measured loop
//                                          inside callcheck_bench_measured() for
//                                          bench/callgrind.sh (--toggle-collect)
//   bench_check --allocs=STAGE/SET [reps]  one warm pass, then heap allocations
//                                          (malloc, calloc, realloc; operator new
//                                          goes through malloc) per payload
//
// Payload sets: "all" = every corpus payload (../shared/corpus/graph-docs) and
// sample (samples/valid) that is syntactically valid JSON; "clean" = those
// without an error-severity diagnostic (what a valid request costs);
// "invalid" = the others (what a rejected request costs).
#include "document/rapidjson_adapter.h"
#include "schema/valijson_adapter.h"

#include <benchmark/benchmark.h>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <algorithm>   // std::sort
#include <atomic>      // std::atomic
#include <cstdio>      // std::printf
#include <cstring>     // std::strncmp
#include <filesystem>  // std::filesystem
#include <fstream>     // std::ifstream
#include <iterator>    // std::istreambuf_iterator
#include <map>         // std::map
#include <memory>      // std::unique_ptr
#include <sstream>     // std::ostringstream
#include <string>      // std::string
#include <utility>     // std::pair
#include <vector>      // std::vector

#include <callcheck/check.h>
#include <callcheck/render.h>

#include "document/document.h"
#include "permissions/permissions.h"
#include "rules/rule.h"
#include "scenario/classify.h"
#include "schema/compiled.h"
#include "schema/navigator.h"
#include "schema/registry.h"
#include "schema/validate.h"

// Heap allocations, counted while `counting` is set (--allocs). glibc lets
// an executable define malloc and reach its own through __libc_malloc; every
// operator new of libstdc++ ends in malloc, so this sees RapidJSON's
// CrtAllocator and the standard containers alike, deterministically.
extern "C" {
void *__libc_malloc(std::size_t);  // NOLINT(bugprone-reserved-identifier)
void *__libc_calloc(std::size_t, std::size_t);
void *__libc_realloc(void *, std::size_t);
}
namespace {
std::atomic<bool> counting{false};
std::atomic<long> allocations{0};
std::atomic<long> allocated_bytes{0};
void count(std::size_t bytes) {
  if (!counting.load(std::memory_order_relaxed)) return;
  allocations.fetch_add(1, std::memory_order_relaxed);
  allocated_bytes.fetch_add(static_cast<long>(bytes), std::memory_order_relaxed);
}
}  // namespace
extern "C" void *malloc(std::size_t size) {
  count(size);
  return __libc_malloc(size);
}
extern "C" void *calloc(std::size_t n, std::size_t size) {
  count(n * size);
  return __libc_calloc(n, size);
}
extern "C" void *realloc(void *p, std::size_t size) {
  count(size);
  return __libc_realloc(p, size);
}

namespace {

namespace cc = callcheck;
namespace ccd = callcheck::detail;

struct Payload {
  std::string name;
  std::string text;
  cc::ApiVersion api = cc::ApiVersion::V1;
  // Inputs of the later stages, computed once so each stage can run alone.
  std::unique_ptr<ccd::Document> doc;
  std::vector<ccd::Finding> schema;
  cc::Scenario scenario;
  cc::Report report;  // of check(), for the render stage
};

struct Corpus {
  std::vector<Payload> all;
  std::vector<Payload *> sets[3];  // 0 = all, 1 = clean, 2 = invalid
};

auto read_text(const std::filesystem::path &p) -> std::string {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

auto load() -> Corpus & {
  static Corpus corpus = [] {
    Corpus c;
    std::vector<std::filesystem::path> files;
    for (const char *dir : {CALLCHECK_SHARED_DIR "/corpus/graph-docs", CALLCHECK_SAMPLES_DIR "/valid"}) {
      std::error_code ec;
      for (const auto &e : std::filesystem::directory_iterator(dir, ec)) {
        if (e.path().extension() == ".json") files.push_back(e.path());
      }
    }
    std::sort(files.begin(), files.end());
    c.all.reserve(files.size());
    for (const auto &f : files) {
      Payload p;
      p.name = f.filename().string();
      p.text = read_text(f);
      p.api = p.name.rfind("beta-", 0) == 0 ? cc::ApiVersion::Beta : cc::ApiVersion::V1;
      auto doc = std::make_unique<ccd::Document>(ccd::Document::parse(p.text, cc::Limits{}));
      if (!doc->has_dom()) continue;
      p.doc = std::move(doc);
      c.all.push_back(std::move(p));
    }
    for (Payload &p : c.all) {
      // Re-point the Document at the moved string's final storage.
      p.doc = std::make_unique<ccd::Document>(ccd::Document::parse(p.text, cc::Limits{}));
      p.schema = ccd::validate_schema(*p.doc, p.api);
      std::vector<ccd::Finding> ignored;
      p.scenario = ccd::classify(*p.doc, ignored);
      cc::Options options;
      options.api = p.api;
      p.report = cc::check(p.text, p.name, options);
      c.sets[0].push_back(&p);
      c.sets[p.report.count(cc::Severity::Error) == 0 ? 1 : 2].push_back(&p);
    }
    return c;
  }();
  return corpus;
}

constexpr int kSets = 3;
const char *const kSetNames[kSets] = {"all", "clean", "invalid"};

// ---- the stages; each processes one payload ----

void stage_floor(const Payload &p) {
  rapidjson::Document d;
  d.Parse<rapidjson::kParseIterativeFlag>(p.text.data(), p.text.size());
  benchmark::DoNotOptimize(d.HasParseError());
}

void stage_full(const Payload &p) {
  static const cc::Options v1 = [] {
    cc::Options o;
    o.api = cc::ApiVersion::V1;
    return o;
  }();
  static const cc::Options beta = [] {
    cc::Options o;
    o.api = cc::ApiVersion::Beta;
    return o;
  }();
  cc::Report r = cc::check(p.text, p.name, p.api == cc::ApiVersion::Beta ? beta : v1);
  benchmark::DoNotOptimize(r.diagnostics.data());
}

void stage_parse(const Payload &p) {
  ccd::Document d = ccd::Document::parse(p.text, cc::Limits{});
  benchmark::DoNotOptimize(d.has_dom());
}

void stage_schema(const Payload &p) {
  auto f = ccd::validate_schema(*p.doc, p.api);
  benchmark::DoNotOptimize(f.data());
}

// The schema stage as it was before the compiled checkers (issue 14):
// valijson fail-fast, then again collecting errors for an invalid payload.
// Kept so one run shows both; the findings are made the same way after it.
void stage_schema_valijson(const Payload &p) {
  thread_local valijson::Validator validator;
  static const valijson::Schema &v1 = ccd::SchemaRegistry::instance().compiled("graph/v1.0/call.schema.json");
  static const valijson::Schema &beta = ccd::SchemaRegistry::instance().compiled("graph/beta/call.schema.json");
  const valijson::adapters::RapidJsonAdapter target(p.doc->root());
  const valijson::Schema &schema = p.api == cc::ApiVersion::Beta ? beta : v1;
  if (validator.validate(schema, target, nullptr)) return;
  valijson::ValidationResults results;
  benchmark::DoNotOptimize(validator.validate(schema, target, &results));
}

// The compiled checker's verdict alone.
void stage_schema_verdict(const Payload &p) {
  static const ccd::CompiledCheck v1 = ccd::compiled_check("graph/v1.0/call.schema.json");
  static const ccd::CompiledCheck beta = ccd::compiled_check("graph/beta/call.schema.json");
  benchmark::DoNotOptimize((p.api == cc::ApiVersion::Beta ? beta : v1)(p.doc->root()));
}

void stage_classify(const Payload &p) {
  std::vector<ccd::Finding> out;
  cc::Scenario s = ccd::classify(*p.doc, out);
  benchmark::DoNotOptimize(&s);
}

// As in check.cc: the create-call Navigator (built once per process), then
// every registered rule.
void stage_rules(const Payload &p) {
  const ccd::Navigator &nav = ccd::Navigator::for_call(p.api);
  const ccd::RuleContext context{*p.doc, nav, p.scenario, p.api, std::string_view{}, p.schema};
  ccd::DiagnosticSink sink;
  static const std::vector<const ccd::Rule *> all(ccd::builtin_rules().begin(), ccd::builtin_rules().end());
  ccd::run_rules(all, context, sink);
  benchmark::DoNotOptimize(sink.findings().data());
}

void stage_scopes(const Payload &p) {
  ccd::ScopeRequirement r = ccd::required_scopes(p.scenario, *p.doc, p.api);
  benchmark::DoNotOptimize(r.required.data());
}

// One report through the `--format json` renderer, as `check` streams a
// batch: one renderer and one output stream for the whole run.
void stage_render_json(const Payload &p) {
  static std::ostringstream out;
  static const std::unique_ptr<cc::Renderer> renderer = [] {
    auto r = cc::make_renderer(cc::Format::Json, cc::RenderOptions{});
    r->begin(out);
    return r;
  }();
  renderer->file(out, p.report, p.text);
  if (out.tellp() > (1 << 20)) out.str({});  // bounded; the renderer keeps writing into the same stream
}

struct Stage {
  const char *name;
  void (*fn)(const Payload &);
};
const Stage kStages[] = {
    {"floor_rapidjson_parse", stage_floor},
    {"full_check", stage_full},
    {"stage_parse", stage_parse},
    {"stage_schema", stage_schema},
    {"stage_schema_valijson", stage_schema_valijson},
    {"stage_schema_verdict", stage_schema_verdict},
    {"stage_classify", stage_classify},
    {"stage_rules", stage_rules},
    {"stage_scopes", stage_scopes},
    {"stage_render_json", stage_render_json},
};

void run_stage(benchmark::State &state, const Stage *stage, int set) {
  const auto &payloads = load().sets[set];
  for (const Payload *p : payloads) stage->fn(*p);  // warm: schema compile, regex caches
  for (auto _ : state) {
    for (const Payload *p : payloads) stage->fn(*p);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * payloads.size()));
  state.counters["payloads"] = static_cast<double>(payloads.size());
}

// Prints the usual console output, then one table: per-payload time and the
// ratio to the floor of the same set, from this run (medians when repeated).
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run> &runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const Run &r : runs) {
      if (r.run_type == Run::RT_Aggregate && r.aggregate_name != "median") continue;
      if (r.run_type == Run::RT_Iteration && r.repetitions > 1) continue;
      const auto it = r.counters.find("payloads");
      const double n = it == r.counters.end() ? 1.0 : static_cast<double>(it->second);
      const double ns = r.GetAdjustedCPUTime() * benchmark::GetTimeUnitMultiplier(benchmark::kNanosecond) /
                        benchmark::GetTimeUnitMultiplier(r.time_unit) / n;
      per_payload_ns_[r.run_name.function_name] = ns;
      counts_[r.run_name.function_name] = n;
    }
  }
  void Finalize() override {
    ConsoleReporter::Finalize();
    std::printf("\n| stage | set | payloads | CPU time / payload | x floor |\n|---|---|---:|---:|---:|\n");
    for (int set = 0; set < kSets; ++set) {
      const std::string floor_key = std::string(kStages[0].name) + "/" + kSetNames[set];
      const auto f = per_payload_ns_.find(floor_key);
      for (const Stage &s : kStages) {
        const std::string key = std::string(s.name) + "/" + kSetNames[set];
        const auto it = per_payload_ns_.find(key);
        if (it == per_payload_ns_.end()) continue;
        const double ratio = f == per_payload_ns_.end() ? 0.0 : it->second / f->second;
        std::printf("| %s | %s | %.0f | %.2f us | %.2f |\n", s.name, kSetNames[set], counts_[key], it->second / 1000.0,
                    ratio);
      }
    }
  }

 private:
  std::map<std::string, double> per_payload_ns_;
  std::map<std::string, double> counts_;
};

}  // namespace

// The one function callgrind counts (bench/callgrind.sh --toggle-collect).
extern "C" [[gnu::noinline]] void callcheck_bench_measured(const Stage *stage, int set, int reps) {
  for (int r = 0; r < reps; ++r) {
    for (const Payload *p : load().sets[set]) stage->fn(*p);
  }
}

// "STAGE/SET" of --callgrind= and --allocs=; an unknown set is "all" (0).
auto parse_spec(const std::string &spec) -> std::pair<std::string, int> {
  const auto slash = spec.find('/');
  int set = 0;
  for (int i = 0; i < kSets; ++i) {
    if (slash != std::string::npos && spec.substr(slash + 1) == kSetNames[i]) set = i;
  }
  return {spec.substr(0, slash), set};
}

auto main(int argc, char **argv) -> int {
  if (argc >= 2 && std::strncmp(argv[1], "--callgrind=", 12) == 0) {
    const auto [stage_name, set] = parse_spec(argv[1] + 12);
    const int reps = argc >= 3 ? std::atoi(argv[2]) : 3;
    for (const Stage &s : kStages) {
      if (stage_name != s.name) continue;
      callcheck_bench_measured(&s, set, 0);  // load() outside the measured region
      for (const Payload *p : load().sets[set]) s.fn(*p);
      callcheck_bench_measured(&s, set, reps);
      std::printf("%s %s payloads=%zu reps=%d\n", s.name, kSetNames[set], load().sets[set].size(), reps);
      return 0;
    }
    std::fprintf(stderr, "unknown stage %s\n", stage_name.c_str());
    return 2;
  }
  if (argc >= 2 && std::strncmp(argv[1], "--allocs=", 9) == 0) {
    const auto [stage_name, set] = parse_spec(argv[1] + 9);
    const int reps = argc >= 3 ? std::atoi(argv[2]) : 3;
    for (const Stage &s : kStages) {
      if (stage_name != s.name) continue;
      const auto &payloads = load().sets[set];
      for (const Payload *p : payloads) s.fn(*p);  // warm: caches built once per process
      counting = true;
      callcheck_bench_measured(&s, set, reps);
      counting = false;
      const double n = static_cast<double>(reps) * static_cast<double>(payloads.size());
      std::printf("%s %s payloads=%zu reps=%d allocations/payload=%.1f bytes/payload=%.0f\n", s.name, kSetNames[set],
                  payloads.size(), reps, static_cast<double>(allocations.load()) / n,
                  static_cast<double>(allocated_bytes.load()) / n);
      return 0;
    }
    std::fprintf(stderr, "unknown stage %s\n", stage_name.c_str());
    return 2;
  }
  for (const Stage &s : kStages) {
    for (int set = 0; set < kSets; ++set) {
      benchmark::RegisterBenchmark((std::string(s.name) + "/" + kSetNames[set]).c_str(), run_stage, &s, set);
    }
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  load();
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}
