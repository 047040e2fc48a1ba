// Fixes (issue 16): each rule's fix on a small body, compared byte for byte,
// then the engine's promises: layout kept, idempotent, deterministic on
// clashing edits, never a result that does not parse, Markdown/.http fixed
// inside their blocks.
#include <gtest/gtest.h>

#include <string>

#include "callcheck/callcheck.h"
#include "fix/edits.h"
#include "fix/fix_file.h"

namespace callcheck {
namespace {

using detail::FixInput;

auto options(bool preview = false) -> Options {
  Options o;
  o.preview = preview;
  return o;
}

// The body around `members`: a valid peer-to-peer call, so that only the
// slip under test is reported.
auto body(const std::string &members) -> std::string {
  return "{\n"
         "  \"@odata.type\": \"#microsoft.graph.call\",\n"
         "  \"callbackUri\": \"https://bot.contoso.com/callback\",\n"
         "  \"targets\": [{\"@odata.type\": \"#microsoft.graph.invitationParticipantInfo\", \"identity\": "
         "{\"@odata.type\": \"#microsoft.graph.identitySet\", \"user\": {\"@odata.type\": "
         "\"#microsoft.graph.identity\", "
         "\"id\": \"8a34a46b-3d17-4adc-8dce-dc4e7d572698\"}}}],\n" +
         members +
         "  \"mediaConfig\": {\"@odata.type\": \"#microsoft.graph.serviceHostedMediaConfig\"},\n"
         "  \"tenantId\": \"aa67bd4c-8475-432d-bd41-39f255720e0a\"\n"
         "}\n";
}

auto codes(const Report &r) -> std::string {
  std::string out;
  for (const Diagnostic &d : r.diagnostics) out += (out.empty() ? "" : " ") + d.code;
  return out;
}

auto fixed(const std::string &text, bool unsafe = false, bool preview = false, FixInput kind = FixInput::Json)
    -> detail::FixResult {
  return detail::fix_text(text, kind, "t.json", options(preview), unsafe);
}

struct Case {
  const char *code;
  std::string before;
  std::string after;
  bool unsafe;
  bool preview;
};

class RuleFix : public ::testing::TestWithParam<Case> {};

TEST_P(RuleFix, FixesExactlyTheSlipAndNothingElse) {
  const Case &c = GetParam();
  const Report before = check(c.before, "t.json", options(c.preview));
  ASSERT_NE(codes(before).find(c.code), std::string::npos) << codes(before);
  // Only with the right permission: an unsafe fix is not applied by --fix.
  if (c.unsafe) {
    const detail::FixResult safe_only = fixed(c.before, false, c.preview);
    EXPECT_EQ(safe_only.text, c.before) << "an unsafe fix was applied without --unsafe-fixes";
  }
  const detail::FixResult r = fixed(c.before, c.unsafe, c.preview);
  EXPECT_TRUE(r.parses);
  EXPECT_EQ(r.text, c.after);
  const Report after = check(r.text, "t.json", options(c.preview));
  EXPECT_EQ(codes(after).find(c.code), std::string::npos) << codes(after);
  // Idempotent: a second run finds nothing left to fix.
  const detail::FixResult again = fixed(r.text, c.unsafe, c.preview);
  EXPECT_EQ(again.fixed, 0U);
  EXPECT_EQ(again.text, r.text);
}

INSTANTIATE_TEST_SUITE_P(
    Fixes, RuleFix,
    ::testing::Values(
        Case{"CC001", body("  \"requestedModalities\": [\"audio\",],\n"),
             body("  \"requestedModalities\": [\"audio\"],\n"), false, false},
        // Two trailing commas: the parser stops at the first, the second round fixes the next.
        Case{"CC001", "{\"a\": [1, 2,\n ],\n \"b\": {\"c\": 1 ,  }  ,\n}",
             "{\"a\": [1, 2\n ],\n \"b\": {\"c\": 1   }  \n}", false, false},
        Case{"CC006", "\xEF\xBB\xBF" + body(""), body(""), false, false},
        Case{"CC104", body("  \"requestedModalities\": [\"Audio\"],\n"),
             body("  \"requestedModalities\": [\"audio\"],\n"), false, false},
        Case{"CC221", body("  \"requestedModalities\": [\"audio\", \"video\", \"audio\", \"audio\"],\n"),
             body("  \"requestedModalities\": [\"audio\", \"video\"],\n"), false, false},
        Case{"CC221", body("  \"requestedModalities\": [\n    \"audio\",\n    \"audio\"\n  ],\n"),
             body("  \"requestedModalities\": [\n    \"audio\"\n  ],\n"), false, false},
        Case{"CC207", "{\"mediaConfig\": {\"@odata.type\": \"microsoft.graph.serviceHostedMediaConfig\"}}",
             "{\"mediaConfig\": {\"@odata.type\": \"#microsoft.graph.serviceHostedMediaConfig\"}}", false, true},
        Case{"CC201",
             body("  \"source\": {\"identity\": {\"application\": {\"id\": \"x\", \"displayname\": \"Bot\"}}},\n"),
             body("  \"source\": {\"identity\": {\"application\": {\"id\": \"x\", \"displayName\": \"Bot\"}}},\n"),
             true, false},
        Case{"CC102",
             body("").replace(body("").find("serviceHostedMediaConfig\""), 25,
                              "serviceHostedMediaConfig\", \"preFetchMedias\": []"),
             body("").replace(body("").find("serviceHostedMediaConfig\""), 25,
                              "serviceHostedMediaConfig\", \"preFetchMedia\": []"),
             true, false},
        Case{"CC216",
             "{\"source\": {\"identity\": {\"user\": {\"id\": \"8a34a46b-3d17-4adc-8dce-dc4e7d572698\", "
             "\"displayName\": "
             "\"Guest\", \"identityProvider\": \"None\"}}}}",
             "{\"source\": {\"identity\": {\"guest\": {\"id\": \"8a34a46b-3d17-4adc-8dce-dc4e7d572698\", "
             "\"displayName\": "
             "\"Guest\"}}}}",
             true, false},
        Case{
            "CC223",
            "{\"chatInfo\": {\"threadId\": "
            "\"19%3ameeting_NTg0NmQ3NTctZDVkZC00YzRhLThmNmEtOGQ3M2E0ODdmZDZk%40thread.v2\"}}",
            "{\"chatInfo\": {\"threadId\": \"19:meeting_NTg0NmQ3NTctZDVkZC00YzRhLThmNmEtOGQ3M2E0ODdmZDZk@thread.v2\"}}",
            false, false}),
    [](const ::testing::TestParamInfo<Case> &info) {
      return std::string(info.param.code) + "_" + std::to_string(info.index);
    });

TEST(Fix, CatalogueSaysWhichRulesFixAndHowSafely) {
  for (const RuleMeta &m : rule_catalog()) {
    const bool documented = m.explanation.find("\n## Fix safety\n") != std::string_view::npos;
    EXPECT_EQ(documented, m.fix != FixSafety::None) << m.code << ": a fix and its \"## Fix safety\" go together";
    if (documented) {
      EXPECT_GT(m.explanation.find("\n## Fix safety\n"), m.explanation.find("## Use instead"))
          << m.code << ": \"## Fix safety\" comes after \"## Use instead\"";
    }
  }
  EXPECT_EQ(find_rule("CC001")->fix, FixSafety::Safe);
  EXPECT_EQ(find_rule("CC216")->fix, FixSafety::Unsafe);
  EXPECT_EQ(find_rule("CC202")->fix, FixSafety::None);
}

TEST(Fix, DiagnosticsCarryTheFixWithSpans) {
  const Report r = check("{\"a\": 1,\n}", "t.json", options());
  ASSERT_EQ(r.diagnostics.size(), 1U);
  ASSERT_TRUE(r.diagnostics[0].fix.has_value());
  const Fix &f = *r.diagnostics[0].fix;
  EXPECT_EQ(f.safety, FixSafety::Safe);
  ASSERT_EQ(f.edits.size(), 1U);
  EXPECT_EQ(f.edits[0].begin, 7U);
  EXPECT_EQ(f.edits[0].end, 8U);
  EXPECT_EQ(f.edits[0].replacement, "");
  EXPECT_EQ(f.edits[0].span.begin, (Position{1, 8}));
  EXPECT_EQ(f.edits[0].span.end, (Position{1, 9}));
}

TEST(Fix, NoFixForAnAmbiguousSuggestionOrAnOccupiedName) {
  // `displayname` next to an existing `displayName`: renaming would duplicate it.
  const Report r = check(body("  \"source\": {\"identity\": {\"application\": {\"id\": \"x\", \"displayName\": \"a\", "
                              "\"displayname\": \"b\"}}},\n"),
                         "t.json", options());
  bool seen = false;
  for (const Diagnostic &d : r.diagnostics) {
    if (d.code != "CC201") continue;
    seen = true;
    EXPECT_FALSE(d.fix.has_value());
  }
  EXPECT_TRUE(seen);
  EXPECT_EQ(detail::unique_closest("ab", {"abc", "abd"}), "");  // a tie
  EXPECT_EQ(detail::unique_closest("displayname", {"displayName", "id"}), "displayName");
}

TEST(Fix, OverlappingEditsResolveByPositionThenCode) {
  const std::string text = "abcdef";
  const Fix wide{FixSafety::Safe, "wide", {Edit{1, 4, "X", {}}}};
  const Fix narrow{FixSafety::Safe, "narrow", {Edit{2, 3, "Y", {}}}};
  const Fix later{FixSafety::Safe, "later", {Edit{4, 5, "Z", {}}}};
  const Fix same_place{FixSafety::Safe, "same", {Edit{1, 2, "W", {}}}};
  for (int order = 0; order < 2; ++order) {
    std::vector<detail::FixRef> refs{{&narrow, "CC200"}, {&wide, "CC300"}, {&later, "CC100"}, {&same_place, "CC100"}};
    if (order == 1) std::reverse(refs.begin(), refs.end());
    std::vector<std::string> applied;
    // Position 1 first: CC100's `same` (lower code) wins over CC300's `wide`;
    // `narrow` at 2 no longer clashes with anything; `later` is disjoint.
    EXPECT_EQ(detail::apply_fixes(text, refs, applied), "aWYdZf");
    EXPECT_EQ(applied, (std::vector<std::string>{"CC100", "CC200", "CC100"}));
  }
}

TEST(Fix, NeverOffersAResultThatDoesNotParse) {
  // The BOM is fixable, the missing value is not: the fixed text still would
  // not parse, so nothing is written.
  const std::string text = "\xEF\xBB\xBF{\"a\": }";
  const detail::FixResult r = fixed(text);
  EXPECT_EQ(r.fixed, 1U);
  EXPECT_FALSE(r.parses);
}

TEST(Fix, KeepsLayoutAndOtherMembersByteForByte) {
  const std::string text = "{\n\t\"requestedModalities\" :  [ \"Audio\" ,\"video\"   ],\n\t\"x\":  1.50e+2 ,\n}\n";
  const detail::FixResult r = fixed(text);
  EXPECT_EQ(r.text, "{\n\t\"requestedModalities\" :  [ \"audio\" ,\"video\"   ],\n\t\"x\":  1.50e+2 \n}\n");
}

TEST(Fix, MarkdownBodiesAreFixedInsideTheirBlocks) {
  const std::string md =
      "# Create call\n\n"
      "> ```http\n"
      "> POST https://graph.microsoft.com/v1.0/communications/calls\n"
      "> Content-Type: application/json\n"
      ">\n"
      "> {\n"
      ">   \"requestedModalities\": [\"Audio\", \"audio\"],\n"
      ">   \"callbackUri\": \"https://bot.contoso.com/callback\",\n"
      "> }\n"
      "> ```\n\n"
      "Text after, with a trailing comma, [1,] that is prose.\n";
  const detail::FixResult r = fixed(md, false, false, FixInput::Markdown);
  EXPECT_TRUE(r.parses);
  EXPECT_EQ(r.text,
            "# Create call\n\n"
            "> ```http\n"
            "> POST https://graph.microsoft.com/v1.0/communications/calls\n"
            "> Content-Type: application/json\n"
            ">\n"
            "> {\n"
            ">   \"requestedModalities\": [\"audio\"],\n"
            ">   \"callbackUri\": \"https://bot.contoso.com/callback\"\n"
            "> }\n"
            "> ```\n\n"
            "Text after, with a trailing comma, [1,] that is prose.\n");
  EXPECT_EQ(fixed(r.text, false, false, FixInput::Markdown).fixed, 0U);
}

TEST(Fix, HttpBodiesAreFixedInsideTheirRequests) {
  const std::string http =
      "@host = https://graph.microsoft.com\n"
      "### create\n"
      "POST {{host}}/v1.0/communications/calls\n"
      "Content-Type: application/json\n"
      "\n"
      "{\"requestedModalities\": [\"audio\",], \"callbackUri\": \"https://bot.contoso.com/callback\"}\n"
      "\n"
      "### other\n"
      "GET {{host}}/v1.0/me\n";
  const detail::FixResult r = fixed(http, false, false, FixInput::Http);
  EXPECT_TRUE(r.parses);
  EXPECT_EQ(r.fixed, 1U);
  std::string expected = http;
  expected.replace(expected.find("\"audio\",]"), 9, "\"audio\"]");
  EXPECT_EQ(r.text, expected);
}

TEST(Fix, UnifiedDiff) {
  EXPECT_EQ(detail::unified_diff("a\n", "a\n", "x.json"), "");
  EXPECT_EQ(detail::unified_diff("1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n", "x.json"),
            "--- a/x.json\n+++ b/x.json\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
  EXPECT_EQ(detail::unified_diff("{\"a\":1,}", "{\"a\":1}", "x.json"),
            "--- a/x.json\n+++ b/x.json\n@@ -1,1 +1,1 @@\n-{\"a\":1,}\n\\ No newline at end of file\n+{\"a\":1}\n"
            "\\ No newline at end of file\n");
}

}  // namespace
}  // namespace callcheck
