// Every published mid-call request example (shared/corpus/graph-docs-actions,
// issue 12), checked with the request line and API version of its page:
// invalid JSON is located where the manifest says, each body is checked as
// the request its line names, bodies of actions that no longer exist are
// reported as undecided (CC251), and the doc bugs the manifest records are
// found with the right code. The warnings and errors on the valid bodies are
// reviewed one by one in tests/golden/precision.tsv (precision_test.cc).
#include <map>     // std::map
#include <set>     // std::set
#include <string>  // std::string

#include <callcheck/check.h>
#include <gtest/gtest.h>

#include "actions_corpus.h"
#include "rule_test_support.h"

namespace callcheck {
namespace {

auto examples() -> std::vector<test::ActionExample> {
  return test::action_examples(test::read_bytes(test::actions_corpus_dir() / "manifest.tsv"));
}

auto check_example(const test::ActionExample &e) -> Report {
  return check(test::read_bytes(test::actions_corpus_dir() / e.file), e.source(), e.options());
}

auto codes(const Report &r, Severity at_least) -> std::set<std::string> {
  std::set<std::string> out;
  for (const Diagnostic &d : r.diagnostics) {
    if (d.severity <= at_least) out.insert(d.code);
  }
  return out;
}

TEST(ActionsCorpus, HasTheDocumentedNumberOfRequestBodies) {
  // README: 135 request files (23 invalid JSON; 13 under retired/).
  std::size_t invalid = 0, retired = 0;
  for (const auto &e : examples()) {
    invalid += e.file.find(".invalid.") != std::string::npos ? 1 : 0;
    retired += e.file.rfind("retired/", 0) == 0 ? 1 : 0;
  }
  EXPECT_EQ(examples().size(), 135U);
  EXPECT_EQ(invalid, 23U);
  EXPECT_EQ(retired, 13U);
}

TEST(ActionsCorpus, InvalidBodiesAreLocated) {
  std::size_t checked = 0;
  for (const auto &e : examples()) {
    if (e.file.find(".invalid.") == std::string::npos || !e.is_post()) continue;
    SCOPED_TRACE(e.file);
    const Report r = check_example(e);
    ASSERT_FALSE(r.diagnostics.empty());
    EXPECT_EQ(r.diagnostics.front().code, "CC001");
    const std::string marker = "(first at line ";
    const auto at = e.notes.find(marker);
    if (at == std::string::npos) continue;  // a missing brace or a comment: located, not by line
    EXPECT_EQ(r.diagnostics.front().span.begin.line, std::stoul(e.notes.substr(at + marker.size()))) << e.notes;
    ++checked;
  }
  EXPECT_GE(checked, 15U);
}

TEST(ActionsCorpus, EachBodyIsCheckedAsTheRequestItsLineNames) {
  std::map<std::string, std::size_t> per_action;
  for (const auto &e : examples()) {
    if (!e.is_post() || e.file.find(".invalid.") != std::string::npos) continue;
    SCOPED_TRACE(e.file + " " + e.endpoint);
    const Report r = check_example(e);
    EXPECT_EQ(r.request.decided_by, "request-line");
    const bool gone = e.file.rfind("retired/", 0) == 0 || e.action.rfind("audioRoutingGroup", 0) == 0;
    if (gone) {
      // Retired actions (2018 beta) and the audioRoutingGroups navigation are no request callcheck knows.
      EXPECT_EQ(r.request.name, "");
      EXPECT_EQ(codes(r, Severity::Warning), std::set<std::string>{"CC251"});
      continue;
    }
    EXPECT_EQ(r.request.name, e.action);
    ++per_action[e.action];
  }
  // 23 actions have a current or older body in the corpus (keepAlive and
  // start/stopRecording have none; audioRoutingGroups is a navigation).
  EXPECT_EQ(per_action.size(), 23U);
}

// Doc bugs the manifest's notes record, and the code that reports each.
TEST(ActionsCorpus, DocumentedDocBugsAreFound) {
  struct Bug {
    const char *note;  // substring of the manifest's notes
    const char *code;
  };
  const Bug bugs[] = {
      {"placeholder values", "CC204"},
      {"not a parameter of the", "CC250"},
      {"callbackUri: non-nullable parameter missing", "CC101"},
  };
  std::map<std::string, std::size_t> found;
  for (const auto &e : examples()) {
    if (!e.is_post() || e.file.find(".invalid.") != std::string::npos || e.file.rfind("retired/", 0) == 0) continue;
    const Report r = check_example(e);
    const std::set<std::string> got = codes(r, Severity::Warning);
    for (const Bug &b : bugs) {
      const auto at = e.notes.find(b.note);
      if (at == std::string::npos) continue;
      if (std::string(b.code) == "CC204") {
        // The notes also count `"displayName": "string"` (a type name where a
        // value belongs), which is a plausible display name: CC204 reports the
        // `-value` and `<…>` forms only.
        const std::string values = e.notes.substr(at, e.notes.find(';', at) - at);
        if (values.find("-value") == std::string::npos && values.find('<') == std::string::npos) continue;
      }
      EXPECT_EQ(got.count(b.code), 1U) << e.file << ": " << b.code << " for \"" << b.note << "\"";
      ++found[b.code];
    }
  }
  EXPECT_GE(found["CC204"], 20U);
  EXPECT_GE(found["CC250"], 10U);
  // Published values that the page's own limits forbid, and an enum placeholder.
  for (const auto &[file, code] :
       std::map<std::string, std::string>{{"beta-redirect-2018-09-14-call.json", "CC254"},
                                          {"v1.0-updateRecordingStatus-basic.json", "CC104"},
                                          {"v1.0-redirect-multiple-targets-simulring.json", "CC250"}}) {
    for (const auto &e : examples()) {
      if (e.file == file) {
        EXPECT_EQ(codes(check_example(e), Severity::Warning).count(code), 1U) << file << " " << code;
      }
    }
  }
}

}  // namespace
}  // namespace callcheck
