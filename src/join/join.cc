// parse_join_url: a Teams meeting link -> the facts a create-call join needs.
//
// The shapes accepted are the ones seen in public threads (the README's "Join
// links" table names each with its source); everything else is a refusal with
// its own error, never a guess. The link is untrusted: every step is a linear
// scan with no recursion beyond two wrapper levels (Safe Links, launcher), and
// the `context` JSON goes through the strict Document parser with small limits.
#include "document/rapidjson_adapter.h"

#include <callcheck/join.h>

#include <algorithm>    // std::min
#include <cstddef>      // std::size_t
#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view

#include "document/document.h"

namespace callcheck {
namespace {

using detail::Document;
using detail::Value;

auto is_printable(char c) -> bool { return c > 0x20 && c < 0x7f; }

auto all_printable(std::string_view text) -> bool {
  for (const char c : text) {
    if (!is_printable(c)) return false;
  }
  return true;
}

auto lower_char(char c) -> char { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

auto lower(std::string_view text) -> std::string {
  std::string out(text);
  for (char &c : out) c = lower_char(c);
  return out;
}

auto istarts_with(std::string_view text, std::string_view prefix) -> bool {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (lower_char(text[i]) != prefix[i]) return false;
  }
  return true;
}

auto starts_with(std::string_view text, std::string_view prefix) -> bool {
  return text.substr(0, prefix.size()) == prefix;
}

auto ends_with(std::string_view text, std::string_view suffix) -> bool {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

auto hex_value(char c) -> int {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

auto is_digits(std::string_view text) -> bool {
  if (text.empty()) return false;
  for (const char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// 8-4-4-4-12 hex digits: Entra tenant and object ids are always GUIDs.
auto is_guid(std::string_view text) -> bool {
  if (text.size() != 36) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? text[i] != '-' : hex_value(text[i]) < 0) return false;
  }
  return true;
}

// One level of RFC 3986 percent-decoding ('+' stays '+': these are path and
// query components, not form data).
auto percent_decode(std::string_view in, std::string &out) -> bool {
  out.clear();
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '%') {
      out.push_back(in[i]);
      continue;
    }
    if (i + 2 >= in.size()) return false;
    const int high = hex_value(in[i + 1]);
    const int low = hex_value(in[i + 2]);
    if (high < 0 || low < 0) return false;
    out.push_back(static_cast<char>(high * 16 + low));
    i += 2;
  }
  return true;
}

// A decoded component that must stay printable ASCII (ids, passcodes, paths).
auto decode_printable(std::string_view in, std::string &out, std::optional<JoinUrlError> &error) -> bool {
  if (!percent_decode(in, out)) {
    error = JoinUrlError::MalformedPercentEncoding;
    return false;
  }
  if (!all_printable(out)) {
    error = JoinUrlError::InvalidCharacter;
    return false;
  }
  return true;
}

// The value of query parameter `name` (exact name, undecoded value).
// DuplicateParameter when it occurs twice: two answers are never guessed between.
auto query_param(std::string_view query, std::string_view name, std::optional<std::string_view> &value,
                 std::optional<JoinUrlError> &error) -> bool {
  value.reset();
  std::size_t begin = 0;
  while (begin <= query.size()) {
    std::size_t end = query.find('&', begin);
    if (end == std::string_view::npos) end = query.size();
    const std::string_view item = query.substr(begin, end - begin);
    const std::size_t eq = item.find('=');
    const std::string_view key = item.substr(0, eq);
    if (key == name) {
      if (value) {
        error = JoinUrlError::DuplicateParameter;
        return false;
      }
      value = eq == std::string_view::npos ? std::string_view{} : item.substr(eq + 1);
    }
    begin = end + 1;
  }
  return true;
}

// Thread ids of meetings and channels (GRAPH.md 1.3 chatInfo):
// `19:meeting_…@thread.v2`, `19:…@thread.skype`, `19:…@thread.tacv2`;
// US Government clouds prefix the id (`19:gcch:meeting_…`, `19:dod:meeting_…`).
auto is_thread_id(std::string_view id) -> bool {
  if (!starts_with(id, "19:") || id.find('/') != std::string_view::npos) return false;
  for (std::string_view suffix : {"@thread.v2", "@thread.skype", "@thread.tacv2"}) {
    if (id.size() > 3 + suffix.size() && ends_with(id, suffix)) return true;
  }
  return false;
}

enum class HostKind : std::uint8_t { Teams, SafeLinks, Consumer, China, Unknown };

auto classify_host(std::string_view host, TeamsCloud &cloud) -> HostKind {
  cloud = TeamsCloud::Global;
  if (host == "teams.microsoft.com" || host == "teams.cloud.microsoft") return HostKind::Teams;
  if (host == "gov.teams.microsoft.us") {
    cloud = TeamsCloud::UsGovGccHigh;
    return HostKind::Teams;
  }
  if (host == "dod.teams.microsoft.us") {
    cloud = TeamsCloud::UsGovDod;
    return HostKind::Teams;
  }
  if (host == "teams.live.com") return HostKind::Consumer;
  if (host == "teams.microsoftonline.cn") return HostKind::China;
  // Outlook Safe Links: <region>.safelinks.protection.outlook.com/?url=<the link>
  constexpr std::string_view kSafeLinks = ".safelinks.protection.outlook.com";
  if (host.size() > kSafeLinks.size() && ends_with(host, kSafeLinks)) return HostKind::SafeLinks;
  return HostKind::Unknown;
}

class Parser {
 public:
  explicit Parser(JoinUrlFacts &facts) : facts_(facts) {}

