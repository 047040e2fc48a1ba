// .callcheck.json: parsing, located CC401 errors, globs, overrides, levels,
// select/ignore and suppressions (src/config/config.h, src/config/glob.h).
#include "config/config.h"

#include <gtest/gtest.h>

#include <cstdlib>  // std::getenv

#include "callcheck/callcheck.h"
#include "config/glob.h"
#include "test_util.h"

namespace callcheck::detail {
namespace {

// Time limits are for optimised builds; ASan+Debug (tests/sanitize.sh) runs
// about ten times slower, and the quadratic code this guards against far more.
auto time_budget(double seconds) -> double {
  const char *asan = std::getenv("CALLCHECK_UNDER_ASAN");
  return asan != nullptr && std::string(asan) == "1" ? seconds * 10 : seconds;
}

auto codes(const std::vector<Diagnostic> &list) -> std::vector<std::string> {
  std::vector<std::string> out;
  for (const Diagnostic &d : list) out.push_back(d.code);
  return out;
}

TEST(ConfigTest, ParsesEveryMember) {
  const ConfigLoad load = parse_config(R"({
    "$schema": "https://callcheck.dev/schemas/callcheck/config.schema.json",
    "api": "beta",
    "scopes": ["Calls.Initiate.All"],
    "rules": { "CC201": "off", "callback-uri-not-https": "warning" },
    "select": ["CC1", "CC2"],
    "ignore": ["unknown-property"],
    "overrides": [ { "files": ["legacy/**"], "api": "v1.0", "rules": { "CC101": "info" } } ],
    "suppressions": [ { "files": "a.json", "pointer": "/targets/*", "rule": "undeclared-property", "reason": "vendor field" } ],
    "baseline": "callcheck-baseline.json"
  })");
  ASSERT_TRUE(load.errors.empty()) << load.errors.front().message;
  const Config &c = load.config;
  EXPECT_EQ(c.api, ApiVersion::Beta);
  ASSERT_TRUE(c.scopes);
  EXPECT_EQ(*c.scopes, std::vector<std::string>{"Calls.Initiate.All"});
  EXPECT_EQ(c.rules.at("CC201"), RuleLevel::Off);
  EXPECT_EQ(c.rules.at("CC202"), RuleLevel::Warning);  // names are resolved to codes
  ASSERT_TRUE(c.select);
  EXPECT_EQ(c.select->size(), 2U);
  ASSERT_EQ(c.overrides.size(), 1U);
  EXPECT_EQ(c.overrides[0].api, ApiVersion::V1);
  EXPECT_EQ(c.overrides[0].rules.at("CC101"), RuleLevel::Info);
  ASSERT_EQ(c.suppressions.size(), 1U);
  EXPECT_EQ(c.suppressions[0].code, "CC201");
  EXPECT_EQ(c.suppressions[0].files, std::vector<std::string>{"a.json"});
  EXPECT_EQ(c.suppressions[0].span.begin.line, 9U);
  ASSERT_TRUE(c.baseline);
  EXPECT_EQ(c.baseline->value, "callcheck-baseline.json");
  EXPECT_EQ(c.baseline->pointer, "/baseline");
  EXPECT_EQ(c.baseline->span.begin.line, 10U);
}

TEST(ConfigTest, EmptyObjectIsValid) {
  const ConfigLoad load = parse_config("{}");
  EXPECT_TRUE(load.errors.empty());
  EXPECT_FALSE(load.config.api);
  EXPECT_FALSE(load.config.select);
}

TEST(ConfigTest, BadLevelIsLocatedAtTheValue) {
  const ConfigLoad load = parse_config("{\n  \"rules\": {\n    \"CC101\": \"of\"\n  }\n}");
  ASSERT_EQ(codes(load.errors), std::vector<std::string>{"CC401"});
  EXPECT_EQ(load.errors[0].severity, Severity::Error);
  EXPECT_EQ(load.errors[0].pointer, "/rules/CC101");
  EXPECT_EQ(load.errors[0].span.begin.line, 3U);
  EXPECT_EQ(load.errors[0].span.begin.column, 14U);
}

TEST(ConfigTest, UnknownMemberIsLocatedAtItsName) {
  const ConfigLoad load = parse_config("{\"api\": \"beta\",\n \"selct\": []}");
  ASSERT_EQ(codes(load.errors), std::vector<std::string>{"CC401"});
  EXPECT_EQ(load.errors[0].span.begin.line, 2U);
  EXPECT_EQ(load.errors[0].span.begin.column, 2U);
}

TEST(ConfigTest, SyntaxErrorIsCC401) {
  const ConfigLoad load = parse_config("{\n  \"api\": beta\n}");
  ASSERT_FALSE(load.errors.empty());
  EXPECT_EQ(load.errors[0].code, "CC401");
  EXPECT_EQ(load.errors[0].span.begin.line, 2U);
  EXPECT_EQ(load.errors[0].span.begin.column, 10U);
}

TEST(ConfigTest, DuplicateKeyIsCC401) {
  const ConfigLoad load = parse_config("{\"api\": \"beta\", \"api\": \"v1.0\"}");
  ASSERT_FALSE(load.errors.empty());
  EXPECT_EQ(load.errors[0].code, "CC401");
}

TEST(ConfigTest, UnknownRulesAreLocated) {
  const ConfigLoad load = parse_config(
      "{\n\"rules\": {\"callback-uri-not-http\": \"off\"},\n\"select\": [\"CC9\"],\n"
      "\"suppressions\": [{\"files\": \"*\", \"pointer\": \"x\", \"rule\": \"CC999\", \"reason\": \" \"}]\n}");
  ASSERT_EQ(load.errors.size(), 5U);
  for (const Diagnostic &d : load.errors) EXPECT_EQ(d.code, "CC401");
  EXPECT_EQ(load.errors[0].span.begin.line, 2U);  // the rule name (a key)
  EXPECT_EQ(load.errors[0].span.begin.column, 11U);
  EXPECT_EQ(load.errors[0].help, "did you mean `callback-uri-not-https`?");
  EXPECT_EQ(load.errors[1].pointer, "/select/0");  // CC9 is no code's prefix
  EXPECT_EQ(load.errors[2].pointer, "/suppressions/0/pointer");
  EXPECT_EQ(load.errors[3].pointer, "/suppressions/0/rule");
  EXPECT_EQ(load.errors[4].pointer, "/suppressions/0/reason");  // blank reason
}

TEST(ConfigTest, SuppressionNeedsAReason) {
  const ConfigLoad load = parse_config(R"({"suppressions": [{"files": "*", "pointer": "", "rule": "CC101"}]})");
  ASSERT_EQ(codes(load.errors), std::vector<std::string>{"CC401"});
  EXPECT_EQ(load.errors[0].pointer, "/suppressions/0");
}

TEST(GlobTest, StarStaysInsideOneFolder) {
  EXPECT_TRUE(glob_match("*.json", "a.json"));
  EXPECT_FALSE(glob_match("*.json", "dir/a.json"));
  EXPECT_TRUE(glob_match("dir/*.json", "dir/a.json"));
  EXPECT_FALSE(glob_match("dir/*.json", "dir/sub/a.json"));
  EXPECT_TRUE(glob_match("*", "anything"));
  EXPECT_FALSE(glob_match("*.json", "a.jsonx"));
}

TEST(GlobTest, QuestionMarkIsOneCharacter) {
  EXPECT_TRUE(glob_match("p?.json", "p1.json"));
  EXPECT_FALSE(glob_match("p?.json", "p12.json"));
  EXPECT_FALSE(glob_match("a?b", "a/b"));
}

TEST(GlobTest, DoubleStarCrossesFolders) {
  EXPECT_TRUE(glob_match("**/*.json", "a.json"));  // zero folders
  EXPECT_TRUE(glob_match("**/*.json", "x/y/z/a.json"));
  EXPECT_TRUE(glob_match("legacy/**", "legacy/a.json"));
  EXPECT_TRUE(glob_match("legacy/**", "legacy/x/y.json"));
  EXPECT_FALSE(glob_match("legacy/**", "new/legacy.json"));
  EXPECT_TRUE(glob_match("a/**/b.json", "a/b.json"));
  EXPECT_TRUE(glob_match("a/**/b.json", "a/x/y/b.json"));
  EXPECT_FALSE(glob_match("a/**/b.json", "a/x/yb.json"));
  EXPECT_TRUE(glob_match("**", "x/y"));
  EXPECT_TRUE(glob_match("./calls/*.json", "calls/p.json"));
}

TEST(GlobTest, LiteralCharactersAreLiteral) {
  EXPECT_TRUE(glob_match("a[1].json", "a[1].json"));
  EXPECT_FALSE(glob_match("a[1].json", "a1.json"));
  EXPECT_FALSE(glob_match("a.json", "b.json"));
}

TEST(GlobTest, ManyStarsStayFast) {
  // Memoised: this would take exponential time with naive backtracking.
  const std::string path(200, 'a');
  EXPECT_FALSE(glob_match("**a**a**a**a**a**a**a**a**a**b", path));
  EXPECT_FALSE(glob_match("*a*a*a*a*a*a*a*a*a*a*a*b", path));
}

TEST(GlobTest, DoubleStarSegmentSkipsOnlyBeforeConsuming) {
  // "**/" may match no folder, but once `**` took characters the '/' is required.
  EXPECT_FALSE(glob_match("a/**/b.json", "a/x/yb.json"));
  EXPECT_FALSE(glob_match("**/b.json", "xb.json"));
  EXPECT_TRUE(glob_match("**/b.json", "x/b.json"));
  EXPECT_TRUE(glob_match("a/**/**/b.json", "a/b.json"));
  EXPECT_TRUE(glob_match("a/**/**/b.json", "a/x/b.json"));
  EXPECT_TRUE(glob_match("a/***", "a/x/y"));  // `**` then `*`
  EXPECT_FALSE(glob_match("", "a"));
  EXPECT_TRUE(glob_match("", ""));
}

TEST(GlobTest, LinearInThePathForTheLongestAllowedPattern) {
  // The worst pattern within kMaxGlobBytes against a 16 KiB path. The
  // memoised backtracking matcher was O(pattern x path^2): 0.5 s for a
  // 4 KiB path, 50 s for this one (measured, -O2); the NFA walk takes 12 ms.
  std::string pattern;
  while (pattern.size() + 3 <= kMaxGlobBytes - 1) pattern += "**a";
  pattern += "b";
  ASSERT_LE(pattern.size(), kMaxGlobBytes);
  const std::string path(16384, 'a');
  const double start = callcheck::test::thread_cpu_seconds();
  EXPECT_FALSE(glob_match(pattern, path));
  EXPECT_TRUE(glob_match(pattern.substr(0, pattern.size() - 1), path));
  const double seconds = callcheck::test::thread_cpu_seconds() - start;
  EXPECT_LT(seconds, time_budget(2.0));
}

TEST(ConfigTest, GlobsLongerThanTheCapAreCC401AtTheEntry) {
  const std::string glob(kMaxGlobBytes + 1, 'x');
  const ConfigLoad load = parse_config("{\"overrides\": [{\"files\": [\"ok/**\",\n \"" + glob +
                                       "\"], \"api\": \"beta\"}],\n \"suppressions\": [{\"files\": \"" + glob +
                                       "\", \"pointer\": \"\", \"rule\": \"CC101\", \"reason\": \"r\"}]}");
  ASSERT_EQ(codes(load.errors), (std::vector<std::string>{"CC401", "CC401"}));
  EXPECT_EQ(load.errors[0].pointer, "/overrides/0/files/1");
  EXPECT_EQ(load.errors[0].span.begin.line, 2U);
  EXPECT_EQ(load.errors[0].span.begin.column, 2U);
  EXPECT_EQ(load.errors[1].pointer, "/suppressions/0/files");
  EXPECT_TRUE(
      parse_config("{\"overrides\": [{\"files\": [\"" + std::string(kMaxGlobBytes, 'x') + "\"]}]}").errors.empty());
}

TEST(ConfigTest, RootAndBaselineArePathsWithPositions) {
  const ConfigLoad load = parse_config("{\"root\": true,\n \"baseline\": \"ci/b.json\"}");
  ASSERT_TRUE(load.errors.empty()) << load.errors.front().message;
  EXPECT_TRUE(load.config.root);
  ASSERT_TRUE(load.config.baseline);
  EXPECT_EQ(load.config.baseline->value, "ci/b.json");
  EXPECT_EQ(load.config.baseline->member, "baseline");
  EXPECT_EQ(load.config.baseline->span.begin.line, 2U);
  EXPECT_EQ(load.config.baseline->span.begin.column, 14U);
  EXPECT_FALSE(parse_config("{}").config.root);
  EXPECT_FALSE(parse_config("{\"root\": \"yes\"}").errors.empty());
}

// A file that is not a configuration at all (a credentials file linked or
// committed as .callcheck.json, a token pasted into a member): CC401 says
// where and what, never the values.
TEST(ConfigTest, ErrorsNeverQuoteValuesThatAreNotNames) {
  const std::string token = "eyJhbGciOiJSUzI1NiJ9.eyJyb2xlcyI6WyJDYWxscy5Jbml0aWF0ZS5BbGwiXX0.c2lnbmF0dXJl";
  const std::string secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY/and-more-secret-bytes-to-pass-sixty-chars";
  const std::vector<std::string> configs = {
      "{\"api\": \"" + secret + "\"}",
      "{\"api\": \"" + token + "\"}",
      "{\"rules\": {\"CC101\": \"" + secret + "\"}}",
      "{\"select\": [\"" + token + "\"]}",
      "{\"ignore\": [\"" + secret + "\"]}",
      "{\"rules\": {\"" + token + "\": \"off\"}}",
      "{\"" + secret + "\": 1}",
      "{\"suppressions\": [{\"files\": \"*\", \"pointer\": \"" + secret + "\", \"rule\": \"" + token +
          "\", \"reason\": \"r\"}]}",
  };
  for (const std::string &text : configs) {
    const ConfigLoad load = parse_config(text);
    ASSERT_FALSE(load.errors.empty()) << text;
    for (const Diagnostic &d : load.errors) {
      for (const std::string &value : {token, secret, secret.substr(0, 20), token.substr(0, 20)}) {
        EXPECT_EQ(d.message.find(value), std::string::npos) << d.message;
        EXPECT_EQ(d.help.find(value), std::string::npos) << d.help;
      }
    }
  }
  // Names are still quoted: a typo stays easy to find.
  const ConfigLoad typo = parse_config(R"({"api": "v2", "select": ["CC2O2"]})");
  ASSERT_FALSE(typo.errors.empty());
  EXPECT_NE(typo.errors[0].message.find("\"v2\""), std::string::npos) << typo.errors[0].message;
  const ConfigLoad select = parse_config(R"({"select": ["CC2O2"]})");
  ASSERT_EQ(select.errors.size(), 1U);
  EXPECT_NE(select.errors[0].message.find("`CC2O2`"), std::string::npos) << select.errors[0].message;
}

TEST(ConfigResolveTest, OverridesApplyInOrderByPath) {
  const ConfigLoad load = parse_config(R"({
    "api": "beta",
    "rules": { "CC101": "warning" },
    "overrides": [
      { "files": ["legacy/**"], "api": "v1.0", "rules": { "CC101": "info", "CC201": "off" } },
      { "files": ["legacy/old/*.json"], "rules": { "CC101": "error" } }
    ]
  })");
  ASSERT_TRUE(load.errors.empty());
  Options top;
  apply_config(load.config, "calls/a.json", top);
  EXPECT_EQ(top.api, ApiVersion::Beta);
  EXPECT_EQ(top.rule_levels.at("CC101"), RuleLevel::Warning);
  EXPECT_EQ(top.rule_levels.count("CC201"), 0U);

