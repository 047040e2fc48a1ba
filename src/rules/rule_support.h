// Small helpers shared by the lint rules (CC2xx, CC5xx): typed member access
// that guards every assumption about the payload, a depth-bounded walk that
// carries the governing schema along, and the text predicates several rules
// agree on (placeholders, GUIDs, https URLs). Included only from rules.cc via
// the rule headers, so everything here is inline.
#ifndef CALLCHECK_RULES_RULE_SUPPORT_H_
#define CALLCHECK_RULES_RULE_SUPPORT_H_

#include "rules/rule.h"

#include <cstddef>      // std::size_t
#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include "document/pointer.h"

namespace callcheck::rules::support {

using detail::Navigator;
using detail::RuleContext;
using detail::SchemaNode;
using detail::Value;

inline auto sv(const Value &v) -> std::string_view { return {v.GetString(), v.GetStringLength()}; }

// The first member called `name` (duplicates are CC002's business), or nullptr
// when `object` is not an object.
inline auto member(const Value *object, std::string_view name) -> const Value * {
  if (object == nullptr || !object->IsObject()) return nullptr;
  for (auto it = object->MemberBegin(); it != object->MemberEnd(); ++it) {
    if (sv(it->name) == name) return &it->value;
  }
  return nullptr;
}

// The number in the body's top-level member `name` when it lies outside
// [min, max] and the schema has not reported that member already (a wrong
// type is CC103's); nullopt otherwise. The range rules of the actions
// (CC254, CC257) share this.
inline auto top_level_number_outside(const RuleContext &context, std::string_view name, double min, double max)
    -> std::optional<double> {
  if (!context.doc.has_dom()) return std::nullopt;
  const Value *v = member(&context.doc.root(), name);
  if (v == nullptr || !v->IsNumber()) return std::nullopt;
  if (context.schema_reported(std::string("/").append(name))) return std::nullopt;
  const double number = v->GetDouble();
  if (number >= min && number <= max) return std::nullopt;
  return number;
}

inline auto object_member(const Value *object, std::string_view name) -> const Value * {
  const Value *v = member(object, name);
  return v != nullptr && v->IsObject() ? v : nullptr;
}

inline auto string_member(const Value *object, std::string_view name, std::string_view *out) -> bool {
  const Value *v = member(object, name);
  if (v == nullptr || !v->IsString()) return false;
  *out = sv(*v);
  return true;
}

inline auto lower(std::string_view text) -> std::string {
  std::string out(text);
  for (char &c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

inline auto iequals(std::string_view a, std::string_view b) -> bool { return lower(a) == lower(b); }

inline auto ends_with(std::string_view text, std::string_view suffix) -> bool {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

inline auto starts_with(std::string_view text, std::string_view prefix) -> bool {
  return text.size() >= prefix.size() && text.substr(0, prefix.size()) == prefix;
}

// "#microsoft.graph.identitySet" / "microsoft.graph.identitySet" -> "identitySet";
// anything else is returned without its '#'.
inline auto odata_type_name(std::string_view value) -> std::string_view {
  if (!value.empty() && value.front() == '#') value.remove_prefix(1);
  constexpr std::string_view kNamespace = "microsoft.graph.";
  if (value.size() > kNamespace.size() && iequals(value.substr(0, kNamespace.size()), kNamespace)) {
    value.remove_prefix(kNamespace.size());
  }
  return value;
}

// The @odata.type of `object` names `type` (with or without '#').
inline auto has_odata_type(const Value *object, std::string_view type) -> bool {
  std::string_view value;
  if (!string_member(object, "@odata.type", &value)) return false;
  return !value.empty() && starts_with(value, value.front() == '#' ? "#microsoft.graph." : "microsoft.graph.") &&
         odata_type_name(value) == type;
}

// Documentation placeholders (GRAPH.md 2.4, corpus README): `tenantId-value`,
// `<media config blob>`, `{tenantId}`. Hand-written so that ordinary values
// (JSON inside a blob, URLs with query strings) do not match.
inline auto is_identifier_char(char c) -> bool {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
         c == '.';
}

inline auto is_placeholder(std::string_view text) -> bool {
  // "<name-value>"-style: the generated template writes `<property>-value`.
  constexpr std::string_view kValue = "-value";
  if (text.size() > kValue.size() && ends_with(text, kValue)) {
    bool identifier = true;
    for (char c : text) identifier = identifier && is_identifier_char(c);
    if (identifier) return true;
  }
  // "<media config blob>": angle brackets around words, no markup inside.
  if (text.size() > 2 && text.front() == '<' && text.back() == '>') {
    bool plain = true;
    for (char c : text.substr(1, text.size() - 2)) plain = plain && c != '<' && c != '>' && c != '=' && c != '"';
    if (plain) return true;
  }
  // "{tenantId}" anywhere: a brace pair around an identifier (JSON blobs have
  // quotes or colons between their braces, so they never match).
  for (std::size_t open = text.find('{'); open != std::string_view::npos; open = text.find('{', open + 1)) {
    const std::size_t close = text.find('}', open + 1);
    if (close == std::string_view::npos) break;
    const std::string_view inside = text.substr(open + 1, close - open - 1);
    bool identifier = !inside.empty();
    for (char c : inside) identifier = identifier && is_identifier_char(c);
    if (identifier) return true;
  }
  return false;
}

inline auto is_hex(char c) -> bool { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// 8-4-4-4-12 hex digits, either case; or 32 hex digits without dashes (the
// "N" format, used by the 2018-19 examples: GRAPH.md 1.1 `id`).
inline auto is_guid(std::string_view text) -> bool {
  if (text.size() == 32) {
    for (char c : text) {
      if (!is_hex(c)) return false;
    }
    return true;
  }
  if (text.size() != 36) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? text[i] != '-' : !is_hex(text[i])) return false;
  }
  return true;
}

// Looks like someone meant to write a GUID: dash-separated alphanumeric
// groups (at least three, at least 20 characters in all), mostly hex digits.
// `tenantId-value`, ACS ids (`8:acs:...`) and names do not qualify.
inline auto looks_like_guid(std::string_view text) -> bool {
  if (text.size() < 20 || text.size() > 48) return false;
  std::size_t groups = 1;
  std::size_t hex = 0;
  std::size_t alnum = 0;
  for (char c : text) {
    if (c == '-') {
      ++groups;
      continue;
    }
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!letter && !(c >= '0' && c <= '9')) return false;
    ++alnum;
    if (is_hex(c)) ++hex;
  }
  return groups >= 3 && hex * 10 >= alnum * 8;
}

// An absolute https URL with a non-empty host and no blanks or control
// characters. `host_end` receives the offset where the path starts.
inline auto is_https_url(std::string_view text, std::size_t *path_begin = nullptr) -> bool {
  constexpr std::string_view kScheme = "https://";
  if (text.size() <= kScheme.size() || !iequals(text.substr(0, kScheme.size()), kScheme)) return false;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7f) return false;
  }
  std::size_t end = text.find_first_of("/?#", kScheme.size());
  if (end == std::string_view::npos) end = text.size();
  std::string_view authority = text.substr(kScheme.size(), end - kScheme.size());
  if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos) authority.remove_prefix(at + 1);
  const std::size_t colon = authority.find(':');
  const std::string_view host = colon == std::string_view::npos ? authority : authority.substr(0, colon);
  if (host.empty()) return false;
  if (path_begin != nullptr) *path_begin = end;
  return true;
}

