// Team policies through the library (callcheck/policy.h): what compiles,
// which node's text a violation gets, and every refusal the loader owes the
// hostile-repository rules (issue 18). Files come from an in-memory fetch;
// tests/scripts/user_schemas.sh holds the CLI to goldens on real files.
#include <gtest/gtest.h>

#include <chrono>  // std::chrono
#include <map>     // std::map
#include <string>  // std::string
#include <thread>  // std::thread

#include "callcheck/callcheck.h"
#include "test_util.h"

namespace callcheck {
namespace {

using Files = std::map<std::string, std::string>;

auto fetch_from(const Files &files, std::vector<std::string> *asked = nullptr) -> PolicyFetch {
  return [&files, asked](const std::string &path) {
    if (asked != nullptr) asked->push_back(path);
    PolicyFile f;
    const auto it = files.find(path);
    if (it == files.end()) {
      f.error = "No such file or directory";
    } else {
      f.ok = true;
      f.text = it->second;
    }
    return f;
  };
}

auto compile(const Files &files) -> PolicyLoad { return compile_policy("policy.json", fetch_from(files), "policies/"); }

// The first error's message, or "" when the policy compiled.
auto refusal(const Files &files) -> std::string {
  const PolicyLoad load = compile(files);
  if (load.errors.empty()) {
    EXPECT_TRUE(load.schema);
    return "";
  }
  EXPECT_FALSE(load.schema);
  EXPECT_EQ(load.errors.front().diagnostic.code, "CC401");
  return load.errors.front().file + ": " + load.errors.front().diagnostic.message;
}

auto p2p() -> std::string {
  return test::read_text(std::string(CALLCHECK_SAMPLES_DIR) + "/valid/p2p-service-hosted.json");
}

auto cc110(const std::string &payload, const PolicyLoad &load) -> std::vector<Diagnostic> {
  Options options;
  options.policies.push_back(load.schema);
  std::vector<Diagnostic> out;
  for (Diagnostic &d : check(payload, "p.json", options).diagnostics) {
    if (d.code == "CC110") out.push_back(std::move(d));
  }
  return out;
}

const Files kPolicy{{"policy.json", R"({
  "$schema": "http://json-schema.org/draft-07/schema#",
  "title": "Contoso calls policy",
  "properties": {
    "callbackUri": { "$ref": "defs.json#/definitions/contosoCallback" },
    "requestedModalities": {
      "description": "Contoso bots place audio calls only",
      "items": { "enum": ["audio"] }
    },
    "tenantId": { "title": "the tenant", "const": "aa67bd4c-8475-432d-bd41-39f255720e0a" }
  },
  "required": ["tenantId"]
})"},
                    {"defs.json", R"({
  "definitions": {
    "contosoCallback": {
      "title": "callback title",
      "description": "callback description",
      "$comment": "callbacks must go to bot.contoso.com",
      "enum": ["https://bot.contoso.com/callback"]
    }
  }
})"}};

TEST(UserSchema, MessagesComeFromTheViolatedNode) {
  const PolicyLoad load = compile(kPolicy);
  ASSERT_TRUE(load.errors.empty()) << load.errors.front().diagnostic.message;
  std::string payload = p2p();
  EXPECT_TRUE(cc110(payload, load).size() == 1);  // only `tenantId` is missing
  payload.replace(payload.find("bot.contoso.com"), 15, "bot.fabrikam.com");
  payload.replace(payload.find("\"audio\""), 7, "\"video\"");
  const auto found = cc110(payload, load);
  ASSERT_EQ(found.size(), 3U);
  std::map<std::string, const Diagnostic *> by_pointer;
  for (const Diagnostic &d : found) by_pointer[d.pointer] = &d;
  // $comment wins over description and title; the help names the node.
  ASSERT_TRUE(by_pointer.count("/callbackUri"));
  EXPECT_EQ(by_pointer["/callbackUri"]->message, "callbacks must go to bot.contoso.com");
  EXPECT_NE(by_pointer["/callbackUri"]->help.find("policies/defs.json#/definitions/contosoCallback"),
            std::string::npos);
  EXPECT_EQ(by_pointer["/callbackUri"]->severity, Severity::Error);
  EXPECT_EQ(by_pointer["/callbackUri"]->span.begin.line, 3U);
  // The `items` node has no text: its parent's description explains it.
  ASSERT_TRUE(by_pointer.count("/requestedModalities/0"));
  EXPECT_EQ(by_pointer["/requestedModalities/0"]->message, "Contoso bots place audio calls only");
  // `required` belongs to the root: its title.
  ASSERT_TRUE(by_pointer.count(""));
  EXPECT_EQ(by_pointer[""]->message, "Contoso calls policy");
}

TEST(UserSchema, ValijsonTextWhenNoNodeHasAny) {
  const PolicyLoad load = compile({{"policy.json", R"({"properties": {"callbackUri": {"maxLength": 5}}})"}});
  ASSERT_TRUE(load.errors.empty());
  const auto found = cc110(p2p(), load);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].pointer, "/callbackUri");
  EXPECT_NE(found[0].message.find("(policy `policies/policy.json`)"), std::string::npos) << found[0].message;
}

