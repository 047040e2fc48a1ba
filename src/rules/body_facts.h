// What several rules ask of a call body as a whole: the identities of its
// targets and where the service finds the tenant of a meeting join. The
// Graph names they use are graph/names.h's.
#ifndef CALLCHECK_RULES_BODY_FACTS_H_
#define CALLCHECK_RULES_BODY_FACTS_H_

#include <string>       // std::string
#include <string_view>  // std::string_view

#include "document/pointer.h"
#include "graph/names.h"
#include "rules/members.h"

namespace callcheck::rules::support {

using graph::is_identity_kind;
using graph::is_identity_set_key;
using graph::is_identity_set_type;

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

// Where the service finds the tenant of a meeting join (CC224): the call's
// `tenantId`; for an organizerMeetingInfo join also the organizer's identity
// (`meetingInfo.organizer.user.tenantId`; Microsoft's calling samples take
// the call's tenant from the organizer's primary identity). tokenMeetingInfo joins are left out:
// the token itself names the meeting.
struct JoinTenant {
  std::string_view meeting_type;  // "organizerMeetingInfo" / "joinMeetingIdMeetingInfo"; "" = not such a join
  bool found = false;             // a tenant sits where the service reads it
  std::string misplaced;          // unless found: pointer of a `tenantId` the service does not read ("" = none)
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
  // Both readers (CC224, CC201) ask where a tenant went only when none is
  // found: a clean join does not search six objects for one.
  if (out.found) return out;
  // Where people put it instead (OfficeDev/Microsoft-Teams-Samples#1785:
  // inside meetingInfo), in the order a reader would look.
  for (const char *object :
       {"/meetingInfo", "/chatInfo", "/meetingInfo/organizer", "/source", "/source/identity", "/mediaConfig"}) {
    const Value *holder = &root;
    for (std::string_view rest = std::string_view(object).substr(1); holder != nullptr && !rest.empty();) {
      const std::size_t slash = rest.find('/');
      holder = object_member(holder, rest.substr(0, slash));
      rest = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash + 1);
    }
    if (member(holder, "tenantId") != nullptr) {
      out.misplaced = std::string(object) + "/tenantId";
      break;
    }
  }
  return out;
}

using graph::known_types;

}  // namespace callcheck::rules::support

#endif  // CALLCHECK_RULES_BODY_FACTS_H_
