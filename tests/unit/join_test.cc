// parse_join_url and body_for_join_url (callcheck/join.h): every link shape
// seen in public threads (ids changed), every refusal, hostile input, and the
// round trip link -> body -> check() clean and matching its own link.
#include <gtest/gtest.h>

#include <set>      // std::set
#include <string>   // std::string
#include <utility>  // std::pair
#include <vector>   // std::vector

#include "callcheck/callcheck.h"
#include "document/document.h"
#include "small_stack.h"
#include "test_util.h"

namespace callcheck {
namespace {

// A link as a public thread showed it, with its ids changed, and what it says.
struct Shape {
  const char *name;
  const char *source;
  std::string url;
  JoinLinkShape shape;
  TeamsCloud cloud;
  const char *thread;  // nullptr for short links
  const char *message;
  const char *organizer;
  const char *tenant;
  const char *meeting_id;  // nullptr for long links
  const char *passcode;
};

const std::vector<Shape> &shapes() {
  static const std::vector<Shape> list{
      {"scheduled", "OfficeDev/microsoft-teams-library-js#2844 (joinUrl of an event)",
       "https://teams.microsoft.com/l/meetup-join/"
       "19%3ameeting_MjMzMjI5Y2UtOTg0ZS00MDAzLTkxODQtM2UzOWM2NDAxNGZa%40thread."
       "v2/"
       "0?context=%7b%22Tid%22%3a%22d8aac164-b245-4e76-bb74-4ce8054a03aa%22%2c%22Oid%22%3a%221a603d8d-1158-45c0-b331-"
       "b586e8bbf0aa%22%7d",
       JoinLinkShape::MeetupJoin, TeamsCloud::Global,
       "19:meeting_MjMzMjI5Y2UtOTg0ZS00MDAzLTkxODQtM2UzOWM2NDAxNGZa@thread.v2", "0",
       "1a603d8d-1158-45c0-b331-b586e8bbf0aa", "d8aac164-b245-4e76-bb74-4ce8054a03aa", nullptr, nullptr},
      {"channel", "microsoft-graph-comms-samples#101",
       "https://teams.microsoft.com/l/meetup-join/19%3a2d05e8c5daf34a88b821f43fee5cab00%40thread.skype/"
       "1562307724828?context=%7b%22Tid%22%3a%22d1fc15b9-204e-4b78-9faf-dac73e1b5400%22%2c%22Oid%22%3a%22e4f3f00e-"
       "54e6-43ae-b5ef-6df7e0365700%22%7d",
       JoinLinkShape::MeetupJoin, TeamsCloud::Global, "19:2d05e8c5daf34a88b821f43fee5cab00@thread.skype",
       "1562307724828", "e4f3f00e-54e6-43ae-b5ef-6df7e0365700", "d1fc15b9-204e-4b78-9faf-dac73e1b5400", nullptr,
       nullptr},
      {"hash", "microsoft-graph-comms-samples#69 (raw thread, half-encoded context, anon and deeplinkId)",
       "https://teams.microsoft.com/_#/l/meetup-join/19:fb9e9eec508b41f3a106fccdae1fc800@thread.skype/"
       "1559064739458?context=%7B%22Tid%22:%22dad97a0c-c63c-4d47-820c-0e24b6824200%22,%22Oid%22:%22ea1e52f3-9b41-"
       "4610-bbe7-8533adf2be00%22%7D&anon=true&deeplinkId=95183f13-d1da-421e-fb5a-007588ece400",
       JoinLinkShape::MeetupJoinHash, TeamsCloud::Global, "19:fb9e9eec508b41f3a106fccdae1fc800@thread.skype",
       "1559064739458", "ea1e52f3-9b41-4610-bbe7-8533adf2be00", "dad97a0c-c63c-4d47-820c-0e24b6824200", nullptr,
       nullptr},
      {"port-443", "IsmaelMartinez/teams-for-linux#1726 (presenter link: :443 and &pp=)",
       "https://teams.microsoft.com:443/l/meetup-join/19%3ameeting_NzQ0OTM5YzAtZmU2Ni00YTg5LWIxZTQtNWQ1N2ZmOGQ0Mzaa%"
       "40thread.v2/0?context=%7B%22Tid%22%3A%2279a788bf-86f1-41af-91ab-2d7cd011db47%22%2C%22Oid%22%3A%22d4a060b5-"
       "a8fc-450c-837b-6b0c2f4e1a00%22%7D&pp=zZq81x",
       JoinLinkShape::MeetupJoin, TeamsCloud::Global,
       "19:meeting_NzQ0OTM5YzAtZmU2Ni00YTg5LWIxZTQtNWQ1N2ZmOGQ0Mzaa@thread.v2", "0",
       "d4a060b5-a8fc-450c-837b-6b0c2f4e1a00", "79a788bf-86f1-41af-91ab-2d7cd011db47", nullptr, nullptr},
      {"raw-context", "microsoft-graph-comms-samples JoinInfo.cs (raw context with MessageId)",
       R"(https://teams.microsoft.com/l/meetup-join/19:cd9ce3da56624fe69c9d7cd026f91200@thread.skype/1509579179399?context={"Tid":"72f988bf-86f1-41af-91ab-2d7cd011db00","Oid":"550fae72-d251-43ec-868c-373732c27000","MessageId":"1536978844957"})",
       JoinLinkShape::MeetupJoin, TeamsCloud::Global, "19:cd9ce3da56624fe69c9d7cd026f91200@thread.skype",
       "1509579179399", "550fae72-d251-43ec-868c-373732c27000", "72f988bf-86f1-41af-91ab-2d7cd011db00", nullptr,
       nullptr},
      {"cloud-microsoft", "the teams.cloud.microsoft domain (link detectors in public repositories)",
       "https://teams.cloud.microsoft/l/meetup-join/"
       "19%3Ameeting_ZTg0YzAtOGVmZjQtNDAwMC04MDAwLTAwMDAwMDAwMDAwMA%40thread."
       "v2/0?context=%7B%22Tid%22%3A%2200a1b2c3-d4e5-4f60-8a9b-0c1d2e3f4a5b%22%2C%22Oid%22%3A%22b1c2d3e4-f5a6-4b7c-"
       "8d9e-0f1a2b3c4d5e%22%7D",
       JoinLinkShape::MeetupJoin, TeamsCloud::Global,
       "19:meeting_ZTg0YzAtOGVmZjQtNDAwMC04MDAwLTAwMDAwMDAwMDAwMA@thread.v2", "0",
       "b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e", "00a1b2c3-d4e5-4f60-8a9b-0c1d2e3f4a5b", nullptr, nullptr},
      {"live-event", "a Teams live event link (IsBroadcastMeeting, btype, role)",
       "https://teams.microsoft.com/l/meetup-join/"
       "19%3ameeting_ODE5M2UyY2MtZDMxZS00MTNkLWE1ZDItNzUyNDI4OWJlY2zz%40thread."
       "v2/0?context=%7b%22Tid%22%3a%22f7a17af6-1c5c-4a36-aa8b-f5be247aa400%22%2c%22Oid%22%3a%227e47b779-9638-4f49-"
       "b6ba-be9fda179100%22%2c%22IsBroadcastMeeting%22%3atrue%7d&btype=a&role=a",
       JoinLinkShape::MeetupJoin, TeamsCloud::Global,
       "19:meeting_ODE5M2UyY2MtZDMxZS00MTNkLWE1ZDItNzUyNDI4OWJlY2zz@thread.v2", "0",
       "7e47b779-9638-4f49-b6ba-be9fda179100", "f7a17af6-1c5c-4a36-aa8b-f5be247aa400", nullptr, nullptr},
      {"gcc-high", "a GCC High meeting (gov.teams.microsoft.us, 19:gcch:meeting_)",
       "https://gov.teams.microsoft.us/l/meetup-join/19%3agcch%3ameeting_1fa6f7bb9186450fa64a2f0c0c497100%40thread.v2/"
       "0?context=%7b%22Tid%22%3a%22b18f006c-b0fc-467d-b23a-a35b5695b500%22%2c%22Oid%22%3a%226bb34de0-3fc5-496b-bf75-"
       "8faac6ae6e00%22%7d",
       JoinLinkShape::MeetupJoin, TeamsCloud::UsGovGccHigh,
       "19:gcch:meeting_1fa6f7bb9186450fa64a2f0c0c497100@thread.v2", "0", "6bb34de0-3fc5-496b-bf75-8faac6ae6e00",
       "b18f006c-b0fc-467d-b23a-a35b5695b500", nullptr, nullptr},
      {"dod", "a DoD meeting (dod.teams.microsoft.us, 19:dod:meeting_)",
       "https://dod.teams.microsoft.us/l/meetup-join/19%3adod%3ameeting_027b8f8cd305438fbb0a76a1e7896d00%40thread.v2/0?"
       "context=%7b%22Tid%22%3a%22102d0191-eeae-4761-b1cb-1a83e86ef400%22%2c%22Oid%22%3a%2270ae69c4-ba53-4071-b60d-"
       "68a8b3218500%22%7d",
       JoinLinkShape::MeetupJoin, TeamsCloud::UsGovDod, "19:dod:meeting_027b8f8cd305438fbb0a76a1e7896d00@thread.v2",
       "0", "70ae69c4-ba53-4071-b60d-68a8b3218500", "102d0191-eeae-4761-b1cb-1a83e86ef400", nullptr, nullptr},
      {"launcher", "the web launcher around a meetup-join link (calendar invitations in public repositories)",
       "https://teams.microsoft.com/dl/launcher/launcher.html?url=%2F_%23%2Fl%2Fmeetup-join%2F19%3Ameeting_"
       "MTRmODhjMDMtYjI4My00MjY5LWJiNWYtNDVmNjQzMWJiNTZz%40thread.v2%2F0%3Fcontext%3D%257b%2522Tid%2522%253a%"
       "25221676489c-5c72-46b7-ba63-9ab90c4aad00%2522%252c%2522Oid%2522%253a%2522035f12ea-f596-4c69-886f-"
       "978131801400%2522%257d%26anon%3Dtrue&type=meetup-join&deeplinkId=cd77a2fc-c431-4278-b9aa-00000000aa00&"
       "directDl=true&msLaunch=true&enableMobilePage=true&suppressPrompt=true",
       JoinLinkShape::MeetupJoinHash, TeamsCloud::Global,
       "19:meeting_MTRmODhjMDMtYjI4My00MjY5LWJiNWYtNDVmNjQzMWJiNTZz@thread.v2", "0",
       "035f12ea-f596-4c69-886f-978131801400", "1676489c-5c72-46b7-ba63-9ab90c4aad00", nullptr, nullptr},
      {"launcher-tacv2", "the web launcher around a channel (tacv2) meeting",
       "https://teams.microsoft.com/dl/launcher/launcher.html?url=%2F_%23%2Fl%2Fmeetup-join%2F19%"
       "3A89eae9fa2a0847768eff96ceaf344900%40thread.tacv2%2F1617653046624%3Fcontext%3D%257b%2522Tid%2522%253a%"
       "2522a6de9407-2d24-407d-81e6-941b053c3000%2522%252c%2522Oid%2522%253a%25228352aef6-dbd6-40aa-8112-"
       "a592d5682c00%2522%257d%26anon%3Dtrue&type=meetup-join&deeplinkId=9d1427d8-e290-42f3-a272-ca7b96000000",
       JoinLinkShape::MeetupJoinHash, TeamsCloud::Global, "19:89eae9fa2a0847768eff96ceaf344900@thread.tacv2",
       "1617653046624", "8352aef6-dbd6-40aa-8112-a592d5682c00", "a6de9407-2d24-407d-81e6-941b053c3000", nullptr,
       nullptr},
      {"safe-links", "an Outlook Safe Links URL around a meetup-join link (public repositories)",
       "https://eur02.safelinks.protection.outlook.com/ap/t-59584e83/?url=https%3A%2F%2Fteams.microsoft.com%2Fl%"
       "2Fmeetup-join%2F19%253ameeting_NDUzNTI4ZTMtNDYzMS00N2U2LWJjMmUtOGZlMmViNjExZTzz%2540thread.v2%2F0%3Fcontext%"
       "3D%257b%2522Tid%2522%253a%25229c9bcd11-977a-4e9c-a9a0-bc734090160a%2522%252c%2522Oid%2522%253a%25221e7b4c3d-"
       "880e-41fd-8c49-e1fcd9c08500%2522%257d&data=02%7C01%7C%7Cabc%7C0&sdata=xyz%3D&reserved=0",
       JoinLinkShape::MeetupJoin, TeamsCloud::Global,
       "19:meeting_NDUzNTI4ZTMtNDYzMS00N2U2LWJjMmUtOGZlMmViNjExZTzz@thread.v2", "0",
       "1e7b4c3d-880e-41fd-8c49-e1fcd9c08500", "9c9bcd11-977a-4e9c-a9a0-bc734090160a", nullptr, nullptr},
      {"short", "microsoft-graph-comms-samples#829, #847, PR #858",
       "https://teams.microsoft.com/meet/2414128301200?p=NzhDLMLT8b07DrkwXY", JoinLinkShape::MeetId, TeamsCloud::Global,
       nullptr, nullptr, nullptr, nullptr, "2414128301200", "NzhDLMLT8b07DrkwXY"},
      {"short-launcher", "Meeting-BaaS/meet-teams-bot#210 (the short link's redirect target)",
       "https://teams.microsoft.com/dl/launcher/"
       "launcher.html?url=%2F_%23%2Fmeet%2F2345678901200%3Fp%3DAbCdEf123%26anon%"
       "3Dtrue&type=meet&deeplinkId=2515&directDl=true&msLaunch=true&enableMobilePage=true",
       JoinLinkShape::MeetIdHash, TeamsCloud::Global, nullptr, nullptr, nullptr, nullptr, "2345678901200", "AbCdEf123"},
      {"short-gov", "a short link on the GCC High host", "https://gov.teams.microsoft.us/meet/2468013579100?p=Ab12Cd34",
       JoinLinkShape::MeetId, TeamsCloud::UsGovGccHigh, nullptr, nullptr, nullptr, nullptr, "2468013579100",
       "Ab12Cd34"},
  };
  return list;
}

auto opt(const char *s) -> std::optional<std::string> {
  return s == nullptr ? std::nullopt : std::optional(std::string(s));
}

TEST(JoinUrl, EveryShapeSeenInPublicThreads) {
  for (const Shape &s : shapes()) {
    SCOPED_TRACE(std::string(s.name) + ": " + s.source);
    const JoinUrlResult r = parse_join_url(s.url);
    ASSERT_TRUE(r) << to_string(r.error());
    EXPECT_EQ(r->shape, s.shape);
    EXPECT_EQ(r->cloud, s.cloud);
    EXPECT_EQ(r->thread_id, opt(s.thread));
    EXPECT_EQ(r->message_id, opt(s.message));
    EXPECT_EQ(r->organizer_id, opt(s.organizer));
    EXPECT_EQ(r->tenant_id, opt(s.tenant));
    EXPECT_EQ(r->join_meeting_id, opt(s.meeting_id));
    EXPECT_EQ(r->passcode, opt(s.passcode));
    EXPECT_EQ(r->joins_by_meeting_id(), s.meeting_id != nullptr);
  }
}

TEST(JoinUrl, WrappersAndContextExtrasAreRecorded) {
  auto find = [](const char *name) -> const Shape & {
    for (const Shape &s : shapes()) {
      if (std::string(s.name) == name) return s;
    }
    throw std::runtime_error(name);
  };
  EXPECT_TRUE(parse_join_url(find("safe-links").url)->from_safe_links);
  EXPECT_FALSE(parse_join_url(find("safe-links").url)->from_launcher);
  EXPECT_TRUE(parse_join_url(find("launcher").url)->from_launcher);
  EXPECT_TRUE(parse_join_url(find("short-launcher").url)->from_launcher);
  EXPECT_FALSE(parse_join_url(find("scheduled").url)->from_launcher);
  EXPECT_TRUE(parse_join_url(find("live-event").url)->broadcast);
  EXPECT_FALSE(parse_join_url(find("scheduled").url)->broadcast);
  EXPECT_EQ(parse_join_url(find("raw-context").url)->reply_chain_message_id, "1536978844957");
  EXPECT_EQ(parse_join_url(find("scheduled").url)->reply_chain_message_id, std::nullopt);
  EXPECT_EQ(parse_join_url(find("port-443").url)->host, "teams.microsoft.com");
  EXPECT_EQ(parse_join_url(find("cloud-microsoft").url)->host, "teams.cloud.microsoft");
}

TEST(JoinUrl, SurroundingBlanksAndCaseOfSchemeAndHostDoNotMatter) {
  const std::string url = shapes().front().url;
  EXPECT_TRUE(parse_join_url("  \t" + url + "\r\n"));
  std::string upper = url;
  for (std::size_t i = 0; i < std::string("https://teams.microsoft.com").size(); ++i) {
    upper[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(upper[i])));
  }
  const JoinUrlResult r = parse_join_url(upper);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->host, "teams.microsoft.com");
}

