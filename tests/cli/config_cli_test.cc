// The real binary with .callcheck.json, suppressions and baselines, in
// temporary folders: discovery, --config, --no-config, overrides, flags over
// config, CC401/CC402/CC403 and the exit codes (README "Exit codes").
#include <sys/wait.h>

#include <gtest/gtest.h>

#include <atomic>      // std::atomic
#include <cstdio>      // popen
#include <filesystem>  // std::filesystem
#include <fstream>     // std::ifstream, std::ofstream
#include <sstream>     // std::ostringstream
#include <string>      // std::string

#include <unistd.h>  // getpid

namespace {
namespace fs = std::filesystem;

struct CliRun {
  int code = -1;
  std::string out;  // stdout and stderr together
};

auto read(const fs::path &p) -> std::string {
  std::ifstream f(p, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

auto sample() -> std::string { return read(fs::path(CALLCHECK_SAMPLES_DIR) / "valid" / "p2p-service-hosted.json"); }

// The clean sample with an http callbackUri (CC202 error at /callbackUri) and
// an undeclared `callbackUrl` (CC201 warning at /callbackUrl).
auto bad_payload() -> std::string {
  std::string text = sample();
  const std::string from = "\"callbackUri\": \"https://bot.contoso.com/callback\",";
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos);
  text.replace(at, from.size(), "\"callbackUri\": \"http://bot.contoso.com/callback\",\n  \"callbackUrl\": \"x\",");
  return text;
}

class ConfigCli : public ::testing::Test {
 protected:
  void SetUp() override {
    static std::atomic<int> counter{0};
    dir_ = fs::temp_directory_path() /
           ("callcheck-config-cli-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    // A repository: discovery stops at its root (tests/scripts/hostile_repo.sh
    // covers folders without .git, where it stops at the working directory).
    fs::create_directories(dir_ / ".git");
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  void write(const std::string &relative, const std::string &text) {
    const fs::path p = dir_ / relative;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
  }

  // Runs the binary with `args` in dir_/cwd.
  auto run(const std::string &args, const std::string &cwd = ".") -> CliRun {
    const std::string command =
        "cd '" + (dir_ / cwd).string() + "' && NO_COLOR=1 '" + CALLCHECK_BINARY + "' --color never " + args + " 2>&1";
    CliRun r;
    FILE *pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr) return r;
    char buffer[4096];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) r.out.append(buffer, n);
    const int status = ::pclose(pipe);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
  }

  fs::path dir_;
};

auto has(const CliRun &r, const std::string &text) -> bool { return r.out.find(text) != std::string::npos; }

TEST_F(ConfigCli, ClosestConfigWinsFromTheFilesFolderUpward) {
  write(".callcheck.json", R"({"rules": {"CC202": "off"}})");
  write("team/.callcheck.json", R"({"rules": {"CC201": "error"}})");
  write("top.json", bad_payload());
  write("team/calls/p.json", bad_payload());

  const CliRun r = run("top.json team/calls/p.json");
  EXPECT_EQ(r.code, 1) << r.out;
  EXPECT_FALSE(has(r, "top.json:3:18: error CC202")) << r.out;  // root config: CC202 off
  EXPECT_TRUE(has(r, "top.json:4:3: warning CC201")) << r.out;
  EXPECT_TRUE(has(r, "team/calls/p.json:3:18: error CC202")) << r.out;  // closest config only, no merging
  EXPECT_TRUE(has(r, "team/calls/p.json:4:3: error CC201")) << r.out;

  // Discovery starts at the file, not at the working directory.
  const CliRun from_team = run("../top.json", "team");
  EXPECT_EQ(from_team.code, 0) << from_team.out;
  EXPECT_TRUE(has(from_team, "warning CC201")) << from_team.out;
  EXPECT_FALSE(has(from_team, "CC202")) << from_team.out;
}

TEST_F(ConfigCli, ExplicitConfigAndNoConfig) {
  write(".callcheck.json", R"({"rules": {"CC202": "off"}})");
  write("elsewhere/strict.json", R"({"rules": {"CC201": "off"}})");
  write("p.json", bad_payload());

  const CliRun explicit_config = run("--config elsewhere/strict.json p.json");
  EXPECT_EQ(explicit_config.code, 1) << explicit_config.out;
  EXPECT_TRUE(has(explicit_config, "error CC202")) << explicit_config.out;
  EXPECT_FALSE(has(explicit_config, "CC201")) << explicit_config.out;

  const CliRun none = run("--no-config p.json");
  EXPECT_EQ(none.code, 1) << none.out;
  EXPECT_TRUE(has(none, "error CC202")) << none.out;
  EXPECT_TRUE(has(none, "warning CC201")) << none.out;

  const CliRun missing = run("--config nowhere.json p.json");
  EXPECT_EQ(missing.code, 2) << missing.out;
  EXPECT_TRUE(has(missing, "CC401")) << missing.out;
}

TEST_F(ConfigCli, OverridesByGlobRelativeToTheConfig) {
  write(".callcheck.json", R"({"overrides": [
    {"files": ["legacy/**"], "rules": {"CC202": "warning"}},
    {"files": ["legacy/keep/*.json"], "rules": {"CC202": "error"}}
  ]})");
  write("legacy/a/p.json", bad_payload());
  write("legacy/keep/p.json", bad_payload());
  write("new/p.json", bad_payload());

