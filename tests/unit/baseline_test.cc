// Baselines: writing, applying (count-aware) and stale entries (src/config/baseline.h).
#include "config/baseline.h"

#include <gtest/gtest.h>

#include <cstdlib>  // std::getenv

#include "callcheck/callcheck.h"
#include "test_util.h"

namespace callcheck::detail {
namespace {

// Time limits are for optimised builds; ASan+Debug (tests/sanitize.sh) runs
// about ten times slower, and the quadratic code this guards against far more.
auto time_budget(double seconds) -> double {
  const char *asan = std::getenv("CALLCHECK_UNDER_ASAN");
  return asan != nullptr && std::string(asan) == "1" ? seconds * 10 : seconds;
}

auto finding(std::string code, std::string pointer, std::uint32_t line = 1) -> Diagnostic {
  Diagnostic d;
  d.code = std::move(code);
  d.severity = Severity::Warning;
  d.pointer = std::move(pointer);
  d.span = Span{Position{line, 1}, Position{line, 2}};
  return d;
}

auto report(std::vector<Diagnostic> list) -> Report {
  Report r;
  r.diagnostics = std::move(list);
  return r;
}

TEST(BaselineTest, WritesSortedEntriesKeyedOnPathCodePointer) {
  BaselineWriter writer;
  writer.add(report({finding("CC201", "/b", 3), finding("CC201", "/b", 9), finding("CC101", "")}), "z/p.json");
  writer.add(report({finding("CC205", "/targets/0/identity/user/id")}), "a.json");
  Report unreadable = report({finding("CC010", "")});
  unreadable.input_error = true;
  writer.add(unreadable, "gone.json");
  EXPECT_EQ(writer.size(), 3U);
  EXPECT_EQ(
      writer.to_json(),
      "{\n  \"version\": 1,\n  \"entries\": [\n"
      "    {\"path\": \"a.json\", \"code\": \"CC205\", \"pointer\": \"/targets/0/identity/user/id\", \"count\": 1},\n"
      "    {\"path\": \"z/p.json\", \"code\": \"CC101\", \"pointer\": \"\", \"count\": 1},\n"
      "    {\"path\": \"z/p.json\", \"code\": \"CC201\", \"pointer\": \"/b\", \"count\": 2}\n"
      "  ]\n}\n");
}

TEST(BaselineTest, EmptyBaselineRoundTrips) {
  const BaselineWriter writer;
  const BaselineLoad load = parse_baseline(writer.to_json());
  EXPECT_TRUE(load.errors.empty());
  EXPECT_TRUE(load.entries.empty());
}

TEST(BaselineTest, WrittenBaselineParsesBackWithPositions) {
  BaselineWriter writer;
  writer.add(report({finding("CC201", "/x\"y"), finding("CC101", "")}), "a b.json");
  const BaselineLoad load = parse_baseline(writer.to_json());
  ASSERT_TRUE(load.errors.empty()) << load.errors.front().message;
  ASSERT_EQ(load.entries.size(), 2U);
  EXPECT_EQ(load.entries[1].pointer, "/x\"y");
  EXPECT_EQ(load.entries[1].path, "a b.json");
  EXPECT_EQ(load.entries[0].span.begin.line, 4U);
  EXPECT_EQ(load.entries[1].span.begin.line, 5U);
  EXPECT_EQ(load.entries[1].span.begin.column, 5U);
}

TEST(BaselineTest, InvalidBaselineIsCC401) {
  const BaselineLoad bad_json = parse_baseline("{\"version\": 1, \"entries\": [}");
  ASSERT_FALSE(bad_json.errors.empty());
  EXPECT_EQ(bad_json.errors[0].code, "CC401");
  const BaselineLoad bad_shape =
      parse_baseline("{\"version\": 1,\n\"entries\": [{\"path\": \"a.json\", \"code\": \"CC101\", \"count\": 0}]}");
  ASSERT_FALSE(bad_shape.errors.empty());
  for (const Diagnostic &d : bad_shape.errors) {
    EXPECT_EQ(d.code, "CC401");
    EXPECT_EQ(d.span.begin.line, 2U);
  }
  EXPECT_FALSE(parse_baseline("{\"version\": 2, \"entries\": []}").errors.empty());
}

auto entry(std::string path, std::string code, std::string pointer, std::size_t count) -> BaselineEntry {
  BaselineEntry e;
  e.path = std::move(path);
  e.code = std::move(code);
  e.pointer = std::move(pointer);
  e.count = count;
  return e;
}

TEST(BaselineTest, HidesExactlyTheRecordedFindings) {
  BaselineFilter filter({entry("a.json", "CC201", "/x", 1), entry("a.json", "CC101", "", 1)});
  Report r = report({finding("CC101", ""), finding("CC201", "/x"), finding("CC201", "/y"), finding("CC202", "/x")});
  filter.apply(r, "a.json", Options{});
  ASSERT_EQ(r.diagnostics.size(), 2U);
  EXPECT_EQ(r.diagnostics[0].pointer, "/y");  // other pointer: new
  EXPECT_EQ(r.diagnostics[1].code, "CC202");  // other rule: new
  EXPECT_TRUE(filter.stale(Options{}).empty());

  Report other = report({finding("CC201", "/x")});
  filter.apply(other, "b.json", Options{});  // other path: new
  EXPECT_EQ(other.diagnostics.size(), 1U);
}

TEST(BaselineTest, CountAware) {
  BaselineFilter filter({entry("a.json", "CC201", "/x", 2)});
  Report r = report({finding("CC201", "/x", 1), finding("CC201", "/x", 2), finding("CC201", "/x", 3)});
  filter.apply(r, "a.json", Options{});
  ASSERT_EQ(r.diagnostics.size(), 1U);  // the third one is new
  EXPECT_EQ(r.diagnostics[0].span.begin.line, 3U);
  EXPECT_TRUE(filter.stale(Options{}).empty());
}

TEST(BaselineTest, FewerFindingsThanRecordedIsStale) {
  BaselineFilter filter({entry("a.json", "CC201", "/x", 3), entry("a.json", "CC101", "", 1)});
  Report r = report({finding("CC201", "/x")});
  filter.apply(r, "a.json", Options{});
  EXPECT_TRUE(r.diagnostics.empty());
  const std::vector<Diagnostic> stale = filter.stale(Options{});
  ASSERT_EQ(stale.size(), 2U);
  EXPECT_EQ(stale[0].code, "CC403");
  EXPECT_EQ(stale[0].name, "stale-baseline-entry");
  EXPECT_EQ(stale[0].severity, Severity::Warning);
  EXPECT_EQ(stale[0].pointer, "/entries/0");  // 1 of 3 still found
  EXPECT_EQ(stale[1].pointer, "/entries/1");  // gone entirely
}

TEST(BaselineTest, EntriesOfUncheckedFilesOrDisabledRulesAreNotStale) {
  BaselineFilter filter({entry("a.json", "CC201", "/x", 1), entry("b.json", "CC201", "/x", 1)});
  Options no_cc2;
  no_cc2.ignore = {"CC2"};
  Report a = report({});
  filter.apply(a, "a.json", no_cc2);             // CC201 could not have fired
  EXPECT_TRUE(filter.stale(Options{}).empty());  // and b.json was not checked at all

  Options quiet;
  quiet.rule_levels["CC403"] = RuleLevel::Off;
  Report b = report({});
  filter.apply(b, "b.json", Options{});
  EXPECT_EQ(filter.stale(Options{}).size(), 1U);
  EXPECT_TRUE(filter.stale(quiet).empty());
}

// Entry positions come from one walk over the source nodes; looking each
// one up by pointer cost O(i): a 5e4-entry baseline took 52 s to load, now 0.8 s.
TEST(BaselineTest, LargeBaselineLoadsInLinearTime) {
  BaselineWriter writer;
  constexpr std::size_t kEntries = 20000;
  for (std::size_t i = 0; i < kEntries; ++i) {
    writer.add(report({finding("CC201", "/x")}), "calls/p" + std::to_string(100000 + i) + ".json");
  }
  const std::string text = writer.to_json();
  const double start = callcheck::test::thread_cpu_seconds();
  const BaselineLoad load = parse_baseline(text);
  const double seconds = callcheck::test::thread_cpu_seconds() - start;
  ASSERT_TRUE(load.errors.empty());
  ASSERT_EQ(load.entries.size(), kEntries);
  EXPECT_EQ(load.entries.back().span.begin.line, kEntries + 3);  // one entry per line after 3 header lines
  EXPECT_EQ(load.entries.back().span.begin.column, 5U);
  EXPECT_EQ(load.entries.back().path, "calls/p119999.json");
  // 20,000 entries: 0.3 s; the pointer lookups were quadratic (52 s measured for 5e4).
  EXPECT_LT(seconds, time_budget(2.0));
  RecordProperty("parse_seconds", std::to_string(seconds));
}

// Applying is hashed: O(findings + the file's entries) per report. It was
// O(entries) per report (a scan marking the entries of the path), so this
// run cost 2e9 string comparisons; 1e5 files x 5e4 entries took 22 s.
// (The constructor is not timed.)
TEST(BaselineTest, ApplyingScalesWithTheFileNotTheBaseline) {
  constexpr std::size_t kEntries = 100000;
  constexpr std::size_t kReports = 20000;
  std::vector<BaselineEntry> entries;
  entries.reserve(kEntries);
  for (std::size_t i = 0; i < kEntries; ++i) {
    entries.push_back(entry("calls/p" + std::to_string(i) + ".json", "CC201", "/x", 1));
  }
  BaselineFilter filter(std::move(entries));
  const double start = callcheck::test::thread_cpu_seconds();
  std::size_t left = 0;
  for (std::size_t i = 0; i < kReports; ++i) {
    Report r = report({finding("CC201", "/x"), finding("CC202", "/y")});
    filter.apply(r, "calls/p" + std::to_string(i * 5) + ".json", Options{});
    left += r.diagnostics.size();
  }
  const double seconds = callcheck::test::thread_cpu_seconds() - start;
  EXPECT_EQ(left, kReports);  // each CC201 hidden, each CC202 new
  EXPECT_EQ(filter.stale(Options{}).size(), 0U);
  EXPECT_LT(seconds, time_budget(1.0));
  RecordProperty("apply_seconds", std::to_string(seconds));
}

}  // namespace
}  // namespace callcheck::detail
