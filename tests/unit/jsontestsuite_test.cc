// JSONTestSuite (nst/JSONTestSuite, in shared/corpus/jsontestsuite) through
// the library: n_ files must be rejected at the parse layer, y_ files must
// parse (policy findings such as duplicate keys are allowed), i_ files must
// match the checked-in verdict table. The whole suite also runs on a 256 KiB
// thread (RELIABILITY.md R10) and must give the same answers there.
#include <gtest/gtest.h>

#include <algorithm>   // std::sort
#include <cstdlib>     // std::getenv
#include <filesystem>  // std::filesystem
#include <fstream>     // std::ofstream
#include <map>         // std::map
#include <set>         // std::set
#include <sstream>     // std::istringstream
#include <string>      // std::string
#include <vector>      // std::vector

#include "callcheck/check.h"
#include "small_stack.h"
#include "test_util.h"

namespace {
namespace fs = std::filesystem;

const fs::path kSuite = fs::path(CALLCHECK_SHARED_DIR) / "corpus" / "jsontestsuite";
const fs::path kVerdicts = fs::path(CALLCHECK_SOURCE_DIR) / "tests" / "unit" / "jsontestsuite_i_verdicts.txt";

// Parse-layer codes: the ones that decide whether the text is usable JSON.
// Schema and lint codes are left out so that new rules never touch the table.
auto is_parse_code(const std::string &code) -> bool { return code.size() == 5 && code.compare(0, 4, "CC00") == 0; }
// A syntax-level rejection: no DOM, or a value no consumer reads the same way.
const std::set<std::string> kSyntaxCodes = {"CC001", "CC003", "CC004", "CC005", "CC007"};

struct Outcome {
  bool reject = false;          // any parse-layer finding of error severity
  std::set<std::string> codes;  // parse-layer codes found
  bool positions_ok = true;     // every parse-layer finding has line, column >= 1
  auto operator==(const Outcome &o) const -> bool { return reject == o.reject && codes == o.codes; }
};

auto outcome_of(const std::string &text, const std::string &name) -> Outcome {
  const callcheck::Report report = callcheck::check(text, name, callcheck::Options{});
  Outcome out;
  for (const callcheck::Diagnostic &d : report.diagnostics) {
    if (!is_parse_code(d.code)) continue;
    out.codes.insert(d.code);
    if (d.severity == callcheck::Severity::Error) out.reject = true;
    if (d.span.begin.line == 0 || d.span.begin.column == 0) out.positions_ok = false;
  }
  return out;
}

auto suite_files(char prefix) -> std::vector<fs::path> {
  std::vector<fs::path> out;
  for (const auto &entry : fs::directory_iterator(kSuite)) {
    const std::string name = entry.path().filename().string();
    if (name.size() > 7 && name[0] == prefix && name[1] == '_' && entry.path().extension() == ".json") {
      out.push_back(entry.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

auto format_verdict(const std::string &name, const Outcome &o) -> std::string {
  std::string line = name + (o.reject ? " reject" : " accept");
  for (const std::string &c : o.codes) line += " " + c;
  return line;
}

TEST(JsonTestSuite, CorpusIsPresent) {
  // 95 y_, 188 n_, 35 i_ in the pinned copy; a smaller count means a broken checkout.
  EXPECT_EQ(suite_files('y').size(), 95U);
  EXPECT_EQ(suite_files('n').size(), 188U);
  EXPECT_EQ(suite_files('i').size(), 35U);
}

TEST(JsonTestSuite, EveryNFileIsRejectedAtTheParseLayerWithAPosition) {
  for (const fs::path &file : suite_files('n')) {
    const Outcome o = outcome_of(callcheck::test::read_text(file), file.filename().string());
    bool syntax = false;
    for (const std::string &c : o.codes) syntax = syntax || kSyntaxCodes.count(c) > 0;
    EXPECT_TRUE(o.reject && syntax) << file.filename() << " was accepted: " << format_verdict("", o);
    EXPECT_TRUE(o.positions_ok) << file.filename() << " has a finding without line:column";
  }
}

TEST(JsonTestSuite, EveryYFileParses) {
  for (const fs::path &file : suite_files('y')) {
    const Outcome o = outcome_of(callcheck::test::read_text(file), file.filename().string());
    // CC002 (duplicate key), CC005 (\u0000) and CC008 (precision) are policy
    // findings on valid JSON; nothing may claim the text is not JSON.
    for (const char *code : {"CC001", "CC003", "CC004", "CC007"}) {
      EXPECT_EQ(o.codes.count(code), 0U) << file.filename() << ": " << format_verdict("", o);
    }
  }
}

TEST(JsonTestSuite, IFilesMatchTheVerdictTable) {
  std::vector<std::string> actual;
  for (const fs::path &file : suite_files('i')) {
    const std::string name = file.filename().string();
    const Outcome first = outcome_of(callcheck::test::read_text(file), name);
    const Outcome again = outcome_of(callcheck::test::read_text(file), name);
    EXPECT_TRUE(first == again) << name << " is not deterministic";
    EXPECT_TRUE(first.positions_ok) << name;
    actual.push_back(format_verdict(name, first));
  }
  if (const char *update = std::getenv("CALLCHECK_UPDATE_GOLDEN"); update != nullptr && *update == '1') {
    std::ofstream out(kVerdicts);
    out << "# JSONTestSuite i_ files: the parse layer's verdict (reject = a CC00x error) and the CC00x\n"
           "# codes found. Checked by tests/unit/jsontestsuite_test.cc; regenerate with\n"
           "# CALLCHECK_UPDATE_GOLDEN=1 and review the diff.\n";
    for (const std::string &line : actual) out << line << '\n';
    GTEST_SKIP() << "rewrote " << kVerdicts;
  }
  std::vector<std::string> expected;
  std::istringstream in(callcheck::test::read_text(kVerdicts));
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != '#') expected.push_back(line);
  }
  ASSERT_FALSE(expected.empty()) << "missing " << kVerdicts;
  EXPECT_EQ(actual, expected);
}

TEST(JsonTestSuite, WholeSuiteOnA256KiBThreadGivesTheSameVerdicts) {
  std::vector<fs::path> files;
  for (const char prefix : {'y', 'n', 'i'}) {
    for (fs::path &f : suite_files(prefix)) files.push_back(std::move(f));
  }
  std::vector<std::string> texts;
  texts.reserve(files.size());
  for (const fs::path &f : files) texts.push_back(callcheck::test::read_text(f));
  std::vector<Outcome> on_main(files.size());
  for (std::size_t i = 0; i < files.size(); ++i) on_main[i] = outcome_of(texts[i], files[i].filename().string());
  std::vector<Outcome> on_small(files.size());
  callcheck::test::run_on_small_stack([&] {
    for (std::size_t i = 0; i < files.size(); ++i) on_small[i] = outcome_of(texts[i], files[i].filename().string());
  });
  for (std::size_t i = 0; i < files.size(); ++i) {
    EXPECT_TRUE(on_main[i] == on_small[i]) << files[i].filename();
  }
}

}  // namespace
