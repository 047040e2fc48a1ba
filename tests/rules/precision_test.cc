// Precision as a tested property (issue 10): every finding at warning or
// error level on the documented corpus (shared/corpus/graph-docs) and on
// samples/ is listed in tests/golden/precision.tsv with the reason it is
// right. A new finding fails until someone reviews it; a listed one that no
// longer fires fails until its row is removed.
//
// CALLCHECK_UPDATE_GOLDEN=1 rewrites the table, keeping the reasons of the
// rows that still match and writing "UNREVIEWED" for new ones, which fails
// the test until a reason replaces it.
#include <cstdlib>      // std::getenv
#include <filesystem>   // std::filesystem
#include <fstream>      // std::ofstream
#include <map>          // std::map
#include <sstream>      // std::istringstream
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <tuple>        // std::tuple

#include <callcheck/check.h>
#include <gtest/gtest.h>

#include "actions_corpus.h"
#include "rule_test_support.h"

namespace callcheck {
namespace {

namespace fs = std::filesystem;

using Key = std::tuple<std::string, std::string, std::string, std::string>;  // file, code, severity, pointer

constexpr std::string_view kUnreviewed = "UNREVIEWED";

auto table_path() -> fs::path { return fs::path(CALLCHECK_GOLDEN_DIR) / "precision.tsv"; }

void add_findings(const std::string &label, const std::string &text, const Options &options, std::map<Key, int> &out,
                  std::string_view request_line = {}) {
  const Report report = check(text, Source{label, 0, 0, request_line}, options);
  for (const Diagnostic &d : report.diagnostics) {
    if (d.severity == Severity::Info) continue;
    ++out[Key{label, d.code, std::string(to_string(d.severity)), d.pointer}];
  }
}

auto compute() -> std::map<Key, int> {
  std::map<Key, int> out;
  const fs::path docs = fs::path(CALLCHECK_SHARED_DIR) / "corpus" / "graph-docs";
  for (const fs::path &p : test::files_in(docs, ".json")) {
    const std::string name = p.filename().string();
    Options options;
    options.api = name.rfind("beta-", 0) == 0 ? ApiVersion::Beta : ApiVersion::V1;
    add_findings("graph-docs/" + name, test::read_bytes(p), options, out);
  }
  // The mid-call examples, each with its page's request line (issue 12).
  for (const test::ActionExample &e :
       test::action_examples(test::read_bytes(test::actions_corpus_dir() / "manifest.tsv"))) {
    if (!e.is_post()) continue;  // PATCH audioRoutingGroups, retired PATCH updates: no request callcheck checks
    add_findings("graph-docs-actions/" + e.file, test::read_bytes(test::actions_corpus_dir() / e.file), e.options(),
                 out, e.endpoint);
  }
  for (const char *folder : {"valid", "invalid"}) {
    for (const fs::path &p : test::files_in(fs::path(CALLCHECK_SAMPLES_DIR) / folder, ".json")) {
      // CC6xx samples are app files for `callcheck audit` (tests/unit/audit_test.cc), not payloads.
      if (p.filename().string().rfind("cc6", 0) == 0) continue;
      Options options;  // what a user gets by default
      if (p.filename().string().find("beta") != std::string::npos) options.api = ApiVersion::Beta;
      add_findings(std::string("samples/") + folder + "/" + p.filename().string(), test::read_bytes(p), options, out);
    }
  }
  return out;
}

auto escape_pointer(const std::string &pointer) -> std::string { return pointer.empty() ? "(root)" : pointer; }

struct Row {
  int count = 0;
  std::string reason;
};

auto parse(const std::string &text) -> std::map<Key, Row> {
  std::map<Key, Row> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cells;
    std::size_t start = 0;
    for (std::size_t tab = line.find('\t'); tab != std::string::npos; tab = line.find('\t', start)) {
      cells.push_back(line.substr(start, tab - start));
      start = tab + 1;
    }
    cells.push_back(line.substr(start));
    if (cells.size() != 6) {
      ADD_FAILURE() << "precision.tsv: a row needs 6 tab-separated cells: " << line;
      continue;
    }
    const std::string pointer = cells[3] == "(root)" ? "" : cells[3];
    out[Key{cells[0], cells[1], cells[2], pointer}] = Row{std::stoi(cells[4]), cells[5]};
  }
  return out;
}

auto render(const std::map<Key, int> &found, const std::map<Key, Row> &reviewed) -> std::string {
  std::string text =
      "# Every warning and error callcheck reports, by default, on shared/corpus/graph-docs and samples/.\n"
      "# file\tcode\tseverity\tpointer\tcount\treason it is right (UNREVIEWED fails the test)\n";
  for (const auto &[key, count] : found) {
    const auto it = reviewed.find(key);
    const std::string reason = it == reviewed.end() ? std::string(kUnreviewed) : it->second.reason;
    text += std::get<0>(key) + "\t" + std::get<1>(key) + "\t" + std::get<2>(key) + "\t" +
            escape_pointer(std::get<3>(key)) + "\t" + std::to_string(count) + "\t" + reason + "\n";
  }
  return text;
}

TEST(Precision, EveryWarningAndErrorIsReviewed) {
  const std::map<Key, int> found = compute();
  ASSERT_FALSE(found.empty());
  const std::map<Key, Row> reviewed = parse(test::read_bytes(table_path()));
  const char *update = std::getenv("CALLCHECK_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(table_path(), std::ios::binary) << render(found, reviewed);
    GTEST_SKIP() << "rewrote " << table_path() << "; give every UNREVIEWED row its reason";
  }
  for (const auto &[key, count] : found) {
    const auto it = reviewed.find(key);
    if (it == reviewed.end()) {
      ADD_FAILURE() << "new finding, not reviewed in precision.tsv: " << std::get<0>(key) << " " << std::get<1>(key)
                    << " " << std::get<2>(key) << " at " << escape_pointer(std::get<3>(key));
      continue;
    }
    EXPECT_EQ(it->second.count, count) << std::get<0>(key) << " " << std::get<1>(key);
    EXPECT_NE(it->second.reason, kUnreviewed) << std::get<0>(key) << " " << std::get<1>(key) << " has no reason";
    EXPECT_GE(it->second.reason.size(), 12U) << "a reason is a sentence: " << it->second.reason;
  }
  for (const auto &[key, row] : reviewed) {
    EXPECT_TRUE(found.count(key) == 1) << "stale row (the finding is gone): " << std::get<0>(key) << " "
                                       << std::get<1>(key) << " at " << escape_pointer(std::get<3>(key));
  }
}

// A body that works in the documentation's own examples must never carry an
// error that is not a documented doc bug: errors on valid (non-.invalid)
// docs bodies are all listed with a reason that names the bug.
TEST(Precision, ErrorsOnValidDocsBodiesNameTheDocBug) {
  const std::map<Key, Row> reviewed = parse(test::read_bytes(table_path()));
  for (const auto &[key, row] : reviewed) {
    const std::string &file = std::get<0>(key);
    if (file.rfind("graph-docs/", 0) != 0 || file.find(".invalid.") != std::string::npos) continue;
    if (std::get<2>(key) != "error") continue;
    EXPECT_NE(row.reason.find("doc bug"), std::string::npos)
        << file << " " << std::get<1>(key) << ": an error on a published example must be a documented doc bug";
  }
}

}  // namespace
}  // namespace callcheck