  const CliRun legacy = run("legacy/a/p.json");
  EXPECT_EQ(legacy.code, 0) << legacy.out;
  EXPECT_TRUE(has(legacy, "warning CC202")) << legacy.out;
  EXPECT_EQ(run("legacy/keep/p.json").code, 1);  // later override wins
  EXPECT_EQ(run("new/p.json").code, 1);
  // The glob is relative to the config's folder, whatever the working directory.
  const CliRun from_inside = run("p.json", "legacy/a");
  EXPECT_EQ(from_inside.code, 0) << from_inside.out;
}

TEST_F(ConfigCli, CommandLineSelectAndIgnoreReplaceTheConfig) {
  write(".callcheck.json", R"({"select": ["CC201"]})");
  write("p.json", bad_payload());

  const CliRun config_only = run("p.json");
  EXPECT_EQ(config_only.code, 0) << config_only.out;
  EXPECT_TRUE(has(config_only, "warning CC201")) << config_only.out;
  EXPECT_FALSE(has(config_only, "CC202")) << config_only.out;

  const CliRun selected = run("--select callback-uri-not-https p.json");
  EXPECT_EQ(selected.code, 1) << selected.out;
  EXPECT_TRUE(has(selected, "error CC202")) << selected.out;
  EXPECT_FALSE(has(selected, "CC201")) << selected.out;

  write(".callcheck.json", R"({"ignore": ["CC201"]})");
  const CliRun ignored = run("--ignore CC2 p.json");
  EXPECT_EQ(ignored.code, 0) << ignored.out;
  EXPECT_FALSE(has(ignored, "CC20")) << ignored.out;
}

TEST_F(ConfigCli, InvalidConfigIsCC401AtItsPositionAndExits2) {
  write(".callcheck.json", "{\n  \"rules\": {\n    \"CC202\": \"of\"\n  }\n}\n");
  write("p.json", bad_payload());
  const CliRun r = run("p.json");
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_TRUE(has(r, ".callcheck.json:3:14: error CC401 invalid-config")) << r.out;
  EXPECT_FALSE(has(r, "p.json:")) << r.out;  // nothing is checked with a broken config

  const CliRun json = run("--format json p.json");
  EXPECT_EQ(json.code, 2) << json.out;
  EXPECT_TRUE(has(json, "\"CC401\"")) << json.out;
}