TEST(UserSchema, LevelsAndIgnoreApply) {
  const PolicyLoad load =
      compile({{"policy.json", R"({"title": "no callbacks", "not": {"required": ["callbackUri"]}})"}});
  ASSERT_TRUE(load.errors.empty());
  Options options;
  options.policies.push_back(load.schema);
  options.rule_levels["CC110"] = RuleLevel::Warning;
  auto report = check(p2p(), "p.json", options);
  ASSERT_EQ(report.count(Severity::Warning), 1U);
  options.rule_levels["CC110"] = RuleLevel::Off;
  for (const Diagnostic &d : check(p2p(), "p.json", options).diagnostics) EXPECT_NE(d.code, "CC110");
  options.rule_levels.clear();
  options.ignore = {"policy-violation"};
  for (const Diagnostic &d : check(p2p(), "p.json", options).diagnostics) EXPECT_NE(d.code, "CC110");
}

TEST(UserSchema, OptionsCompareByPolicyIdentity) {
  const PolicyLoad a = compile(kPolicy);
  const PolicyLoad b = compile(kPolicy);
  Options x, y;
  x.policies.push_back(a.schema);
  y.policies.push_back(a.schema);
  EXPECT_EQ(x, y);
  y.policies[0] = b.schema;
  EXPECT_NE(x, y);
}

TEST(UserSchema, EachFileIsFetchedOnce) {
  std::vector<std::string> asked;
  Files files = kPolicy;
  files["policy.json"].replace(files["policy.json"].find("\"tenantId\": {"), 13,
                               R"("tenantId": {"$ref": "defs.json#/definitions/contosoCallback"}, "x": {)");
  const PolicyLoad load = compile_policy("policy.json", fetch_from(files, &asked), "");
  ASSERT_TRUE(load.errors.empty()) << load.errors.front().diagnostic.message;
  EXPECT_EQ(asked, (std::vector<std::string>{"policy.json", "defs.json"}));
}

TEST(UserSchema, SharedByThreads) {
  const PolicyLoad load = compile(kPolicy);
  ASSERT_TRUE(load.schema);
  std::string payload = p2p();
  payload.replace(payload.find("bot.contoso.com"), 15, "bot.fabrikam.com");
  const std::size_t expected = cc110(payload, load).size();
  std::vector<std::thread> threads;
  std::vector<std::size_t> wrong(4, 0);
  for (std::size_t t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) wrong[t] += cc110(payload, load).size() != expected ? 1 : 0;
    });
  }
  for (std::thread &th : threads) th.join();
  for (const std::size_t w : wrong) EXPECT_EQ(w, 0U);
}