// The scheme of a URL-ish string for messages ("http", or "" when none).
inline auto scheme_of(std::string_view text) -> std::string_view {
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0) return {};
  for (char c : text.substr(0, colon)) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' ||
                    c == '-' || c == '.';
    if (!ok) return {};
  }
  return text.substr(0, colon);
}

// Shortens long values for messages.
inline auto shown(std::string_view text, std::size_t limit = 80) -> std::string {
  std::string out;
  for (char c : text.substr(0, limit)) {
    const auto u = static_cast<unsigned char>(c);
    out += u < 0x20 || u == 0x7f ? '?' : c;
  }
  if (text.size() > limit) out += "...";
  return out;
}

// The path from the root to the value being visited; turned into a pointer
// only when a rule reports.
class Path {
 public:
  void push_key(std::string_view key) { steps_.push_back(Step{key, 0, false}); }
  void push_index(std::size_t index) { steps_.push_back(Step{{}, index, true}); }
  void pop() { steps_.pop_back(); }
  void truncate(std::size_t depth) {
    if (steps_.size() > depth) steps_.resize(depth);
  }
  [[nodiscard]] auto depth() const -> std::size_t { return steps_.size(); }
  [[nodiscard]] auto pointer() const -> std::string {
    std::string out;
    for (const Step &s : steps_) {
      if (s.is_index) {
        detail::append_index(out, s.index);
      } else {
        detail::append_token(out, s.key);
      }
    }
    return out;
  }
  [[nodiscard]] auto pointer(std::string_view child) const -> std::string {
    std::string out = pointer();
    detail::append_token(out, child);
    return out;
  }
  // The member name under which the current value sits ("" for the root or
  // an array element).
  [[nodiscard]] auto key() const -> std::string_view {
    return steps_.empty() || steps_.back().is_index ? std::string_view{} : steps_.back().key;
  }