TEST(JoinUrl, ShortLinkWithoutPasscode) {
  const JoinUrlResult r = parse_join_url("https://teams.microsoft.com/meet/2414128301200");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->join_meeting_id, "2414128301200");
  EXPECT_EQ(r->passcode, std::nullopt);
}

const char *const kThread = "19%3ameeting_Win6Ydo4wsMijFjZS00ZGVjLTk5MGUtOTRjNWY2NmNkYTFm%40thread.v2";
const char *const kContext =
    "%7b%22Tid%22%3a%22aa67bd4c-8475-432d-bd41-39f255720e0a%22%2c%22Oid%22%3a%225810cede-f3cc-42eb-b2c1-"
    "e9bd5d53ec96%22%7d";

auto long_link(const std::string &thread, const std::string &message, const std::string &query) -> std::string {
  return "https://teams.microsoft.com/l/meetup-join/" + thread + "/" + message + (query.empty() ? "" : "?" + query);
}

auto with_context(const std::string &context) -> std::string { return long_link(kThread, "0", "context=" + context); }

TEST(JoinUrl, EveryRefusalHasItsError) {
  const std::string guid_t = "aa67bd4c-8475-432d-bd41-39f255720e0a";
  const std::string guid_o = "5810cede-f3cc-42eb-b2c1-e9bd5d53ec96";
  const std::vector<std::pair<std::string, JoinUrlError>> cases{
      {"", JoinUrlError::Empty},
      {" \t\r\n", JoinUrlError::Empty},
      {std::string(kMaxJoinUrlBytes + 1, 'a'), JoinUrlError::TooLong},
      // microsoft-graph-comms-samples#805: "Join URL cannot be parsed".
      {"https://teams.live.com/meet/9322118196600?p=vgDyYU2qScCdH9wJXY", JoinUrlError::ConsumerLink},
      {"https://teams.live.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0", JoinUrlError::ConsumerLink},
      {"https://teams.microsoftonline.cn/l/meetup-join/" + std::string(kThread) + "/0?context=" + kContext,
       JoinUrlError::UnsupportedCloud},
      {"http://teams.microsoft.com/l/meetup-join/" + std::string(kThread) + "/0?context=" + kContext,
       JoinUrlError::NotHttps},
      {"msteams:/l/meetup-join/" + std::string(kThread) + "/0?context=" + kContext, JoinUrlError::NotHttps},
      {"teams.microsoft.com/l/meetup-join/" + std::string(kThread) + "/0?context=" + kContext, JoinUrlError::NotHttps},
      {"https://teams.microsoft.com@evil.example/l/meetup-join/" + std::string(kThread) + "/0?context=" + kContext,
       JoinUrlError::MalformedUrl},
      {"https://teams.microsoft.com:8443/l/meetup-join/" + std::string(kThread) + "/0?context=" + kContext,
       JoinUrlError::MalformedUrl},
      {"https:///l/meetup-join/" + std::string(kThread) + "/0", JoinUrlError::MalformedUrl},
      {"https://teams.microsoft.com.evil.example/l/meetup-join/" + std::string(kThread) + "/0?context=" + kContext,
       JoinUrlError::UnknownHost},
      {"https://teams.microsoft.us/l/meetup-join/" + std::string(kThread) + "/0?context=" + kContext,
       JoinUrlError::UnknownHost},
      {"https://zoom.us/j/123456789?pwd=abc", JoinUrlError::UnknownHost},
      {"https://teams.microsoft.com/l/channel/19%3Aabc%40thread.tacv2/General?groupId=x", JoinUrlError::UnknownShape},
      {"https://teams.cloud.microsoft/v2/?meetingjoin=true", JoinUrlError::UnknownShape},
      {"https://teams.microsoft.com/", JoinUrlError::UnknownShape},
      {long_link(kThread, "0/extra", std::string("context=") + kContext), JoinUrlError::UnknownShape},
      // Percent-encoding: '%' without two hex digits, anywhere it is decoded.
      {long_link("19%3ameeting_abc%4", "0", std::string("context=") + kContext),
       JoinUrlError::MalformedPercentEncoding},
      {long_link("19%zzmeeting_abc%40thread.v2", "0", std::string("context=") + kContext),
       JoinUrlError::MalformedPercentEncoding},
      {with_context("%7b%22Tid%22%3a%"), JoinUrlError::MalformedPercentEncoding},
      {"https://teams.microsoft.com/meet/2414128301200?p=abc%2", JoinUrlError::MalformedPercentEncoding},
      // Decoded bytes that no id can hold.
      {long_link("19%3ameeting_abc%0a%40thread.v2", "0", std::string("context=") + kContext),
       JoinUrlError::InvalidCharacter},
      {long_link("19%3ameeting_%C3%A9%40thread.v2", "0", std::string("context=") + kContext),
       JoinUrlError::InvalidCharacter},
      {long_link("19%3ameeting_abc%00%40thread.v2", "0", std::string("context=") + kContext),
       JoinUrlError::InvalidCharacter},
      {"https://teams.microsoft.com/meet/2414128301200?p=a%20b", JoinUrlError::InvalidPasscode},
      // Raw bytes: blanks inside, controls, non-ASCII.
      {"https://teams.microsoft.com/l/meetup-join/19:meeting abc@thread.v2/0", JoinUrlError::InvalidCharacter},
      {"https://teams.microsoft.com/l/meetup-join/19:meeting\x01"
       "abc@thread.v2/0",
       JoinUrlError::InvalidCharacter},
      {"https://teams.microsoft.com/l/meetup-join/19:m\xc3\xa9@thread.v2/0", JoinUrlError::InvalidCharacter},
      // microsoft-graph-comms-samples#558: the context's ids replaced by placeholders.
      {with_context("%7b%22Tid%22{{tid goes here}}Oid%22%3a{{oid goes here}}"), JoinUrlError::InvalidCharacter},
      {with_context("%7b%22Tid%22{{tid}}Oid%22%3a{{oid}}"), JoinUrlError::ContextNotJson},
      {long_link(kThread, "0", ""), JoinUrlError::MissingContext},
      {long_link(kThread, "0", "anon=true"), JoinUrlError::MissingContext},
      {long_link(kThread, "0", "context="), JoinUrlError::MissingContext},
      {with_context("42"), JoinUrlError::ContextNotJson},
      {with_context("%5b%5d"), JoinUrlError::ContextNotJson},
      {with_context("{\"Tid\":\"" + guid_t + "\""), JoinUrlError::ContextNotJson},
      {with_context("{\"Tid\":\"" + guid_t + "\",\"Tid\":\"" + guid_o + "\",\"Oid\":\"" + guid_o + "\"}"),
       JoinUrlError::ContextNotJson},
      {with_context("{\"Tid\":[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]}"), JoinUrlError::ContextNotJson},
      {with_context("{\"Tid\":\"" + guid_t + "\",\"Oid\":\"" + guid_o + "\"}trailing"), JoinUrlError::ContextNotJson},
      {with_context("{\"Oid\":\"" + guid_o + "\"}"), JoinUrlError::MissingTenant},
      {with_context("{\"tid\":\"" + guid_t + "\",\"Oid\":\"" + guid_o + "\"}"), JoinUrlError::MissingTenant},
      {with_context("{\"Tid\":\"" + guid_t + "\"}"), JoinUrlError::MissingOrganizer},
      {with_context("{\"Tid\":\"tenant-id\",\"Oid\":\"" + guid_o + "\"}"), JoinUrlError::InvalidTenantId},
      {with_context("{\"Tid\":42,\"Oid\":\"" + guid_o + "\"}"), JoinUrlError::InvalidTenantId},
      {with_context("{\"Tid\":\"" + guid_t + "\",\"Oid\":\"xxxxxxx\"}"), JoinUrlError::InvalidOrganizerId},
      {with_context("{\"Tid\":\"" + guid_t + "\",\"Oid\":\"" + guid_o + "\",\"MessageId\":\"abc\"}"),
       JoinUrlError::InvalidMessageId},
      {long_link("meeting_abc%40thread.v2", "0", std::string("context=") + kContext), JoinUrlError::InvalidThreadId},
      {long_link("19%3ameeting_abc", "0", std::string("context=") + kContext), JoinUrlError::InvalidThreadId},
      {long_link("19%3a%40thread.v2", "0", std::string("context=") + kContext), JoinUrlError::InvalidThreadId},
      {long_link(kThread, "abc", std::string("context=") + kContext), JoinUrlError::InvalidMessageId},
      {long_link(kThread, "", std::string("context=") + kContext), JoinUrlError::InvalidMessageId},
      {"https://teams.microsoft.com/l/meetup-join/" + std::string(kThread) + "?context=" + kContext,
       JoinUrlError::InvalidMessageId},
      {long_link(kThread, "0", std::string("context=") + kContext + "&context=" + kContext),
       JoinUrlError::DuplicateParameter},
      {"https://teams.microsoft.com/meet/abcdefgh?p=x1", JoinUrlError::InvalidMeetingId},
      {"https://teams.microsoft.com/meet/12345?p=x1", JoinUrlError::InvalidMeetingId},
      {"https://teams.microsoft.com/meet/123456789012345678901?p=x1", JoinUrlError::InvalidMeetingId},
      {"https://teams.microsoft.com/meet/2414128301200/?p=x1", JoinUrlError::UnknownShape},
      {"https://teams.microsoft.com/meet/2414128301200?p=", JoinUrlError::InvalidPasscode},
      {"https://teams.microsoft.com/meet/2414128301200?p=" + std::string(65, 'a'), JoinUrlError::InvalidPasscode},
      {"https://teams.microsoft.com/meet/2414128301200?p=a1&p=b2", JoinUrlError::DuplicateParameter},
      // Wrappers that wrap nothing usable, or another wrapper.
      {"https://nam12.safelinks.protection.outlook.com/?data=05", JoinUrlError::NestedWrapper},
      {"https://nam12.safelinks.protection.outlook.com/?url=https%3A%2F%2Fnam12.safelinks.protection.outlook.com%2F%"
       "3Furl%3Dx",
       JoinUrlError::NestedWrapper},
      {"https://nam12.safelinks.protection.outlook.com/?url=https%3A%2F%2Fteams.live.com%2Fmeet%2F9322118196600",
       JoinUrlError::ConsumerLink},
      {"https://nam12.safelinks.protection.outlook.com/?url=a&url=b", JoinUrlError::DuplicateParameter},
      {"https://teams.microsoft.com/dl/launcher/launcher.html?type=meetup-join", JoinUrlError::NestedWrapper},
      {"https://teams.microsoft.com/dl/launcher/launcher.html?url=https%3A%2F%2Fevil.example%2F",
       JoinUrlError::NestedWrapper},
      {"https://teams.microsoft.com/dl/launcher/launcher.html?url=%2F%2Fevil.example%2F", JoinUrlError::NestedWrapper},
      {"https://teams.microsoft.com/dl/launcher/launcher.html?url=%2Fdl%2Flauncher%2Flauncher.html%3Furl%3D%252F_%"
       "2523%252Fmeet%252F2414128301200",
       JoinUrlError::NestedWrapper},
      {"https://teams.microsoft.com/dl/launcher/launcher.html?url=%2F_%23%2Fl%2Fchat%2F0%2F0",
       JoinUrlError::UnknownShape},
  };
  std::set<JoinUrlError> seen;
  for (const auto &[url, expected] : cases) {
    const JoinUrlResult r = parse_join_url(url);
    ASSERT_FALSE(r) << url.substr(0, 200);
    EXPECT_EQ(r.error(), expected) << url.substr(0, 200) << "\n  got: " << to_string(r.error());
    seen.insert(r.error());
  }
  // Every error value is reachable from some link.
  for (int e = 0; e <= static_cast<int>(JoinUrlError::InvalidPasscode); ++e) {
    EXPECT_EQ(seen.count(static_cast<JoinUrlError>(e)), 1U) << to_string(static_cast<JoinUrlError>(e));
  }
}

