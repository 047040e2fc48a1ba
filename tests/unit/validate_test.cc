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
  for (const auto &f : callcheck::detail::validate_schema(doc, api))
    out.push_back(std::string(f.rule->code) + " " + f.pointer);
  std::sort(out.begin(), out.end());
  return out;
}

// valijson 1.0's wording is a third-party quirk: if an upgrade changes it,
// these fail first.
TEST(ValijsonMessages, PinnedClassification) {
  EXPECT_EQ(classify_valijson_error("Missing required property 'callbackUri'.")->code, "CC101");
  EXPECT_EQ(classify_valijson_error("Object contains a property that could not be validated using 'properties' "
                                    "or 'additionalProperties' constraints: 'x'.")
                ->code,
            "CC102");
  EXPECT_EQ(classify_valijson_error("Value type not permitted by 'type' constraint.")->code, "CC103");
  EXPECT_EQ(classify_valijson_error("Failed to match against any enum values.")->code, "CC104");
  EXPECT_EQ(classify_valijson_error("Expected number less than or equal to 5")->code, "CC106");
  EXPECT_EQ(classify_valijson_error("Array should contain no more than 3 elements.")->code, "CC107");
  EXPECT_EQ(classify_valijson_error("String should be no more than 3 characters in length.")->code, "CC108");
  EXPECT_EQ(classify_valijson_error("Failed to validate item #0 in array."), nullptr);
  EXPECT_EQ(classify_valijson_error("Failed to validate against schema associated with property name 'a'."), nullptr);
  EXPECT_EQ(classify_valijson_error("Failed to validate against a conditional schema set by if-then-else "
                                    "constraints."),
            nullptr);
  EXPECT_EQ(classify_valijson_error("Something new")->code, "CC100");
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
  EXPECT_EQ(findings[0].rule->code, "CC104");
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
                                                "liveCaptionOptions": {"streamUrl": "https://captions.contoso.com/x"}}})";
  EXPECT_EQ(codes_of(body, callcheck::ApiVersion::V1),
            std::vector<std::string>{"CC102 /mediaConfig/liveCaptionOptions"});
  EXPECT_TRUE(codes_of(body, callcheck::ApiVersion::Beta).empty());
}

// Members the v1.0 metadata lacks but the v1.0 page's own examples send are
// accepted on v1.0 (the docs contradict themselves; issue 10).
TEST(SchemaAdapter, V1AcceptsWhatItsOwnExamplesSend) {
  for (const char *media : {R"("serviceHostedMediaConfig")", R"("appHostedMediaConfig", "blob": "x")"}) {
    const std::string body = std::string("{") + kBase + R"(, "mediaConfig": {"@odata.type": "#microsoft.graph.)" +
                             (media + 1) + R"(, "removeFromDefaultAudioGroup": false}})";
    EXPECT_TRUE(codes_of(body, callcheck::ApiVersion::V1).empty()) << media;
  }
  const std::string join = std::string("{") + kBase +
                           R"(, "mediaConfig": {"@odata.type": "#microsoft.graph.serviceHostedMediaConfig"},
                                "meetingInfo": {"@odata.type": "#microsoft.graph.organizerMeetingInfo",
                                                "organizer": {"user": {"id": "x"}},
                                                "allowConversationWithoutHost": "yes"}})";
  // Accepted, and therefore typed: a string there is a type error.
  EXPECT_EQ(codes_of(join, callcheck::ApiVersion::V1),
            std::vector<std::string>{"CC103 /meetingInfo/allowConversationWithoutHost"});
}

// Every member of every identity set is an identity object, whatever the
// set's @odata.type (issue 10; a string there answers 9999,
// microsoft-graph-docs#16084).
TEST(SchemaAdapter, IdentitySetMembersAreIdentities) {
  const char *const kinds[] = {"application",
                               "applicationInstance",
                               "phone",
                               "guest",
                               "encrypted",
                               "onPremises",
                               "azureCommunicationServicesUser",
                               "assertedIdentity",
                               "user",
                               "device"};
  for (const callcheck::ApiVersion api : {callcheck::ApiVersion::V1, callcheck::ApiVersion::Beta}) {
    for (const char *set_type : {"", R"("@odata.type": "#microsoft.graph.identitySet", )",
                                 R"("@odata.type": "#microsoft.graph.communicationsIdentitySet", )",
                                 R"("@odata.type": "#microsoft.graph.somethingElse", )"}) {
      for (const char *kind : kinds) {
        const std::string body =
            std::string("{") + kBase +
            R"(, "mediaConfig": {"@odata.type": "#microsoft.graph.serviceHostedMediaConfig"}, "targets": [{"identity": {)" +
            set_type + "\"" + kind + R"(": "{\"id\": \"x\"}"}}]})";
        EXPECT_EQ(codes_of(body, api), std::vector<std::string>{std::string("CC103 /targets/0/identity/") + kind})
            << kind << " in {" << set_type << "}";
      }
    }
  }
}

