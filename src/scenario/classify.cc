// Scenario recognition (GRAPH.md 2.2) as one explicit, ordered decision list:
//
//   0. no DOM, or the root is not an object          -> Unknown
//      the root wraps a call body in one member        -> Unknown (CC229, reported by the schema stage)
//   1. meetingInfo present and targets non-empty      -> Ambiguous (CC301)
//   2. meetingInfo present:
//        a. source identity is a guest                -> JoinMeetingAsGuest
//           (a `source.identity.guest` object, or the 2018-19 `source.identity.user`
//            with `identityProvider: "None"`)
//        b. meetingInfo is joinMeetingIdMeetingInfo   -> JoinMeetingById
//        c. otherwise (organizer/token/untyped)       -> JoinMeeting
//   3. exactly one target:
//        a. its identity has a `phone` object         -> PeerToPeerPstn
//        b. otherwise                                 -> PeerToPeer
//   4. two or more targets                            -> GroupCall
//   5. neither targets nor meetingInfo                -> Ambiguous (CC301)
//
// Media is decided separately from `mediaConfig/@odata.type` (with or without
// the leading '#', as in the 2019 docs). Wrong JSON types never crash: a value
// of the wrong type counts as absent (the schema reports it). In particular an
// identity is an object: `"phone": "{\"id\": …}"` (a string; the service
// answers 9999, microsoft-graph-docs#16084) makes no PSTN call.
#include "document/rapidjson_adapter.h"

#include "scenario/classify.h"

#include "document/pointer.h"
#include "graph/names.h"
#include "schema/node_table.h"
#include "catalog/cc301_ambiguous_scenario.h"

#include <cstddef>           // std::size_t
#include <initializer_list>  // std::initializer_list
#include <string>            // std::string
#include <string_view>       // std::string_view

#include <fmt/format.h>