TEST(JoinUrl, MessagesAreOneLineAndNeverQuoteTheLink) {
  const std::string secret = "https://teams.microsoft.com/meet/2414128301200?p=Secret%20Passcode";
  const JoinUrlResult r = parse_join_url(secret);
  ASSERT_FALSE(r);
  for (int e = 0; e <= static_cast<int>(JoinUrlError::InvalidPasscode); ++e) {
    const auto error = static_cast<JoinUrlError>(e);
    for (std::string_view text : {to_string(error), join_url_help(error)}) {
      EXPECT_FALSE(text.empty());
      EXPECT_EQ(text.find('\n'), std::string_view::npos);
      EXPECT_NE(text.back(), '.');
      EXPECT_EQ(text.find("Secret"), std::string_view::npos);
    }
  }
}

TEST(JoinUrl, LengthLimitIsABoundaryPair) {
  const std::string base = shapes().front().url + "&pad=";
  const std::string at_limit = base + std::string(kMaxJoinUrlBytes - base.size(), 'x');
  ASSERT_EQ(at_limit.size(), kMaxJoinUrlBytes);
  EXPECT_TRUE(parse_join_url(at_limit));
  EXPECT_EQ(parse_join_url(at_limit + "x").error(), JoinUrlError::TooLong);
}

