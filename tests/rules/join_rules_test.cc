// CC240-CC249, ESLint style: a body, the join link and token tenant it is
// checked with, the rule, and whether it fires (and where). Codes and
// pointers are asserted, never wording; plus the secrecy of the token's tenant.
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include <callcheck/check.h>
#include <callcheck/rules.h>
#include <gtest/gtest.h>

#include "rule_test_support.h"

namespace callcheck {
namespace {

// The create-call page's join example: tenant aa67bd4c-…, organizer 5810cede-….
const std::string kTenant = "aa67bd4c-8475-432d-bd41-39f255720e0a";
const std::string kOther = "97009a52-97e9-4290-8f2c-a8ac8925d978";
const std::string kLong =
    "https://teams.microsoft.com/l/meetup-join/"
    "19%3ameeting_Win6Ydo4wsMijFjZS00ZGVjLTk5MGUtOTRjNWY2NmNkYTFm%40thread.v2/"
    "0?context=%7b%22Tid%22%3a%22aa67bd4c-8475-432d-bd41-39f255720e0a%22%2c%22Oid%22%3a%225810cede-f3cc-42eb-b2c1-"
    "e9bd5d53ec96%22%7d";
const std::string kChannel =
    R"(https://teams.microsoft.com/l/meetup-join/19:cbee7c1c860e465f8258e3cebf7bee0d@thread.skype/1533758867081?context={"Tid":"aa67bd4c-8475-432d-bd41-39f255720e0a","Oid":"5810cede-f3cc-42eb-b2c1-e9bd5d53ec96","MessageId":"1533758867000"})";
const std::string kShort = "https://teams.microsoft.com/meet/2414128301281?p=Nz8DLMLT8b07DrkwkE";

const std::string kThread = "19:meeting_Win6Ydo4wsMijFjZS00ZGVjLTk5MGUtOTRjNWY2NmNkYTFm@thread.v2";

auto chat(const std::string &thread, const std::string &message, const std::string &reply = "") -> std::string {
  return R"("chatInfo": { "threadId": ")" + thread + R"(", "messageId": ")" + message + "\"" +
         (reply.empty() ? "" : R"(, "replyChainMessageId": ")" + reply + "\"") + " }";
}
auto organizer(const std::string &id, const std::string &tenant) -> std::string {
  return R"("meetingInfo": { "@odata.type": "#microsoft.graph.organizerMeetingInfo", "organizer": { "user": { "id": ")" +
         id + "\"" + (tenant.empty() ? "" : R"(, "tenantId": ")" + tenant + "\"") + " } } }";
}
auto by_id(const std::string &id, const std::string &passcode) -> std::string {
  return R"("meetingInfo": { "@odata.type": "#microsoft.graph.joinMeetingIdMeetingInfo", "joinMeetingId": ")" + id +
         "\"" + (passcode.empty() ? "" : R"(, "passcode": )" + passcode) + " }";
}
const std::string kBase =
    R"("callbackUri": "https://bot.contoso.com/callback", "mediaConfig": { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig" })";
const std::string kOrg = "5810cede-f3cc-42eb-b2c1-e9bd5d53ec96";

auto body(std::initializer_list<std::string> parts) -> std::string {
  std::string out = "{ " + kBase;
  for (const std::string &p : parts) out += ", " + p;
  return out + " }";
}
auto tenant(const std::string &t) -> std::string { return R"("tenantId": ")" + t + "\""; }

const std::string kGood = body({chat(kThread, "0"), organizer(kOrg, kTenant), tenant(kTenant)});

struct Case {
  const char *code;
  bool fires;
  std::string body;
  std::string join_url;           // "" = none
  std::string token_tenant;       // "" = none
  const char *pointer = nullptr;  // where it fires, when it does
  const char *message = nullptr;  // the message id it fires with
};

