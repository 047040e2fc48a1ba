// The C ABI against the CLI: for every sample and several option sets,
// callcheck_check() must return byte for byte the document that
// `callcheck check --format json --no-config` prints for that file, and the
// CLI's exit code. Also: option errors, NULL handling, threads, the catalogue,
// and that libcallcheck_c.so exports the C functions and nothing else.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "callcheck/callcheck.h"
#include "callcheck/callcheck_c.h"
#include "document/rapidjson_adapter.h"
#include "unit/test_util.h"

namespace {

namespace fs = std::filesystem;

struct Outcome {
  int status = -1;
  std::string out;
};

auto shell(const std::string &command) -> Outcome {
  Outcome run;
  FILE *pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return run;
  std::array<char, 8192> buffer{};
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) run.out.append(buffer.data(), n);
  const int w = ::pclose(pipe);
  run.status = WIFEXITED(w) ? WEXITSTATUS(w) : -1;
  return run;
}

// The CLI from the source folder, so that display paths are "samples/...".
auto cli(const std::string &flags, const std::string &relative) -> Outcome {
  return shell(std::string("cd '") + CALLCHECK_SOURCE_DIR + "' && '" + CALLCHECK_BINARY +
               "' check --format json --no-config " + flags + " '" + relative + "' 2>/dev/null");
}

auto abi(const std::string &body, const std::string &source, const char *options) -> Outcome {
  char *report = nullptr;
  Outcome run;
  run.status = callcheck_check(body.data(), body.size(), source.c_str(), options, &report);
  if (report != nullptr) run.out = report;
  callcheck_free(report);
  return run;
}

struct Variant {
  const char *flags;
  const char *options;
};

// The same request in both spellings.
const std::vector<Variant> kVariants = {
    {"", nullptr},
    {"--api beta", R"({"api":"beta"})"},
    {"--select CC2 --ignore CC221,CC201", R"({"select":["CC2"],"ignore":["CC221","CC201"]})"},
    {"--preview --fail-on warning", R"({"preview":true,"fail_on":"warning"})"},
    {"--fail-on info", R"({"fail_on":"info"})"},
    {"--scopes Calls.Initiate.All", R"({"scopes":["Calls.Initiate.All"]})"},
    {"--scopes Calls.InitiateGroupCalls.All,Calls.InitiateCall.All,Calls.JoinGroupCall.All",
     R"({"scopes":["Calls.InitiateGroupCalls.All","Calls.InitiateCall.All","Calls.JoinGroupCall.All"]})"},
    {"--max-depth 3 --max-string 20", R"({"limits":{"max_depth":3,"max_string":20}})"},
};