 private:
  struct Step {
    std::string_view key;
    std::size_t index;
    bool is_index;
  };
  std::vector<Step> steps_;
};

// One visited value. `declared` is the schema as written at the member (it
// carries x-callcheck-readOnly); `schema` is the effective one ($ref followed,
// discriminator applied). `parent_schema` is the parent's effective schema.
struct Visit {
  const Value &value;
  const SchemaNode &declared;
  const SchemaNode &schema;
  const SchemaNode &parent_schema;
  const Path &path;
};

// Visits every value of the payload in document order with its schema,
// from the walk shared by all rules of this check.
template <class Visitor>
void walk(const detail::RuleContext &context, Visitor visit) {
  const std::vector<detail::WalkEntry> &entries = context.walk();
  const SchemaNode none;
  Path path;
  for (const detail::WalkEntry &e : entries) {
    path.truncate(e.depth == 0 ? 0 : e.depth - 1);
    if (e.depth > 0) {
      if (e.is_index) {
        path.push_index(e.index);
      } else {
        path.push_key(e.key);
      }
    }
    const SchemaNode &parent = e.depth == 0 ? none : entries[e.parent].schema;
    visit(Visit{*e.value, e.declared, e.schema, parent, path});
  }
}

// A boolean annotation on a schema node ("x-callcheck-readOnly").
inline auto schema_flag(const SchemaNode &node, const char *name) -> bool {
  if (node.schema == nullptr || !node.schema->IsObject()) return false;
  const auto it = node.schema->FindMember(name);
  return it != node.schema->MemberEnd() && it->value.IsBool() && it->value.GetBool();
}

// Identity kinds declared on identitySet and communicationsIdentitySet
// (GRAPH.md 1.2), plus the non-identity `endpointType`.
inline auto is_identity_set_key(std::string_view key) -> bool {
  for (std::string_view k : {"user", "application", "device", "applicationInstance", "phone", "guest", "encrypted",
                             "onPremises", "azureCommunicationServicesUser", "assertedIdentity", "endpointType"}) {
    if (k == key) return true;
  }
  return false;
}

inline auto is_identity_set_type(std::string_view type) -> bool {
  return type == "identitySet" || type == "communicationsIdentitySet";
}

// The identity members of an identity set: the set's keys minus `endpointType`.
inline auto is_identity_kind(std::string_view key) -> bool { return key != "endpointType" && is_identity_set_key(key); }

// A non-empty string member (a tenant id the service could read).
// Calls `f(index, pointer)` for every target whose identity holds an object
// member `kind` ("/targets/<i>/identity/<kind>"). Only an object counts: a
// string there is the schema's CC103, never an identity.
template <typename F>
inline void for_each_target_identity(const Value &root, std::string_view kind, F &&f) {
  const Value *targets = member(&root, "targets");
  if (targets == nullptr || !targets->IsArray()) return;
  for (rapidjson::SizeType i = 0; i < targets->Size(); ++i) {
    if (object_member(object_member(&(*targets)[i], "identity"), kind) == nullptr) continue;
    std::string pointer = "/targets";
    detail::append_index(pointer, i);
    pointer += "/identity/";
    pointer += kind;
    f(i, pointer);
  }
}

