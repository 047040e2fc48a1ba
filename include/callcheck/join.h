// Teams meeting join links: read one into the facts a join needs, and build
// the create-call body that joins that meeting.
//
//   const callcheck::JoinUrlResult link = callcheck::parse_join_url(url);
//   if (!link) return log(callcheck::to_string(link.error()));
//   callcheck::JoinBodyOptions options;
//   options.callback_uri = "https://bot.contoso.com/api/calls";
//   options.tenant = my_tenant;  // short links carry no tenant
//   const callcheck::JoinBodyResult body = callcheck::body_for_join_url(*link, options);
//   if (body && body->placeholders.empty()) post("/communications/calls", body->text);
//
// Both functions never throw for bad input, never print and are thread-safe.
// A link is untrusted text: it is read with hand-written, bounded parsers and
// its `context` JSON with the library's strict parser.
#ifndef CALLCHECK_JOIN_H_
#define CALLCHECK_JOIN_H_

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t
#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <utility>      // std::move
#include <variant>      // std::variant
#include <vector>       // std::vector

#include "callcheck/check.h"

namespace callcheck {

// A value or the error that prevented it, as std::expected will be: test it
// with has_value() or `if (result)`, then read `*result` / `result->x`, or
// error(). Reading the wrong side is a bug and throws std::bad_variant_access.
template <class T, class E>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT(google-explicit-constructor): return a value
  Result(E error) : value_(error) {}             // NOLINT(google-explicit-constructor): return an error
  [[nodiscard]] auto has_value() const noexcept -> bool { return std::holds_alternative<T>(value_); }
  explicit operator bool() const noexcept { return has_value(); }
  [[nodiscard]] auto value() const -> const T & { return std::get<T>(value_); }
  [[nodiscard]] auto operator*() const -> const T & { return value(); }
  [[nodiscard]] auto operator->() const -> const T * { return &value(); }
  [[nodiscard]] auto error() const -> E { return std::get<E>(value_); }

 private:
  std::variant<T, E> value_;
};

// The path of the link, after unwrapping an Outlook Safe Links URL and the
// Teams web launcher (`/dl/launcher/launcher.html?url=...`).
enum class JoinLinkShape : std::uint8_t {
  MeetupJoin,      // /l/meetup-join/<thread>/<message>?context={"Tid":…,"Oid":…}
  MeetupJoinHash,  // /_#/l/meetup-join/… (the web client's form, comms-samples#69)
  MeetId,          // /meet/<joinMeetingId>?p=<passcode> (the short link, default since 2025-26)
  MeetIdHash,      // /_#/meet/<joinMeetingId>?p=… (what the short link redirects to)
};
[[nodiscard]] auto to_string(JoinLinkShape shape)
    -> std::string_view;  // "meetup-join", "meetup-join-hash", "meet", "meet-hash"

// The Microsoft 365 cloud the link's host belongs to; the request goes to
// that cloud's Graph endpoint.
enum class TeamsCloud : std::uint8_t {
  Global,        // teams.microsoft.com, teams.cloud.microsoft
  UsGovGccHigh,  // gov.teams.microsoft.us -> graph.microsoft.us
  UsGovDod,      // dod.teams.microsoft.us -> dod-graph.microsoft.us
};
[[nodiscard]] auto to_string(TeamsCloud cloud) -> std::string_view;   // "global", "usgov-gcchigh", "usgov-dod"
[[nodiscard]] auto graph_host(TeamsCloud cloud) -> std::string_view;  // "graph.microsoft.com", ...

// What a join link says about its meeting. Long links (MeetupJoin*) fill
// thread_id, message_id, organizer_id and tenant_id; short links (MeetId*)
// fill join_meeting_id and, when the link has `p=`, passcode. Everything is
// percent-decoded.
struct JoinUrlFacts {
  JoinLinkShape shape = JoinLinkShape::MeetupJoin;
  TeamsCloud cloud = TeamsCloud::Global;
  std::string host;                                   // lower case, e.g. "teams.microsoft.com"
  bool from_safe_links = false;                       // unwrapped from *.safelinks.protection.outlook.com/?url=
  bool from_launcher = false;                         // unwrapped from /dl/launcher/launcher.html?url=
  std::optional<std::string> thread_id;               // "19:meeting_…@thread.v2" -> chatInfo.threadId
  std::optional<std::string> message_id;              // "0" for scheduled meetings -> chatInfo.messageId
  std::optional<std::string> reply_chain_message_id;  // context "MessageId" (channel meetings)
  std::optional<std::string> organizer_id;            // context "Oid" -> organizer.user.id
  std::optional<std::string> tenant_id;               // context "Tid" -> organizer.user.tenantId, call tenantId
  bool broadcast = false;                             // context "IsBroadcastMeeting": a Teams live event
  std::optional<std::string> join_meeting_id;         // short links -> joinMeetingIdMeetingInfo.joinMeetingId
  std::optional<std::string> passcode;                // short links' `p` -> joinMeetingIdMeetingInfo.passcode