TEST(JoinUrl, HostileInputIsRefusedQuicklyOnASmallStack) {
  const std::vector<std::string> hostile{
      std::string(kMaxJoinUrlBytes, '%'),
      "https://teams.microsoft.com/l/meetup-join/" + std::string(kMaxJoinUrlBytes - 60, '/'),
      with_context(std::string(4000, '[')),
      with_context("%7b" + std::string(2000, '"') + "%7d"),
      long_link(kThread, "0", std::string(kMaxJoinUrlBytes - 200, '&')),
      long_link(kThread, "0", "context=" + std::string(kMaxJoinUrlBytes - 200, '%')),
      "https://teams.microsoft.com/dl/launcher/launcher.html?url=" + std::string(kMaxJoinUrlBytes - 80, 'A'),
      "https://x.safelinks.protection.outlook.com/?url=" + std::string(kMaxJoinUrlBytes - 60, '%'),
      std::string("https://teams.microsoft.com/meet/") + std::string(kMaxJoinUrlBytes - 40, '9'),
  };
  test::run_on_small_stack([&] {
    const double start = test::thread_cpu_seconds();
    for (int round = 0; round < 50; ++round) {
      for (const std::string &url : hostile) EXPECT_FALSE(parse_join_url(url)) << url.substr(0, 80);
    }
    // 450 hostile links, each at most 16 KiB, read in linear time.
    EXPECT_LT(test::thread_cpu_seconds() - start, 5.0);
  });
}

