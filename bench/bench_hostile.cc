// Time per megabyte of the adversarial shapes within the default limits
// (issue 18, "linear time on every input within the limits"): each shape at
// 10 KB, 100 KB and 1 MB through check() alone and check() plus the text
// renderer. Linear means the "ns/byte" column is flat along a shape's rows.
//
//   bench_hostile [google-benchmark flags]   prints the usual table, then one
//                                            summary table per shape
//
// Shapes (built here, nothing is read from disk):
//   duplicate-keys  objects of 1,000 identical keys (one CC002 per object)
//   wide-objects    targets whose identity holds 990 undeclared members (a
//                   CC201 warning each: the "many findings" case, capped)
//   deep-nesting    62-level object chains under an undeclared member
//   long-strings    8,000-byte strings (the limit is 8 KiB) in an array
//   many-targets    up to 10,000 targets with the same malformed id (CC205
//                   and CC211 per target)
#include <benchmark/benchmark.h>

#include <cstdio>     // std::printf
#include <map>        // std::map
#include <ostream>    // std::ostream
#include <sstream>    // std::ostringstream
#include <streambuf>  // std::streambuf
#include <string>     // std::string
#include <vector>     // std::vector

#include <callcheck/check.h>
#include <callcheck/render.h>

namespace {

namespace cc = callcheck;

const std::string kHead =
    R"({"callbackUri":"https://bot.contoso.com/callback","mediaConfig":{"@odata.type":"#microsoft.graph.serviceHostedMediaConfig"},"requestedModalities":["audio"],)";

auto repeat(const std::string &s, std::size_t n) -> std::string {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

// Joins copies of `unit` (made by `make(i)`) inside `open`/`close` until the
// document would pass `bytes` or `max_units` (the element limit).
template <typename Make>
auto fill(std::size_t bytes, const std::string &open, const std::string &close, Make make,
          std::size_t max_units = 10000) -> std::string {
  std::string out = open;
  for (std::size_t i = 0; i < max_units; ++i) {
    const std::string unit = make(i);
    if (out.size() + unit.size() + 1 + close.size() > bytes) break;
    if (i > 0) out += ',';
    out += unit;
  }
  return out + close;
}

auto duplicate_keys(std::size_t bytes) -> std::string {
  const std::string object = "{" + repeat("\"k\":0,", 999) + "\"k\":0}";
  return fill(bytes, "[", "]", [&](std::size_t) { return object; });
}

auto wide_objects(std::size_t bytes) -> std::string {
  std::string members;
  for (int j = 0; j < 990; ++j) members += ",\"m" + std::to_string(j) + "\":0";
  return fill(bytes, kHead + "\"targets\":[", "]}", [&](std::size_t i) {
    return R"({"identity":{"user":{"id":"8a34a46b-3d17-4adc-8dce-)" + std::to_string(100000000000 + i) + "\"}" +
           members + "}}";
  });
}

auto deep_nesting(std::size_t bytes) -> std::string {
  const std::string chain = repeat("{\"a\":", 62) + "1" + repeat("}", 62);
  return fill(bytes, kHead + R"("targets":[{"identity":{"user":{"id":"8a34a46b-3d17-4adc-8dce-dc4e7d572698"}}}],"x":[)",
              "]}", [&](std::size_t) { return chain; });
}

auto long_strings(std::size_t bytes) -> std::string {
  const std::string s = "\"" + std::string(8000, 'x') + "\"";
  return fill(bytes, kHead + R"("targets":[{"identity":{"user":{"id":"8a34a46b-3d17-4adc-8dce-dc4e7d572698"}}}],"x":[)",
              "]}", [&](std::size_t) { return s; });
}

auto many_targets(std::size_t bytes) -> std::string {
  const std::string target = R"({"identity":{"user":{"id":"8a34a46b-3d17-4adc-8dce-dc4e7d57269"}}})";
  return fill(bytes, kHead + "\"targets\":[", "]}", [&](std::size_t) { return target; });
}

struct Shape {
  const char *name;
  std::string (*make)(std::size_t);
};
const Shape kShapes[] = {{"duplicate-keys", duplicate_keys},
                         {"wide-objects", wide_objects},
                         {"deep-nesting", deep_nesting},
                         {"long-strings", long_strings},
                         {"many-targets", many_targets}};
const std::size_t kSizes[] = {10'000, 100'000, 1'000'000};

// Output goes nowhere, but every byte is formatted.
class NullBuffer final : public std::streambuf {
 protected:
  auto overflow(int c) -> int override { return c; }
  auto xsputn(const char *, std::streamsize n) -> std::streamsize override { return n; }
};

struct Case {
  const Shape *shape;
  std::size_t size;
  bool render;
  std::string text;
  std::size_t findings = 0;
  std::size_t omitted = 0;
};

void run_case(benchmark::State &state, Case *c) {
  const cc::Options options;
  NullBuffer null;
  std::ostream sink(&null);
  const auto renderer = cc::make_renderer(cc::Format::Text, cc::RenderOptions{});
  for (auto _ : state) {
    cc::Report report = cc::check(c->text, "hostile.json", options);
    if (c->render) {
      cc::Summary summary;
      summary.add(report);
      renderer->file(sink, report, c->text);
      renderer->end(sink, summary);
    }
    c->findings = report.diagnostics.size();
    c->omitted = report.omitted;
    benchmark::DoNotOptimize(report.diagnostics.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * c->text.size()));
  state.counters["bytes"] = static_cast<double>(c->text.size());
  state.counters["findings"] = static_cast<double>(c->findings);
  state.counters["omitted"] = static_cast<double>(c->omitted);
}

// The usual console output, then a table of CPU time per MB (median when
// repeated), one row per shape and size, for bench/RESULTS.md.
class PerMbReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run> &runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const Run &r : runs) {
      if (r.run_type == Run::RT_Aggregate && r.aggregate_name != "median") continue;
      if (r.run_type == Run::RT_Iteration && r.repetitions > 1) continue;
      const double seconds = r.GetAdjustedCPUTime() / benchmark::GetTimeUnitMultiplier(r.time_unit);
      Row &row = rows_[r.run_name.function_name];
      row.seconds = seconds;
      row.bytes = r.counters.at("bytes");
      row.findings = r.counters.at("findings");
      row.omitted = r.counters.at("omitted");
    }
  }
  void Finalize() override {
    ConsoleReporter::Finalize();
    std::printf(
        "\n| shape | stage | bytes | findings kept (omitted) | CPU time | ms per MB | ns per byte |\n"
        "|---|---|---:|---:|---:|---:|---:|\n");
    for (const auto &[name, row] : rows_) {
      const std::size_t slash = name.find('/');
      std::printf("| %s | %s | %.0f | %.0f (%.0f) | %.3f ms | %.1f | %.1f |\n", name.substr(0, slash).c_str(),
                  name.substr(slash + 1, name.rfind('/') - slash - 1).c_str(), row.bytes, row.findings, row.omitted,
                  row.seconds * 1e3, row.seconds * 1e3 / (row.bytes / 1e6), row.seconds * 1e9 / row.bytes);
    }
  }

 private:
  struct Row {
    double seconds = 0, bytes = 0, findings = 0, omitted = 0;
  };
  std::map<std::string, Row> rows_;
};

}  // namespace

auto main(int argc, char **argv) -> int {
  std::vector<Case> cases;
  for (const Shape &shape : kShapes) {
    for (const bool render : {false, true}) {
      for (const std::size_t size : kSizes) cases.push_back(Case{&shape, size, render, shape.make(size)});
    }
  }
  for (Case &c : cases) {
    char size[32];
    std::snprintf(size, sizeof size, "%07zu", c.size);  // sorts numerically in the table
    const std::string name = std::string(c.shape->name) + "/" + (c.render ? "check+text" : "check") + "/" + size;
    benchmark::RegisterBenchmark(name.c_str(), run_case, &c)->Unit(benchmark::kMillisecond);
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  PerMbReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}