const std::vector<Case> kCases{
    // CC240 join-url-unusable
    {"CC240", true, kGood, "https://teams.live.com/meet/9322118196691?p=Xq3LmT9vRw2K", "", "", "unusable"},
    {"CC240", true, kGood, "https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0", "", "",
     "unusable"},
    {"CC240", false, kGood, kLong, ""},
    {"CC240", false, kGood, "", ""},
    // CC241 join-url-thread-mismatch
    {"CC241", true, body({chat("19:meeting_OTHER@thread.v2", "0"), organizer(kOrg, kTenant)}), kLong, "",
     "/chatInfo/threadId", "thread-mismatch"},
    {"CC241", true,
     body({chat("19%3ameeting_Win6Ydo4wsMijFjZS00ZGVjLTk5MGUtOTRjNWY2NmNkYTFm%40thread.v2", "0"),
           organizer(kOrg, kTenant)}),
     kLong, "", "/chatInfo/threadId", "percent-encoded"},
    {"CC241", false, kGood, kLong, ""},
    {"CC241", false, body({chat("threadId-value", "0"), organizer(kOrg, kTenant)}), kLong, ""},  // CC204's
    {"CC241", false, body({chat("19:meeting_OTHER@thread.v2", "0"), organizer(kOrg, kTenant)}), "", ""},
    {"CC241", false, body({by_id("2414128301281", "\"Nz8DLMLT8b07DrkwkE\"")}), kLong, ""},
    // CC242 join-url-message-mismatch
    {"CC242", true, body({chat(kThread, "1533758867081"), organizer(kOrg, kTenant)}), kLong, "", "/chatInfo/messageId",
     "message-id-mismatch"},
    {"CC242", true,
     body({chat("19:cbee7c1c860e465f8258e3cebf7bee0d@thread.skype", "1533758867081", "1"), organizer(kOrg, kTenant)}),
     kChannel, "", "/chatInfo/replyChainMessageId", "reply-chain-mismatch"},
    {"CC242", false,
     body({chat("19:cbee7c1c860e465f8258e3cebf7bee0d@thread.skype", "1533758867081", "1533758867000"),
           organizer(kOrg, kTenant)}),
     kChannel, ""},
    {"CC242", false,
     body({chat("19:cbee7c1c860e465f8258e3cebf7bee0d@thread.skype", "1533758867081"), organizer(kOrg, kTenant)}),
     kChannel, ""},  // no replyChainMessageId in the body: nothing to compare
    {"CC242", false, kGood, kLong, ""},
    // CC243 join-url-organizer-mismatch
    {"CC243", true, body({chat(kThread, "0"), organizer("8a34a46b-3d17-4adc-8dce-dc4e7d572698", kTenant)}), kLong, "",
     "/meetingInfo/organizer/user/id", "organizer-mismatch"},
    {"CC243", false, body({chat(kThread, "0"), organizer("5810CEDE-F3CC-42EB-B2C1-E9BD5D53EC96", kTenant)}), kLong, ""},
    {"CC243", false, kGood, kLong, ""},
    // CC244 join-url-tenant-mismatch
    {"CC244", true, body({chat(kThread, "0"), organizer(kOrg, kOther)}), kLong, "",
     "/meetingInfo/organizer/user/tenantId", "organizer-tenant-mismatch"},
    {"CC244", true, body({chat(kThread, "0"), organizer(kOrg, kTenant), tenant(kOther)}), kLong, "", "/tenantId",
     "call-tenant-mismatch"},
    {"CC244", false, body({chat(kThread, "0"), organizer(kOrg, ""), tenant("AA67BD4C-8475-432D-BD41-39F255720E0A")}),
     kLong, ""},
    {"CC244", false, body({chat(kThread, "0"), organizer(kOrg, kTenant), tenant("tenant-id")}), kLong, ""},  // CC205's
    {"CC244", false, body({by_id("2414128301281", "\"Nz8DLMLT8b07DrkwkE\""), tenant(kOther)}), kShort, ""},
    // CC245 join-url-meeting-id-mismatch
    {"CC245", true, body({by_id("1234567", "\"Nz8DLMLT8b07DrkwkE\"")}), kShort, "", "/meetingInfo/joinMeetingId",
     "meeting-id-mismatch"},
    {"CC245", true, body({by_id("2414128301281", "\"psw123\"")}), kShort, "", "/meetingInfo/passcode",
     "passcode-mismatch"},
    {"CC245", true, body({by_id("2414128301281", "\"nz8dlmlt8b07drkwke\"")}), kShort, "", "/meetingInfo/passcode",
     "passcode-mismatch"},
    {"CC245", true, body({by_id("2414128301281", "null")}), kShort, "", "/meetingInfo/passcode", "passcode-missing"},
    {"CC245", true, body({by_id("2414128301281", "")}), kShort, "", "/meetingInfo", "passcode-missing"},
    {"CC245", false, body({by_id("2414128301281", "\"Nz8DLMLT8b07DrkwkE\"")}), kShort, ""},
    {"CC245", false, body({by_id("2414128301281", "null")}), "https://teams.microsoft.com/meet/2414128301281", ""},
    // CC246 join-url-not-comparable
    {"CC246", true,
     body({R"("targets": [ { "identity": { "user": { "id": "8a34a46b-3d17-4adc-8dce-dc4e7d572698" } } } ])"}), kLong,
     "", "", "no-meeting"},
    {"CC246", true, body({by_id("2414128301281", "\"Nz8DLMLT8b07DrkwkE\"")}), kLong, "", "/meetingInfo",
     "meeting-id-against-thread"},
    {"CC246", true, kGood, kShort, "", "/meetingInfo", "thread-against-meeting-id"},
    {"CC246", false, kGood, kLong, ""},
    {"CC246", false, body({by_id("2414128301281", "\"Nz8DLMLT8b07DrkwkE\"")}), kShort, ""},
    {"CC246", false, kGood, "", ""},
    // CC247 tenant-id-mismatch (no link or token needed)
    {"CC247", true, body({chat(kThread, "0"), organizer(kOrg, kTenant), tenant(kOther)}), "", "", "/tenantId",
     "tenant-mismatch"},
    {"CC247", false,
     body({chat(kThread, "0"), organizer(kOrg, kTenant), tenant("AA67BD4C-8475-432D-BD41-39F255720E0A")}), "", ""},
    {"CC247", false, body({chat(kThread, "0"), organizer(kOrg, kTenant)}), "", ""},
    {"CC247", false, body({chat(kThread, "0"), organizer(kOrg, kTenant), tenant("tenantId-value")}), "", ""},
    // CC248 token-tenant-mismatch
    {"CC248", true, kGood, "", kOther, "/tenantId", "token-tenant-mismatch"},
    {"CC248", true,
     body({R"("targets": [ { "identity": { "user": { "id": "8a34a46b-3d17-4adc-8dce-dc4e7d572698" } } } ])",
           tenant(kTenant)}),
     "", kOther, "/tenantId", "token-tenant-mismatch"},
    {"CC248", false, kGood, "", "AA67BD4C-8475-432D-BD41-39F255720E0A"},
    {"CC248", false, kGood, "", ""},
    {"CC248", false, body({chat(kThread, "0"), organizer(kOrg, kTenant)}), "", kOther},  // no call tenant: CC249's
    // CC249 cross-tenant-join
    {"CC249", true, kGood, "", kOther, "/meetingInfo/organizer/user/tenantId", "cross-tenant"},
    {"CC249", true, body({chat(kThread, "0"), organizer(kOrg, "")}), kLong, kOther, "/meetingInfo", "cross-tenant"},
    {"CC249", false, kGood, "", kTenant},
    {"CC249", false, kGood, kLong, ""},
    {"CC249", false, body({by_id("2414128301281", "\"Nz8DLMLT8b07DrkwkE\""), tenant(kOther)}), kShort, kTenant},
};