  Options legacy;
  apply_config(load.config, "legacy/a.json", legacy);
  EXPECT_EQ(legacy.api, ApiVersion::V1);
  EXPECT_EQ(legacy.rule_levels.at("CC101"), RuleLevel::Info);
  EXPECT_EQ(legacy.rule_levels.at("CC201"), RuleLevel::Off);

  Options old;  // both overrides match; the later one wins
  apply_config(load.config, "legacy/old/a.json", old);
  EXPECT_EQ(old.rule_levels.at("CC101"), RuleLevel::Error);
  EXPECT_EQ(old.rule_levels.at("CC201"), RuleLevel::Off);
}

constexpr const char *kPayload = R"({
  "callbackUrl": "https://bot.contoso.com/callback",
  "mediaConfig": { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig" }
})";

auto has(const Report &r, std::string_view code) -> const Diagnostic * {
  for (const Diagnostic &d : r.diagnostics) {
    if (d.code == code) return &d;
  }
  return nullptr;
}

TEST(ConfigResolveTest, LevelsChangeSeverityOrRemoveTheRule) {
  const ConfigLoad load = parse_config(R"({"rules": {"missing-required-property": "info", "CC201": "off"}})");
  ASSERT_TRUE(load.errors.empty());
  Options options;
  apply_config(load.config, "p.json", options);
  const Report r = check(kPayload, "p.json", options);
  ASSERT_NE(has(r, "CC101"), nullptr);
  EXPECT_EQ(has(r, "CC101")->severity, Severity::Info);
  EXPECT_EQ(has(r, "CC201"), nullptr);
  ASSERT_NE(has(check(kPayload, "p.json", Options{}), "CC201"), nullptr);
}