TEST(JoinUrl, AllBytesAtEveryPositionNeverCrash) {
  // Each single-byte mutation of a valid link either parses or is refused.
  const std::string url = shapes()[2].url;
  for (std::size_t i = 0; i < url.size(); i += 3) {
    for (int b = 0; b < 256; b += 7) {
      std::string mutated = url;
      mutated[i] = static_cast<char>(b);
      const JoinUrlResult r = parse_join_url(mutated);
      if (r) {
        EXPECT_TRUE(r->thread_id.has_value() || r->join_meeting_id.has_value());
      } else {
        EXPECT_FALSE(to_string(r.error()).empty());
      }
    }
  }
}

// ---- body_for_join_url ------------------------------------------------------

auto codes_of(const Report &report) -> std::set<std::string> {
  std::set<std::string> out;
  for (const Diagnostic &d : report.diagnostics) out.insert(d.code);
  return out;
}

auto body_of(const std::string &url, JoinBodyOptions options) -> JoinBody {
  const JoinUrlResult link = parse_join_url(url);
  EXPECT_TRUE(link);
  const JoinBodyResult body = body_for_join_url(*link, options);
  EXPECT_TRUE(body) << to_string(body.error());
  return *body;
}

TEST(JoinBody, RoundTripEveryShapeIsCleanAndMatchesItsLink) {
  for (const Shape &s : shapes()) {
    SCOPED_TRACE(s.name);
    JoinBodyOptions options;
    options.callback_uri = "https://bot.contoso.com/api/calls";
    if (s.meeting_id != nullptr) options.tenant = "aa67bd4c-8475-432d-bd41-39f255720e0a";
    const JoinBody body = body_of(s.url, options);
    EXPECT_TRUE(body.placeholders.empty());
    for (ApiVersion api : {ApiVersion::V1, ApiVersion::Beta}) {
      Options check_options;
      check_options.api = api;
      check_options.join_url = s.url;
      check_options.token_tenant = s.tenant != nullptr ? s.tenant : "aa67bd4c-8475-432d-bd41-39f255720e0a";
      const Report report = check(body.text, "join.json", check_options);
      for (const Diagnostic &d : report.diagnostics) ADD_FAILURE() << d.code << " " << d.pointer << " " << d.message;
      EXPECT_EQ(report.scenario.kind, s.meeting_id != nullptr ? CallKind::JoinMeetingById : CallKind::JoinMeeting);
    }
  }
}