TEST(UserSchema, HostileRefsAreRefusedAtTheRef) {
  auto with_ref = [](const std::string &ref) {
    return Files{{"policy.json", R"({"properties": {"a": {"$ref": ")" + ref + R"("}}})"}};
  };
  for (const char *ref : {"/etc/passwd", "../outside.json", "http://example.com/s.json", "https://example.com/s.json",
                          "file:///etc/passwd", "#anchor"}) {
    const PolicyLoad load = compile(with_ref(ref));
    ASSERT_EQ(load.errors.size(), 1U) << ref;
    EXPECT_EQ(load.errors[0].file, "policy.json") << ref;
    EXPECT_EQ(load.errors[0].diagnostic.pointer, "/properties/a/$ref") << ref;
    EXPECT_EQ(load.errors[0].diagnostic.span.begin.line, 1U) << ref;
    EXPECT_EQ(load.errors[0].diagnostic.message.rfind("this `$ref` is refused: ", 0), 0U) << ref;
  }
  EXPECT_NE(refusal(with_ref("missing.json")).find("cannot read `missing.json`"), std::string::npos);
  EXPECT_NE(refusal(with_ref("#/definitions/none")).find("does not resolve"), std::string::npos);
  EXPECT_NE(refusal({{"policy.json", R"({"$schema": "https://evil.example/schema"})"}}).find("draft-07"),
            std::string::npos);
}

TEST(UserSchema, CyclesAndRecursionAreRefusedQuickly) {
  const auto start = std::chrono::steady_clock::now();
  EXPECT_NE(refusal({{"policy.json", R"({"$ref": "#"})"}}).find("cycle"), std::string::npos);
  EXPECT_NE(refusal({{"policy.json", R"({"properties": {"child": {"$ref": "#"}}})"}}).find("cycle"), std::string::npos);
  EXPECT_NE(refusal({{"policy.json", R"({"items": {"$ref": "#"}})"}}).find("cycle"), std::string::npos);
  EXPECT_NE(refusal({{"policy.json", R"({"$ref": "b.json"})"}, {"b.json", R"({"allOf": [{"$ref": "policy.json"}]})"}})
                .find("cycle"),
            std::string::npos);
  EXPECT_NE(refusal({{"policy.json",
                      R"({"definitions": {"a": {"$ref": "#/definitions/b"}, "b": {"$ref": "#/definitions/a"}}})"}})
                .find("cycle"),
            std::string::npos);
  // A diamond of refs is exponential without any cycle: 2^40 nodes.
  std::string diamond = R"({"$ref": "#/definitions/d0", "definitions": {)";
  for (int i = 0; i < 40; ++i) {
    const std::string next = "#/definitions/d" + std::to_string(i + 1);
    diamond +=
        "\"d" + std::to_string(i) + "\": {\"allOf\": [{\"$ref\": \"" + next + "\"}, {\"$ref\": \"" + next + "\"}]}, ";
  }
  diamond += R"("d40": {"type": "object"}}})";
  EXPECT_NE(refusal({{"policy.json", diamond}}).find("expands to more than"), std::string::npos);
  std::string chain = R"({"$ref": "#/definitions/c0", "definitions": {)";
  for (int i = 0; i < 200; ++i)
    chain += "\"c" + std::to_string(i) + "\": {\"$ref\": \"#/definitions/c" + std::to_string(i + 1) + "\"}, ";
  chain += R"("c200": true}})";
  EXPECT_NE(refusal({{"policy.json", chain}}).find("levels deep"), std::string::npos);
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 2.0);
}

TEST(UserSchema, KeywordsThatCrashOrHangAreRefused) {
  EXPECT_NE(refusal({{"policy.json", R"({"properties": {"a": {"pattern": "^(a+)+$"}}})"}}).find("`pattern`"),
            std::string::npos);
  EXPECT_NE(refusal({{"policy.json", R"({"patternProperties": {"x": {}}})"}}).find("`patternProperties`"),
            std::string::npos);
  EXPECT_NE(refusal({{"policy.json", R"({"format": "date-time"})"}}).find("`format`"), std::string::npos);
  EXPECT_NE(refusal({{"policy.json", R"({"uniqueItems": true})"}}).find("maxItems"), std::string::npos);
  EXPECT_EQ(refusal({{"policy.json", R"({"uniqueItems": true, "maxItems": 10})"}}), "");
  EXPECT_NE(refusal({{"policy.json", R"({"multipleOf": 0})"}}).find("greater than 0"), std::string::npos);
}

TEST(UserSchema, BadFilesAreOneLocatedError) {
  EXPECT_NE(refusal({}).find("cannot read the schema `policies/policy.json`: No such file"), std::string::npos);
  const std::string broken = "{\n  \"type\": \"object\",\n}";
  const PolicyLoad not_json = compile({{"policy.json", broken}});
  ASSERT_EQ(not_json.errors.size(), 1U);
  EXPECT_EQ(not_json.errors[0].file, "policy.json");
  // Where the payload parser puts the same syntax error (CC001).
  const Report as_payload = check(broken, "p.json", Options{});
  ASSERT_FALSE(as_payload.diagnostics.empty());
  EXPECT_EQ(not_json.errors[0].diagnostic.span.begin, as_payload.diagnostics[0].span.begin);
  EXPECT_NE(not_json.errors[0].diagnostic.message.find("CC001"), std::string::npos);
  EXPECT_NE(refusal({{"policy.json", std::string(kMaxPolicyFileBytes + 1, ' ')}}).find("limited to"),
            std::string::npos);
  EXPECT_NE(refusal({{"policy.json", R"({"type": 5})"}}).find("not a valid JSON Schema"), std::string::npos);
  EXPECT_NE(refusal({{"policy.json", R"([1, 2])"}}).find("must hold an object"), std::string::npos);
}

}  // namespace
}  // namespace callcheck