inline auto has_text(const Value *object, std::string_view name) -> bool {
  std::string_view text;
  return string_member(object, name, &text) && !text.empty();
}

// Where the service finds the tenant of a meeting join (CC224): the call's
// `tenantId`; for an organizerMeetingInfo join also the organizer's identity
// (`meetingInfo.organizer.user.tenantId`; Microsoft's calling samples take
// the call's tenant from the organizer's primary identity). tokenMeetingInfo joins are left out:
// the token itself names the meeting.
struct JoinTenant {
  std::string_view meeting_type;  // "organizerMeetingInfo" / "joinMeetingIdMeetingInfo"; "" = not such a join
  bool found = false;             // a tenant sits where the service reads it
  std::string misplaced;          // pointer of a `tenantId` the service does not read ("" = none)
};

inline auto join_tenant(const Value &root) -> JoinTenant {
  JoinTenant out;
  const Value *meeting = object_member(&root, "meetingInfo");
  if (has_odata_type(meeting, "organizerMeetingInfo")) {
    out.meeting_type = "organizerMeetingInfo";
  } else if (has_odata_type(meeting, "joinMeetingIdMeetingInfo")) {
    out.meeting_type = "joinMeetingIdMeetingInfo";
  } else {
    return out;
  }
  out.found = has_text(&root, "tenantId");
  const Value *organizer = object_member(meeting, "organizer");
  if (!out.found && out.meeting_type == "organizerMeetingInfo" && organizer != nullptr) {
    for (auto it = organizer->MemberBegin(); it != organizer->MemberEnd(); ++it) {
      if (it->value.IsObject() && is_identity_kind(sv(it->name)) && has_text(&it->value, "tenantId")) out.found = true;
    }
  }
  // Where people put it instead (OfficeDev/Microsoft-Teams-Samples#1785:
  // inside meetingInfo), in the order a reader would look.
  for (const char *object : {"/meetingInfo", "/chatInfo", "/meetingInfo/organizer", "/source", "/source/identity",
                             "/mediaConfig"}) {
    std::string pointer(object);
    const Value *holder = &root;
    for (std::string_view rest = std::string_view(object).substr(1); holder != nullptr && !rest.empty();) {
      const std::size_t slash = rest.find('/');
      holder = object_member(holder, rest.substr(0, slash));
      rest = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash + 1);
    }
    if (member(holder, "tenantId") != nullptr) {
      out.misplaced = pointer + "/tenantId";
      break;
    }
  }
  return out;
}

  // Every type a create-call body or its notifications can name (GRAPH.md 1).
inline auto known_types() -> const std::vector<std::string_view> & {
  static const std::vector<std::string_view> names{
      "call", "entity", "callOptions", "outgoingCallOptions", "incomingCallOptions", "mediaConfig",
      "serviceHostedMediaConfig", "appHostedMediaConfig", "mediaInfo", "liveCaptionOptions", "meetingInfo",
      "organizerMeetingInfo", "tokenMeetingInfo", "joinMeetingIdMeetingInfo", "chatInfo", "participantInfo",
      "invitationParticipantInfo", "identitySet", "communicationsIdentitySet", "identity",
      "communicationsUserIdentity", "communicationsApplicationIdentity",
      "communicationsApplicationInstanceIdentity", "communicationsPhoneIdentity", "communicationsGuestIdentity",
      "communicationsEncryptedIdentity", "azureCommunicationServicesUserIdentity", "callRoute", "resultInfo",
      "toneInfo", "callMediaState", "callTranscriptionInfo", "incomingContext", "meetingCapability",
      "commsNotification", "commsNotifications",
      // mid-call request parameters (issue 12)
      "prompt", "mediaPrompt", "teleconferenceDeviceQuality", "teleconferenceDeviceMediaQuality",
      "teleconferenceDeviceAudioQuality", "teleconferenceDeviceVideoQuality",
      "teleconferenceDeviceScreenSharingQuality"};
  return names;
}


}  // namespace callcheck::rules::support

#endif  // CALLCHECK_RULES_RULE_SUPPORT_H_
