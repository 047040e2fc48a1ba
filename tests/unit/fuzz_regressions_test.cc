// Replays every committed fuzz finding (tests/fuzz/regressions/<target>/*)
// through the same entry logic and invariants as the libFuzzer targets
// (fuzz_common.h), so a fixed crash stays fixed in the normal build.
#include "fuzz_common.h"

#include <filesystem>  // std::filesystem
#include <fstream>     // std::ifstream
#include <iterator>    // std::istreambuf_iterator
#include <string>      // std::string

#include <gtest/gtest.h>

namespace callcheck::fuzz {
namespace {

namespace fs = std::filesystem;

auto read_bytes(const fs::path &path) -> std::string {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(FuzzRegressions, EveryCommittedInputKeepsTheInvariants) {
  const fs::path root = fs::path(CALLCHECK_SOURCE_DIR) / "tests" / "fuzz" / "regressions";
  std::size_t replayed = 0;
  for (const Target &target : kTargets) {
    const fs::path dir = root / std::string(target.name);
    if (!fs::is_directory(dir)) continue;
    for (const fs::directory_entry &entry : fs::directory_iterator(dir)) {
      if (!entry.is_regular_file() || entry.path().filename().string().front() == '.') continue;
      SCOPED_TRACE(entry.path().string());
      const Violations violations = target.run(read_bytes(entry.path()));
      for (const std::string &v : violations) ADD_FAILURE() << v;
      ++replayed;
    }
  }
  // The folder holds at least the inputs committed with the targets; an empty
  // replay would mean the path is wrong, not that all is well.
  EXPECT_GT(replayed, 0U);
}

// The invariants themselves must be able to fail, or the replay proves nothing.
TEST(FuzzRegressions, InvariantsCatchABrokenReport) {
  Report report;
  Diagnostic d;
  d.code = "CC999";
  d.name = "no-such-rule";
  d.span = Span{Position{7, 0}, Position{7, 0}};
  report.diagnostics.push_back(d);
  report.diagnostics.push_back(d);
  Violations out;
  check_report(report, 3, "test", out);
  EXPECT_GE(out.size(), 4U);  // unknown code, line beyond the text, column 0, duplicate
}

TEST(FuzzRegressions, PrintedOutputCheckCatchesEveryKindOfControl) {
  auto violations = [](std::string_view out, Format format) {
    Violations v;
    check_printed(out, format, false, v);
    return v.size();
  };
  EXPECT_EQ(violations("a.json:1:1: error\n  | ^\n", Format::Text), 0U);
  EXPECT_GE(violations("a\n::error ::x\n", Format::Text), 1U);
  EXPECT_GE(violations("  ::stop-commands::t\n", Format::Json), 1U);
  EXPECT_GE(violations("x ##[add-mask]y\n", Format::Text), 1U);
  EXPECT_GE(violations("\x1b[2J\n", Format::Text), 1U);
  EXPECT_GE(violations("\xC2\x9B"
                       "2J\n",
                       Format::Text),
            1U);
  EXPECT_GE(violations("\xE2\x80\xAE\n", Format::Text), 1U);
  EXPECT_GE(violations("\xFF\n", Format::Text), 1U);
  EXPECT_GE(violations("plain line\n", Format::Github), 1U);
  EXPECT_EQ(violations("::error file=a::m\ncallcheck: 1 file checked\n", Format::Github), 0U);
}

TEST(FuzzRegressions, TokenLeakCheckTellsCopiedTextFromFixedText) {
  // The error's own words in the input are not a leak...
  EXPECT_TRUE(run_token("expected three dot-separated parts").empty());
  // ...and the check does see input text that follows the input.
  EXPECT_EQ(rotate("az-Z9."), "ba-A0.");
}

}  // namespace
}  // namespace callcheck::fuzz