TEST(JoinBody, LongLinkBodyIsTheDocumentedJoinShape) {
  JoinBodyOptions options;
  options.callback_uri = "https://bot.contoso.com/callback";
  const JoinBody body = body_of(long_link(kThread, "0", std::string("context=") + kContext), options);
  const detail::Document doc = detail::Document::parse(body.text, Limits{});
  ASSERT_TRUE(doc.has_dom());
  EXPECT_TRUE(doc.findings().empty());
  auto text = [&](const char *pointer) -> std::string {
    const detail::Value *v = doc.find(pointer);
    return v != nullptr && v->IsString() ? std::string(v->GetString(), v->GetStringLength()) : "<absent>";
  };
  EXPECT_EQ(text("/callbackUri"), "https://bot.contoso.com/callback");
  EXPECT_EQ(text("/chatInfo/threadId"), "19:meeting_Win6Ydo4wsMijFjZS00ZGVjLTk5MGUtOTRjNWY2NmNkYTFm@thread.v2");
  EXPECT_EQ(text("/chatInfo/messageId"), "0");
  EXPECT_EQ(text("/meetingInfo/@odata.type"), "#microsoft.graph.organizerMeetingInfo");
  EXPECT_EQ(text("/meetingInfo/organizer/user/id"), "5810cede-f3cc-42eb-b2c1-e9bd5d53ec96");
  EXPECT_EQ(text("/meetingInfo/organizer/user/tenantId"), "aa67bd4c-8475-432d-bd41-39f255720e0a");
  EXPECT_EQ(text("/tenantId"), "aa67bd4c-8475-432d-bd41-39f255720e0a");
  EXPECT_EQ(text("/mediaConfig/@odata.type"), "#microsoft.graph.serviceHostedMediaConfig");
  EXPECT_EQ(doc.find("/chatInfo/replyChainMessageId"), nullptr);
  EXPECT_EQ(body.request_line, "POST https://graph.microsoft.com/v1.0/communications/calls");
  EXPECT_EQ(body.text.back(), '\n');
}