  // An absolute URL; `depth` counts Safe Links wrappers already removed.
  auto absolute(std::string_view url, int depth) -> std::optional<JoinUrlError> {
    if (!all_printable(url)) return JoinUrlError::InvalidCharacter;
    constexpr std::string_view kScheme = "https://";
    if (!istarts_with(url, kScheme)) return JoinUrlError::NotHttps;
    std::string_view rest = url.substr(kScheme.size());
    const std::size_t authority_end = std::min(rest.find_first_of("/?#"), rest.size());
    const std::string_view authority = rest.substr(0, authority_end);
    rest.remove_prefix(authority_end);
    // `https://teams.microsoft.com@evil.example/` names evil.example.
    if (authority.find('@') != std::string_view::npos) return JoinUrlError::MalformedUrl;
    std::string_view host = authority;
    if (const std::size_t colon = authority.find(':'); colon != std::string_view::npos) {
      // teams-for-linux#1726 shows an explicit :443; any other port is not Teams.
      if (authority.substr(colon + 1) != "443") return JoinUrlError::MalformedUrl;
      host = authority.substr(0, colon);
    }
    if (host.empty()) return JoinUrlError::MalformedUrl;
    const std::string host_lower = lower(host);
    TeamsCloud cloud = TeamsCloud::Global;
    switch (classify_host(host_lower, cloud)) {
      case HostKind::Consumer: return JoinUrlError::ConsumerLink;
      case HostKind::China: return JoinUrlError::UnsupportedCloud;
      case HostKind::Unknown: return JoinUrlError::UnknownHost;
      case HostKind::SafeLinks: return safe_links(rest, depth);
      case HostKind::Teams: break;
    }
    facts_.host = host_lower;
    facts_.cloud = cloud;
    return relative(rest, false);
  }

 private:
  // Splits "/path?query#fragment".
  static void split(std::string_view text, std::string_view &path, std::string_view &query,
                    std::string_view &fragment) {
    const std::size_t hash = std::min(text.find('#'), text.size());
    fragment = hash < text.size() ? text.substr(hash + 1) : std::string_view{};
    const std::string_view before = text.substr(0, hash);
    const std::size_t q = std::min(before.find('?'), before.size());
    path = before.substr(0, q);
    query = q < before.size() ? before.substr(q + 1) : std::string_view{};
  }

