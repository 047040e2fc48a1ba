// Baselines: writing, applying (count-aware) and stale entries (src/config/baseline.h).
#include "config/baseline.h"

#include <gtest/gtest.h>

#include "callcheck/callcheck.h"

namespace callcheck::detail {
namespace {

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
  EXPECT_EQ(writer.to_json(),
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
  EXPECT_EQ(r.diagnostics[0].pointer, "/y");    // other pointer: new
  EXPECT_EQ(r.diagnostics[1].code, "CC202");    // other rule: new
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
  filter.apply(a, "a.json", no_cc2);  // CC201 could not have fired
  EXPECT_TRUE(filter.stale(Options{}).empty());  // and b.json was not checked at all

  Options quiet;
  quiet.rule_levels["CC403"] = RuleLevel::Off;
  Report b = report({});
  filter.apply(b, "b.json", Options{});
  EXPECT_EQ(filter.stale(Options{}).size(), 1U);
  EXPECT_TRUE(filter.stale(quiet).empty());
}

}  // namespace
}  // namespace callcheck::detail
