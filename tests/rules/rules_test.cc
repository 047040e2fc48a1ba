// Inline cases per lint rule, ESLint style: each case is a body, the API
// version, the rule code, and whether that code must (or must not) appear.
// Codes are asserted, never wording.
#include <cctype>      // std::tolower
#include <filesystem>  // std::filesystem
#include <string>      // std::string
#include <vector>      // std::vector

#include <callcheck/check.h>
#include <callcheck/rules.h>
#include <gtest/gtest.h>

#include "rule_test_support.h"

namespace callcheck {
namespace {

struct Case {
  const char *code;
  bool fires;
  std::string body;
  ApiVersion api = ApiVersion::V1;
  const char *request_line = "";
};

// Pieces of a minimal valid P2P body.
#define CB R"("callbackUri": "https://bot.contoso.com/callback")"
#define SVC R"("mediaConfig": { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig" })"
#define USER1 R"({ "identity": { "user": { "id": "8a34a46b-3d17-4adc-8dce-dc4e7d572698" } } })"
#define USER2 R"({ "identity": { "user": { "id": "29362bd4-cd58-4ed0-a206-0e4a33dbb0b6" } } })"
#define P2P R"("targets": [ )" USER1 " ]"
#define CHAT R"("chatInfo": { "threadId": "19:meeting_NTg0NmQ3NTctZDVkZC00YzRhLThmNmEtOGQ3M2E0ODdmZDZk@thread.v2", "messageId": "0" })"
#define ORG R"("meetingInfo": { "@odata.type": "#microsoft.graph.organizerMeetingInfo", "organizer": { "user": { "id": "5810cede-f3cc-42eb-b2c1-e9bd5d53ec96" } } })"
#define APPINST R"("source": { "identity": { "applicationInstance": { "id": "3d913abb-aec0-4964-8fa6-3c6850c4f278" } } })"
#define TID R"("aa67bd4c-8475-432d-bd41-39f255720e0a")"
#define JOINID R"("meetingInfo": { "@odata.type": "#microsoft.graph.joinMeetingIdMeetingInfo", "joinMeetingId": "1234567", "passcode": "psw123" })"
#define PROMPTS(a, b) \
  R"("mediaConfig": { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig", "preFetchMedia": [ )" a ", " b " ] }"