  auto safe_links(std::string_view rest, int depth) -> std::optional<JoinUrlError> {
    if (depth > 0 || facts_.from_launcher) return JoinUrlError::NestedWrapper;
    std::string_view path;
    std::string_view query;
    std::string_view fragment;
    split(rest, path, query, fragment);
    std::optional<std::string_view> wrapped;
    std::optional<JoinUrlError> error;
    if (!query_param(query, "url", wrapped, error)) return error;
    if (!wrapped || wrapped->empty()) return JoinUrlError::NestedWrapper;
    std::string inner;
    if (!percent_decode(*wrapped, inner)) return JoinUrlError::MalformedPercentEncoding;
    facts_.from_safe_links = true;
    return absolute(inner, depth + 1);
  }

  // "/l/meetup-join/…", "/_#/l/meetup-join/…", "/meet/…", "/_#/meet/…" or the
  // launcher, on an already classified Teams host.
  auto relative(std::string_view text, bool hash) -> std::optional<JoinUrlError> {
    std::string_view path;
    std::string_view query;
    std::string_view fragment;
    split(text, path, query, fragment);
    if (!hash && (path == "/_" || path == "/_/") && starts_with(fragment, "/")) {
      // The web client's form: everything after '#' is the real path and query.
      const std::size_t q = std::min(fragment.find('?'), fragment.size());
      if (fragment.substr(0, q).find('#') != std::string_view::npos) return JoinUrlError::UnknownShape;
      return route(fragment.substr(0, q), q < fragment.size() ? fragment.substr(q + 1) : std::string_view{}, true);
    }
    if (!hash && lower(path) == "/dl/launcher/launcher.html") return launcher(query);
    return route(path, query, hash);
  }

  // The Teams web launcher wraps the real path in `url`, percent-encoded once
  // (meet-teams-bot#210: the short link redirects to
  // /dl/launcher/launcher.html?url=/_#/meet/<id>?p=…).
  auto launcher(std::string_view query) -> std::optional<JoinUrlError> {
    if (facts_.from_launcher) return JoinUrlError::NestedWrapper;
    std::optional<std::string_view> wrapped;
    std::optional<JoinUrlError> error;
    if (!query_param(query, "url", wrapped, error)) return error;
    if (!wrapped || wrapped->empty()) return JoinUrlError::NestedWrapper;
    std::string inner;
    if (!percent_decode(*wrapped, inner)) return JoinUrlError::MalformedPercentEncoding;
    if (!all_printable(inner)) return JoinUrlError::InvalidCharacter;
    if (!starts_with(inner, "/") || starts_with(inner, "//")) return JoinUrlError::NestedWrapper;
    facts_.from_launcher = true;
    launcher_text_ = std::move(inner);
    return relative(launcher_text_, false);
  }

  auto route(std::string_view path, std::string_view query, bool hash) -> std::optional<JoinUrlError> {
    constexpr std::string_view kMeetup = "/l/meetup-join/";
    constexpr std::string_view kMeet = "/meet/";
    if (starts_with(path, kMeetup)) {
      facts_.shape = hash ? JoinLinkShape::MeetupJoinHash : JoinLinkShape::MeetupJoin;
      return meetup(path.substr(kMeetup.size()), query);
    }
    if (starts_with(path, kMeet)) {
      facts_.shape = hash ? JoinLinkShape::MeetIdHash : JoinLinkShape::MeetId;
      return meet(path.substr(kMeet.size()), query);
    }
    return JoinUrlError::UnknownShape;
  }

  // <thread>/<message>?context={"Tid":…,"Oid":…[,"MessageId":…]}
  auto meetup(std::string_view segments, std::string_view query) -> std::optional<JoinUrlError> {
    const std::size_t slash = segments.find('/');
    if (slash == std::string_view::npos) return JoinUrlError::InvalidMessageId;
    const std::string_view thread_raw = segments.substr(0, slash);
    const std::string_view message_raw = segments.substr(slash + 1);
    if (message_raw.find('/') != std::string_view::npos) return JoinUrlError::UnknownShape;
    std::optional<JoinUrlError> error;
    std::string thread;
    if (!decode_printable(thread_raw, thread, error)) return error;
    if (!is_thread_id(thread)) return JoinUrlError::InvalidThreadId;
    std::string message;
    if (!decode_printable(message_raw, message, error)) return error;
    if (!is_digits(message) || message.size() > 20) return JoinUrlError::InvalidMessageId;

    std::optional<std::string_view> context_raw;
    if (!query_param(query, "context", context_raw, error)) return error;
    if (!context_raw || context_raw->empty()) return JoinUrlError::MissingContext;
    std::string context;
    if (!percent_decode(*context_raw, context)) return JoinUrlError::MalformedPercentEncoding;
    if (const auto e = read_context(context)) return e;
    facts_.thread_id = std::move(thread);
    facts_.message_id = std::move(message);
    return std::nullopt;
  }