TEST(ConfigResolveTest, SelectAndIgnoreByCodeNameAndPrefix) {
  for (const char *text :
       {R"({"select": ["CC101"]})", R"({"select": ["missing-required-property"]})", R"({"select": ["CC10"]})"}) {
    const ConfigLoad load = parse_config(text);
    ASSERT_TRUE(load.errors.empty()) << text;
    Options options;
    apply_config(load.config, "p.json", options);
    const Report r = check(kPayload, "p.json", options);
    EXPECT_NE(has(r, "CC101"), nullptr) << text;
    EXPECT_EQ(has(r, "CC201"), nullptr) << text;
    EXPECT_EQ(has(r, "CC301"), nullptr) << text;
  }
  for (const char *text :
       {R"({"ignore": ["CC201"]})", R"({"ignore": ["undeclared-property"]})", R"({"ignore": ["CC2"]})"}) {
    const ConfigLoad load = parse_config(text);
    ASSERT_TRUE(load.errors.empty()) << text;
    Options options;
    apply_config(load.config, "p.json", options);
    const Report r = check(kPayload, "p.json", options);
    EXPECT_NE(has(r, "CC101"), nullptr) << text;
    EXPECT_EQ(has(r, "CC201"), nullptr) << text;
    EXPECT_TRUE(rule_enabled(options, "CC101"));
    EXPECT_FALSE(rule_enabled(options, "CC201"));
  }
}