namespace callcheck::detail {
namespace {

auto as_string(const Value *value) -> std::string_view {
  if (value == nullptr || !value->IsString()) return {};
  return {value->GetString(), value->GetStringLength()};
}

auto graph_type_name(const Value *value) -> std::string_view { return graph::type_name(as_string(value)); }

// Present and not null (a null member is treated as absent).
auto present(const Value *value) -> bool { return value != nullptr && !value->IsNull(); }

auto is_object(const Value *value) -> bool { return value != nullptr && value->IsObject(); }

// The first member `name` of `object` (what Document::find takes at each
// step), or nullptr when `object` is no object. Classify asks for a handful
// of fixed members: looking them up directly, instead of parsing a pointer
// for each, was a third of the stage (issue 14).
auto find_member(const Value *object, std::string_view name) -> const Value * {
  if (object == nullptr || !object->IsObject()) return nullptr;
  return schema_table::table_detail::find_member(*object, name);
}

auto find_member(const Value &object, std::string_view name) -> const Value * { return find_member(&object, name); }

// Element `index` of an array (Document::find's numeric step).
auto element(const Value *array, rapidjson::SizeType index) -> const Value * {
  if (array == nullptr || !array->IsArray() || index >= array->Size()) return nullptr;
  return &(*array)[index];
}

// Every member a call declares in either API version: a root whose one
// member is one of these is a (small) call body, not a wrapper.
auto is_call_member(std::string_view name) -> bool {
  for (std::string_view m : {"@odata.type",
                             "id",
                             "activeModalities",
                             "answeredBy",
                             "callbackUri",
                             "callChainId",
                             "callOptions",
                             "callRoutes",
                             "chatInfo",
                             "direction",
                             "incomingContext",
                             "mediaConfig",
                             "mediaState",
                             "meetingCapability",
                             "meetingInfo",
                             "myParticipantId",
                             "requestedModalities",
                             "resultInfo",
                             "ringingTimeoutInSeconds",
                             "routingPolicies",
                             "source",
                             "state",
                             "subject",
                             "targets",
                             "tenantId",
                             "terminationReason",
                             "toneInfo",
                             "transcription"}) {
    if (m == name) return true;
  }
  return false;
}

auto media_of(const Value &root, std::string &evidence) -> MediaHosting {
  const Value *type = find_member(find_member(root, "mediaConfig"), "@odata.type");
  const std::string_view name = graph_type_name(type);
  if (name == "appHostedMediaConfig") {
    evidence = "/mediaConfig/@odata.type";
    return MediaHosting::AppHosted;
  }
  if (name == "serviceHostedMediaConfig") {
    evidence = "/mediaConfig/@odata.type";
    return MediaHosting::ServiceHosted;
  }
  return MediaHosting::Unknown;
}

// The pointer proving a guest source, or "" when the source is no guest.
auto guest_evidence(const Value &root) -> std::string {
  const Value *identity = find_member(find_member(root, "source"), "identity");
  if (is_object(find_member(identity, "guest"))) return "/source/identity/guest";
  const Value *user = find_member(identity, "user");
  if (user != nullptr && user->IsObject() && as_string(find_member(user, "identityProvider")) == "None") {
    return "/source/identity/user/identityProvider";
  }
  return {};
}

auto media_phrase(MediaHosting media) -> std::string_view {
  switch (media) {
    case MediaHosting::ServiceHosted: return "service-hosted media";
    case MediaHosting::AppHosted: return "app-hosted media";
    case MediaHosting::Unknown: return "media hosting not recognised";
  }
  return "media hosting not recognised";
}

auto plural(std::size_t n, std::string_view word) -> std::string {
  return std::to_string(n).append(" ").append(word).append(n == 1 ? "" : "s");
}

// The parts joined in one allocation: every payload gets a summary, and
// fmt's parse of a format string, or growing the string part by part, was
// most of this stage's cost after the lookups (issue 14).
auto joined(std::initializer_list<std::string_view> parts) -> std::string {
  std::size_t size = 0;
  for (const std::string_view p : parts) size += p.size();
  std::string out;
  out.reserve(size);
  for (const std::string_view p : parts) out.append(p);
  return out;
}

auto summary_of(const Scenario &s, std::size_t targets, std::string_view meeting_type, std::string_view wrapper = {})
    -> std::string {
  const std::string_view media = media_phrase(s.media);
  switch (s.kind) {
    case CallKind::Unknown:
      if (!wrapper.empty()) {
        // The key is the payload's: named only when short and plain.
        bool plain = wrapper.size() <= 40;
        for (char c : wrapper) plain = plain && static_cast<unsigned char>(c) >= 0x20 && c != '`' && c != 0x7f;
        return plain ? fmt::format("the call body is wrapped in `{}`: no scenario recognised", wrapper)
                     : std::string("the call body is wrapped in one member: no scenario recognised");
      }
      return "not a call object: no scenario recognised";
    case CallKind::PeerToPeer: return joined({"peer-to-peer call to 1 target, ", media});
    case CallKind::PeerToPeerPstn: return joined({"peer-to-peer PSTN call to 1 phone number, ", media});
    case CallKind::GroupCall: return joined({"group call with ", plural(targets, "target"), ", ", media});
    case CallKind::JoinMeeting:
      return joined({"meeting join (", meeting_type.empty() ? "untyped meetingInfo" : meeting_type, "), ", media});
    case CallKind::JoinMeetingById: return joined({"meeting join by meeting id, ", media});
    case CallKind::JoinMeetingAsGuest: return joined({"guest meeting join, ", media});
    case CallKind::Ambiguous:
      if (targets == 0) return fmt::format("ambiguous: neither targets nor meetingInfo, {}", media);
      return fmt::format("ambiguous: meetingInfo together with {}, {}", plural(targets, "target"), media);
  }
  return "not a call object: no scenario recognised";
}

}  // namespace

auto wrapper_key(const Document &doc) -> std::string_view {
  if (!doc.has_dom() || !doc.root().IsObject() || doc.root().MemberCount() != 1) return {};
  const auto member = doc.root().MemberBegin();
  const std::string_view key(member->name.GetString(), member->name.GetStringLength());
  if (is_call_member(key) || !member->value.IsObject()) return {};
  const Value &inner = member->value;
  for (std::string_view m : {"callbackUri", "targets", "mediaConfig", "meetingInfo"}) {
    if (find_member(inner, m) != nullptr) return key;
  }
  return graph_type_name(find_member(inner, "@odata.type")) == "call" ? key : std::string_view{};
}

auto classify(const Document &doc, std::vector<Finding> &out) -> Scenario {
  Scenario s;
  // 0. Nothing to look at.
  if (!doc.has_dom() || !doc.root().IsObject()) {
    s.summary = summary_of(s, 0, {});
    return s;
  }
  // 0. A wrapped body: its one error is the schema stage's CC229. Looking
  // for targets at the root would only add a CC301 about the wrapper.
  if (const std::string_view wrapper = wrapper_key(doc); !wrapper.empty()) {
    append_token(s.evidence, wrapper);
    s.summary = summary_of(s, 0, {}, wrapper);
    return s;
  }
  const Value &root = doc.root();
  s.media = media_of(root, s.media_evidence);

  const Value *meeting = find_member(root, "meetingInfo");
  const bool has_meeting = present(meeting);
  const std::string_view meeting_type = graph_type_name(find_member(meeting, "@odata.type"));
  const Value *targets_value = find_member(root, "targets");
  const std::size_t targets = (targets_value != nullptr && targets_value->IsArray()) ? targets_value->Size() : 0;

  if (has_meeting && targets > 0) {
    // 1. Join + invite (only the 2018-09-14 draft group call does this).
    s.kind = CallKind::Ambiguous;
    s.evidence = "/meetingInfo";
    out.push_back(Finding{
        catalog::kAmbiguousScenario,
        fmt::format("both `meetingInfo` and `targets` ({}) are present: this is neither a plain meeting join nor a "
                    "plain outgoing call; no scenario was assumed, so no permissions are derived",
                    plural(targets, "target")),
        s.evidence,
        "send `meetingInfo` (with `chatInfo`) to join a meeting, or `targets` without `meetingInfo` to place a call",
        true});
  } else if (has_meeting) {
    // 2. Join: guest first (it decides the permission), then the meetingInfo type.
    std::string guest = guest_evidence(root);
    if (!guest.empty()) {
      s.kind = CallKind::JoinMeetingAsGuest;
      s.evidence = std::move(guest);
    } else if (meeting_type == "joinMeetingIdMeetingInfo") {
      s.kind = CallKind::JoinMeetingById;
      s.evidence = "/meetingInfo/@odata.type";
    } else {
      s.kind = CallKind::JoinMeeting;
      s.evidence = meeting_type.empty() ? "/meetingInfo" : "/meetingInfo/@odata.type";
    }
  } else if (targets == 1) {
    // 3. One target: PSTN when its identity is a phone.
    if (is_object(find_member(find_member(element(targets_value, 0), "identity"), "phone"))) {
      s.kind = CallKind::PeerToPeerPstn;
      s.evidence = "/targets/0/identity/phone";
    } else {
      s.kind = CallKind::PeerToPeer;
      s.evidence = "/targets";
    }
  } else if (targets >= 2) {
    // 4. Several targets.
    s.kind = CallKind::GroupCall;
    s.evidence = "/targets";
  } else {
    // 5. Neither.
    s.kind = CallKind::Ambiguous;
    s.evidence = "";
    out.push_back(Finding{
        catalog::kAmbiguousScenario,
        "neither `targets` nor `meetingInfo` is present: the service may create an empty group call, but no "
        "documented example does this; no scenario was assumed, so no permissions are derived",
        s.evidence, "add `targets` to place a call, or `meetingInfo` (with `chatInfo`) to join a meeting", false});
  }
  s.summary = summary_of(s, targets, meeting_type);
  return s;
}

}  // namespace callcheck::detail