auto samples() -> std::vector<std::string> {
  std::vector<std::string> out;
  for (const char *dir : {"valid", "invalid"}) {
    for (const auto &entry : fs::directory_iterator(fs::path(CALLCHECK_SAMPLES_DIR) / dir)) {
      if (entry.path().extension() == ".json")
        out.push_back(std::string("samples/") + dir + "/" + entry.path().filename().string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(CAbi, SameDocumentAndStatusAsTheCli) {
  const auto files = samples();
  ASSERT_GT(files.size(), 40U);
  for (const Variant &v : kVariants) {
    for (const std::string &file : files) {
      const std::string body = callcheck::test::read_text(fs::path(CALLCHECK_SOURCE_DIR) / file);
      const Outcome expected = cli(v.flags, file);
      ASSERT_TRUE(expected.status == 0 || expected.status == 1) << file << " " << v.flags;
      const Outcome actual = abi(body, file, v.options);
      EXPECT_EQ(actual.status, expected.status) << file << " " << v.flags;
      EXPECT_EQ(actual.out, expected.out) << file << " " << v.flags;
    }
  }
}

TEST(CAbi, ToJsonIsTheCliDocument) {
  const std::string file = "samples/invalid/cc202-callback-uri-not-https.json";
  const std::string body = callcheck::test::read_text(fs::path(CALLCHECK_SOURCE_DIR) / file);
  const callcheck::Report report = callcheck::check(body, file, callcheck::Options{});
  EXPECT_EQ(callcheck::to_json(report), cli("", file).out);
}

TEST(CAbi, RequestLineEnablesEndpointChecks) {
  const std::string body =
      callcheck::test::read_text(fs::path(CALLCHECK_SAMPLES_DIR) / "invalid/cc501-deprecated-endpoint.json");
  const Outcome without = abi(body, "a.json", nullptr);
  EXPECT_EQ(without.out.find("CC501"), std::string::npos);
  const Outcome with = abi(body, "a.json", R"({"request":"POST https://graph.microsoft.com/beta/app/calls"})");
  EXPECT_NE(with.out.find("\"code\": \"CC501\""), std::string::npos) << with.out;
  const Outcome modern =
      abi(body, "a.json", R"({"request":"POST https://graph.microsoft.com/v1.0/communications/calls"})");
  EXPECT_EQ(modern.out.find("CC501"), std::string::npos);
}

TEST(CAbi, RuleLevels) {
  const std::string body = R"({"callbackUri": "http://bot.contoso.com/callback"})";
  const Outcome off = abi(body, "a.json", R"({"rules":{"callback-uri-not-https":"off"}})");
  EXPECT_EQ(off.out.find("CC202"), std::string::npos) << off.out;
  const Outcome info = abi(body, "a.json", R"({"rules":{"CC202":"info"},"select":["CC202"]})");
  EXPECT_EQ(info.status, CALLCHECK_CLEAN);
  EXPECT_NE(info.out.find("\"severity\": \"info\""), std::string::npos) << info.out;
}

// Every bad option is exit 2 with one line that names it; none is ignored.
TEST(CAbi, BadOptionsAreFailures) {
  const std::vector<std::pair<const char *, const char *>> cases = {
      {"[]", "options: must be a JSON object"},
      {"{\"api\":", "options: not valid JSON at offset "},
      {"{} x", "options: not valid JSON at offset "},
      {R"({"api":"beta","api":"v1.0"})", "options: not valid JSON at offset "},
      {R"({"api":"v2"})", "options: `api` must be \"v1.0\" or \"beta\""},
      {R"({"scopes":"Calls.Initiate.All"})", "options: `scopes` must be an array of strings"},
      {R"({"scopes":[1]})", "options: `scopes` must be an array of strings"},
      {R"({"select":["CC999"]})", "options: `select`: "},
      {R"({"ignore":["CC001"]})", "options: `ignore`: "},
      {R"({"rules":{"CC202":"loud"}})", "options: `rules.CC202` must be"},
      {R"({"rules":{"nope":"off"}})", "options: `rules`: "},
      {R"({"preview":1})", "options: `preview` must be true or false"},
      {R"({"request":1})", "options: `request` must be a string"},
      {R"({"fail_on":"fatal"})", "options: `fail_on` must be"},
      {R"({"limits":{"max_depth":0}})", "options: `limits.max_depth` must be a positive integer"},
      {R"({"limits":{"max_depth":5000000000}})", "options: `limits.max_depth` must be a positive integer"},
      {R"({"limits":{"max_dept":3}})", "options: unknown member `limits.max_dept`; did you mean `limits.max_depth`?"},
      {R"({"failOn":"error"})", "options: unknown member `failOn`; did you mean `fail_on`?"},
  };
  for (const auto &[options, message] : cases) {
    const Outcome run = abi("{}", "a.json", options);
    EXPECT_EQ(run.status, CALLCHECK_FAILURE) << options;
    rapidjson::Document doc;
    doc.Parse(run.out.c_str());
    ASSERT_TRUE(doc.IsObject() && doc.HasMember("error") && doc["error"].IsString()) << options << " -> " << run.out;
    EXPECT_EQ(std::string(doc["error"].GetString()).rfind(message, 0), 0U) << options << " -> " << run.out;
  }
  // A deep options document does not overflow the stack.
  const std::string deep = "{\"rules\":" + std::string(100000, '[') + std::string(100000, ']') + "}";
  EXPECT_EQ(abi("{}", "a.json", deep.c_str()).status, CALLCHECK_FAILURE);
  // Null and empty options are the defaults.
  EXPECT_EQ(abi("{}", "a.json", "").out, abi("{}", "a.json", nullptr).out);
  EXPECT_EQ(abi("{}", "a.json", " \n").out, abi("{}", "a.json", "{}").out);
}

TEST(CAbi, ConcurrentCallsAgree) {
  std::vector<std::string> bodies;
  for (const std::string &file : samples()) {
    bodies.push_back(callcheck::test::read_text(fs::path(CALLCHECK_SOURCE_DIR) / file));
  }
  std::vector<std::string> expected;
  for (const std::string &b : bodies) expected.push_back(abi(b, "x.json", R"({"scopes":["Calls.Initiate.All"]})").out);
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 5; ++round) {
        for (std::size_t i = 0; i < bodies.size(); ++i) {
          if (abi(bodies[i], "x.json", R"({"scopes":["Calls.Initiate.All"]})").out != expected[i]) ++mismatches[t];
        }
      }
    });
  }
  for (std::thread &t : threads) t.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

TEST(CAbi, RulesAreTheCliCatalogueWithExplanations) {
  char *text = callcheck_rules_json();
  ASSERT_NE(text, nullptr);
  rapidjson::Document mine;
  mine.Parse(text);
  callcheck_free(text);
  ASSERT_TRUE(mine.IsObject());
  const Outcome cli_rules = shell(std::string("'") + CALLCHECK_BINARY + "' rules --format json");
  rapidjson::Document theirs;
  theirs.Parse(cli_rules.out.c_str());
  ASSERT_TRUE(theirs.IsObject()) << cli_rules.out;
  auto &rules = mine["rules"];
  ASSERT_EQ(rules.Size(), callcheck::rule_catalog().size());
  for (rapidjson::SizeType i = 0; i < rules.Size(); ++i) {
    const callcheck::RuleMeta &meta = callcheck::rule_catalog()[i];
    ASSERT_TRUE(rules[i].HasMember("explanation"));
    EXPECT_EQ(std::string(rules[i]["explanation"].GetString()), std::string(meta.explanation)) << meta.code;
    rules[i].RemoveMember("explanation");
  }
  EXPECT_TRUE(mine == theirs);
}

TEST(CAbi, VersionAndNulls) {
  EXPECT_STREQ(callcheck_version(), CALLCHECK_VERSION);
  EXPECT_EQ(callcheck_check("{}", 2, "a.json", nullptr, nullptr), CALLCHECK_FAILURE);
  char *report = reinterpret_cast<char *>(1);
  EXPECT_EQ(callcheck_check(nullptr, 1, "a.json", nullptr, &report), CALLCHECK_FAILURE);
  ASSERT_NE(report, nullptr);
  EXPECT_STREQ(report, "{\"error\":\"body is NULL but length is not 0\"}\n");
  callcheck_free(report);
  const Outcome unnamed = abi("{}", "", nullptr);
  EXPECT_NE(unnamed.out.find("\"path\": \"<body>\""), std::string::npos);
}

TEST(CAbi, ExportsOnlyTheCFunctions) {
  const Outcome nm = shell(std::string("nm -D --defined-only '") + CALLCHECK_C_LIBRARY + "' | awk '{print $3}' | sort");
  ASSERT_EQ(nm.status, 0);
  EXPECT_EQ(nm.out, "callcheck_check\ncallcheck_free\ncallcheck_rules_json\ncallcheck_version\n");
}

}  // namespace