TEST_F(ConfigCli, SuppressionsUsedAndUnused) {
  write(".callcheck.json", R"({
  "suppressions": [
    {"files": "calls/*.json", "pointer": "/callbackUri", "rule": "callback-uri-not-https", "reason": "local test bot"},
    {"files": ["calls/*.json"], "pointer": "/targets/*", "rule": "CC201", "reason": "stale"}
  ]
})");
  write("calls/p.json", bad_payload());
  const CliRun r = run("calls/p.json");
  EXPECT_EQ(r.code, 0) << r.out;  // the error is suppressed; CC201 and CC402 are warnings
  EXPECT_FALSE(has(r, "CC202")) << r.out;
  EXPECT_TRUE(has(r, "calls/p.json:4:3: warning CC201")) << r.out;
  EXPECT_TRUE(has(r, ".callcheck.json:4:5: warning CC402 unused-suppression")) << r.out;
  EXPECT_FALSE(has(r, ".callcheck.json:3:5")) << r.out;  // the first entry was used

  const CliRun strict = run("--fail-on warning calls/p.json");
  EXPECT_EQ(strict.code, 1) << strict.out;

  // Suppressions for files not checked in this run are not reported.
  write("other/q.json", sample());
  const CliRun other = run("other/q.json");
  EXPECT_EQ(other.code, 0) << other.out;
  EXPECT_FALSE(has(other, "CC402")) << other.out;
}

TEST_F(ConfigCli, BaselineHidesExactlyTheRecordedFindingsAndReportsStaleEntries) {
  write("calls/a.json", bad_payload());
  write("calls/b.json", bad_payload());

  const CliRun written = run("--write-baseline callcheck-baseline.json calls");
  EXPECT_EQ(written.code, 0) << written.out;
  const std::string baseline = read(dir_ / "callcheck-baseline.json");
  EXPECT_NE(baseline.find(R"({"path": "calls/a.json", "code": "CC202", "pointer": "/callbackUri", "count": 1})"),
            std::string::npos)
      << baseline;
  EXPECT_EQ(baseline.find("\"line\""), std::string::npos);  // keyed on pointers, never lines

  const CliRun hidden = run("--fail-on info --baseline callcheck-baseline.json calls");
  EXPECT_EQ(hidden.code, 0) << hidden.out;
  EXPECT_FALSE(has(hidden, " CC2")) << hidden.out;

  // Reformatting does not matter; a new finding does.
  std::string moved = "\n\n" + bad_payload();
  const std::string anchor = "\"callbackUrl\": \"x\",";
  const auto at = moved.find(anchor);
  ASSERT_NE(at, std::string::npos);
  moved.insert(at + anchor.size(), "\n  \"extraField\": 1,");
  write("calls/a.json", moved);
  const CliRun added = run("--baseline callcheck-baseline.json calls");
  EXPECT_EQ(added.code, 0) << added.out;
  EXPECT_FALSE(has(added, "CC202")) << added.out;
  EXPECT_TRUE(has(added, "calls/a.json:7:3: warning CC201 undeclared-property: `extraField`")) << added.out;
  EXPECT_FALSE(has(added, "`callbackUrl`")) << added.out;

  // Fix b.json: its two entries are stale, located in the baseline file.
  write("calls/b.json", sample());
  const CliRun stale = run("--baseline callcheck-baseline.json calls/b.json");
  EXPECT_EQ(stale.code, 0) << stale.out;
  EXPECT_TRUE(has(stale, "callcheck-baseline.json:6:5: warning CC403 stale-baseline-entry")) << stale.out;
  EXPECT_TRUE(has(stale, "callcheck-baseline.json:7:5: warning CC403 stale-baseline-entry")) << stale.out;
  EXPECT_EQ(run("--fail-on warning --baseline callcheck-baseline.json calls/b.json").code, 1);
  // Checking only a.json says nothing about b.json's entries.
  const CliRun subset = run("--baseline callcheck-baseline.json calls/a.json");
  EXPECT_FALSE(has(subset, "CC403")) << subset.out;
}

TEST_F(ConfigCli, BaselineNamedByTheConfigIsRelativeToIt) {
  write("repo/.callcheck.json", R"({"baseline": "ci/baseline.json"})");
  write("repo/calls/p.json", bad_payload());
  fs::create_directories(dir_ / "repo/ci");
  EXPECT_EQ(run("--no-config --write-baseline repo/ci/baseline.json repo/calls").code, 0);
  EXPECT_NE(read(dir_ / "repo/ci/baseline.json").find("\"path\": \"../calls/p.json\""), std::string::npos);
  const CliRun r = run("calls/p.json", "repo");
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_FALSE(has(r, "CC20")) << r.out;

  write("repo/ci/baseline.json", "{\"version\": 1, \"entries\": 3}");
  const CliRun broken = run("calls/p.json", "repo");
  EXPECT_EQ(broken.code, 2) << broken.out;
  EXPECT_TRUE(has(broken, "ci/baseline.json:1:27: error CC401")) << broken.out;
}

