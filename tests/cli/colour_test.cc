// When the text output is coloured: only on a terminal in --color auto, never
// when NO_COLOR is set (non-empty) unless --color always asks, never in
// another format. A real terminal comes from `script` (util-linux, in
// Debian's essential bsdutils), so the TTY branch is exercised, not assumed.
#include <callcheck/render.h>
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

namespace {

namespace fs = std::filesystem;

auto payload() -> fs::path {
  const fs::path dir = fs::path(CALLCHECK_BUILD_DIR) / "colour-test";
  fs::create_directories(dir);
  // One file per test: ctest runs the tests of this binary in parallel processes.
  const fs::path p = dir / (std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + ".json");
  std::ofstream(p, std::ios::binary) << "{\"callbackUri\": \"http://x\"}\n";
  return p;
}

// Runs `callcheck check <flags> finding.json` with `env` prefixed; on a
// pseudo-terminal when `tty`. Returns stdout (and, on a tty, what the
// terminal showed).
auto run(const std::string &env, const std::string &flags, bool tty) -> std::string {
  const std::string cmd = std::string("'") + CALLCHECK_BINARY + "' check " + flags + " '" + payload().string() + "'";
  std::string shell;
  if (tty) {
    // stdin from /dev/null: CI runs without one, and `script` gives up on a closed stdin.
    shell = env + " script -qec \"" + cmd + "\" /dev/null </dev/null 2>&1";
  } else {
    shell = env + " " + cmd + " 2>/dev/null";
  }
  std::string out;
  FILE *pipe = ::popen(shell.c_str(), "r");
  if (pipe == nullptr) return out;
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.append(buffer.data(), n);
  ::pclose(pipe);
  return out;
}

auto coloured(const std::string &out) -> bool { return out.find("\x1b[") != std::string::npos; }

auto strip(const std::string &out) -> std::string { return std::regex_replace(out, std::regex("\x1b\\[[0-9;]*m"), ""); }

TEST(Colour, TerminalIsDetected) {
  const std::string out = run("env -u NO_COLOR", "", true);
  ASSERT_NE(out.find("CC202"), std::string::npos) << "no output through `script`: " << out;
  EXPECT_TRUE(coloured(out)) << out;
}

TEST(Colour, ColourDoesNotChangeTheFirstLine) {
  const std::string plain = run("env -u NO_COLOR", "--color never", false);
  const std::string first = plain.substr(0, plain.find('\n'));
  EXPECT_TRUE(std::regex_match(first, std::regex(R"(.*\.json:1:1: error CC[0-9]{3} [a-z-]+: .*)"))) << first;
  const std::string colour = strip(run("env -u NO_COLOR", "--color always", false));
  EXPECT_EQ(colour, plain);
}

TEST(Colour, NoColourWhenPiped) { EXPECT_FALSE(coloured(run("env -u NO_COLOR", "", false))); }

TEST(Colour, NoColorVariableTurnsItOffOnATerminal) {
  const std::string out = run("NO_COLOR=1", "", true);
  ASSERT_NE(out.find("CC202"), std::string::npos) << out;
  EXPECT_FALSE(coloured(out)) << out;
}

TEST(Colour, EmptyNoColorIsIgnored) {
  // no-color.org: only a present and non-empty NO_COLOR counts.
  EXPECT_TRUE(coloured(run("NO_COLOR=", "", true)));
}

TEST(Colour, NeverMeansNever) {
  const std::string out = run("env -u NO_COLOR", "--color never", true);
  ASSERT_NE(out.find("CC202"), std::string::npos) << out;
  EXPECT_FALSE(coloured(out)) << out;
}

TEST(Colour, AlwaysWinsOverPipeAndNoColor) {
  // An explicit flag is the user's per-run choice, which NO_COLOR yields to.
  EXPECT_TRUE(coloured(run("env -u NO_COLOR", "--color always", false)));
  EXPECT_TRUE(coloured(run("NO_COLOR=1", "--color always", false)));
}

// Every format of callcheck/format_table.h but text.
TEST(Colour, OtherFormatsAreNeverColoured) {
  for (const callcheck::FormatInfo &f : callcheck::kFormats) {
    if (f.format == callcheck::Format::Text) continue;
    const std::string format(f.name);
    const std::string out = run("env -u NO_COLOR", "--color always --format " + format, true);
    ASSERT_NE(out.find("CC202"), std::string::npos) << format << ": " << out;
    EXPECT_FALSE(coloured(out)) << format;
  }
}

}  // namespace