class JoinRule : public ::testing::TestWithParam<std::size_t> {};

TEST_P(JoinRule, FiresExactlyWhenExpected) {
  const Case &c = kCases[GetParam()];
  Options options;
  if (!c.join_url.empty()) options.join_url = c.join_url;
  if (!c.token_tenant.empty()) options.token_tenant = c.token_tenant;
  const Report report = check(c.body, "join.json", options);
  std::vector<std::string> pointers;
  for (const Diagnostic &d : report.diagnostics) {
    if (d.code != c.code) continue;
    pointers.push_back(d.pointer);
    if (c.message != nullptr) {
      EXPECT_EQ(d.message_id, c.message) << c.code << " at " << d.pointer << ": " << d.message;
    }
  }
  EXPECT_EQ(!pointers.empty(), c.fires) << c.body;
  if (c.fires) {
    EXPECT_NE(c.message, nullptr) << "a firing case names its message id";
  }
  if (c.fires && c.pointer != nullptr) {
    EXPECT_EQ(pointers, std::vector<std::string>{c.pointer}) << c.body;
  }
}

auto case_name(const ::testing::TestParamInfo<std::size_t> &info) -> std::string {
  std::size_t n = 0;
  for (std::size_t i = 0; i < info.param; ++i) n += std::string(kCases[i].code) == kCases[info.param].code;
  return std::string(kCases[info.param].code) + (kCases[info.param].fires ? "_fires_" : "_quiet_") + std::to_string(n);
}