// A call body inside one wrapper member gets one error at the wrapper, in
// place of the root's missing callbackUri/mediaConfig (issue 10).
TEST(SchemaAdapter, WrappedBodyIsOneErrorAtTheWrapper) {
  const std::string call = std::string("{") + kBase +
                           R"(, "mediaConfig": {"@odata.type": "#microsoft.graph.serviceHostedMediaConfig"},
                                "targets": [{"identity": {"user": {"id": "x"}}}]})";
  for (const char *key : {"Call", "call", "body", "requestBody", "a/b~c"}) {
    const std::string body = std::string(R"({")") + key + R"(": )" + call + "}";
    std::string pointer = "/";
    for (const char *c = key; *c != 0; ++c)
      pointer += *c == '/' ? std::string("~1") : *c == '~' ? std::string("~0") : std::string(1, *c);
    EXPECT_EQ(codes_of(body), std::vector<std::string>{"CC229 " + pointer}) << key;
  }
  // A long key is shortened without splitting a UTF-8 character.
  {
    std::string key = "a";
    for (int i = 0; i < 40; ++i) key += "\xc3\xa9";  // then 80 bytes of "é": byte 60 continues one
    const auto doc =
        callcheck::detail::Document::parse(std::string(R"({")") + key + R"(": )" + call + "}", callcheck::Limits{});
    const auto findings = callcheck::detail::validate_schema(doc, callcheck::ApiVersion::V1);
    ASSERT_EQ(findings.size(), 1U);
    EXPECT_NE(findings[0].message.find("`" + key.substr(0, 59) + "...`"), std::string::npos) << findings[0].message;
  }
  // Typed as a call, or with only targets: still a call body.
  EXPECT_EQ(codes_of(R"({"requestBody": {"@odata.type": "#microsoft.graph.call"}})"),
            std::vector<std::string>{"CC229 /requestBody"});
  // Not wrappers: a one-member call body, a non-object value, a value that
  // is no call, two members.
  EXPECT_EQ(codes_of(R"({"mediaConfig": {"@odata.type": "#microsoft.graph.serviceHostedMediaConfig"}})"),
            std::vector<std::string>{"CC101 "});
  EXPECT_EQ(codes_of(R"({"Call": "{\"callbackUri\": \"x\"}"})"), (std::vector<std::string>{"CC101 ", "CC101 "}));
  EXPECT_EQ(codes_of(R"({"Call": {"subject": "x"}})"), (std::vector<std::string>{"CC101 ", "CC101 "}));
  EXPECT_EQ(codes_of(std::string(R"({"x": 1, "Call": )") + call + "}"), (std::vector<std::string>{"CC101 ", "CC101 "}));
}

// Where a tenant id does not belong, the help says where it does; it never
// says "remove it" (issue 10: the call's tenant decides 7505).
TEST(SchemaAdapter, MisplacedTenantIdIsNeverToBeRemoved) {
  const auto doc = callcheck::detail::Document::parse(
      std::string("{") + kBase +
          R"(, "mediaConfig": {"@odata.type": "#microsoft.graph.serviceHostedMediaConfig"},
             "chatInfo": {"threadId": "19:meeting_x@thread.v2", "tenantId": "aa67bd4c-8475-432d-bd41-39f255720e0a"}})",
      callcheck::Limits{});
  const auto findings = callcheck::detail::validate_schema(doc, callcheck::ApiVersion::V1);
  ASSERT_EQ(findings.size(), 1U);
  EXPECT_EQ(findings[0].rule->code, "CC102");
  EXPECT_EQ(findings[0].pointer, "/chatInfo/tenantId");
  EXPECT_EQ(findings[0].help.find("remove"), std::string::npos) << findings[0].help;
  EXPECT_NE(findings[0].help.find("top-level `tenantId`"), std::string::npos) << findings[0].help;
}

TEST(SchemaAdapter, JsonTextWhereAnObjectBelongsSaysSo) {
  const auto doc = callcheck::detail::Document::parse(
      std::string("{") + kBase +
          R"(, "mediaConfig": {"@odata.type": "#microsoft.graph.serviceHostedMediaConfig"},
             "source": {"identity": {"applicationInstance": "{\"id\": \"x\"}"}}, "subject": "{x}"})",
      callcheck::Limits{});
  const auto findings = callcheck::detail::validate_schema(doc, callcheck::ApiVersion::V1);
  ASSERT_EQ(findings.size(), 1U);
  EXPECT_EQ(findings[0].rule->code, "CC103");
  EXPECT_NE(findings[0].help.find("JSON text inside a string"), std::string::npos);
}

}  // namespace
