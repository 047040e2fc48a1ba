// body_for_join_url: the create-call body that joins the meeting of a link.
//
// The shapes follow the create-call page's join examples (GRAPH.md 2.1):
// long links give chatInfo + organizerMeetingInfo with the organizer's tenant
// on the organizer and on the call, as the comms samples do
// (JoinInfo.ParseJoinURL, then JoinMeetingParameters.TenantId from the
// organizer); short links give joinMeetingIdMeetingInfo and no chatInfo
// (comms-samples#829, PR #858; CC213). Only what the caller must supply and
// did not is left as a placeholder, each one listed.
#include "document/rapidjson_adapter.h"

#include <callcheck/join.h>

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>    // std::min
#include <string>       // std::string
#include <string_view>  // std::string_view

#include <fmt/format.h>

namespace callcheck {
namespace {

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

constexpr std::string_view kCallbackPlaceholder = "<callback-uri>";
constexpr std::string_view kBlobPlaceholder = "<Media Session Configuration>";  // the create-call page's own
constexpr std::string_view kTenantPlaceholder = "<tenant-id>";

auto lower_char(char c) -> char { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

auto iequals(std::string_view a, std::string_view b) -> bool {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower_char(a[i]) != lower_char(b[i])) return false;
  }
  return true;
}

auto is_guid(std::string_view text) -> bool {
  if (text.size() != 36) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    const bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    if (dash ? c != '-' : !hex) return false;
  }
  return true;
}

// An absolute https URL of printable ASCII with a host (CC202's contract).
auto is_callback_uri(std::string_view uri) -> bool {
  constexpr std::string_view kScheme = "https://";
  if (uri.size() <= kScheme.size() || !iequals(uri.substr(0, kScheme.size()), kScheme)) return false;
  for (const char c : uri) {
    if (c <= 0x20 || c >= 0x7f) return false;
  }
  const std::string_view rest = uri.substr(kScheme.size());
  std::string_view authority = rest.substr(0, std::min(rest.find_first_of("/?#"), rest.size()));
  if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos) authority.remove_prefix(at + 1);
  return !authority.empty() && authority.front() != ':';
}

void key(Writer &w, std::string_view k) { w.Key(k.data(), static_cast<rapidjson::SizeType>(k.size())); }
void string(Writer &w, std::string_view s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }
void member(Writer &w, std::string_view k, std::string_view v) {
  key(w, k);
  string(w, v);
}

}  // namespace

auto to_string(JoinBodyError error) -> std::string_view {
  switch (error) {
    case JoinBodyError::InvalidCallbackUri: return "the callback URI is not an absolute https URL";
    case JoinBodyError::InvalidTenant: return "the tenant is not a GUID";
    case JoinBodyError::IncompleteFacts:
      return "the facts lack the thread, message, organizer or tenant of a long link, or the id of a short one";
    case JoinBodyError::TenantConflict:
      return "the tenant differs from the link's Tid; a join is created in the organizer's tenant, which the link "
             "names";
  }
  return "the join body cannot be built";
}

