// What users see for inputs beyond .json: the `callcheck` text output over the
// Graph docs seed page (Markdown), a REST Client file and an NDJSON stream,
// compared with tests/golden/extract/*.txt. CALLCHECK_UPDATE_GOLDEN=1
// rewrites them (then review the diff and commit).
#include <gtest/gtest.h>

#include "golden_util.h"

#include <sys/wait.h>

#include <array>       // std::array
#include <cstdio>      // popen
#include <cstdlib>     // std::getenv
#include <filesystem>  // std::filesystem
#include <fstream>     // std::ifstream, std::ofstream
#include <sstream>     // std::ostringstream, std::istringstream

namespace {

namespace fs = std::filesystem;

void compare(const std::string &name, const std::string &actual) {
  callcheck::golden::compare(fs::path(CALLCHECK_GOLDEN_DIR) / "extract" / name, actual);
}

using callcheck::golden::read;

// Runs the CLI in `dir` (so that paths print relative and stable) and
// returns its stdout followed by its exit code.
auto run_cli(const fs::path &dir, const std::string &args) -> std::string {
  const std::string command =
      "cd '" + dir.string() + "' && '" + CALLCHECK_BINARY + "' check --color never --no-config " + args + " 2>&1";
  FILE *pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return "popen failed";
  std::string out;
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.append(buffer.data(), n);
  const int status = pclose(pipe);
  return out + "exit: " + std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + "\n";
}

TEST(ExtractGolden, SeedMarkdownPage) {
  const fs::path seed = fs::path(CALLCHECK_SHARED_DIR) / "corpus" / "seed";
  ASSERT_TRUE(fs::exists(seed / "create-call-beta-2019.pt-BR.md"));
  compare("create-call-beta-2019.pt-BR.txt", run_cli(seed, "--api beta --show-scopes create-call-beta-2019.pt-BR.md"));
}

TEST(ExtractGolden, RestClientFile) {
  compare("calls.http.txt", run_cli(fs::path(CALLCHECK_GOLDEN_DIR) / "extract", "calls.http"));
}

// Issue 12's "done": one .http file with a create, an answer, a playPrompt,
// a transfer and a keepAlive, each checked against its own schema, rules and
// permissions; the JSON report names each body's request.
TEST(ExtractGolden, CallLifecycleHttpFile) {
  const fs::path dir = fs::path(CALLCHECK_GOLDEN_DIR) / "extract";
  compare("call-lifecycle.http.txt", run_cli(dir, "--show-scopes call-lifecycle.http"));
  compare("call-lifecycle.http.json", run_cli(dir, "--format json call-lifecycle.http"));
}

TEST(ExtractGolden, NdjsonStream) {
  compare("calls.ndjson.txt", run_cli(fs::path(CALLCHECK_GOLDEN_DIR) / "extract", "calls.ndjson"));
}

// The JSON report has one entry per extracted body, each with its origin.
TEST(ExtractGolden, JsonReportHasOneEntryPerBody) {
  const fs::path seed = fs::path(CALLCHECK_SHARED_DIR) / "corpus" / "seed";
  const std::string out = run_cli(seed, "--api beta --format json create-call-beta-2019.pt-BR.md");
  std::size_t origins = 0;
  for (std::size_t at = out.find("\"origin\""); at != std::string::npos; at = out.find("\"origin\"", at + 1)) {
    ++origins;
  }
  EXPECT_EQ(origins, 9U) << out;  // six requests, one response, two notifications
  EXPECT_NE(out.find("\"origin\": \"POST https://graph.microsoft.com/beta/app/calls\""), std::string::npos) << out;
}

}  // namespace