TEST_F(ConfigCli, NothingAboveTheRepositoryRootIsRead) {
  write(".callcheck.json", R"({"ignore": ["CC"]})");
  write("repo/.git/HEAD", "ref: refs/heads/main\n");
  write("repo/calls/p.json", bad_payload());
  const CliRun r = run("--show-config calls/p.json", "repo");
  EXPECT_EQ(r.code, 1) << r.out;
  EXPECT_TRUE(has(r, "calls/p.json:3:18: error CC202")) << r.out;
  EXPECT_TRUE(has(r, "callcheck: configuration for calls/p.json: none (trust boundary: .)")) << r.out;
  // From the outer folder the inner repository is still its own root.
  const CliRun outer = run("--show-config repo/calls/p.json");
  EXPECT_EQ(outer.code, 1) << outer.out;
  EXPECT_TRUE(has(outer, "configuration for repo/calls/p.json: none (trust boundary: repo)")) << outer.out;
}

TEST_F(ConfigCli, PathsAConfigurationNamesStayInsideItsRoot) {
  write("p.json", sample());
  write("team/p.json", sample());
  EXPECT_EQ(run("--no-config --write-baseline b.json p.json").code, 0);
  // Inside the repository, "../" is fine.
  write("team/.callcheck.json", R"({"baseline": "../b.json"})");
  EXPECT_EQ(run("team/p.json").code, 0);
  // Not once the team folder is a root of its own.
  write("team/.callcheck.json", "{\"root\": true,\n \"baseline\": \"../b.json\"}");
  const CliRun escaped = run("team/p.json");
  EXPECT_EQ(escaped.code, 2) << escaped.out;
  EXPECT_TRUE(has(escaped,
                  "team/.callcheck.json:2:14: error CC401 invalid-config: `baseline` leaves this "
                  "configuration's root through `..`"))
      << escaped.out;
  // A root above, not the configuration itself, bounds it too.
  write("team/.callcheck.json", R"({"root": true})");
  write("team/sub/.callcheck.json", R"({"baseline": "../../b.json"})");
  write("team/sub/p.json", sample());
  EXPECT_EQ(run("team/sub/p.json").code, 2);
  write("team/sub/.callcheck.json", "{\"baseline\": \"/etc/passwd\"}");
  const CliRun absolute = run("team/sub/p.json");
  EXPECT_EQ(absolute.code, 2) << absolute.out;
  EXPECT_TRUE(has(absolute, "`baseline` is an absolute path")) << absolute.out;
  EXPECT_FALSE(has(absolute, "root:x:0")) << absolute.out;
  // --baseline on the command line is the user's choice: anywhere.
  EXPECT_EQ(run("--no-config --baseline ../b.json p.json", "team").code, 0);
}

TEST_F(ConfigCli, NoCodeFrameForConfigurationOrBaselineFiles) {
  write(".callcheck.json", "{\n  \"scopes\": [\"eyJhbGciOiJub25lIn0.eyJzZWNyZXQiOiJ2YWx1ZSJ9.\"], \"select\": 5\n}\n");
  write("p.json", sample());
  const CliRun r = run("p.json");
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_TRUE(has(r, ".callcheck.json:2:74: error CC401")) << r.out;
  EXPECT_FALSE(has(r, "eyJzZWNyZXQiOiJ2YWx1ZSJ9")) << r.out;
  EXPECT_FALSE(has(r, "2 |")) << r.out;

  write(".callcheck.json", R"({"baseline": "b.json"})");
  write("b.json", "machine example.com password hunter2-secret\n");
  const CliRun baseline = run("p.json");
  EXPECT_EQ(baseline.code, 2) << baseline.out;
  EXPECT_TRUE(has(baseline, "b.json:1:1: error CC401")) << baseline.out;
  EXPECT_FALSE(has(baseline, "hunter2")) << baseline.out;
}

}  // namespace
