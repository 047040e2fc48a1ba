// Inline cases per lint rule, ESLint style: each case is a body, the API
// version, the rule code, and where that code must appear (or that it must
// not). Codes, pointers and the rule's metadata are asserted, never wording.
#include <cctype>      // std::tolower
#include <cstddef>     // std::nullptr_t
#include <filesystem>  // std::filesystem
#include <sstream>     // std::stringstream
#include <string>      // std::string
#include <vector>      // std::vector

#include <callcheck/check.h>
#include <callcheck/rules.h>
#include <gtest/gtest.h>

#include "rule_test_support.h"

namespace callcheck {
namespace {

// What a case expects of its rule: the message id and the JSON Pointer of
// its finding ("" = the whole body), or kQuiet: it must not fire. A code a
// pipeline stage emits (CC103, CC229) has no message id: "".
struct Expect {
  Expect(std::nullptr_t /*quiet*/) {}  // NOLINT(google-explicit-constructor): kQuiet reads as a value
  Expect(const char *message_, const char *at_) : message(message_), at(at_) {}
  [[nodiscard]] auto quiet() const -> bool { return message == nullptr; }
  const char *message = nullptr;
  const char *at = nullptr;
};

struct Case {
  const char *code;
  Expect expect;
  std::string body;
  ApiVersion api = ApiVersion::V1;
  const char *request_line = "";
  const char *request = "";  // as --request names it; "" = decided as usual (a create body here)
};
constexpr std::nullptr_t kQuiet = nullptr;

// Pieces of a minimal valid P2P body.
// clang-format off
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
    {"CC201", {"undeclared", "/callbackUrl"}, "{" CB ", " SVC ", " P2P R"(, "callbackUrl": "https://x.example")" "}"},
    {"CC201", {"unknown-odata-type", "/source/identity/@odata.type"}, "{" CB ", " SVC R"(, "source": { "identity": { "@odata.type": "#microsoft.graph.identitySett" } })" "}"},
    {"CC201", kQuiet, "{" CB ", " SVC R"(, "@odata.type": "#microsoft.graph.call", "targets": [ { "identity": { "guest": { "id": "g", "displayName": "G" }, "phone": { "id": "+14258828080" } } } ])" "}"},
    {"CC201", kQuiet, "{" CB ", " SVC R"(, "targets": [ { "identity": { "user": { "id": "8a34a46b-3d17-4adc-8dce-dc4e7d572698", "tenantId": "aa67bd4c-8475-432d-bd41-39f255720e0a", "displayName@odata.type": "x" } } } ])" "}"},
    {"CC201", kQuiet, "{" CB ", " SVC ", " P2P R"(, "ringingTimeoutInSeconds": 30)" "}"},  // CC209's, not a typo
    {"CC201", kQuiet, R"({ "mediaConfig": { "@odata.type": "#microsoft.graph.serviceHostedMediaConfg" } })"},  // CC105's
    // CC202 callback-uri-not-https
    {"CC202", {"not-https", "/callbackUri"}, R"({ "callbackUri": "http://bot.contoso.com/callback" })"},
    {"CC202", {"not-absolute", "/callbackUri"}, R"({ "callbackUri": "/callback" })"},
    {"CC202", {"malformed-https", "/callbackUri"}, R"({ "callbackUri": "https:///callback" })"},
    {"CC202", {"malformed-https", "/callbackUri"}, R"({ "callbackUri": "https://bot.contoso.com/call back" })"},
    {"CC202", {"too-long", "/callbackUri"}, std::string(R"({ "callbackUri": "https://bot.contoso.com/)") + std::string(2100, 'a') + "\" }"},
    {"CC202", kQuiet, R"({ "callbackUri": "HTTPS://bot.contoso.com:8443/callback?x=1" })"},
    {"CC202", kQuiet, R"({ "callbackUri": 42 })"},
    {"CC202", kQuiet, R"({ "callbackUri": "callbackUri-value" })"},  // CC204's
    // CC203 read-only-property
    {"CC203", {"read-only", "/state"}, "{" CB ", " SVC ", " P2P R"(, "state": "incoming")" "}"},
    {"CC203", {"read-only", "/source/region"}, "{" CB ", " SVC ", " P2P R"(, "source": { "identity": { "application": { "id": "x" } }, "region": "emea" })" "}"},
    {"CC203", kQuiet, "{" CB ", " SVC ", " P2P R"(, "source": { "identity": { "application": { "id": "x" } }, "region": null })" "}"},
    {"CC203", kQuiet, "{" CB ", " SVC ", " P2P R"(, "subject": "hello")" "}"},
    {"CC203", kQuiet, "{" CB ", " SVC ", " P2P R"(, "tenantId": "aa67bd4c-8475-432d-bd41-39f255720e0a")" "}"},
    {"CC203", kQuiet, "{" CB ", " SVC ", " P2P R"(, "callChainId": "d17646ab-3110-40b1-bae6-e9ac6c3f74aa")" "}"},
    // CC204 documentation-placeholder
    {"CC204", {"placeholder", "/tenantId"}, "{" CB ", " SVC ", " P2P R"(, "tenantId": "tenantId-value")" "}"},
    {"CC204", {"placeholder", "/mediaConfig/blob"}, R"({ "mediaConfig": { "@odata.type": "#microsoft.graph.appHostedMediaConfig", "blob": "<media config blob>" } })"},
    {"CC204", {"placeholder", "/callbackUri"}, R"({ "callbackUri": "https://bot.contoso.com/{botId}/callback" })"},
    {"CC204", kQuiet, R"({ "mediaConfig": { "@odata.type": "#microsoft.graph.appHostedMediaConfig", "blob": "{\"mpUri\":\"net.tcp://a:1/\",\"x\":{}}" } })"},
    {"CC204", kQuiet, R"({ "subject": "a <b> value" })"},
    // CC205 malformed-guid
    {"CC205", {"tenant-id-not-guid", "/tenantId"}, R"({ "tenantId": "86dc81db-c112-4228-9222-63f3esaa1edb" })"},
    {"CC205", {"not-guid", "/targets/0/identity/user/id"}, R"({ "targets": [ { "identity": { "user": { "id": "d17646-3110-40b1-bae6-e9ac6c3f74" } } } ] })"},
    {"CC205", kQuiet, R"({ "tenantId": "86DC81DB-C112-4228-9222-63F3E0AA1EDB" })"},
    {"CC205", kQuiet, R"({ "targets": [ { "identity": { "user": { "id": "57DAB8B1894C409AB240BD8BEAE78896" } } } ] })"},
    {"CC205", kQuiet, R"({ "source": { "identity": { "guest": { "id": "d17646-3110-40b1-bae6-e9ac6c3f74", "displayName": "G" } } } })"},
    {"CC205", kQuiet, R"({ "tenantId": "tenantId-value" })"},
    {"CC205", {"tenant-id-not-guid", "/tenantId"}, R"({ "tenantId": "tenant-id" })"},
    {"CC205", {"tenant-id-not-guid", "/tenantId"}, R"({ "tenantId": "contoso.onmicrosoft.com" })"},
    {"CC205", {"empty-tenant-id", "/tenantId"}, R"({ "tenantId": "" })"},
    {"CC205", {"tenant-id-not-guid", "/meetingInfo/organizer/user/tenantId"}, R"({ "meetingInfo": { "@odata.type": "#microsoft.graph.organizerMeetingInfo", "organizer": { "user": { "id": "5810cede-f3cc-42eb-b2c1-e9bd5d53ec96", "tenantId": "my-tenant" } } } })"},
    {"CC205", kQuiet, R"({ "tenantId": null })"},
    // CC206 phone-not-e164
    {"CC206", {"not-e164", "/targets/0/identity/phone/id"}, R"({ "targets": [ { "identity": { "phone": { "id": "4258828080" } } } ] })"},
    {"CC206", {"not-e164", "/targets/0/identity/phone/id"}, R"({ "targets": [ { "identity": { "phone": { "id": "+0123" } } } ] })"},
    {"CC206", {"not-e164", "/targets/0/identity/phone/id"}, R"({ "targets": [ { "identity": { "phone": { "id": "+1234567890123456" } } } ] })"},
    {"CC206", kQuiet, R"({ "targets": [ { "identity": { "phone": { "id": "+14258828080" } } } ] })"},
    {"CC206", kQuiet, R"({ "targets": [ { "identity": { "phone": 5 } } ] })"},
    // CC207 odata-type-missing-hash
    {"CC207", {"missing-hash", "/mediaConfig/@odata.type"}, R"({ "mediaConfig": { "@odata.type": "microsoft.graph.serviceHostedMediaConfig" } })"},
    {"CC207", kQuiet, "{" SVC "}"},
    // CC208 odata-type-wrong-slot
    {"CC208", {"wrong-type", "/targets/0/@odata.type"}, R"({ "targets": [ { "@odata.type": "#microsoft.graph.participantInfo", "identity": {} } ] })"},
    {"CC208", {"wrong-type", "/targets/0/identity/@odata.type"}, R"({ "targets": [ { "identity": { "@odata.type": "#microsoft.graph.identity" } } ] })"},
    {"CC208", kQuiet, R"({ "targets": [ { "@odata.type": "#microsoft.graph.invitationParticipantInfo", "identity": { "@odata.type": "#microsoft.graph.communicationsIdentitySet", "user": { "@odata.type": "#microsoft.graph.communicationsUserIdentity", "id": "x" } } } ] })"},
    {"CC208", kQuiet, R"({ "mediaConfig": { "@odata.type": "#microsoft.graph.participantInfo" } })"},  // CC105's
    // CC209 beta-only-property
    {"CC209", {"beta-only", "/ringingTimeoutInSeconds"}, R"({ "ringingTimeoutInSeconds": 30 })"},
    {"CC209", {"beta-only", "/meetingInfo/allowConversationWithoutHost"}, R"({ "meetingInfo": { "@odata.type": "#microsoft.graph.joinMeetingIdMeetingInfo", "joinMeetingId": "1", "allowConversationWithoutHost": true } })"},
    // The v1.0 page's own join examples send it: accepted on organizerMeetingInfo (issue 10).
    {"CC209", kQuiet, R"({ "meetingInfo": { "@odata.type": "#microsoft.graph.organizerMeetingInfo", "allowConversationWithoutHost": true } })"},
    {"CC209", kQuiet, R"({ "ringingTimeoutInSeconds": 30 })", ApiVersion::Beta},
    {"CC209", kQuiet, R"({ "mediaConfig": { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig", "removeFromDefaultAudioGroup": false } })"},  // CC102's
    // CC210 too-many-group-targets
    {"CC210", {"too-many-voip-targets", "/targets/5"}, R"({ "targets": [ {"identity":{"user":{"id":"1"}}}, {"identity":{"user":{"id":"2"}}}, {"identity":{"user":{"id":"3"}}}, {"identity":{"user":{"id":"4"}}}, {"identity":{"user":{"id":"5"}}}, {"identity":{"application":{"id":"6"}}} ] })"},
    {"CC210", kQuiet, R"({ "targets": [ {"identity":{"user":{"id":"1"}}}, {"identity":{"user":{"id":"2"}}}, {"identity":{"user":{"id":"3"}}}, {"identity":{"user":{"id":"4"}}}, {"identity":{"user":{"id":"5"}}}, {"identity":{"phone":{"id":"+14258828080"}}} ] })"},
    // CC211 duplicate-target
    {"CC211", {"duplicate-target", "/targets/1"}, R"({ "targets": [ )" USER1 ", " USER1 " ] }"},
    {"CC211", {"duplicate-target", "/targets/1"}, R"({ "targets": [ { "identity": { "user": { "id": "8A34A46B-3D17-4ADC-8DCE-DC4E7D572698" } } }, )" USER1 " ] }"},
    {"CC211", kQuiet, R"({ "targets": [ )" USER1 ", " USER2 " ] }"},
    {"CC211", kQuiet, R"({ "targets": [ { "identity": { "application": { "id": "8a34a46b-3d17-4adc-8dce-dc4e7d572698" } } }, )" USER1 " ] }"},
    // CC212 meeting-without-chat-info
    {"CC212", {"no-chat-info", "/meetingInfo"}, "{" CB ", " SVC ", " ORG "}", ApiVersion::Beta},
    {"CC212", kQuiet, "{" CB ", " SVC ", " CHAT ", " ORG "}", ApiVersion::Beta},
    {"CC212", kQuiet, R"({ "meetingInfo": { "@odata.type": "#microsoft.graph.joinMeetingIdMeetingInfo", "joinMeetingId": "1" } })"},
    {"CC212", {"no-thread-id", "/chatInfo/threadId"}, "{" CB ", " SVC R"(, "chatInfo": { "threadId": null, "messageId": "0" }, )" ORG "}"},
    {"CC212", {"no-thread-id", "/chatInfo"}, "{" CB ", " SVC R"(, "chatInfo": { "messageId": "0" }, )" ORG "}"},
    {"CC212", kQuiet, "{" CB ", " SVC R"(, "chatInfo": { "threadId": 5 }, )" ORG "}"},  // CC103's
    // CC213 chat-info-with-meeting-id
    {"CC213", {"chat-info-ignored", "/chatInfo"}, "{" CHAT R"(, "meetingInfo": { "@odata.type": "#microsoft.graph.joinMeetingIdMeetingInfo", "joinMeetingId": "1" } })"},
    {"CC213", kQuiet, "{" CHAT ", " ORG "}"},
    // CC214 pstn-without-application-instance
    {"CC214", {"no-application-instance", "/targets/0/identity/phone"}, R"({ "targets": [ { "identity": { "phone": { "id": "+14258828080" } } } ] })"},
    {"CC214", kQuiet, "{" APPINST R"(, "targets": [ { "identity": { "phone": { "id": "+14258828080" } } } ] })"},
    {"CC214", kQuiet, "{" P2P "}"},
    // Only objects count: a string phone is no PSTN target, a string
    // application instance is CC103 (microsoft-graph-docs#16084).
    {"CC214", kQuiet, R"({ "targets": [ { "identity": { "phone": "{\"id\": \"+14258828080\"}" } } ] })"},
    {"CC214", kQuiet, R"({ "source": { "identity": { "applicationInstance": "{\"id\": \"x\"}" } }, "targets": [ { "identity": { "phone": { "id": "+14258828080" } } } ] })"},
    {"CC103", {"", "/source/identity/applicationInstance"}, R"({ "source": { "identity": { "applicationInstance": "{\"id\": \"x\"}" } }, "targets": [ { "identity": { "phone": { "id": "+14258828080" } } } ] })"},
    {"CC103", {"", "/targets/0/identity/phone"}, R"({ "targets": [ { "identity": { "@odata.type": "#microsoft.graph.communicationsIdentitySet", "phone": "+14258828080" } } ] })"},
    {"CC103", {"", "/meetingInfo/organizer/guest"}, R"({ "meetingInfo": { "@odata.type": "#microsoft.graph.organizerMeetingInfo", "organizer": { "@odata.type": "#microsoft.graph.identitySet", "guest": "g" } } })"},
    // CC215 guest-without-display-name
    {"CC215", {"no-display-name", "/source/identity/guest"}, R"({ "source": { "identity": { "guest": { "id": "g" } } } })"},
    {"CC215", {"no-display-name", "/source/identity/guest/displayName"}, R"({ "source": { "identity": { "guest": { "id": "g", "displayName": "  " } } } })"},
    {"CC215", kQuiet, R"({ "source": { "identity": { "guest": { "id": "g", "displayName": "Guest" } } } })"},
    {"CC215", kQuiet, R"({ "source": { "identity": { "guest": "g" } } })"},
    // CC216 legacy-guest-identity
    {"CC216", {"legacy-guest", "/source/identity/user/identityProvider"}, R"({ "source": { "identity": { "user": { "id": "g", "identityProvider": "None" } } } })"},
    {"CC216", kQuiet, R"({ "source": { "identity": { "user": { "id": "g" } } } })"},
    // CC217 prompt-not-https-wav
    {"CC217", {"not-https", "/mediaConfig/preFetchMedia/0/uri"}, "{" PROMPTS(R"({ "uri": "http://cdn.contoso.com/a.wav" })", R"({ "uri": "https://cdn.contoso.com/b.WAV?v=1" })") "}"},
    {"CC217", {"not-wav", "/mediaConfig/preFetchMedia/0/uri"}, "{" PROMPTS(R"({ "uri": "https://cdn.contoso.com/a.mp3" })", R"({ "uri": "https://cdn.contoso.com/b.wav" })") "}"},
    {"CC217", kQuiet, "{" PROMPTS(R"({ "uri": "https://cdn.contoso.com/a.wav" })", R"({ "uri": "https://cdn.contoso.com/b.WAV?sig=abc#x" })") "}"},
    // CC218 duplicate-prompt-resource-id
    {"CC218", {"duplicate-resource-id", "/mediaConfig/preFetchMedia/1/resourceId"}, "{" PROMPTS(R"({ "uri": "https://c.example/a.wav", "resourceId": "1" })", R"({ "uri": "https://c.example/b.wav", "resourceId": "1" })") "}"},
    {"CC218", kQuiet, "{" PROMPTS(R"({ "uri": "https://c.example/a.wav", "resourceId": "1" })", R"({ "uri": "https://c.example/b.wav", "resourceId": "2" })") "}"},
    // CC219 ringing-timeout-too-long
    {"CC219", {"above-maximum", "/ringingTimeoutInSeconds"}, R"({ "ringingTimeoutInSeconds": 116 })", ApiVersion::Beta},
    {"CC219", {"below-minimum", "/ringingTimeoutInSeconds"}, R"({ "ringingTimeoutInSeconds": 0 })", ApiVersion::Beta},
    {"CC219", kQuiet, R"({ "ringingTimeoutInSeconds": 115 })", ApiVersion::Beta},
    {"CC219", kQuiet, R"({ "ringingTimeoutInSeconds": null })", ApiVersion::Beta},
    // CC220 routing-policies-not-peer-to-peer
    {"CC220", {"not-peer-to-peer", "/routingPolicies"}, "{" CB ", " SVC R"(, "targets": [ )" USER1 ", " USER2 R"( ], "routingPolicies": [ "noMissedCall" ] })", ApiVersion::Beta},
    {"CC220", kQuiet, "{" CB ", " SVC ", " P2P R"(, "routingPolicies": [ "noMissedCall" ] })", ApiVersion::Beta},
    {"CC220", kQuiet, "{" CB ", " SVC R"(, "targets": [ )" USER1 ", " USER2 R"( ], "routingPolicies": [ "none" ] })", ApiVersion::Beta},
    // CC221 duplicate-modality
    {"CC221", {"duplicate", "/requestedModalities/2"}, R"({ "requestedModalities": [ "audio", "video", "audio" ] })"},
    {"CC221", {"unknown-modality", "/requestedModalities/0"}, R"({ "requestedModalities": [ "unknown" ] })", ApiVersion::Beta},
    {"CC221", kQuiet, R"({ "requestedModalities": [ "unknown" ] })"},  // v1.0: not a modality, CC104's
    {"CC221", kQuiet, R"({ "requestedModalities": [ "audio", "video" ] })"},
    // CC222 app-hosted-without-blob
    {"CC222", {"no-blob", "/mediaConfig"}, R"({ "mediaConfig": { "@odata.type": "#microsoft.graph.appHostedMediaConfig" } })"},
    {"CC222", {"empty-blob", "/mediaConfig/blob"}, R"({ "mediaConfig": { "@odata.type": "#microsoft.graph.appHostedMediaConfig", "blob": "" } })"},
    {"CC222", kQuiet, R"({ "mediaConfig": { "@odata.type": "#microsoft.graph.appHostedMediaConfig", "blob": "{}" } })"},
    {"CC222", kQuiet, "{" SVC "}"},
    // CC223 invalid-thread-id
    {"CC223", {"not-thread-id", "/chatInfo/threadId"}, R"({ "chatInfo": { "threadId": "19:meeting_abc" } })"},
    {"CC223", {"not-thread-id", "/chatInfo/threadId"}, R"({ "chatInfo": { "threadId": "19:meeting abc@thread.v2" } })"},
    {"CC223", kQuiet, "{" CHAT "}"},
    {"CC223", kQuiet, R"({ "chatInfo": { "threadId": "19:cbee7c1c860e465f8258e3cebf7bee0d@thread.skype" } })"},
    {"CC223", kQuiet, R"({ "chatInfo": { "threadId": "threadId-value" } })"},  // CC204's
    // CC224 meeting-tenant-not-found
    {"CC224", {"no-tenant", "/meetingInfo"}, "{" CB ", " SVC ", " CHAT ", " ORG "}"},
    {"CC224", {"tenant-id-misplaced", "/meetingInfo/tenantId"}, "{" CB ", " SVC ", " CHAT R"(, "meetingInfo": { "@odata.type": "#microsoft.graph.organizerMeetingInfo", "organizer": { "user": { "id": "5810cede-f3cc-42eb-b2c1-e9bd5d53ec96" } }, "tenantId": )" TID " } }"},
    {"CC224", {"no-tenant", "/meetingInfo"}, "{" CB ", " SVC R"(, "chatInfo": { "threadId": "19:meeting_x@thread.v2", "tenantId": )" TID " }, " ORG "}"},
    {"CC224", {"tenant-id-misplaced", "/source/tenantId"}, "{" CB ", " SVC ", " JOINID R"(, "source": { "tenantId": )" TID " } }"},
    {"CC224", {"no-tenant", "/meetingInfo"}, "{" CB ", " SVC ", " JOINID R"(, "tenantId": null })"},
    {"CC224", {"no-tenant", "/meetingInfo"}, "{" CB ", " SVC ", " JOINID R"(, "tenantId": "" })"},
    {"CC224", kQuiet, "{" CB ", " SVC ", " CHAT ", " ORG R"(, "tenantId": )" TID "}"},
    {"CC224", kQuiet, "{" CB ", " SVC ", " CHAT R"(, "meetingInfo": { "@odata.type": "#microsoft.graph.organizerMeetingInfo", "organizer": { "user": { "id": "5810cede-f3cc-42eb-b2c1-e9bd5d53ec96", "tenantId": )" TID " } } } }"},
    {"CC224", kQuiet, "{" CB ", " SVC ", " JOINID R"(, "tenantId": )" TID "}"},
    {"CC224", kQuiet, "{" CB ", " SVC R"(, "meetingInfo": { "@odata.type": "#microsoft.graph.tokenMeetingInfo", "token": "t" } })"},
    {"CC224", kQuiet, "{" CB ", " SVC ", " P2P "}"},  // the bot's own tenant is in its token
    // ... and the misplaced tenantId gets that one finding, not CC201 as well
    {"CC201", kQuiet, "{" CB ", " SVC ", " CHAT R"(, "meetingInfo": { "@odata.type": "#microsoft.graph.organizerMeetingInfo", "organizer": { "user": { "id": "5810cede-f3cc-42eb-b2c1-e9bd5d53ec96" } }, "tenantId": )" TID " } }"},
    {"CC201", {"tenant-id-misplaced", "/meetingInfo/tenantId"}, "{" CB ", " SVC ", " CHAT R"(, "meetingInfo": { "@odata.type": "#microsoft.graph.organizerMeetingInfo", "organizer": { "user": { "id": "5810cede-f3cc-42eb-b2c1-e9bd5d53ec96" } }, "tenantId": )" TID " }, \"tenantId\": " TID "}"},
    // CC225 empty-identity-set
    {"CC225", {"empty-identity-set", "/targets/0/identity"}, "{" CB ", " SVC R"(, "targets": [ { "identity": {} } ] })"},
    {"CC225", {"empty-identity-set", "/targets/0/identity"}, "{" CB ", " SVC R"(, "targets": [ { "identity": { "id": "8a34a46b-3d17-4adc-8dce-dc4e7d572698", "displayName": "Heidi" } } ] })"},
    {"CC225", {"empty-identity-set", "/source/identity"}, "{" CB ", " SVC ", " P2P R"(, "source": { "identity": { "@odata.type": "#microsoft.graph.communicationsIdentitySet", "endpointType": "default" } } })"},
    {"CC225", {"empty-identity-set", "/meetingInfo/organizer"}, "{" CB ", " SVC ", " CHAT R"(, "meetingInfo": { "@odata.type": "#microsoft.graph.organizerMeetingInfo", "organizer": { "@odata.type": "#microsoft.graph.identitySet" } }, "tenantId": )" TID "}"},
    {"CC225", kQuiet, "{" CB ", " SVC ", " P2P "}"},
    {"CC225", kQuiet, "{" CB ", " SVC R"(, "targets": [ { "identity": { "phone": "+14258828080" } } ] })"},  // CC103's
    {"CC225", kQuiet, "{" CB ", " SVC R"(, "targets": [ { "identity": 7 } ] })"},                           // CC103's
    // CC226 application-target
    {"CC226", {"application-target", "/targets/0/identity/application"}, "{" CB ", " SVC R"(, "targets": [ { "identity": { "application": { "id": "2891555a-92ff-42e6-80fa-6e1300c6b5c6" } } } ] })"},
    {"CC226", {"application-target", "/targets/1/identity/application"}, "{" CB ", " SVC R"(, "targets": [ )" USER1 R"(, { "identity": { "@odata.type": "#microsoft.graph.communicationsIdentitySet", "application": { "id": "2891555a-92ff-42e6-80fa-6e1300c6b5c6" } } } ] })"},
    {"CC226", kQuiet, "{" CB ", " SVC ", " P2P R"(, "source": { "identity": { "application": { "id": "2891555a-92ff-42e6-80fa-6e1300c6b5c6" } } } })"},
    {"CC226", kQuiet, "{" CB ", " SVC R"(, "targets": [ { "identity": { "application": "2891555a" } } ] })"},  // CC103's
    // CC227 application-instance-target
    {"CC227", {"application-instance-target", "/targets/0/identity/applicationInstance"}, "{" CB ", " SVC R"(, "targets": [ { "identity": { "applicationInstance": { "id": "3d913abb-aec0-4964-8fa6-3c6850c4f278" } } } ] })"},
    {"CC227", kQuiet, "{" CB ", " SVC ", " APPINST R"(, "targets": [ { "identity": { "phone": { "id": "+14258828080" } } } ] })"},
    // CC228 guest-caller-outside-meeting
    {"CC228", {"guest-caller", "/source/identity/guest"}, "{" CB ", " SVC ", " P2P R"(, "source": { "identity": { "guest": { "id": "g", "displayName": "G" } } } })"},
    {"CC228", kQuiet, "{" CB ", " SVC ", " CHAT ", " ORG R"(, "source": { "identity": { "guest": { "id": "g", "displayName": "G" } } }, "tenantId": )" TID "}"},
    {"CC228", kQuiet, "{" CB ", " SVC ", " P2P R"(, "source": { "identity": { "guest": "g" } } })"},  // CC103's
    // CC229 wrapped-body (the schema stage's; no CC101/CC201/CC301 beside it)
    {"CC229", {"", "/Call"}, R"({ "Call": {)" CB ", " SVC ", " P2P "} }"},
    {"CC229", {"", "/requestBody"}, R"({ "requestBody": {)" CB ", " SVC ", " P2P "} }"},
    {"CC229", {"", "/body"}, R"({ "body": { "@odata.type": "#microsoft.graph.call" } })"},
    {"CC101", kQuiet, R"({ "Call": {)" CB ", " SVC ", " P2P "} }"},
    {"CC201", kQuiet, R"({ "Call": {)" CB ", " SVC ", " P2P "} }"},
    {"CC301", kQuiet, R"({ "Call": {)" CB ", " SVC ", " P2P "} }"},
    {"CC229", kQuiet, "{" SVC "}"},
    {"CC229", kQuiet, R"({ "Call": { "subject": "x" } })"},
    // CC250 parameter-not-in-metadata (a mid-call action's body)
    {"CC250", {"not-a-parameter", "/clientContxt"}, R"({ "transferTarget": { "identity": { "user": { "id": "550fae72-d251-43ec-868c-373732c2704f" } } }, "clientContxt": "9e90d1c1" })", ApiVersion::V1, "", "transfer"},
    {"CC250", kQuiet, R"({ "transferTarget": { "identity": { "user": { "id": "550fae72-d251-43ec-868c-373732c2704f" } } } })", ApiVersion::V1, "", "transfer"},
    {"CC250", kQuiet, "{" CB ", " SVC ", " P2P R"(, "clientContxt": "x")" "}"},  // a create body: CC201's
    // CC254 redirect-timeout-out-of-range (15 to 90 seconds)
    {"CC254", {"out-of-range", "/timeout"}, R"({ "targets": [ )" USER1 R"( ], "timeout": 120 })", ApiVersion::V1, "", "redirect"},
    {"CC254", {"out-of-range", "/timeout"}, R"({ "targets": [ )" USER1 R"( ], "timeout": 14 })", ApiVersion::V1, "", "redirect"},
    {"CC254", kQuiet, R"({ "targets": [ )" USER1 R"( ], "timeout": 90 })", ApiVersion::V1, "", "redirect"},
    {"CC254", kQuiet, R"({ "targets": [ )" USER1 R"( ], "timeout": 15 })", ApiVersion::V1, "", "redirect"},
    // CC255 too-many-redirect-targets (at most 25)
    {"CC255", {"too-many-targets", "/targets"}, R"({ "targets": [ )" USER1 ", " USER1 ", " USER1 ", " USER1 ", " USER1 ", " USER1 ", " USER1 ", " USER1 ", " USER1 ", " USER1 ", " USER1 ", " USER1 ", " USER1 ", " USER1 ", " USER1 ", " USER1 ", " USER1 ", " USER1 ", " USER1 ", " USER1 ", " USER1 ", " USER1 ", " USER1 ", " USER1 ", " USER1 ", " USER1 " ] }", ApiVersion::V1, "", "redirect"},
    {"CC255", kQuiet, R"({ "targets": [ )" USER1 ", " USER2 " ] }", ApiVersion::V1, "", "redirect"},
    // CC256 too-many-prompts (recordResponse plays one)
    {"CC256", {"too-many-prompts", "/prompts"}, R"({ "prompts": [ { "mediaInfo": { "uri": "https://cdn.contoso.com/a.wav" } }, { "mediaInfo": { "uri": "https://cdn.contoso.com/b.wav" } } ], "maxRecordDurationInSeconds": 10 })", ApiVersion::V1, "", "recordResponse"},
    {"CC256", kQuiet, R"({ "prompts": [ { "mediaInfo": { "uri": "https://cdn.contoso.com/a.wav" } } ], "maxRecordDurationInSeconds": 10 })", ApiVersion::V1, "", "recordResponse"},
    {"CC256", kQuiet, R"({ "prompts": [ { "mediaInfo": { "uri": "https://cdn.contoso.com/a.wav" } }, { "mediaInfo": { "uri": "https://cdn.contoso.com/b.wav" } } ] })", ApiVersion::V1, "", "playPrompt"},
    // CC257 record-response-limit (1 to 120 seconds)
    {"CC257", {"out-of-range", "/maxRecordDurationInSeconds"}, R"({ "maxRecordDurationInSeconds": 300 })", ApiVersion::V1, "", "recordResponse"},
    {"CC257", {"out-of-range", "/initialSilenceTimeoutInSeconds"}, R"({ "initialSilenceTimeoutInSeconds": 0 })", ApiVersion::V1, "", "recordResponse"},
    {"CC257", kQuiet, R"({ "maxRecordDurationInSeconds": 120, "maxSilenceTimeoutInSeconds": 1 })", ApiVersion::V1, "", "recordResponse"},
    // CC258 client-context-too-long (at most 256 characters)
    {"CC258", {"too-long", "/clientContext"}, std::string(R"({ "clientContext": ")") + std::string(257, 'a') + R"(", "prompts": [] })", ApiVersion::V1, "", "playPrompt"},
    {"CC258", kQuiet, std::string(R"({ "clientContext": ")") + std::string(256, 'a') + R"(", "prompts": [] })", ApiVersion::V1, "", "playPrompt"},
    {"CC258", kQuiet, std::string(R"({ "clientContext": ")") + std::string(128, 'a') + "\u00e9" + std::string(127, 'a') + R"(", "prompts": [] })", ApiVersion::V1, "", "playPrompt"},
    // CC501 deprecated-endpoint
    {"CC501", {"deprecated-endpoint", ""}, "{" CB "}", ApiVersion::Beta, "POST https://graph.microsoft.com/beta/app/calls"},
    {"CC501", {"deprecated-endpoint", ""}, "{" CB "}", ApiVersion::Beta, "POST /beta/applications/e2ff0b9c/calls HTTP/1.1"},
    {"CC501", kQuiet, "{" CB "}", ApiVersion::V1, "POST https://graph.microsoft.com/v1.0/communications/calls"},
    {"CC501", kQuiet, "{" CB "}"},
};
// clang-format on

// One test per case, named after its rule and counted per rule:
// Rules/Rule.Case/CC211_invalid_0 fires, Rules/Rule.Case/CC211_valid_0 does
// not (`ctest -R CC211` or --gtest_filter='*CC211*' runs one rule's cases).
class Rule : public ::testing::TestWithParam<std::size_t> {};

TEST_P(Rule, Case) {
  const Case &c = kCases[GetParam()];
  Options options;
  options.api = c.api;
  options.request = c.request;
  options.preview = true;  // preview rules have cases too
  Source source;
  source.name = "test.json";
  source.request_line = c.request_line;
  const Report report = check(c.body, source, options);
  const RuleMeta *meta = find_rule(c.code);
  ASSERT_NE(meta, nullptr) << c.code;
  std::string at;  // where it fired, comma-separated
  std::size_t fired = 0;
  for (const Diagnostic &d : report.diagnostics) {
    if (d.code != c.code) continue;
    at += (fired++ == 0 ? "" : ",") + d.pointer;
    // The finding is the rule's: its name, (unless a level moved it)
    // severity, and the message the case names.
    EXPECT_EQ(d.name, meta->name);
    EXPECT_EQ(d.severity, meta->severity);
    if (!c.expect.quiet()) {
      EXPECT_EQ(d.message_id, c.expect.message) << c.code << " at " << d.pointer << ": " << d.message;
    }
  }
  if (c.expect.quiet()) {
    EXPECT_EQ(fired, 0U) << c.code << " fired at `" << at << "`, not expected: " << c.body;
  } else {
    std::string reported;
    for (const Diagnostic &d : report.diagnostics) reported += " " + d.code + "@" + d.pointer;
    ASSERT_GT(fired, 0U) << c.code << " did not fire (reported:" << reported << "; request " << report.request.name
                         << " decided by " << report.request.decided_by << "): " << c.body;
    EXPECT_EQ(at, c.expect.at) << c.code << " fired elsewhere: " << c.body;
  }
}

auto case_name(const ::testing::TestParamInfo<std::size_t> &info) -> std::string {
  const Case &c = kCases[info.param];
  std::size_t n = 0;
  for (std::size_t i = 0; i < info.param; ++i) {
    n += std::string(kCases[i].code) == c.code && kCases[i].expect.quiet() == c.expect.quiet() ? 1 : 0;
  }
  return std::string(c.code) + (c.expect.quiet() ? "_valid_" : "_invalid_") + std::to_string(n);
}

INSTANTIATE_TEST_SUITE_P(Rules, Rule, ::testing::Range<std::size_t>(0, kCases.size()), case_name);

// Every lint rule (rules/ccNNN_*.h) has cases that make it fire and cases
// that keep it quiet; the join rules (CC240-CC249) have theirs in
// join_rules_test.cc.
TEST(Rules, EveryLintRuleHasCasesBothWays) {
  std::vector<std::string> lint_rules;
  std::stringstream files(CALLCHECK_RULE_FILES);  // "rules/cc201_undeclared_property.h,..." (tests/CMakeLists.txt)
  for (std::string file; std::getline(files, file, ',');) {
    if (file.rfind("rules/cc", 0) == 0) lint_rules.push_back("CC" + file.substr(8, 3));
  }
  ASSERT_GT(lint_rules.size(), 20U);
  for (const std::string &code : lint_rules) {
    if (code >= "CC240" && code <= "CC249") continue;
    std::size_t fires = 0;
    std::size_t quiet = 0;
    for (const Case &c : kCases) {
      if (code != c.code) continue;
      (c.expect.quiet() ? quiet : fires) += 1;
    }
    EXPECT_GT(fires, 0U) << code << " has no case that makes it fire";
    EXPECT_GT(quiet, 0U) << code << " has no case that keeps it quiet";
  }
}

// Every message a lint rule declares (its kMessageIds, listed in the
// catalogue) is what some case expects: a message no case reaches is either
// dead or untested. The join rules' are in join_rules_test.cc.
TEST(Rules, EveryMessageIdHasACase) {
  std::size_t ids = 0;
  for (const RuleMeta &meta : rule_catalog()) {
    if (meta.code >= "CC240" && meta.code <= "CC249") continue;
    for (const std::string_view id : meta.messages) {
      ++ids;
      bool exercised = false;
      for (const Case &c : kCases)
        exercised = exercised || (c.code == meta.code && !c.expect.quiet() && id == c.expect.message);
      EXPECT_TRUE(exercised) << meta.code << " message `" << id << "` has no case that expects it";
    }
  }
  EXPECT_GT(ids, 40U);  // the catalogue does list them
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
             "{" CB ", " SVC ", " CHAT
             R"(, "meetingInfo": { "@odata.type": "#microsoft.graph.organizerMeetingInfo", )" +
                 t + R"(, "organizer": { )" + t + R"(, "user": { "id": "5810cede-f3cc-42eb-b2c1-e9bd5d53ec96", )" + t +
                 " } } } }",
             "{" CB ", " SVC R"(, "source": { )" + t + R"(, "identity": { )" + t + R"(, "application": { "id": "x", )" +
                 t + R"( } } }, "targets": [ { )" + t + R"(, "identity": { "user": { "id": "x", )" + t + " } } } ] }",
             "{" CB R"(, "mediaConfig": { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig", )" + t +
                 " }, " P2P "}",
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