TEST(JoinBody, ShortLinkHasNoChatInfoAndATenantPlaceholder) {
  const JoinBody body = body_of("https://teams.microsoft.com/meet/2414128301200?p=NzhDLMLT8b07DrkwXY", {});
  const detail::Document doc = detail::Document::parse(body.text, Limits{});
  ASSERT_TRUE(doc.has_dom());
  EXPECT_EQ(doc.find("/chatInfo"), nullptr);  // CC213: chatInfo does not go with joinMeetingId
  ASSERT_EQ(body.placeholders.size(), 2U);
  EXPECT_EQ(body.placeholders[0].pointer, "/callbackUri");
  EXPECT_EQ(body.placeholders[1].pointer, "/tenantId");
  // Each placeholder is one that check() reports (CC204), so an unfinished body never passes.
  const Report report = check(body.text, "join.json", Options{});
  std::set<std::string> reported;
  for (const Diagnostic &d : report.diagnostics) {
    if (d.code == "CC204") reported.insert(d.pointer);
  }
  EXPECT_EQ(reported, (std::set<std::string>{"/callbackUri", "/tenantId"}));
}

TEST(JoinBody, ShortLinkWithoutPasscodeSendsNullAndSaysSo) {
  JoinBodyOptions options;
  options.tenant = "aa67bd4c-8475-432d-bd41-39f255720e0a";
  options.callback_uri = "https://bot.contoso.com/callback";
  const JoinBody body = body_of("https://teams.microsoft.com/meet/2414128301200", options);
  EXPECT_NE(body.text.find("\"passcode\": null"), std::string::npos);
  ASSERT_EQ(body.notes.size(), 1U);
  EXPECT_NE(body.notes[0].find("passcode"), std::string::npos);
}

