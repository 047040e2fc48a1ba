// CC225 empty-identity-set: an identity set that names nobody (issue 10).
#ifndef CALLCHECK_RULES_CC225_EMPTY_IDENTITY_SET_H_
#define CALLCHECK_RULES_CC225_EMPTY_IDENTITY_SET_H_

#include "rules/rule_support.h"

#include <fmt/format.h>

namespace callcheck::rules {

class EmptyIdentitySet final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }
  [[nodiscard]] auto message_ids() const -> MessageIds override { return detail::message_ids_of(kMessageIds); }

  void check(const detail::RuleContext &context, detail::DiagnosticSink &sink) const override {
    using namespace support;
    const detail::Value &root = context.doc.root();
    // Pointers and names are spelt only for a set that is reported.
    if (const detail::Value *set = member(object_member(&root, "source"), "identity"); is_empty(set)) {
      report(sink, *set, "/source/identity", "the caller");
    }
    if (const detail::Value *targets = member(&root, "targets"); targets != nullptr && targets->IsArray()) {
      for (rapidjson::SizeType i = 0; i < targets->Size(); ++i) {
        const detail::Value *set = member(&(*targets)[i], "identity");
        if (!is_empty(set)) continue;
        std::string pointer = "/targets";
        detail::append_index(pointer, i);
        pointer += "/identity";
        report(sink, *set, pointer, fmt::format("target {}", i));
      }
    }
    if (const detail::Value *set = member(object_member(&root, "meetingInfo"), "organizer"); is_empty(set)) {
      report(sink, *set, "/meetingInfo/organizer", "the meeting organizer");
    }
  }

 private:
  static auto is_empty(const detail::Value *set) -> bool {
    using namespace support;
    // Not an object: the schema's CC103. Any identity member, even one of
    // the wrong type (CC103 again), means the set is not empty.
    if (set == nullptr || !set->IsObject()) return false;
    for (auto it = set->MemberBegin(); it != set->MemberEnd(); ++it) {
      if (is_identity_kind(sv(it->name))) return false;
    }
    return true;
  }

  static void report(detail::DiagnosticSink &sink, const detail::Value &set, std::string pointer,
                     const std::string &who) {
    using namespace support;
    // `{"id": …, "displayName": …}` written straight into the set is the
    // usual way to get here.
    const bool flat = member(&set, "id") != nullptr || member(&set, "displayName") != nullptr;
    sink.report(kEmpty, std::move(pointer), fmt::format("the identity set of {} has no identity in it", who),
                flat ? "move `id` and `displayName` into the identity they describe: `user`, `application`, "
                       "`applicationInstance`, `phone` or `guest`"
                     : "add the identity: `user`, `application`, `applicationInstance`, `phone` or `guest`, with "
                       "its `id`",
                true);
  }

  // clang-format off
  static constexpr RuleMeta kMeta{
      "CC225", "empty-identity-set", Severity::Error, Status::Stable,
      "an identity set of the caller, a target or the organizer names no identity",
      R"md(## What it does
Reports `source.identity`, `targets[].identity` and `meetingInfo.organizer` when the identity set holds no identity at all: none of `user`, `application`, `device`, `applicationInstance`, `phone`, `guest`, `encrypted`, `onPremises`, `azureCommunicationServicesUser`, `assertedIdentity` (only `@odata.type`, `endpointType`, or nothing). The common cause is writing the identity's `id` and `displayName` straight into the set. Members of the wrong type (a string where an identity object belongs) are the schema's CC103, not this rule's.

## Why is this bad?
The metadata makes these identity sets non-nullable (`Nullable="false"` on `invitationParticipantInfo.identity`, `participantInfo.identity` and `organizerMeetingInfo.organizer`, GRAPH.md 1.3 and 3.2): the target to call, the organizer whose meeting to join, the identity to call as. A set with no identity in it names nobody, exactly like a missing one, and the call cannot be placed; no documented body sends one.

## Example
```json
{ "targets": [ { "identity": { "@odata.type": "#microsoft.graph.identitySet", "id": "8a34a46b-3d17-4adc-8dce-dc4e7d572698", "displayName": "Heidi Steen" } } ] }
```

## Use instead
```json
{ "targets": [ { "identity": { "@odata.type": "#microsoft.graph.identitySet", "user": { "id": "8a34a46b-3d17-4adc-8dce-dc4e7d572698", "displayName": "Heidi Steen" } } } ] }
```)md"};
  // clang-format on

  static constexpr std::string_view kMessageIds[]{"empty-identity-set"};
  static constexpr detail::Message kEmpty = detail::message(kMeta, kMessageIds, "empty-identity-set");
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC225_EMPTY_IDENTITY_SET_H_
