// Every to_string/parse_* of the public enums: one switch per enum (STYLE.md 9).
#include <callcheck/diagnostic.h>
#include <callcheck/report.h>
#include <callcheck/vocabulary.h>

namespace callcheck {

auto to_string(Severity severity) -> std::string_view {
  switch (severity) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "info";
  }
  return "error";
}

auto parse_severity(std::string_view text) -> std::optional<Severity> {
  if (text == "error") return Severity::Error;
  if (text == "warning") return Severity::Warning;
  if (text == "info") return Severity::Info;
  return std::nullopt;
}

auto to_string(CallKind kind) -> std::string_view {
  switch (kind) {
    case CallKind::Unknown: return "unknown";
    case CallKind::PeerToPeer: return "peer-to-peer";
    case CallKind::PeerToPeerPstn: return "peer-to-peer-pstn";
    case CallKind::GroupCall: return "group-call";
    case CallKind::JoinMeeting: return "join-meeting";
    case CallKind::JoinMeetingById: return "join-meeting-by-id";
    case CallKind::JoinMeetingAsGuest: return "join-meeting-as-guest";
    case CallKind::Ambiguous: return "ambiguous";
  }
  return "unknown";
}

auto to_string(MediaHosting media) -> std::string_view {
  switch (media) {
    case MediaHosting::Unknown: return "unknown";
    case MediaHosting::ServiceHosted: return "service-hosted";
    case MediaHosting::AppHosted: return "app-hosted";
  }
  return "unknown";
}

auto to_string(ApiVersion api) -> std::string_view { return api == ApiVersion::Beta ? "beta" : "v1.0"; }

auto parse_api_version(std::string_view text) -> std::optional<ApiVersion> {
  if (text == "v1.0" || text == "v1") return ApiVersion::V1;
  if (text == "beta") return ApiVersion::Beta;
  return std::nullopt;
}

auto parse_rule_level(std::string_view text) -> std::optional<RuleLevel> {
  if (text == "off") return RuleLevel::Off;
  if (text == "info") return RuleLevel::Info;
  if (text == "warning") return RuleLevel::Warning;
  if (text == "error") return RuleLevel::Error;
  return std::nullopt;
}

}  // namespace callcheck
