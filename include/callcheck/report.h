// The result of checking one payload.
#ifndef CALLCHECK_REPORT_H_
#define CALLCHECK_REPORT_H_

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t
#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include "callcheck/diagnostic.h"

namespace callcheck {

// What the payload asks the service to do (GRAPH.md 2.2).
enum class CallKind : std::uint8_t {
  Unknown,             // not classifiable (not an object, parse error, ...)
  PeerToPeer,          // exactly one VoIP target
  PeerToPeerPstn,      // exactly one target whose identity is a phone
  GroupCall,           // two or more targets, no meetingInfo
  JoinMeeting,         // organizer/token meetingInfo (with chatInfo)
  JoinMeetingById,     // joinMeetingIdMeetingInfo
  JoinMeetingAsGuest,  // a join whose source identity is a guest
  Ambiguous,           // meetingInfo and targets together, or neither
};

enum class MediaHosting : std::uint8_t { Unknown, ServiceHosted, AppHosted };

// "peer-to-peer", "peer-to-peer-pstn", "group-call", "join-meeting",
// "join-meeting-by-id", "join-meeting-as-guest", "ambiguous", "unknown".
[[nodiscard]] auto to_string(CallKind kind) -> std::string_view;
// "service-hosted", "app-hosted", "unknown".
[[nodiscard]] auto to_string(MediaHosting media) -> std::string_view;

struct Scenario {
  CallKind kind = CallKind::Unknown;
  MediaHosting media = MediaHosting::Unknown;
  std::string evidence;        // pointer of the property that decided `kind`
  std::string media_evidence;  // pointer of the property that decided `media`
  Span evidence_span;          // where `evidence` is in the input (0:0 when there is none)
  Span media_evidence_span;    // where `media_evidence` is
  std::string summary;         // one line for humans, e.g. "group call with 3 targets"
};

// The texts are views of the permission table, which is constant data of the
// library (never freed): a report copies and outlives its check() call
// freely, and a clean payload does not allocate them (issue 14).
struct Scope {
  std::string_view name;    // canonical, e.g. "Calls.InitiateGroupCall.All"
  std::string_view reason;  // one line: why this payload needs it
};

// One way to satisfy a scenario (e.g. the resource-specific consent variant).
struct ScopeAlternative {
  std::vector<Scope> scopes;
  std::string_view note;  // static, as Scope's texts
};

// Which calls-API request the body was checked as (issue 12).
struct RequestInfo {
  std::string name;        // "create", "answer", ...; "" when it could not be decided (CC251/CC252)
  std::string decided_by;  // "request-line", "config", "flag" or "shape"
  // For a mid-call request: how its page states its permissions, and where
  // Microsoft's permission data disagrees ("" for create, whose scenario says it).
  std::string permissions;
};

struct Report {
  std::string source;                   // display path ('/' separators, relative)
  std::string origin;                   // for extracted bodies: first line of the block
  std::vector<Diagnostic> diagnostics;  // sorted by position, then code; no duplicates
  Scenario scenario;
  RequestInfo request;
  std::vector<Scope> required_scopes;  // least-privileged sufficient set, sorted by name
  std::vector<ScopeAlternative> alternatives;
  bool input_error = false;  // the tool could not read or decode this input
  // Findings past Limits::max_findings (the first ones by position are kept):
  // how many were left out, and the most severe of them, which worst() counts
  // so that the exit code does not depend on which findings were kept.
  std::size_t omitted = 0;
  std::optional<Severity> omitted_worst;
  bool scopes_checked = false;  // granted scopes were given and compared

  [[nodiscard]] auto count(Severity severity) const -> std::size_t;
  // The most severe diagnostic, or nullopt if there are none.
  [[nodiscard]] auto worst() const -> std::optional<Severity>;
};

}  // namespace callcheck

#endif  // CALLCHECK_REPORT_H_
