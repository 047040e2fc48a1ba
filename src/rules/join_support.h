// What the join-link and tenant rules (CC240-CC249) read from a body and from
// the RuleContext: the link's facts, the body's meeting coordinates and its
// tenants. Values that other rules own are skipped here so that no finding is
// repeated: placeholders (CC204), non-strings (the schema), malformed GUIDs
// (CC205) where a tenant is compared.
#ifndef CALLCHECK_RULES_JOIN_SUPPORT_H_
#define CALLCHECK_RULES_JOIN_SUPPORT_H_

#include "rules/rule_support.h"

#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view

namespace callcheck::rules::join {

using detail::RuleContext;
using detail::Value;

// The link's facts, or nullptr when no link was given or it is unusable (CC240).
inline auto link(const RuleContext &context) -> const JoinUrlFacts * {
  if (context.join_url == nullptr || !context.join_url->has_value()) return nullptr;
  return &context.join_url->value();
}

// How the body joins: by what its meetingInfo's @odata.type says.
enum class BodyMeeting : std::uint8_t { None, Organizer, JoinMeetingId, Token, Other };

inline auto body_meeting(const RuleContext &context) -> BodyMeeting {
  const Value *meeting = support::object_member(&context.doc.root(), "meetingInfo");
  if (meeting == nullptr) return BodyMeeting::None;
  if (support::has_odata_type(meeting, "organizerMeetingInfo")) return BodyMeeting::Organizer;
  if (support::has_odata_type(meeting, "joinMeetingIdMeetingInfo")) return BodyMeeting::JoinMeetingId;
  if (support::has_odata_type(meeting, "tokenMeetingInfo")) return BodyMeeting::Token;
  return BodyMeeting::Other;
}

// The string at `pointer`, unless absent, not a string or a placeholder.
inline auto text_at(const RuleContext &context, std::string_view pointer) -> std::optional<std::string_view> {
  const Value *v = context.find(pointer);
  if (v == nullptr || !v->IsString()) return std::nullopt;
  const std::string_view s = support::sv(*v);
  if (support::is_placeholder(s)) return std::nullopt;
  return s;
}

// A tenant or object id at `pointer` that has the GUID shape (CC205 reports
// the others).
inline auto guid_at(const RuleContext &context, std::string_view pointer) -> std::optional<std::string_view> {
  const auto s = text_at(context, pointer);
  if (!s || !support::is_guid(*s)) return std::nullopt;
  return s;
}

inline constexpr std::string_view kCallTenant = "/tenantId";
inline constexpr std::string_view kOrganizerId = "/meetingInfo/organizer/user/id";
inline constexpr std::string_view kOrganizerTenant = "/meetingInfo/organizer/user/tenantId";

// The organizer's tenant as the body states it (organizerMeetingInfo only).
inline auto organizer_tenant(const RuleContext &context) -> std::optional<std::string_view> {
  if (body_meeting(context) != BodyMeeting::Organizer) return std::nullopt;
  return guid_at(context, kOrganizerTenant);
}

// GUIDs and tenant ids compare without regard to case.
inline auto same_id(std::string_view a, std::string_view b) -> bool { return support::iequals(a, b); }

// `text` percent-decoded once, or nullopt when it holds no valid escape: a
// thread id copied out of a link without decoding.
inline auto percent_decoded(std::string_view text) -> std::optional<std::string> {
  std::string out;
  bool any = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && support::is_hex(text[i + 1]) && support::is_hex(text[i + 2])) {
      const std::string digits(text.substr(i + 1, 2));
      out.push_back(static_cast<char>(std::stoi(digits, nullptr, 16)));
      i += 2;
      any = true;
    } else {
      out.push_back(text[i]);
    }
  }
  if (!any) return std::nullopt;
  return out;
}

}  // namespace callcheck::rules::join

#endif  // CALLCHECK_RULES_JOIN_SUPPORT_H_
