// The valijson adapter: codes per valijson wording (pinned), context to
// pointer, one diagnostic per wrong discriminator, actionable messages.
#include <gtest/gtest.h>

#include "callcheck/check.h"
#include "document/document.h"
#include "schema/validate.h"

namespace {

using callcheck::detail::classify_valijson_error;

auto codes_of(const std::string &text, callcheck::ApiVersion api = callcheck::ApiVersion::V1) {
  const auto doc = callcheck::detail::Document::parse(text, callcheck::Limits{});
  std::vector<std::string> out;
  for (const auto &f : callcheck::detail::validate_schema(doc, api)) out.push_back(f.code + " " + f.pointer);
  std::sort(out.begin(), out.end());
  return out;
}

// valijson 1.0's wording is a third-party quirk: if an upgrade changes it,
// these fail first.
TEST(ValijsonMessages, PinnedClassification) {
  EXPECT_EQ(classify_valijson_error("Missing required property 'callbackUri'."), "CC101");
  EXPECT_EQ(classify_valijson_error("Object contains a property that could not be validated using 'properties' "
                                    "or 'additionalProperties' constraints: 'x'."),
            "CC102");
  EXPECT_EQ(classify_valijson_error("Value type not permitted by 'type' constraint."), "CC103");
  EXPECT_EQ(classify_valijson_error("Failed to match against any enum values."), "CC104");
  EXPECT_EQ(classify_valijson_error("Expected number less than or equal to 5"), "CC106");
  EXPECT_EQ(classify_valijson_error("Array should contain no more than 3 elements."), "CC107");
  EXPECT_EQ(classify_valijson_error("String should be no more than 3 characters in length."), "CC108");
  EXPECT_EQ(classify_valijson_error("Failed to validate item #0 in array."), "");
  EXPECT_EQ(classify_valijson_error("Failed to validate against schema associated with property name 'a'."), "");
  EXPECT_EQ(classify_valijson_error("Failed to validate against a conditional schema set by if-then-else "
                                    "constraints."),
            "");
  EXPECT_EQ(classify_valijson_error("Something new"), "CC100");
}

TEST(ValijsonContext, IndexVersusMemberName) {
  const auto doc = callcheck::detail::Document::parse(R"({"0": [1, {"0": 2}]})", callcheck::Limits{});
  EXPECT_EQ(callcheck::detail::context_to_pointer(doc, {"<root>", "[0]", "[1]", "[0]"}), "/0/1/0");
  EXPECT_EQ(callcheck::detail::context_to_pointer(doc, {"<root>"}), "");
}

const char *kBase = R"("callbackUri": "https://bot.contoso.com/cb")";

TEST(SchemaAdapter, WrongDiscriminatorGivesOneDiagnostic) {
  const auto codes = codes_of(std::string("{") + kBase +
                              R"(, "mediaConfig": {"@odata.type": "#microsoft.graph.fooMediaConfig", "blob": 1}})");
  EXPECT_EQ(codes, std::vector<std::string>{"CC105 /mediaConfig/@odata.type"});
}

TEST(SchemaAdapter, EveryUnknownMemberOfAClosedTypeIsReported) {
  const auto codes = codes_of(std::string("{") + kBase +
                              R"(, "mediaConfig": {"@odata.type": "#microsoft.graph.serviceHostedMediaConfig"},
                                 "chatInfo": {"threadID": "x", "messageID": "0"}})");
  EXPECT_EQ(codes, (std::vector<std::string>{"CC102 /chatInfo/messageID", "CC102 /chatInfo/threadID"}));
}

TEST(SchemaAdapter, EnumMessageListsAllowedValuesAndSuggests) {
  const auto doc = callcheck::detail::Document::parse(
      std::string("{") + kBase +
          R"(, "mediaConfig": {"@odata.type": "#microsoft.graph.serviceHostedMediaConfig"},
             "requestedModalities": ["audio", "vdeo"]})",
      callcheck::Limits{});
  const auto findings = callcheck::detail::validate_schema(doc, callcheck::ApiVersion::V1);
  ASSERT_EQ(findings.size(), 1U);
  EXPECT_EQ(findings[0].code, "CC104");
  EXPECT_EQ(findings[0].pointer, "/requestedModalities/1");
  EXPECT_NE(findings[0].message.find("audio, video, videoBasedScreenSharing, data"), std::string::npos);
  EXPECT_EQ(findings[0].help, "did you mean `video`?");
}

TEST(SchemaAdapter, MissingRequiredAndWrongType) {
  EXPECT_EQ(codes_of(R"({"mediaConfig": {"@odata.type": "#microsoft.graph.serviceHostedMediaConfig"},
                         "subject": 5})"),
            (std::vector<std::string>{"CC101 ", "CC103 /subject"}));
  EXPECT_EQ(codes_of("[]"), std::vector<std::string>{"CC103 "});
}

TEST(SchemaAdapter, ProfilesDiffer) {
  const std::string body = std::string("{") + kBase +
                           R"(, "mediaConfig": {"@odata.type": "#microsoft.graph.serviceHostedMediaConfig",
                                                "removeFromDefaultAudioGroup": false}})";
  EXPECT_EQ(codes_of(body, callcheck::ApiVersion::V1),
            std::vector<std::string>{"CC102 /mediaConfig/removeFromDefaultAudioGroup"});
  EXPECT_TRUE(codes_of(body, callcheck::ApiVersion::Beta).empty());
}

}  // namespace
