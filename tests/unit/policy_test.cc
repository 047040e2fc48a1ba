// The one rule policy (src/catalog/policy.h): what check(), suppressions and
// baselines all obey.
#include <gtest/gtest.h>

#include <callcheck/callcheck.h>

#include <algorithm>  // std::any_of
#include <string>     // std::string

#include "catalog/policy.h"

namespace {

using callcheck::Options;

auto has(const callcheck::Report &r, std::string_view code) -> bool {
  return std::any_of(r.diagnostics.begin(), r.diagnostics.end(), [&](const auto &d) { return d.code == code; });
}

constexpr std::string_view kGood =
    R"({"callbackUri":"https://bot.contoso.com/cb","mediaConfig":{"@odata.type":"#microsoft.graph.serviceHostedMediaConfig"},)"
    R"("targets":[{"identity":{"user":{"id":"8b081ef6-4792-4def-b2c9-c363a1bf41d5"}}}],"requestedModalities":["audio"]})";

TEST(Policy, AlwaysReportedCodesAreTheInputValidityRules) {
  std::vector<std::string> codes;
  for (const callcheck::RuleMeta &m : callcheck::rule_catalog()) {
    if (callcheck::detail::always_reported(m.code)) codes.emplace_back(m.code);
  }
  EXPECT_EQ(codes, (std::vector<std::string>{"CC001", "CC002", "CC003", "CC004", "CC005", "CC006", "CC007", "CC010"}));
}

TEST(Policy, SelectCannotHideInvalidJson) {
  Options options;
  options.select = {"CC202"};
  EXPECT_TRUE(has(callcheck::check("random bytes", "x", options), "CC001"));
  EXPECT_TRUE(has(callcheck::check(std::string("{}\0{}", 5), "x", options), "CC005"));
}

TEST(Policy, IgnoreAndLevelsCannotHideInputValidity) {
  Options options;
  options.ignore = {"CC"};
  options.rule_levels["CC002"] = callcheck::RuleLevel::Off;
  options.rule_levels["CC003"] = callcheck::RuleLevel::Info;
  const callcheck::Report dup = callcheck::check(R"({"a":1,"a":2})", "x", options);
  ASSERT_TRUE(has(dup, "CC002"));
  EXPECT_EQ(dup.diagnostics.front().severity, callcheck::Severity::Error);
  const callcheck::Report utf = callcheck::check("{\"a\":\"\xff\"}", "x", options);
  ASSERT_TRUE(has(utf, "CC003"));
  for (const auto &d : utf.diagnostics) {
    if (d.code == "CC003") {
      EXPECT_EQ(d.severity, callcheck::Severity::Error);
    }
  }
}

TEST(Policy, IgnoreByPrefixNameAndCode) {
  const std::string bad =
      R"({"callbackUri":"http://bot.contoso.com/cb","mediaConfig":{"@odata.type":"#microsoft.graph.serviceHostedMediaConfig"},)"
      R"("targets":[{"identity":{"user":{"id":"8b081ef6-4792-4def-b2c9-c363a1bf41d5"}}}],"requestedModalities":["audio"]})";
  Options options;
  EXPECT_TRUE(has(callcheck::check(bad, "x", options), "CC202"));
  for (const char *selector : {"CC2", "CC202", "callback-uri-not-https"}) {
    Options o;
    o.ignore = {selector};
    EXPECT_FALSE(has(callcheck::check(bad, "x", o), "CC202")) << selector;
  }
  Options only;
  only.select = {"CC1"};
  EXPECT_FALSE(has(callcheck::check(bad, "x", only), "CC202"));
}

TEST(Policy, PreviewRulesRunOnlyWithPreview) {
  const std::string body =
      R"({"callbackUri":"https://bot.contoso.com/cb","mediaConfig":{"@odata.type":"microsoft.graph.serviceHostedMediaConfig"},)"
      R"("targets":[{"identity":{"user":{"id":"8b081ef6-4792-4def-b2c9-c363a1bf41d5"}}}],"requestedModalities":["audio"]})";
  EXPECT_FALSE(has(callcheck::check(body, "x", Options{}), "CC207"));
  Options preview;
  preview.preview = true;
  EXPECT_TRUE(has(callcheck::check(body, "x", preview), "CC207"));
  EXPECT_TRUE(callcheck::check(kGood, "x", preview).diagnostics.empty());
}

TEST(Policy, SelectorsAreValidatedWithSuggestions) {
  using callcheck::detail::check_selector;
  EXPECT_FALSE(check_selector("CC2", false));
  EXPECT_FALSE(check_selector("callback-uri-not-https", true));
  EXPECT_FALSE(check_selector("CC0", true)) << "a prefix may cover always-reported codes";
  const auto lower = check_selector("cc2", false);
  ASSERT_TRUE(lower);
  EXPECT_EQ(lower->help, "did you mean `CC2`?");
  ASSERT_TRUE(check_selector("CC999", false));
  ASSERT_TRUE(check_selector("", false));
  const auto off = check_selector("CC001", true);
  ASSERT_TRUE(off);
  EXPECT_NE(off->message.find("always reported"), std::string::npos);
  EXPECT_FALSE(check_selector("CC001", false)) << "selecting it is harmless";
  EXPECT_TRUE(callcheck::detail::check_rule_key("CC003", callcheck::RuleLevel::Off));
  EXPECT_FALSE(callcheck::detail::check_rule_key("CC202", callcheck::RuleLevel::Off));
}

}  // namespace
