// Every request body ever shown on the Graph "create call" page, checked.
// Invalid JSON must be reported exactly where the manifest says; valid
// bodies must pass the schema of their API profile, except the documented
// doc bugs listed below with their reason.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "callcheck/check.h"
#include "test_util.h"

namespace {

namespace fs = std::filesystem;
const fs::path kDocs = fs::path(CALLCHECK_SHARED_DIR) / "corpus" / "graph-docs";

struct DocBug {
  const char *file;
  const char *code;
  const char *reason;
};

// Schema errors in published bodies that are the docs' fault, not ours. The
// v1.0 group examples' `removeFromDefaultAudioGroup` is no longer one: the
// metadata and the page's own examples disagree, and the v1.0 schemas follow
// the examples (x-callcheck-notInMetadata, issue 10).
const DocBug kDocBugs[] = {
    {"beta-2018-09-13-all-properties-template.json", "CC101",
     "generated template: meetingInfo has no @odata.type, but the slot is abstract (GRAPH.md 1.2, 3.2)"},
};

auto manifest_notes() -> std::map<std::string, std::string> {
  std::map<std::string, std::string> notes;
  std::istringstream in(callcheck::test::read_text(kDocs / "manifest.tsv"));
  std::string line;
  while (std::getline(in, line)) {
    const auto tab = line.find('\t');
    const auto last = line.rfind('\t');
    if (tab == std::string::npos) continue;
    notes[line.substr(0, tab)] = line.substr(last + 1);
  }
  return notes;
}

auto request_bodies() -> std::vector<fs::path> {
  std::vector<fs::path> out;
  for (const auto &entry : fs::directory_iterator(kDocs)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

auto options_for(const std::string &name) -> callcheck::Options {
  callcheck::Options options;
  options.api = name.rfind("beta-", 0) == 0 ? callcheck::ApiVersion::Beta : callcheck::ApiVersion::V1;
  return options;
}

TEST(GraphDocsCorpus, HasTheDocumentedNumberOfRequestBodies) { EXPECT_EQ(request_bodies().size(), 84U); }

TEST(GraphDocsCorpus, InvalidBodiesAreReportedAtTheTrailingComma) {
  const auto notes = manifest_notes();
  std::size_t checked = 0;
  for (const fs::path &path : request_bodies()) {
    const std::string name = path.filename().string();
    if (name.find(".invalid.") == std::string::npos) continue;
    SCOPED_TRACE(name);
    const std::string text = callcheck::test::read_text(path);
    const auto report = callcheck::check(text, name, options_for(name));
    ASSERT_FALSE(report.diagnostics.empty());
    const auto &first = report.diagnostics.front();
    EXPECT_EQ(first.code, "CC001");
    const std::string &note = notes.at(name);
    const std::string marker = "(first at line ";
    const auto at = note.find(marker);
    ASSERT_NE(at, std::string::npos) << note;
    const unsigned expected_line = static_cast<unsigned>(std::stoul(note.substr(at + marker.size())));
    EXPECT_EQ(first.span.begin.line, expected_line);
    // The column points at the comma itself.
    std::istringstream lines(text);
    std::string line;
    for (unsigned i = 0; i < first.span.begin.line; ++i) std::getline(lines, line);
    ASSERT_GE(line.size(), first.span.begin.column);
    EXPECT_EQ(line[first.span.begin.column - 1], ',');
    EXPECT_NE(first.message.find("trailing comma"), std::string::npos);
    ++checked;
  }
  EXPECT_EQ(checked, 41U);
}

TEST(GraphDocsCorpus, ValidBodiesHaveNoSchemaErrorsExceptDocumentedDocBugs) {
  std::set<std::string> bug_files_seen;
  for (const fs::path &path : request_bodies()) {
    const std::string name = path.filename().string();
    if (name.find(".invalid.") != std::string::npos) continue;
    SCOPED_TRACE(name);
    const auto report = callcheck::check(callcheck::test::read_text(path), name, options_for(name));
    for (const auto &d : report.diagnostics) {
      const bool schema = d.code.rfind("CC0", 0) == 0 || d.code.rfind("CC1", 0) == 0;
      if (!schema || d.severity != callcheck::Severity::Error) continue;
      const auto *bug = std::find_if(std::begin(kDocBugs), std::end(kDocBugs),
                                     [&](const DocBug &b) { return name == b.file && d.code == b.code; });
      EXPECT_NE(bug, std::end(kDocBugs)) << d.code << " " << d.pointer << ": " << d.message;
      if (bug != std::end(kDocBugs)) bug_files_seen.insert(bug->file);
    }
  }
  // A listed doc bug that no longer fires means the table is stale.
  for (const DocBug &bug : kDocBugs) EXPECT_TRUE(bug_files_seen.count(bug.file)) << "stale entry " << bug.file;
}

}  // namespace
