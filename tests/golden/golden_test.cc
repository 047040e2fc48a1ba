// What users see: the text and JSON output of every sample, compared with
// tests/golden/<same path>.{txt,json}. CALLCHECK_UPDATE_GOLDEN=1 rewrites
// them (then review the diff and commit).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "callcheck/callcheck.h"
#include "golden_util.h"

namespace {

namespace fs = std::filesystem;
using callcheck::golden::compare;
using callcheck::golden::read;

auto samples(const std::string &prefix = "") -> std::vector<std::string> {
  std::vector<std::string> out;
  const fs::path root(CALLCHECK_SAMPLES_DIR);
  for (const auto &e : fs::recursive_directory_iterator(root)) {
    // Dotfiles are configuration (samples/valid/requests/.callcheck.json names each body's request).
    if (e.is_regular_file() && e.path().extension() == ".json" && e.path().filename().string().front() != '.' &&
        e.path().parent_path().filename() != "ci") {
      std::string rel = fs::relative(e.path(), root).generic_string();
      // App files and audit fixtures: their goldens are audit output
      // (tests/golden/audit/, written by tests/unit/audit_test.cc).
      if (rel.rfind("audit/", 0) == 0 || rel.rfind("invalid/cc6", 0) == 0) continue;
      if (rel.rfind(prefix, 0) == 0) out.push_back(std::move(rel));
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// samples/valid/requests/<request>.json (beta-<request>.json): one body per
// calls-API request, checked as that request (as `--request` would).
auto sample_options(const std::string &rel) -> callcheck::Options {
  callcheck::Options options;
  if (rel.find("beta") != std::string::npos) options.api = callcheck::ApiVersion::Beta;
  const std::string requests = "valid/requests/";
  if (rel.rfind(requests, 0) == 0) {
    std::string stem = fs::path(rel).stem().string();
    if (stem.rfind("beta-", 0) == 0) stem = stem.substr(5);
    options.request = stem;
  }
  return options;
}

// The CC253 sample comes with the request line its finding is about.
auto sample_source(const std::string &name, const std::string &rel) -> callcheck::Source {
  callcheck::Source source{name, 0, 0, {}};
  if (rel == "invalid/cc253-endpoint-mismatch.json") {
    source.request_line = "POST https://graph.microsoft.com/beta/communications/calls/{id}/answer";
  }
  return source;
}

auto render(const callcheck::Report &report, const std::string &text, callcheck::Format format) -> std::string {
  callcheck::RenderOptions options;
  options.tool_version = "golden";
  options.show_scopes = true;  // goldens show what --show-scopes prints, for review
  auto renderer = callcheck::make_renderer(format, options);
  callcheck::Summary summary;
  summary.add(report);
  std::ostringstream out;
  renderer->begin(out);
  renderer->file(out, report, text);
  renderer->end(out, summary);
  return out.str();
}

// A line-by-line diff that is readable in a failing test's output.
class Golden : public ::testing::TestWithParam<std::string> {};

TEST_P(Golden, TextAndJson) {
  const std::string rel = GetParam();
  const std::string text = read(fs::path(CALLCHECK_SAMPLES_DIR) / rel);
  callcheck::Options options = sample_options(rel);
  // Each invalid sample demonstrates its rule, preview rules included.
  if (rel.rfind("invalid/", 0) == 0) options.preview = true;
  const std::string name = "samples/" + rel;
  const callcheck::Report report = callcheck::check(text, sample_source(name, rel), options);
  const fs::path base = fs::path(CALLCHECK_GOLDEN_DIR) / fs::path(rel).replace_extension("");
  compare(base.string() + ".txt", render(report, text, callcheck::Format::Text));
  compare(base.string() + ".json", render(report, text, callcheck::Format::Json));
}

class ValidSample : public ::testing::TestWithParam<std::string> {};

TEST_P(ValidSample, IsCleanAndClassified) {
  const std::string rel = GetParam();
  const callcheck::Options options = sample_options(rel);
  const callcheck::Report report =
      callcheck::check(read(fs::path(CALLCHECK_SAMPLES_DIR) / rel), sample_source(rel, rel), options);
  EXPECT_TRUE(report.diagnostics.empty())
      << report.diagnostics.front().code << " " << report.diagnostics.front().message;
  if (!options.request.empty()) {
    // A mid-call request classifies no call; it is checked as its request.
    EXPECT_EQ(report.request.name, options.request);
    EXPECT_EQ(report.request.decided_by, "flag");
    return;
  }
  EXPECT_EQ(report.request.name, "create");
  EXPECT_NE(report.scenario.kind, callcheck::CallKind::Unknown);
  EXPECT_NE(report.scenario.kind, callcheck::CallKind::Ambiguous);
  EXPECT_FALSE(report.required_scopes.empty());
}

auto name_of(const ::testing::TestParamInfo<std::string> &info) -> std::string {
  std::string name = info.param;
  for (char &c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Samples, Golden, ::testing::ValuesIn(samples()), name_of);
INSTANTIATE_TEST_SUITE_P(Samples, ValidSample, ::testing::ValuesIn(samples("valid/")), name_of);

}  // namespace
