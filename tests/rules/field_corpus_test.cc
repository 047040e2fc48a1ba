// The field corpus (tests/corpus/field/: real bodies from public bots, SDK
// samples and issue threads, with the service's outcome) as a test of truth:
// no error on a body known to work, the cause found on a body known to
// fail. The verdicts are the manifest's `expect` column (README there).
#include <filesystem>  // std::filesystem
#include <set>         // std::set
#include <sstream>     // std::istringstream
#include <string>      // std::string
#include <vector>      // std::vector

#include <callcheck/check.h>
#include <gtest/gtest.h>

#include "rule_test_support.h"

namespace callcheck {
namespace {

namespace fs = std::filesystem;

auto field_dir() -> fs::path { return fs::path(CALLCHECK_SOURCE_DIR) / "tests" / "corpus" / "field"; }

struct Row {
  std::string file, api, request, outcome, expect;
};

auto split(const std::string &line, char sep) -> std::vector<std::string> {
  std::vector<std::string> cells;
  std::string cell;
  std::istringstream in(line);
  while (std::getline(in, cell, sep)) cells.push_back(cell);
  return cells;
}

auto rows() -> std::vector<Row> {
  std::vector<Row> out;
  std::istringstream in(test::read_bytes(field_dir() / "manifest.tsv"));
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const std::vector<std::string> c = split(line, '\t');
    if (c.size() != 10) {
      ADD_FAILURE() << "manifest.tsv: 10 columns expected: " << line;
      continue;
    }
    out.push_back(Row{c[0], c[1], c[2], c[3], c[9]});
  }
  return out;
}

auto errors_of(const Row &row) -> std::set<std::string> {
  Options options;
  options.api = row.api == "beta" ? ApiVersion::Beta : ApiVersion::V1;
  // The source says which request the body was sent as (issue 12).
  options.request = row.request;
  const Report report = check(test::read_bytes(field_dir() / row.file), row.file, options);
  std::set<std::string> out;
  for (const Diagnostic &d : report.diagnostics) {
    if (d.severity == Severity::Error) out.insert(d.code);
  }
  return out;
}

TEST(FieldCorpus, ManifestListsEveryBody) {
  std::set<std::string> listed;
  for (const Row &r : rows()) listed.insert(r.file);
  std::size_t files = 0;
  for (const auto &e : fs::recursive_directory_iterator(field_dir())) {
    if (e.path().extension() != ".json") continue;
    ++files;
    EXPECT_EQ(listed.count(fs::relative(e.path(), field_dir()).generic_string()), 1U) << e.path();
  }
  EXPECT_EQ(files, listed.size());
  EXPECT_GE(files, 30U);
}

TEST(FieldCorpus, NoErrorOnABodyKnownToWork) {
  std::size_t good = 0;
  for (const Row &r : rows()) {
    if (r.outcome != "works") continue;
    ++good;
    std::set<std::string> allowed;
    for (const std::string &code : split(r.expect, ',')) {
      if (code == "-") continue;
      EXPECT_EQ(code, "CC204") << r.file << ": only the poster's redactions may be errors on a working body";
      allowed.insert(code);
    }
    for (const std::string &code : errors_of(r)) EXPECT_EQ(allowed.count(code), 1U) << r.file << ": error " << code;
  }
  EXPECT_GE(good, 14U);  // 6 create bodies and 8 mid-call bodies (actions/)
}

TEST(FieldCorpus, TheCauseOfAKnownFailureIsFound) {
  std::size_t asserted = 0;
  for (const Row &r : rows()) {
    if (r.outcome == "works" || r.expect == "-") continue;
    const std::set<std::string> found = errors_of(r);
    for (const std::string &code : split(r.expect, ',')) {
      ++asserted;
      EXPECT_EQ(found.count(code), 1U) << r.file << " (" << r.outcome << "): " << code << " not reported as an error";
    }
  }
  EXPECT_GE(asserted, 9U);
}

}  // namespace
}  // namespace callcheck
