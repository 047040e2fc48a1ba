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

namespace {

namespace fs = std::filesystem;

auto read(const fs::path &p) -> std::string {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

auto samples(const std::string &prefix = "") -> std::vector<std::string> {
  std::vector<std::string> out;
  const fs::path root(CALLCHECK_SAMPLES_DIR);
  for (const auto &e : fs::recursive_directory_iterator(root)) {
    if (e.is_regular_file() && e.path().extension() == ".json" &&
        e.path().parent_path().filename() != "ci") {
      std::string rel = fs::relative(e.path(), root).generic_string();
      if (rel.rfind(prefix, 0) == 0) out.push_back(std::move(rel));
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

auto render(const callcheck::Report &report, const std::string &text, callcheck::Format format) -> std::string {
  callcheck::RenderOptions options;
  options.tool_version = "golden";
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
auto diff(const std::string &expected, const std::string &actual) -> std::string {
  std::istringstream a(expected), b(actual);
  std::string la, lb, out;
  for (int line = 1; a.good() || b.good(); ++line) {
    const bool ha = static_cast<bool>(std::getline(a, la));
    const bool hb = static_cast<bool>(std::getline(b, lb));
    if (!ha && !hb) break;
    if (ha && hb && la == lb) continue;
    if (ha) out += "-" + std::to_string(line) + ": " + la + "\n";
    if (hb) out += "+" + std::to_string(line) + ": " + lb + "\n";
  }
  return out;
}

void compare(const fs::path &golden, const std::string &actual) {
  const char *update = std::getenv("CALLCHECK_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    fs::create_directories(golden.parent_path());
    std::ofstream(golden, std::ios::binary) << actual;
    GTEST_SKIP() << "rewrote " << golden;
  }
  ASSERT_TRUE(fs::exists(golden)) << golden << " is missing; run with CALLCHECK_UPDATE_GOLDEN=1";
  const std::string expected = read(golden);
  EXPECT_EQ(expected, actual) << "golden mismatch for " << golden << "\n" << diff(expected, actual);
}

class Golden : public ::testing::TestWithParam<std::string> {};

TEST_P(Golden, TextAndJson) {
  const std::string rel = GetParam();
  const std::string text = read(fs::path(CALLCHECK_SAMPLES_DIR) / rel);
  callcheck::Options options;
  if (rel.find("beta") != std::string::npos) options.api = callcheck::ApiVersion::Beta;
  const callcheck::Report report = callcheck::check(text, "samples/" + rel, options);
  const fs::path base = fs::path(CALLCHECK_GOLDEN_DIR) / fs::path(rel).replace_extension("");
  compare(base.string() + ".txt", render(report, text, callcheck::Format::Text));
  compare(base.string() + ".json", render(report, text, callcheck::Format::Json));
}

class ValidSample : public ::testing::TestWithParam<std::string> {};

TEST_P(ValidSample, IsCleanAndClassified) {
  const std::string rel = GetParam();
  const callcheck::Report report =
      callcheck::check(read(fs::path(CALLCHECK_SAMPLES_DIR) / rel), rel, callcheck::Options{});
  EXPECT_TRUE(report.diagnostics.empty()) << report.diagnostics.front().code << " " << report.diagnostics.front().message;
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