  // The strict parser with limits sized for a context object: it rejects
  // duplicate keys (two Tids are two answers), bad UTF-8 and deep nesting.
  auto read_context(std::string_view text) -> std::optional<JoinUrlError> {
    Limits limits;
    limits.max_bytes = 4096;
    limits.max_depth = 4;
    limits.max_string_bytes = 512;
    limits.max_key_bytes = 64;
    limits.max_members = 32;
    limits.max_elements = 32;
    const Document doc = Document::parse(text, limits);
    if (!doc.has_dom() || !doc.findings().empty() || !doc.root().IsObject()) return JoinUrlError::ContextNotJson;
    const Value &root = doc.root();
    auto string_member = [&](const char *name) -> std::optional<std::string_view> {
      const auto it = root.FindMember(name);
      if (it == root.MemberEnd()) return std::nullopt;
      if (!it->value.IsString()) return std::string_view{};
      return std::string_view{it->value.GetString(), it->value.GetStringLength()};
    };
    const auto tid = string_member("Tid");
    if (!tid) return JoinUrlError::MissingTenant;
    if (!is_guid(*tid)) return JoinUrlError::InvalidTenantId;
    const auto oid = string_member("Oid");
    if (!oid) return JoinUrlError::MissingOrganizer;
    if (!is_guid(*oid)) return JoinUrlError::InvalidOrganizerId;
    if (const auto reply = string_member("MessageId")) {
      if (!is_digits(*reply) || reply->size() > 20) return JoinUrlError::InvalidMessageId;
      facts_.reply_chain_message_id = std::string(*reply);
    }
    if (const auto it = root.FindMember("IsBroadcastMeeting"); it != root.MemberEnd() && it->value.IsBool()) {
      facts_.broadcast = it->value.GetBool();
    }
    facts_.tenant_id = std::string(*tid);
    facts_.organizer_id = std::string(*oid);
    return std::nullopt;
  }

  // <joinMeetingId>?p=<passcode>
  auto meet(std::string_view segment, std::string_view query) -> std::optional<JoinUrlError> {
    std::optional<JoinUrlError> error;
    std::string id;
    if (!decode_printable(segment, id, error)) return error;
    if (id.find('/') != std::string::npos) return JoinUrlError::UnknownShape;
    if (!is_digits(id) || id.size() < 6 || id.size() > 20) return JoinUrlError::InvalidMeetingId;
    std::optional<std::string_view> p;
    if (!query_param(query, "p", p, error)) return error;
    if (p) {
      std::string passcode;
      if (!percent_decode(*p, passcode)) return JoinUrlError::MalformedPercentEncoding;
      if (passcode.empty() || passcode.size() > 64 || !all_printable(passcode)) return JoinUrlError::InvalidPasscode;
      facts_.passcode = std::move(passcode);
    }
    facts_.join_meeting_id = std::move(id);
    return std::nullopt;
  }

  JoinUrlFacts &facts_;
  std::string launcher_text_;  // the decoded launcher target the views point into
};

auto is_blank(char c) -> bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

}  // namespace

auto parse_join_url(std::string_view url) -> JoinUrlResult {
  if (url.size() > kMaxJoinUrlBytes) return JoinUrlError::TooLong;
  while (!url.empty() && is_blank(url.front())) url.remove_prefix(1);
  while (!url.empty() && is_blank(url.back())) url.remove_suffix(1);
  if (url.empty()) return JoinUrlError::Empty;
  JoinUrlFacts facts;
  Parser parser(facts);
  if (const auto error = parser.absolute(url, 0)) return *error;
  return facts;
}

}  // namespace callcheck