auto body_for_join_url(const JoinUrlFacts &facts, const JoinBodyOptions &options) -> JoinBodyResult {
  if (options.callback_uri && !is_callback_uri(*options.callback_uri)) return JoinBodyError::InvalidCallbackUri;
  if (options.tenant && !is_guid(*options.tenant)) return JoinBodyError::InvalidTenant;
  const bool by_id = facts.joins_by_meeting_id();
  // Facts assembled by hand may lack what parse_join_url always fills.
  if (by_id ? !facts.join_meeting_id
            : !facts.thread_id || !facts.message_id || !facts.organizer_id || !facts.tenant_id) {
    return JoinBodyError::IncompleteFacts;
  }
  if (!by_id && options.tenant && !iequals(*options.tenant, *facts.tenant_id)) return JoinBodyError::TenantConflict;

  JoinBody out;
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.SetIndent(' ', 2);
  w.StartObject();
  member(w, "@odata.type", "#microsoft.graph.call");
  if (options.callback_uri) {
    member(w, "callbackUri", *options.callback_uri);
  } else {
    member(w, "callbackUri", kCallbackPlaceholder);
    out.placeholders.push_back({"/callbackUri", "the bot's https notification URL"});
  }
  key(w, "requestedModalities");
  w.StartArray();
  string(w, "audio");
  w.EndArray();
  key(w, "mediaConfig");
  w.StartObject();
  if (options.media == JoinMedia::AppHosted) {
    member(w, "@odata.type", "#microsoft.graph.appHostedMediaConfig");
    member(w, "blob", kBlobPlaceholder);
    out.placeholders.push_back(
        {"/mediaConfig/blob", "the media session configuration serialized by the real-time media SDK at run time"});
  } else {
    member(w, "@odata.type", "#microsoft.graph.serviceHostedMediaConfig");
  }
  w.EndObject();

  std::string tenant;
  if (by_id) {
    key(w, "meetingInfo");
    w.StartObject();
    member(w, "@odata.type", "#microsoft.graph.joinMeetingIdMeetingInfo");
    member(w, "joinMeetingId", *facts.join_meeting_id);
    key(w, "passcode");
    if (facts.passcode) {
      string(w, *facts.passcode);
    } else {
      w.Null();
      out.notes.emplace_back(
          "the link has no passcode (p=), so the body sends \"passcode\": null, which only meetings without a "
          "passcode accept");
    }
    w.EndObject();
    tenant = options.tenant.value_or(std::string(kTenantPlaceholder));
  } else {
    key(w, "chatInfo");
    w.StartObject();
    member(w, "@odata.type", "#microsoft.graph.chatInfo");
    member(w, "threadId", *facts.thread_id);
    member(w, "messageId", *facts.message_id);
    if (facts.reply_chain_message_id) member(w, "replyChainMessageId", *facts.reply_chain_message_id);
    w.EndObject();
    key(w, "meetingInfo");
    w.StartObject();
    member(w, "@odata.type", "#microsoft.graph.organizerMeetingInfo");
    key(w, "organizer");
    w.StartObject();
    member(w, "@odata.type", "#microsoft.graph.identitySet");
    key(w, "user");
    w.StartObject();
    member(w, "@odata.type", "#microsoft.graph.identity");
    member(w, "id", *facts.organizer_id);
    member(w, "tenantId", *facts.tenant_id);
    w.EndObject();
    w.EndObject();
    w.EndObject();
    tenant = *facts.tenant_id;
  }
  // The call's tenant: without it the service answers 7505 "Request
  // authorization tenant mismatch" (microsoft-graph-docs#9481, PR #9496).
  member(w, "tenantId", tenant);
  if (by_id && !options.tenant) {
    out.placeholders.push_back(
        {"/tenantId",
         "the tenant the call is created in (the tid of the bot's token), which short links do not carry"});
  }
  w.EndObject();
  out.text = std::string(buffer.GetString(), buffer.GetSize()) + "\n";

  const std::string_view api = to_string(options.api);
  out.request_line = fmt::format("POST https://{}/{}/communications/calls", graph_host(facts.cloud), api);
  if (facts.cloud != TeamsCloud::Global) {
    out.notes.push_back(
        fmt::format("the meeting is in the {} cloud: send the request to https://{}/{}/communications/calls",
                    facts.cloud == TeamsCloud::UsGovGccHigh ? "US Government (GCC High)" : "US Government (DoD)",
                    graph_host(facts.cloud), api));
  }
  if (facts.from_safe_links)
    out.notes.emplace_back("the link was an Outlook Safe Links URL; the body uses the Teams link inside it");
  if (facts.broadcast) {
    out.notes.emplace_back(
        "the link is a Teams live event: the bot joins the presenters' meeting, and the attendees' audio is not in it "
        "(microsoft-graph-comms-samples#790)");
  }
  return out;
}

}  // namespace callcheck