TEST(SuppressionTest, PointerMatching) {
  EXPECT_TRUE(pointer_covered("/targets/0/identity", "/targets/0/identity"));
  EXPECT_FALSE(pointer_covered("/targets/0/identity", "/targets/0/identity/user"));
  EXPECT_FALSE(pointer_covered("/targets/0", "/targets/01"));
  EXPECT_TRUE(pointer_covered("/targets/*", "/targets/0/identity/user/id"));
  EXPECT_FALSE(pointer_covered("/targets/*", "/targets"));
  EXPECT_FALSE(pointer_covered("/targets/*", "/targetsX/0"));
  EXPECT_TRUE(pointer_covered("/*", "/anything"));
  EXPECT_TRUE(pointer_covered("", ""));
  EXPECT_FALSE(pointer_covered("", "/callbackUri"));
}

TEST(SuppressionTest, HidesMatchingFindingsAndCountsUses) {
  const ConfigLoad load = parse_config(R"({"suppressions": [
    {"files": "calls/*.json", "pointer": "/callbackUrl", "rule": "undeclared-property", "reason": "vendor field"},
    {"files": ["calls/*.json"], "pointer": "/mediaConfig/*", "rule": "CC201", "reason": "never fires"},
    {"files": "other/**", "pointer": "", "rule": "CC101", "reason": "other folder"},
    {"files": "calls/*.json", "pointer": "", "rule": "CC301", "reason": "rule is off"}
  ]})");
  ASSERT_TRUE(load.errors.empty());
  Options options;
  options.rule_levels["CC301"] = RuleLevel::Off;
  Report r = check(kPayload, "calls/p.json", options);
  ASSERT_NE(has(r, "CC201"), nullptr);
  std::vector<SuppressionUse> uses;
  apply_suppressions(r, "calls/p.json", load.config.suppressions, options, uses);
  EXPECT_EQ(has(r, "CC201"), nullptr);
  EXPECT_NE(has(r, "CC101"), nullptr);  // the third entry is for other files
  ASSERT_EQ(uses.size(), 4U);
  EXPECT_TRUE(uses[0].applicable);
  EXPECT_EQ(uses[0].hidden, 1U);
  EXPECT_TRUE(uses[1].applicable);
  EXPECT_EQ(uses[1].hidden, 0U);
  EXPECT_FALSE(uses[2].applicable);  // matched no checked file: not reported as unused
  EXPECT_FALSE(uses[3].applicable);  // its rule is off

  const std::vector<Diagnostic> unused = unused_suppressions(load.config.suppressions, uses, Options{});
  ASSERT_EQ(codes(unused), std::vector<std::string>{"CC402"});
  EXPECT_EQ(unused[0].severity, Severity::Warning);
  EXPECT_EQ(unused[0].pointer, "/suppressions/1");
  EXPECT_EQ(unused[0].span.begin.line, 3U);
  EXPECT_EQ(unused[0].span.begin.column, 5U);

  Options quiet;
  quiet.rule_levels["CC402"] = RuleLevel::Off;
  EXPECT_TRUE(unused_suppressions(load.config.suppressions, uses, quiet).empty());
}