INSTANTIATE_TEST_SUITE_P(Cases, JoinRule, ::testing::Range<std::size_t>(0, kCases.size()), case_name);

// Every message the join rules declare is one some case expects.
TEST(JoinRules, EveryMessageIdHasACase) {
  std::size_t ids = 0;
  for (const RuleMeta &meta : rule_catalog()) {
    if (meta.code < "CC240" || meta.code > "CC249") continue;
    for (const std::string_view id : meta.messages) {
      ++ids;
      bool exercised = false;
      for (const Case &c : kCases)
        exercised = exercised || (c.code == meta.code && c.message != nullptr && id == c.message);
      EXPECT_TRUE(exercised) << meta.code << " message `" << id << "` has no case that expects it";
    }
  }
  EXPECT_GE(ids, 10U);
}

TEST(JoinRules, TheTokensTenantIsNeverPrinted) {
  Options options;
  options.token_tenant = kOther;
  options.join_url = kLong;
  const Report report =
      check(body({chat(kThread, "0"), organizer(kOrg, kTenant), tenant(kTenant)}), "join.json", options);
  ASSERT_EQ(test::codes_of(report).count("CC248"), 1U);
  ASSERT_EQ(test::codes_of(report).count("CC249"), 1U);
  for (const Diagnostic &d : report.diagnostics) {
    EXPECT_EQ(d.message.find(kOther), std::string::npos) << d.code;
    EXPECT_EQ(d.help.find(kOther), std::string::npos) << d.code;
  }
}

TEST(JoinRules, ThePasscodeIsNeverPrinted) {
  Options options;
  options.join_url = kShort;
  const Report report = check(body({by_id("2414128301281", "\"Wrong-Passcode-1\"")}), "join.json", options);
  ASSERT_EQ(test::codes_of(report).count("CC245"), 1U);
  for (const Diagnostic &d : report.diagnostics) {
    EXPECT_EQ(d.message.find("Nz8DLMLT8b07DrkwkE"), std::string::npos);
    EXPECT_EQ(d.message.find("Wrong-Passcode-1"), std::string::npos);
  }
}

TEST(JoinRules, WithoutALinkOrTokenOnlyTheBodyRuleRuns) {
  // The valid samples are clean (catalog_test); a body with both tenants
  // differing reports CC247 and nothing that needs a link or a token.
  const Report report =
      check(body({chat(kThread, "0"), organizer(kOrg, kTenant), tenant(kOther)}), "join.json", Options{});
  for (const Diagnostic &d : report.diagnostics) {
    if (d.code.rfind("CC24", 0) == 0) {
      EXPECT_EQ(d.code, "CC247");
    }
  }
}

}  // namespace
}  // namespace callcheck