const std::vector<Case> kCases{
    // CC201 undeclared-property
    {"CC201", true, "{" CB ", " SVC ", " P2P R"(, "callbackUrl": "https://x.example")" "}"},
    {"CC201", true, "{" CB ", " SVC R"(, "source": { "identity": { "@odata.type": "#microsoft.graph.identitySett" } })" "}"},
    {"CC201", false, "{" CB ", " SVC R"(, "@odata.type": "#microsoft.graph.call", "targets": [ { "identity": { "guest": { "id": "g", "displayName": "G" }, "phone": { "id": "+14258828080" } } } ])" "}"},
    {"CC201", false, "{" CB ", " SVC R"(, "targets": [ { "identity": { "user": { "id": "8a34a46b-3d17-4adc-8dce-dc4e7d572698", "tenantId": "aa67bd4c-8475-432d-bd41-39f255720e0a", "displayName@odata.type": "x" } } } ])" "}"},
    {"CC201", false, "{" CB ", " SVC ", " P2P R"(, "ringingTimeoutInSeconds": 30)" "}"},  // CC209's, not a typo
    {"CC201", false, R"({ "mediaConfig": { "@odata.type": "#microsoft.graph.serviceHostedMediaConfg" } })"},  // CC105's
    // CC202 callback-uri-not-https
    {"CC202", true, R"({ "callbackUri": "http://bot.contoso.com/callback" })"},
    {"CC202", true, R"({ "callbackUri": "/callback" })"},
    {"CC202", true, R"({ "callbackUri": "https:///callback" })"},
    {"CC202", true, R"({ "callbackUri": "https://bot.contoso.com/call back" })"},
    {"CC202", true, std::string(R"({ "callbackUri": "https://bot.contoso.com/)") + std::string(2100, 'a') + "\" }"},
    {"CC202", false, R"({ "callbackUri": "HTTPS://bot.contoso.com:8443/callback?x=1" })"},
    {"CC202", false, R"({ "callbackUri": 42 })"},
    {"CC202", false, R"({ "callbackUri": "callbackUri-value" })"},  // CC204's
    // CC203 read-only-property
    {"CC203", true, "{" CB ", " SVC ", " P2P R"(, "state": "incoming")" "}"},
    {"CC203", true, "{" CB ", " SVC ", " P2P R"(, "source": { "identity": { "application": { "id": "x" } }, "region": "emea" })" "}"},
    {"CC203", false, "{" CB ", " SVC ", " P2P R"(, "source": { "identity": { "application": { "id": "x" } }, "region": null })" "}"},
    {"CC203", false, "{" CB ", " SVC ", " P2P R"(, "subject": "hello")" "}"},
    {"CC203", false, "{" CB ", " SVC ", " P2P R"(, "tenantId": "aa67bd4c-8475-432d-bd41-39f255720e0a")" "}"},
    {"CC203", false, "{" CB ", " SVC ", " P2P R"(, "callChainId": "d17646ab-3110-40b1-bae6-e9ac6c3f74aa")" "}"},
    // CC204 documentation-placeholder
    {"CC204", true, "{" CB ", " SVC ", " P2P R"(, "tenantId": "tenantId-value")" "}"},
    {"CC204", true, R"({ "mediaConfig": { "@odata.type": "#microsoft.graph.appHostedMediaConfig", "blob": "<media config blob>" } })"},
    {"CC204", true, R"({ "callbackUri": "https://bot.contoso.com/{botId}/callback" })"},
    {"CC204", false, R"({ "mediaConfig": { "@odata.type": "#microsoft.graph.appHostedMediaConfig", "blob": "{\"mpUri\":\"net.tcp://a:1/\",\"x\":{}}" } })"},
    {"CC204", false, R"({ "subject": "a <b> value" })"},
    // CC205 malformed-guid
    {"CC205", true, R"({ "tenantId": "86dc81db-c112-4228-9222-63f3esaa1edb" })"},
    {"CC205", true, R"({ "targets": [ { "identity": { "user": { "id": "d17646-3110-40b1-bae6-e9ac6c3f74" } } } ] })"},
    {"CC205", false, R"({ "tenantId": "86DC81DB-C112-4228-9222-63F3E0AA1EDB" })"},
    {"CC205", false, R"({ "targets": [ { "identity": { "user": { "id": "57DAB8B1894C409AB240BD8BEAE78896" } } } ] })"},
    {"CC205", false, R"({ "source": { "identity": { "guest": { "id": "d17646-3110-40b1-bae6-e9ac6c3f74", "displayName": "G" } } } })"},
    {"CC205", false, R"({ "tenantId": "tenantId-value" })"},
    {"CC205", true, R"({ "tenantId": "tenant-id" })"},
    {"CC205", true, R"({ "tenantId": "contoso.onmicrosoft.com" })"},
    {"CC205", true, R"({ "tenantId": "" })"},
    {"CC205", true, R"({ "meetingInfo": { "@odata.type": "#microsoft.graph.organizerMeetingInfo", "organizer": { "user": { "id": "5810cede-f3cc-42eb-b2c1-e9bd5d53ec96", "tenantId": "my-tenant" } } } })"},
    {"CC205", false, R"({ "tenantId": null })"},
    // CC206 phone-not-e164
    {"CC206", true, R"({ "targets": [ { "identity": { "phone": { "id": "4258828080" } } } ] })"},
    {"CC206", true, R"({ "targets": [ { "identity": { "phone": { "id": "+0123" } } } ] })"},
    {"CC206", true, R"({ "targets": [ { "identity": { "phone": { "id": "+1234567890123456" } } } ] })"},
    {"CC206", false, R"({ "targets": [ { "identity": { "phone": { "id": "+14258828080" } } } ] })"},
    {"CC206", false, R"({ "targets": [ { "identity": { "phone": 5 } } ] })"},
    // CC207 odata-type-missing-hash
    {"CC207", true, R"({ "mediaConfig": { "@odata.type": "microsoft.graph.serviceHostedMediaConfig" } })"},
    {"CC207", false, "{" SVC "}"},
    // CC208 odata-type-wrong-slot
    {"CC208", true, R"({ "targets": [ { "@odata.type": "#microsoft.graph.participantInfo", "identity": {} } ] })"},
    {"CC208", true, R"({ "targets": [ { "identity": { "@odata.type": "#microsoft.graph.identity" } } ] })"},
    {"CC208", false, R"({ "targets": [ { "@odata.type": "#microsoft.graph.invitationParticipantInfo", "identity": { "@odata.type": "#microsoft.graph.communicationsIdentitySet", "user": { "@odata.type": "#microsoft.graph.communicationsUserIdentity", "id": "x" } } } ] })"},
    {"CC208", false, R"({ "mediaConfig": { "@odata.type": "#microsoft.graph.participantInfo" } })"},  // CC105's
    // CC209 beta-only-property
    {"CC209", true, R"({ "ringingTimeoutInSeconds": 30 })"},
    {"CC209", true, R"({ "meetingInfo": { "@odata.type": "#microsoft.graph.joinMeetingIdMeetingInfo", "joinMeetingId": "1", "allowConversationWithoutHost": true } })"},
    // The v1.0 page's own join examples send it: accepted on organizerMeetingInfo (issue 10).
    {"CC209", false, R"({ "meetingInfo": { "@odata.type": "#microsoft.graph.organizerMeetingInfo", "allowConversationWithoutHost": true } })"},
    {"CC209", false, R"({ "ringingTimeoutInSeconds": 30 })", ApiVersion::Beta},
    {"CC209", false, R"({ "mediaConfig": { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig", "removeFromDefaultAudioGroup": false } })"},  // CC102's
    // CC210 too-many-group-targets
    {"CC210", true, R"({ "targets": [ {"identity":{"user":{"id":"1"}}}, {"identity":{"user":{"id":"2"}}}, {"identity":{"user":{"id":"3"}}}, {"identity":{"user":{"id":"4"}}}, {"identity":{"user":{"id":"5"}}}, {"identity":{"application":{"id":"6"}}} ] })"},
    {"CC210", false, R"({ "targets": [ {"identity":{"user":{"id":"1"}}}, {"identity":{"user":{"id":"2"}}}, {"identity":{"user":{"id":"3"}}}, {"identity":{"user":{"id":"4"}}}, {"identity":{"user":{"id":"5"}}}, {"identity":{"phone":{"id":"+14258828080"}}} ] })"},
    // CC211 duplicate-target
    {"CC211", true, R"({ "targets": [ )" USER1 ", " USER1 " ] }"},
    {"CC211", true, R"({ "targets": [ { "identity": { "user": { "id": "8A34A46B-3D17-4ADC-8DCE-DC4E7D572698" } } }, )" USER1 " ] }"},
    {"CC211", false, R"({ "targets": [ )" USER1 ", " USER2 " ] }"},
    {"CC211", false, R"({ "targets": [ { "identity": { "application": { "id": "8a34a46b-3d17-4adc-8dce-dc4e7d572698" } } }, )" USER1 " ] }"},
    // CC212 meeting-without-chat-info
    {"CC212", true, "{" CB ", " SVC ", " ORG "}", ApiVersion::Beta},
    {"CC212", false, "{" CB ", " SVC ", " CHAT ", " ORG "}", ApiVersion::Beta},
    {"CC212", false, R"({ "meetingInfo": { "@odata.type": "#microsoft.graph.joinMeetingIdMeetingInfo", "joinMeetingId": "1" } })"},
    {"CC212", true, "{" CB ", " SVC R"(, "chatInfo": { "threadId": null, "messageId": "0" }, )" ORG "}"},
    {"CC212", true, "{" CB ", " SVC R"(, "chatInfo": { "messageId": "0" }, )" ORG "}"},
    {"CC212", false, "{" CB ", " SVC R"(, "chatInfo": { "threadId": 5 }, )" ORG "}"},  // CC103's
    // CC213 chat-info-with-meeting-id
    {"CC213", true, "{" CHAT R"(, "meetingInfo": { "@odata.type": "#microsoft.graph.joinMeetingIdMeetingInfo", "joinMeetingId": "1" } })"},
    {"CC213", false, "{" CHAT ", " ORG "}"},
    // CC214 pstn-without-application-instance
    {"CC214", true, R"({ "targets": [ { "identity": { "phone": { "id": "+14258828080" } } } ] })"},
    {"CC214", false, "{" APPINST R"(, "targets": [ { "identity": { "phone": { "id": "+14258828080" } } } ] })"},
    {"CC214", false, "{" P2P "}"},
    // Only objects count: a string phone is no PSTN target, a string
    // application instance is CC103 (microsoft-graph-docs#16084).
    {"CC214", false, R"({ "targets": [ { "identity": { "phone": "{\"id\": \"+14258828080\"}" } } ] })"},
    {"CC214", false, R"({ "source": { "identity": { "applicationInstance": "{\"id\": \"x\"}" } }, "targets": [ { "identity": { "phone": { "id": "+14258828080" } } } ] })"},
    {"CC103", true, R"({ "source": { "identity": { "applicationInstance": "{\"id\": \"x\"}" } }, "targets": [ { "identity": { "phone": { "id": "+14258828080" } } } ] })"},
    {"CC103", true, R"({ "targets": [ { "identity": { "@odata.type": "#microsoft.graph.communicationsIdentitySet", "phone": "+14258828080" } } ] })"},
    {"CC103", true, R"({ "meetingInfo": { "@odata.type": "#microsoft.graph.organizerMeetingInfo", "organizer": { "@odata.type": "#microsoft.graph.identitySet", "guest": "g" } } })"},
    // CC215 guest-without-display-name
    {"CC215", true, R"({ "source": { "identity": { "guest": { "id": "g" } } } })"},
    {"CC215", true, R"({ "source": { "identity": { "guest": { "id": "g", "displayName": "  " } } } })"},
    {"CC215", false, R"({ "source": { "identity": { "guest": { "id": "g", "displayName": "Guest" } } } })"},
    {"CC215", false, R"({ "source": { "identity": { "guest": "g" } } })"},
    // CC216 legacy-guest-identity
    {"CC216", true, R"({ "source": { "identity": { "user": { "id": "g", "identityProvider": "None" } } } })"},
    {"CC216", false, R"({ "source": { "identity": { "user": { "id": "g" } } } })"},
    // CC217 prompt-not-https-wav
    {"CC217", true, "{" PROMPTS(R"({ "uri": "http://cdn.contoso.com/a.wav" })", R"({ "uri": "https://cdn.contoso.com/b.WAV?v=1" })") "}"},
    {"CC217", true, "{" PROMPTS(R"({ "uri": "https://cdn.contoso.com/a.mp3" })", R"({ "uri": "https://cdn.contoso.com/b.wav" })") "}"},
    {"CC217", false, "{" PROMPTS(R"({ "uri": "https://cdn.contoso.com/a.wav" })", R"({ "uri": "https://cdn.contoso.com/b.WAV?sig=abc#x" })") "}"},
    // CC218 duplicate-prompt-resource-id
    {"CC218", true, "{" PROMPTS(R"({ "uri": "https://c.example/a.wav", "resourceId": "1" })", R"({ "uri": "https://c.example/b.wav", "resourceId": "1" })") "}"},
    {"CC218", false, "{" PROMPTS(R"({ "uri": "https://c.example/a.wav", "resourceId": "1" })", R"({ "uri": "https://c.example/b.wav", "resourceId": "2" })") "}"},
    // CC219 ringing-timeout-too-long
    {"CC219", true, R"({ "ringingTimeoutInSeconds": 116 })", ApiVersion::Beta},
    {"CC219", true, R"({ "ringingTimeoutInSeconds": 0 })", ApiVersion::Beta},
    {"CC219", false, R"({ "ringingTimeoutInSeconds": 115 })", ApiVersion::Beta},
    {"CC219", false, R"({ "ringingTimeoutInSeconds": null })", ApiVersion::Beta},
    // CC220 routing-policies-not-peer-to-peer
    {"CC220", true, "{" CB ", " SVC R"(, "targets": [ )" USER1 ", " USER2 R"( ], "routingPolicies": [ "noMissedCall" ] })", ApiVersion::Beta},
    {"CC220", false, "{" CB ", " SVC ", " P2P R"(, "routingPolicies": [ "noMissedCall" ] })", ApiVersion::Beta},
    {"CC220", false, "{" CB ", " SVC R"(, "targets": [ )" USER1 ", " USER2 R"( ], "routingPolicies": [ "none" ] })", ApiVersion::Beta},
    // CC221 duplicate-modality
    {"CC221", true, R"({ "requestedModalities": [ "audio", "video", "audio" ] })"},
    {"CC221", true, R"({ "requestedModalities": [ "unknown" ] })", ApiVersion::Beta},
    {"CC221", false, R"({ "requestedModalities": [ "unknown" ] })"},  // v1.0: not a modality, CC104's
    {"CC221", false, R"({ "requestedModalities": [ "audio", "video" ] })"},
    // CC222 app-hosted-without-blob
    {"CC222", true, R"({ "mediaConfig": { "@odata.type": "#microsoft.graph.appHostedMediaConfig" } })"},
    {"CC222", true, R"({ "mediaConfig": { "@odata.type": "#microsoft.graph.appHostedMediaConfig", "blob": "" } })"},
    {"CC222", false, R"({ "mediaConfig": { "@odata.type": "#microsoft.graph.appHostedMediaConfig", "blob": "{}" } })"},
    {"CC222", false, "{" SVC "}"},
    // CC223 invalid-thread-id
    {"CC223", true, R"({ "chatInfo": { "threadId": "19:meeting_abc" } })"},
    {"CC223", true, R"({ "chatInfo": { "threadId": "19:meeting abc@thread.v2" } })"},
    {"CC223", false, "{" CHAT "}"},
    {"CC223", false, R"({ "chatInfo": { "threadId": "19:cbee7c1c860e465f8258e3cebf7bee0d@thread.skype" } })"},
    {"CC223", false, R"({ "chatInfo": { "threadId": "threadId-value" } })"},  // CC204's
    // CC224 meeting-tenant-not-found
    {"CC224", true, "{" CB ", " SVC ", " CHAT ", " ORG "}"},
    {"CC224", true, "{" CB ", " SVC ", " CHAT R"(, "meetingInfo": { "@odata.type": "#microsoft.graph.organizerMeetingInfo", "organizer": { "user": { "id": "5810cede-f3cc-42eb-b2c1-e9bd5d53ec96" } }, "tenantId": )" TID " } }"},
    {"CC224", true, "{" CB ", " SVC R"(, "chatInfo": { "threadId": "19:meeting_x@thread.v2", "tenantId": )" TID " }, " ORG "}"},
    {"CC224", true, "{" CB ", " SVC ", " JOINID R"(, "source": { "tenantId": )" TID " } }"},
    {"CC224", true, "{" CB ", " SVC ", " JOINID R"(, "tenantId": null })"},
    {"CC224", true, "{" CB ", " SVC ", " JOINID R"(, "tenantId": "" })"},
    {"CC224", false, "{" CB ", " SVC ", " CHAT ", " ORG R"(, "tenantId": )" TID "}"},
    {"CC224", false, "{" CB ", " SVC ", " CHAT R"(, "meetingInfo": { "@odata.type": "#microsoft.graph.organizerMeetingInfo", "organizer": { "user": { "id": "5810cede-f3cc-42eb-b2c1-e9bd5d53ec96", "tenantId": )" TID " } } } }"},
    {"CC224", false, "{" CB ", " SVC ", " JOINID R"(, "tenantId": )" TID "}"},
    {"CC224", false, "{" CB ", " SVC R"(, "meetingInfo": { "@odata.type": "#microsoft.graph.tokenMeetingInfo", "token": "t" } })"},
    {"CC224", false, "{" CB ", " SVC ", " P2P "}"},  // the bot's own tenant is in its token
    // ... and the misplaced tenantId gets that one finding, not CC201 as well
    {"CC201", false, "{" CB ", " SVC ", " CHAT R"(, "meetingInfo": { "@odata.type": "#microsoft.graph.organizerMeetingInfo", "organizer": { "user": { "id": "5810cede-f3cc-42eb-b2c1-e9bd5d53ec96" } }, "tenantId": )" TID " } }"},
    {"CC201", true, "{" CB ", " SVC ", " CHAT R"(, "meetingInfo": { "@odata.type": "#microsoft.graph.organizerMeetingInfo", "organizer": { "user": { "id": "5810cede-f3cc-42eb-b2c1-e9bd5d53ec96" } }, "tenantId": )" TID " }, \"tenantId\": " TID "}"},
    // CC225 empty-identity-set
    {"CC225", true, "{" CB ", " SVC R"(, "targets": [ { "identity": {} } ] })"},
    {"CC225", true, "{" CB ", " SVC R"(, "targets": [ { "identity": { "id": "8a34a46b-3d17-4adc-8dce-dc4e7d572698", "displayName": "Heidi" } } ] })"},
    {"CC225", true, "{" CB ", " SVC ", " P2P R"(, "source": { "identity": { "@odata.type": "#microsoft.graph.communicationsIdentitySet", "endpointType": "default" } } })"},
    {"CC225", true, "{" CB ", " SVC ", " CHAT R"(, "meetingInfo": { "@odata.type": "#microsoft.graph.organizerMeetingInfo", "organizer": { "@odata.type": "#microsoft.graph.identitySet" } }, "tenantId": )" TID "}"},
    {"CC225", false, "{" CB ", " SVC ", " P2P "}"},
    {"CC225", false, "{" CB ", " SVC R"(, "targets": [ { "identity": { "phone": "+14258828080" } } ] })"},  // CC103's
    {"CC225", false, "{" CB ", " SVC R"(, "targets": [ { "identity": 7 } ] })"},                           // CC103's
    // CC226 application-target
    {"CC226", true, "{" CB ", " SVC R"(, "targets": [ { "identity": { "application": { "id": "2891555a-92ff-42e6-80fa-6e1300c6b5c6" } } } ] })"},
    {"CC226", true, "{" CB ", " SVC R"(, "targets": [ )" USER1 R"(, { "identity": { "@odata.type": "#microsoft.graph.communicationsIdentitySet", "application": { "id": "2891555a-92ff-42e6-80fa-6e1300c6b5c6" } } } ] })"},
    {"CC226", false, "{" CB ", " SVC ", " P2P R"(, "source": { "identity": { "application": { "id": "2891555a-92ff-42e6-80fa-6e1300c6b5c6" } } } })"},
    {"CC226", false, "{" CB ", " SVC R"(, "targets": [ { "identity": { "application": "2891555a" } } ] })"},  // CC103's
    // CC227 application-instance-target
    {"CC227", true, "{" CB ", " SVC R"(, "targets": [ { "identity": { "applicationInstance": { "id": "3d913abb-aec0-4964-8fa6-3c6850c4f278" } } } ] })"},
    {"CC227", false, "{" CB ", " SVC ", " APPINST R"(, "targets": [ { "identity": { "phone": { "id": "+14258828080" } } } ] })"},
    // CC228 guest-caller-outside-meeting
    {"CC228", true, "{" CB ", " SVC ", " P2P R"(, "source": { "identity": { "guest": { "id": "g", "displayName": "G" } } } })"},
    {"CC228", false, "{" CB ", " SVC ", " CHAT ", " ORG R"(, "source": { "identity": { "guest": { "id": "g", "displayName": "G" } } }, "tenantId": )" TID "}"},
    {"CC228", false, "{" CB ", " SVC ", " P2P R"(, "source": { "identity": { "guest": "g" } } })"},  // CC103's
    // CC229 wrapped-body (the schema stage's; no CC101/CC201/CC301 beside it)
    {"CC229", true, R"({ "Call": {)" CB ", " SVC ", " P2P "} }"},
    {"CC229", true, R"({ "requestBody": {)" CB ", " SVC ", " P2P "} }"},
    {"CC229", true, R"({ "body": { "@odata.type": "#microsoft.graph.call" } })"},
    {"CC101", false, R"({ "Call": {)" CB ", " SVC ", " P2P "} }"},
    {"CC201", false, R"({ "Call": {)" CB ", " SVC ", " P2P "} }"},
    {"CC301", false, R"({ "Call": {)" CB ", " SVC ", " P2P "} }"},
    {"CC229", false, "{" SVC "}"},
    {"CC229", false, R"({ "Call": { "subject": "x" } })"},
    // CC501 deprecated-endpoint
    {"CC501", true, "{" CB "}", ApiVersion::Beta, "POST https://graph.microsoft.com/beta/app/calls"},
    {"CC501", true, "{" CB "}", ApiVersion::Beta, "POST /beta/applications/e2ff0b9c/calls HTTP/1.1"},
    {"CC501", false, "{" CB "}", ApiVersion::V1, "POST https://graph.microsoft.com/v1.0/communications/calls"},
    {"CC501", false, "{" CB "}"},
};

TEST(Rules, InlineCases) {
  for (std::size_t i = 0; i < kCases.size(); ++i) {
    const Case &c = kCases[i];
    Options options;
    options.api = c.api;
    options.request_line = c.request_line;
    options.preview = true;  // preview rules have cases too
    const auto found = test::codes(c.body, options);
    EXPECT_EQ(found.count(c.code) == 1, c.fires)
        << "case " << i << " (" << c.code << (c.fires ? " expected" : " not expected") << "): " << c.body;
  }
}

// Rules guard their own assumptions: wrong JSON types anywhere never crash
// and never produce lint findings.
TEST(Rules, WrongTypesAreQuiet) {
  for (const char *body :
       {"[]", "42", "null", "\"x\"", R"({ "targets": 5, "source": [], "mediaConfig": "x", "chatInfo": 1 })",
        R"({ "targets": [ 1, null, [], { "identity": 7 }, { "identity": { "user": 3, "phone": [] } } ] })",
        R"({ "mediaConfig": { "@odata.type": 5, "preFetchMedia": { "uri": 1 } }, "requestedModalities": "audio" })",
        R"({ "meetingInfo": [], "routingPolicies": "none", "ringingTimeoutInSeconds": "60", "callbackUri": null })"}) {
    for (ApiVersion api : {ApiVersion::V1, ApiVersion::Beta}) {
      Options options;
      options.api = api;
      for (const std::string &code : test::codes(body, options)) {
        // CC209 is about presence, not type: `routingPolicies` is beta-only whatever its value.
        if (code == "CC209") continue;
        EXPECT_FALSE(code.rfind("CC2", 0) == 0) << code << " on " << body;
      }
    }
  }
}

// No output anywhere advises removing `tenantId` (issue 10): an app-only bot
// names the call's tenant with it, and a join without it fails with 7505.
// Checked over the rule docs (text, and every example whose "Use instead"
// would drop a tenantId the "Example" had) and over every diagnostic that
// the samples, the documentation corpus and bodies with a tenantId in every
// place produce, under both API versions.
auto lower(std::string text) -> std::string {
  for (char &c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

auto advises_removing_tenant(const std::string &text) -> bool {
  // Sentence by sentence: "remove" and "tenantid" in one sentence.
  std::string sentence;
  for (const char c : lower(text) + ".") {
    if (c == '.' || c == '\n' || c == ';') {
      if (sentence.find("remove") != std::string::npos && sentence.find("tenantid") != std::string::npos) return true;
      sentence.clear();
    } else {
      sentence += c;
    }
  }
  return false;
}

TEST(Rules, NoDocAdvisesRemovingTenantId) {
  EXPECT_TRUE(advises_removing_tenant("Remove `tenantId` from the create request"));  // the test can fail
  for (const RuleMeta &meta : rule_catalog()) {
    const std::string text(meta.explanation);
    EXPECT_FALSE(advises_removing_tenant(std::string(meta.summary))) << meta.code;
    EXPECT_FALSE(advises_removing_tenant(text)) << meta.code;
    const auto example = text.find("## Example");
    const auto instead = text.find("## Use instead");
    if (example == std::string::npos || instead == std::string::npos) continue;
    const bool had = text.substr(example, instead - example).find("\"tenantId\"") != std::string::npos;
    const bool kept = text.find("\"tenantId\"", instead) != std::string::npos;
    EXPECT_FALSE(had && !kept) << meta.code << ": its \"Use instead\" drops the example's tenantId";
  }
}

TEST(Rules, NoFindingAdvisesRemovingTenantId) {
  std::vector<std::string> bodies;
  for (const char *dir : {"valid", "invalid"}) {
    for (const auto &p : test::files_in(std::filesystem::path(CALLCHECK_SAMPLES_DIR) / dir, ".json")) {
      bodies.push_back(test::read_bytes(p));
    }
  }
  for (const auto &p : test::files_in(std::filesystem::path(CALLCHECK_SHARED_DIR) / "corpus" / "graph-docs", ".json")) {
    bodies.push_back(test::read_bytes(p));
  }
  ASSERT_GT(bodies.size(), 100U);
  // A tenantId in every place people put one, with good and bad values.
  for (const char *value : {TID, R"("tenantId-value")", R"("tenant-id")", R"("")", "null", "5"}) {
    const std::string t = std::string(R"("tenantId": )") + value;
    for (const std::string &body : {
             "{" CB ", " SVC ", " P2P ", " + t + "}",
             "{" CB ", " SVC ", " CHAT ", " ORG ", " + t + "}",
             "{" CB ", " SVC ", " JOINID ", " + t + "}",
             "{" CB ", " SVC R"(, "chatInfo": { "threadId": "19:meeting_x@thread.v2", )" + t + " }, " ORG "}",
             "{" CB ", " SVC ", " CHAT R"(, "meetingInfo": { "@odata.type": "#microsoft.graph.organizerMeetingInfo", )" + t +
                 R"(, "organizer": { )" + t + R"(, "user": { "id": "5810cede-f3cc-42eb-b2c1-e9bd5d53ec96", )" + t +
                 " } } } }",
             "{" CB ", " SVC R"(, "source": { )" + t + R"(, "identity": { )" + t + R"(, "application": { "id": "x", )" + t +
                 R"( } } }, "targets": [ { )" + t + R"(, "identity": { "user": { "id": "x", )" + t + " } } } ] }",
             "{" CB R"(, "mediaConfig": { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig", )" + t + " }, " P2P "}",
             R"({ "Call": {)" CB ", " SVC ", " P2P ", " + t + "} }",
         }) {
      bodies.push_back(body);
    }
  }
  std::size_t tenant_findings = 0;
  for (const std::string &body : bodies) {
    for (ApiVersion api : {ApiVersion::V1, ApiVersion::Beta}) {
      Options options;
      options.api = api;
      for (const Diagnostic &d : check(body, "test.json", options).diagnostics) {
        const bool about_tenant = d.pointer.size() >= 9 && d.pointer.substr(d.pointer.size() - 9) == "/tenantId";
        tenant_findings += about_tenant ? 1 : 0;
        const std::string &help = d.help;
        EXPECT_FALSE(advises_removing_tenant(d.message + ". " + help)) << d.code << ": " << d.message << " / " << help;
        EXPECT_FALSE(about_tenant && lower(help).find("remove") != std::string::npos)
            << d.code << " at " << d.pointer << ": " << help;
      }
    }
  }
  EXPECT_GT(tenant_findings, 20U);  // the bodies above do produce findings at tenant ids
}

// Nesting at the parser's limit is walked without trouble.
TEST(Rules, DeepNestingIsBounded) {
  // `subject` makes it a create body: a document with no calls-API member at
  // all is CC252's one finding and is not walked (issue 12).
  std::string body = R"({ "subject": "s", "x": )";
  for (int i = 0; i < 60; ++i) body += R"({ "a": )";
  body += "\"tenantId-value\"";
  for (int i = 0; i < 60; ++i) body += "}";
  body += "}";
  EXPECT_EQ(test::codes(body).count("CC204"), 1U);
}

}  // namespace
}  // namespace callcheck