TEST(SuppressionTest, InputValidityCannotBeSuppressed) {
  for (const char *code : {"CC001", "CC003", "CC010", "invalid-json"}) {
    const ConfigLoad load = parse_config(std::string(R"({"suppressions": [{"files": "*", "pointer": "", "rule": ")") +
                                         code + R"(", "reason": "x"}]})");
    ASSERT_EQ(load.errors.size(), 1U) << code;
    EXPECT_NE(load.errors[0].message.find("always reported"), std::string::npos);
    EXPECT_EQ(load.errors[0].pointer, "/suppressions/0/rule");
  }
  for (const char *text :
       {R"({"ignore": ["CC002"]})", R"({"rules": {"CC005": "off"}})", R"({"rules": {"CC001": "info"}})"}) {
    EXPECT_EQ(parse_config(text).errors.size(), 1U) << text;
  }
  EXPECT_TRUE(parse_config(R"({"ignore": ["CC0"], "select": ["CC001"]})").errors.empty());
}

TEST(SuppressionTest, UnreadableInputsAreLeftAlone) {
  const ConfigLoad load =
      parse_config(R"({"suppressions": [{"files": "*", "pointer": "", "rule": "CC202", "reason": "x"}]})");
  ASSERT_TRUE(load.errors.empty());
  Report r;
  r.input_error = true;
  r.diagnostics.push_back(Diagnostic{"CC202", "callback-uri-not-https", Severity::Error, "x", "", {}, "", {}, ""});
  std::vector<SuppressionUse> uses;
  apply_suppressions(r, "a.json", load.config.suppressions, Options{}, uses);
  EXPECT_EQ(r.diagnostics.size(), 1U);
}

}  // namespace
}  // namespace callcheck::detail