  [[nodiscard]] auto joins_by_meeting_id() const -> bool {
    return shape == JoinLinkShape::MeetId || shape == JoinLinkShape::MeetIdHash;
  }
};

// Why a link cannot be turned into a join. Every value is a clear refusal,
// never a guess at what the link meant.
enum class JoinUrlError : std::uint8_t {
  Empty,                     // nothing but blanks
  TooLong,                   // longer than kMaxJoinUrlBytes
  InvalidCharacter,          // a blank, control or non-ASCII byte, raw or decoded from %XX
  NotHttps,                  // another scheme (msteams:, http:) or none
  MalformedUrl,              // user info, a port other than 443, an empty host or path
  MalformedPercentEncoding,  // '%' not followed by two hex digits
  ConsumerLink,              // teams.live.com: Teams for personal use, not joinable by a Graph bot
  UnsupportedCloud,          // teams.microsoftonline.cn: no calls API in Microsoft 365 operated by 21Vianet
  UnknownHost,               // not a Teams meeting host
  UnknownShape,              // a Teams host, but not a meeting-join path
  NestedWrapper,             // a Safe Links or launcher URL wrapping another wrapper, or nothing usable
  DuplicateParameter,        // `context`, `p` or `url` given twice
  MissingContext,            // a long link without `?context=`
  ContextNotJson,            // `context` is not one JSON object (strict parse, no duplicate keys)
  MissingTenant,             // `context` has no "Tid" string
  MissingOrganizer,          // `context` has no "Oid" string
  InvalidTenantId,           // "Tid" is not a GUID
  InvalidOrganizerId,        // "Oid" is not a GUID
  InvalidThreadId,           // not `19:…@thread.v2|skype|tacv2`
  InvalidMessageId,          // the segment after the thread is not a decimal number
  InvalidMeetingId,          // `/meet/<id>`: not 6 to 20 digits
  InvalidPasscode,           // `p=` empty, longer than 64 or not printable ASCII
};
[[nodiscard]] auto to_string(JoinUrlError error) -> std::string_view;      // one sentence, no trailing period
[[nodiscard]] auto join_url_help(JoinUrlError error) -> std::string_view;  // what to do instead

// Links are a few hundred bytes; Safe Links wrappers about a thousand.
inline constexpr std::size_t kMaxJoinUrlBytes = 16U * 1024U;

using JoinUrlResult = Result<JoinUrlFacts, JoinUrlError>;
[[nodiscard]] auto parse_join_url(std::string_view url) -> JoinUrlResult;

enum class JoinMedia : std::uint8_t { ServiceHosted, AppHosted };

struct JoinBodyOptions {
  ApiVersion api = ApiVersion::V1;
  // The bot's https notification URL; nullopt leaves a placeholder.
  std::optional<std::string> callback_uri;
  // The tenant the call is created in (a GUID). Short links carry none, so
  // nullopt leaves a placeholder there; for long links it must equal the
  // link's Tid (or be nullopt).
  std::optional<std::string> tenant;
  // App-hosted media needs the media SDK's session blob: a placeholder.
  JoinMedia media = JoinMedia::ServiceHosted;
};

// A member of the body the caller still has to fill in.
struct JoinPlaceholder {
  std::string pointer;  // RFC 6901, e.g. "/callbackUri"
  std::string what;     // what belongs there
};

struct JoinBody {
  std::string text;                           // the create-call body, pretty-printed JSON and a newline
  std::vector<JoinPlaceholder> placeholders;  // in body order; empty = ready to send
  std::vector<std::string> notes;             // what the caller should know (endpoint, live event, ...)
  std::string request_line;                   // "POST https://graph.microsoft.com/v1.0/communications/calls"
};

enum class JoinBodyError : std::uint8_t {
  InvalidCallbackUri,  // not an absolute https URL of printable ASCII
  InvalidTenant,       // not a GUID
  TenantConflict,      // differs from the long link's Tid
  IncompleteFacts,     // facts built by hand without what parse_join_url always fills
};
[[nodiscard]] auto to_string(JoinBodyError error) -> std::string_view;

using JoinBodyResult = Result<JoinBody, JoinBodyError>;
[[nodiscard]] auto body_for_join_url(const JoinUrlFacts &facts, const JoinBodyOptions &options) -> JoinBodyResult;

}  // namespace callcheck

#endif  // CALLCHECK_JOIN_H_