TEST(JoinBody, AppHostedMediaLeavesTheBlobPlaceholder) {
  JoinBodyOptions options;
  options.callback_uri = "https://bot.contoso.com/callback";
  options.media = JoinMedia::AppHosted;
  const JoinBody body = body_of(long_link(kThread, "0", std::string("context=") + kContext), options);
  ASSERT_EQ(body.placeholders.size(), 1U);
  EXPECT_EQ(body.placeholders[0].pointer, "/mediaConfig/blob");
  const Report report = check(body.text, "join.json", Options{});
  EXPECT_EQ(report.scenario.media, MediaHosting::AppHosted);
  EXPECT_EQ(codes_of(report).count("CC204"), 1U);
}

TEST(JoinBody, CloudsSafeLinksAndLiveEventsGiveNotesAndEndpoints) {
  for (const Shape &s : shapes()) {
    JoinBodyOptions options;
    options.api = ApiVersion::Beta;
    options.tenant = s.tenant != nullptr ? s.tenant : "aa67bd4c-8475-432d-bd41-39f255720e0a";
    const JoinBody body = body_of(s.url, options);
    const std::string host(graph_host(s.cloud));
    EXPECT_EQ(body.request_line, "POST https://" + host + "/beta/communications/calls") << s.name;
    bool endpoint_note = false;
    for (const std::string &n : body.notes) endpoint_note = endpoint_note || n.find(host) != std::string::npos;
    EXPECT_EQ(endpoint_note, s.cloud != TeamsCloud::Global) << s.name;
  }
  EXPECT_EQ(graph_host(TeamsCloud::UsGovDod), "dod-graph.microsoft.us");
}

TEST(JoinBody, OptionErrors) {
  const JoinUrlResult link = parse_join_url(long_link(kThread, "0", std::string("context=") + kContext));
  ASSERT_TRUE(link);
  auto error_of = [&](JoinBodyOptions o) { return body_for_join_url(*link, o).error(); };
  JoinBodyOptions o;
  o.callback_uri = "http://bot.contoso.com/callback";
  EXPECT_EQ(error_of(o), JoinBodyError::InvalidCallbackUri);
  o.callback_uri = "https:///callback";
  EXPECT_EQ(error_of(o), JoinBodyError::InvalidCallbackUri);
  o.callback_uri = "https://bot.contoso.com/call back";
  EXPECT_EQ(error_of(o), JoinBodyError::InvalidCallbackUri);
  o.callback_uri.reset();
  o.tenant = "contoso.onmicrosoft.com";
  EXPECT_EQ(error_of(o), JoinBodyError::InvalidTenant);
  o.tenant = "97009a52-97e9-4290-8f2c-a8ac8925d978";
  EXPECT_EQ(error_of(o), JoinBodyError::TenantConflict);
  o.tenant = "AA67BD4C-8475-432D-BD41-39F255720E0A";  // the link's, in upper case
  EXPECT_TRUE(body_for_join_url(*link, o));
  JoinUrlFacts hand_made;
  EXPECT_EQ(body_for_join_url(hand_made, {}).error(), JoinBodyError::IncompleteFacts);
  hand_made.shape = JoinLinkShape::MeetId;
  EXPECT_EQ(body_for_join_url(hand_made, {}).error(), JoinBodyError::IncompleteFacts);
  for (JoinBodyError e : {JoinBodyError::InvalidCallbackUri, JoinBodyError::InvalidTenant,
                          JoinBodyError::TenantConflict, JoinBodyError::IncompleteFacts}) {
    EXPECT_FALSE(to_string(e).empty());
  }
}

TEST(JoinBody, SameLinkSameBytes) {
  JoinBodyOptions options;
  options.callback_uri = "https://bot.contoso.com/callback";
  const std::string a = body_of(shapes()[1].url, options).text;
  const std::string b = body_of(shapes()[1].url, options).text;
  EXPECT_EQ(a, b);
}

TEST(JoinUrl, ResultReadsTheWrongSideAsABug) {
  const JoinUrlResult bad = parse_join_url("");
  EXPECT_THROW((void)bad.value(), std::bad_variant_access);
  const JoinUrlResult good = parse_join_url(shapes()[0].url);
  EXPECT_THROW((void)good.error(), std::bad_variant_access);
}

}  // namespace
}  // namespace callcheck
