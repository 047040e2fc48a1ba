// Scenario recognition (src/scenario/classify.cc, GRAPH.md 2.2). The corpus
// table test over every documented body is in permissions_test.cc.
#include "document/rapidjson_adapter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "callcheck/check.h"
#include "document/document.h"
#include "scenario/classify.h"

namespace callcheck::detail {
namespace {

struct Classified {
  Scenario scenario;
  std::vector<Finding> findings;
};

auto classify_text(const std::string &text) -> Classified {
  const Document doc = Document::parse(text, Limits{});
  Classified out;
  out.scenario = classify(doc, out.findings);
  return out;
}

constexpr const char *kService = R"("mediaConfig": {"@odata.type": "#microsoft.graph.serviceHostedMediaConfig"})";
constexpr const char *kApp = R"("mediaConfig": {"@odata.type": "#microsoft.graph.appHostedMediaConfig", "blob": "x"})";
constexpr const char *kUser = R"({"identity": {"user": {"id": "8a34a46b-3d17-4adc-8dce-dc4e7d572698"}}})";
constexpr const char *kPhone = R"({"identity": {"phone": {"id": "+12345678901"}}})";
constexpr const char *kOrganizer =
    R"("meetingInfo": {"@odata.type": "#microsoft.graph.organizerMeetingInfo", "organizer": {"user": {"id": "a"}}})";

auto body(const std::string &members) -> std::string {
  return R"({"callbackUri": "https://bot.contoso.com/callback", )" + members + "}";
}

TEST(Classify, PeerToPeerServiceHosted) {
  const Classified c = classify_text(body(std::string(kService) + R"(, "targets": [)" + kUser + "]"));
  EXPECT_EQ(c.scenario.kind, CallKind::PeerToPeer);
  EXPECT_EQ(c.scenario.media, MediaHosting::ServiceHosted);
  EXPECT_EQ(c.scenario.evidence, "/targets");
  EXPECT_EQ(c.scenario.media_evidence, "/mediaConfig/@odata.type");
  EXPECT_EQ(c.scenario.summary, "peer-to-peer call to 1 target, service-hosted media");
  EXPECT_TRUE(c.findings.empty());
}

TEST(Classify, PeerToPeerPstnAppHosted) {
  const Classified c = classify_text(body(std::string(kApp) + R"(, "targets": [)" + kPhone + "]"));
  EXPECT_EQ(c.scenario.kind, CallKind::PeerToPeerPstn);
  EXPECT_EQ(c.scenario.media, MediaHosting::AppHosted);
  EXPECT_EQ(c.scenario.evidence, "/targets/0/identity/phone");
}

TEST(Classify, GroupCallCountsTargets) {
  const Classified c =
      classify_text(body(std::string(kService) + R"(, "targets": [)" + kUser + "," + kUser + "," + kPhone + "]"));
  EXPECT_EQ(c.scenario.kind, CallKind::GroupCall);
  EXPECT_EQ(c.scenario.evidence, "/targets");
  EXPECT_EQ(c.scenario.summary, "group call with 3 targets, service-hosted media");
}

TEST(Classify, JoinMeetingByCoordinates) {
  const Classified c = classify_text(body(std::string(kService) + ", " + kOrganizer));
  EXPECT_EQ(c.scenario.kind, CallKind::JoinMeeting);
  EXPECT_EQ(c.scenario.evidence, "/meetingInfo/@odata.type");
  EXPECT_TRUE(c.findings.empty());
}

TEST(Classify, JoinMeetingByIdWithoutHash) {
  // 2019-style @odata.type values lack the leading '#'.
  const Classified c = classify_text(body(
      R"("mediaConfig": {"@odata.type": "microsoft.graph.serviceHostedMediaConfig"}, "meetingInfo": {"@odata.type": "microsoft.graph.joinMeetingIdMeetingInfo", "joinMeetingId": "1234567"})"));
  EXPECT_EQ(c.scenario.kind, CallKind::JoinMeetingById);
  EXPECT_EQ(c.scenario.media, MediaHosting::ServiceHosted);
  EXPECT_EQ(c.scenario.evidence, "/meetingInfo/@odata.type");
}

TEST(Classify, UntypedMeetingInfoIsAJoin) {
  const Classified c = classify_text(body(std::string(kService) + R"(, "meetingInfo": {"organizer": {}})"));
  EXPECT_EQ(c.scenario.kind, CallKind::JoinMeeting);
  EXPECT_EQ(c.scenario.evidence, "/meetingInfo");
}

TEST(Classify, GuestJoinToday) {
  const Classified c = classify_text(
      body(std::string(kService) + ", " + kOrganizer + R"(, "source": {"identity": {"guest": {"id": "g"}}})"));
  EXPECT_EQ(c.scenario.kind, CallKind::JoinMeetingAsGuest);
  EXPECT_EQ(c.scenario.evidence, "/source/identity/guest");
}

TEST(Classify, GuestJoinLegacyIdentityProviderNone) {
  const Classified c =
      classify_text(body(std::string(kService) + ", " + kOrganizer +
                         R"(, "source": {"identity": {"user": {"id": "u", "identityProvider": "None"}}})"));
  EXPECT_EQ(c.scenario.kind, CallKind::JoinMeetingAsGuest);
  EXPECT_EQ(c.scenario.evidence, "/source/identity/user/identityProvider");
}

TEST(Classify, UserWithOtherIdentityProviderIsNoGuest) {
  const Classified c =
      classify_text(body(std::string(kService) + ", " + kOrganizer +
                         R"(, "source": {"identity": {"user": {"id": "u", "identityProvider": "AAD"}}})"));
  EXPECT_EQ(c.scenario.kind, CallKind::JoinMeeting);
}

TEST(Classify, GuestByIdIsAGuestJoin) {
  // The guest decides the permission, so it is checked before the meetingInfo type.
  const Classified c = classify_text(body(
      std::string(kService) +
      R"(, "meetingInfo": {"@odata.type": "#microsoft.graph.joinMeetingIdMeetingInfo"}, "source": {"identity": {"guest": {}}})"));
  EXPECT_EQ(c.scenario.kind, CallKind::JoinMeetingAsGuest);
}

TEST(Classify, MeetingInfoWithTargetsIsAmbiguous) {
  const Classified c =
      classify_text(body(std::string(kService) + ", " + kOrganizer + R"(, "targets": [)" + kUser + "]"));
  EXPECT_EQ(c.scenario.kind, CallKind::Ambiguous);
  EXPECT_EQ(c.scenario.evidence, "/meetingInfo");
  ASSERT_EQ(c.findings.size(), 1U);
  EXPECT_EQ(c.findings[0].rule->code, "CC301");
  EXPECT_EQ(c.findings[0].pointer, c.scenario.evidence);
  EXPECT_NE(c.findings[0].message.find("`meetingInfo`"), std::string::npos);
  EXPECT_NE(c.findings[0].message.find("`targets`"), std::string::npos);
  EXPECT_NE(c.findings[0].message.find("no scenario was assumed"), std::string::npos);
}

TEST(Classify, MeetingInfoWithEmptyTargetsIsAJoin) {
  const Classified c = classify_text(body(std::string(kService) + ", " + kOrganizer + R"(, "targets": [])"));
  EXPECT_EQ(c.scenario.kind, CallKind::JoinMeeting);
  EXPECT_TRUE(c.findings.empty());
}

TEST(Classify, NeitherTargetsNorMeetingInfoIsAmbiguous) {
  for (const std::string &members : {std::string(kService), std::string(kService) + R"(, "targets": [])",
                                     std::string(kService) + R"(, "meetingInfo": null)"}) {
    const Classified c = classify_text(body(members));
    EXPECT_EQ(c.scenario.kind, CallKind::Ambiguous) << members;
    ASSERT_EQ(c.findings.size(), 1U) << members;
    EXPECT_EQ(c.findings[0].rule->code, "CC301");
    EXPECT_EQ(c.findings[0].pointer, c.scenario.evidence);
    EXPECT_NE(c.findings[0].message.find("`targets`"), std::string::npos);
    EXPECT_NE(c.findings[0].message.find("`meetingInfo`"), std::string::npos);
  }
}

TEST(Classify, UnknownMedia) {
  const Classified c = classify_text(body(R"("mediaConfig": {"blob": "x"}, "targets": [)" + std::string(kUser) + "]"));
  EXPECT_EQ(c.scenario.kind, CallKind::PeerToPeer);
  EXPECT_EQ(c.scenario.media, MediaHosting::Unknown);
  EXPECT_EQ(c.scenario.media_evidence, "");
}

TEST(Classify, NotAnObjectOrNotJsonIsUnknown) {
  for (const char *text : {"[]", "42", "\"call\"", "null", "{", "", "{\"targets\": [1,]}"}) {
    const Classified c = classify_text(text);
    EXPECT_EQ(c.scenario.kind, CallKind::Unknown) << text;
    EXPECT_TRUE(c.findings.empty()) << text;
    EXPECT_FALSE(c.scenario.summary.empty());
  }
}

TEST(Classify, WrongTypesNeverCrash) {
  // Each of these is a schema error; classification must just not assume anything.
  const std::vector<std::string> bodies = {
      R"({"targets": "user", "mediaConfig": 3})",
      R"({"targets": [null], "mediaConfig": {"@odata.type": 7}})",
      R"({"targets": [42]})",
      R"({"targets": [{"identity": "phone"}]})",
      R"({"targets": [{"identity": {"phone": null}}]})",
      R"({"meetingInfo": 5, "source": "guest"})",
      R"({"meetingInfo": [], "source": {"identity": []}})",
      R"({"meetingInfo": {"@odata.type": ["x"]}, "source": {"identity": {"user": "None"}}})",
      R"({"meetingInfo": {}, "source": {"identity": {"user": {"identityProvider": 0}}}})",
      R"({"mediaConfig": {"@odata.type": "#microsoft.graph"}, "targets": {}})",
      R"({"mediaConfig": {"@odata.type": ""}, "targets": [{}, {}]})",
  };
  for (const std::string &text : bodies) {
    const Classified c = classify_text(text);
    EXPECT_FALSE(c.scenario.summary.empty()) << text;
  }
  EXPECT_EQ(classify_text(bodies[3]).scenario.kind, CallKind::PeerToPeer);
  EXPECT_EQ(classify_text(bodies[4]).scenario.kind, CallKind::PeerToPeer);
  EXPECT_EQ(classify_text(bodies[5]).scenario.kind, CallKind::JoinMeeting);
  EXPECT_EQ(classify_text(bodies[10]).scenario.kind, CallKind::GroupCall);
  EXPECT_EQ(classify_text(bodies[10]).scenario.media, MediaHosting::Unknown);
}

TEST(Classify, EndToEndThroughCheck) {
  const Report report = check(body(std::string(kService) + ", " + kOrganizer + R"(, "targets": [)" + kUser + "]"),
                              "ambiguous.json", Options{});
  EXPECT_EQ(report.scenario.kind, CallKind::Ambiguous);
  EXPECT_TRUE(report.required_scopes.empty());
  bool cc301 = false;
  for (const Diagnostic &d : report.diagnostics) {
    if (d.code == "CC301") {
      cc301 = true;
      EXPECT_EQ(d.severity, Severity::Warning);
      EXPECT_EQ(d.name, "ambiguous-scenario");
      EXPECT_EQ(d.pointer, "/meetingInfo");
      EXPECT_NE(d.span.begin.line, 0U);
    }
  }
  EXPECT_TRUE(cc301);
}

// Scenario and PSTN logic require identity objects, never mere key
// presence (issue 10): a phone or guest given as a string (JSON text, as in
// microsoft-graph-docs#16084) is a type error, not a PSTN call or a guest.
TEST(Classify, StringIdentitiesAreNoIdentities) {
  const Classified pstn = classify_text(
      body(std::string(kService) + R"(, "targets": [{"identity": {"phone": "{\"id\": \"+12345678901\"}"}}])"));
  EXPECT_EQ(pstn.scenario.kind, CallKind::PeerToPeer);
  const Classified null_phone =
      classify_text(body(std::string(kService) + R"(, "targets": [{"identity": {"phone": null}}])"));
  EXPECT_EQ(null_phone.scenario.kind, CallKind::PeerToPeer);
  const Classified guest = classify_text(
      body(std::string(kService) + ", " + kOrganizer + R"(, "source": {"identity": {"guest": "{\"id\": \"g\"}"}})"));
  EXPECT_EQ(guest.scenario.kind, CallKind::JoinMeeting);
  const Classified real_guest =
      classify_text(body(std::string(kService) + ", " + kOrganizer +
                         R"(, "source": {"identity": {"guest": {"id": "g", "displayName": "G"}}})"));
  EXPECT_EQ(real_guest.scenario.kind, CallKind::JoinMeetingAsGuest);
}

// A body wrapped in one member is no scenario, and says why, without a
// CC301 about the wrapper (the schema stage reports CC229).
TEST(Classify, WrappedBodyIsRecognisedAndNotAmbiguous) {
  for (const char *key : {"Call", "call", "body", "requestBody"}) {
    const Classified c = classify_text(std::string(R"({")") + key + R"(": )" +
                                       body(std::string(kService) + R"(, "targets": [)" + kUser + "]") + "}");
    EXPECT_EQ(c.scenario.kind, CallKind::Unknown) << key;
    EXPECT_TRUE(c.findings.empty()) << key;
    EXPECT_EQ(c.scenario.evidence, std::string("/") + key);
    EXPECT_NE(c.scenario.summary.find(std::string("wrapped in `") + key + "`"), std::string::npos)
        << c.scenario.summary;
  }
  const Document doc = Document::parse(R"({"x": {"@odata.type": "#microsoft.graph.call"}})", Limits{});
  EXPECT_EQ(wrapper_key(doc), "x");
  // Not wrappers: a one-member call body, two members, a value with no call member.
  for (const char *text :
       {R"({"meetingInfo": {"@odata.type": "#microsoft.graph.organizerMeetingInfo", "organizer": {}}})",
        R"({"source": {"identity": {"application": {"id": "a"}}, "callbackUri": "x"}})",
        R"({"a": 1, "Call": {"callbackUri": "x"}})", R"({"Call": {"subject": "x"}})",
        R"({"Call": [{"callbackUri": "x"}]})", "[]", "{}"}) {
    EXPECT_EQ(wrapper_key(Document::parse(text, Limits{})), "") << text;
  }
}

}  // namespace
}  // namespace callcheck::detail
