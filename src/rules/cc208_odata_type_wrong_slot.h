// CC208 odata-type-wrong-slot: an @odata.type that names a real Graph type,
// but not one that fits where the object sits (GRAPH.md 1.2: targets typed
// `participantInfo` in the current group-call examples).
#ifndef CALLCHECK_RULES_CC208_ODATA_TYPE_WRONG_SLOT_H_
#define CALLCHECK_RULES_CC208_ODATA_TYPE_WRONG_SLOT_H_

#include "rules/rule_support.h"

#include <fmt/format.h>

namespace callcheck::rules {

class OdataTypeWrongSlot final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }
  [[nodiscard]] auto message_ids() const -> MessageIds override { return detail::message_ids_of(kMessageIds); }

  [[nodiscard]] auto visits() const -> unsigned override { return detail::kVisitObjects; }

  void visit(const detail::RuleContext &context, const support::Visit &v, detail::DiagnosticSink &sink) const override {
    using namespace support;
    if (!v.value.IsObject() || v.schema == nullptr) return;
    if (v.odata_type == nullptr || !v.odata_type->IsString()) return;
    const std::string_view value = sv(*v.odata_type);
    const std::string_view expected = v.schema->title;
    const std::string_view named = graph::unqualified(value);
    if (expected.empty() || same(named, expected) || fits(expected, named)) return;
    if (!graph::is_known_type(named)) return;  // unknown names are CC201's (did-you-mean)
    const std::string pointer = v.path.pointer("@odata.type");
    if (context.schema_reported(pointer)) return;  // CC105: discriminator of an abstract slot
    sink.report(kWrongType, pointer,
                fmt::format("`{}` is typed `{}`, but this slot holds `{}`", v.path.pointer(), shown(value), expected),
                fmt::format("write `#microsoft.graph.{}`", expected));
  }

 private:
  // Derived types that may stand where the base type is declared.
  static auto fits(std::string_view base, std::string_view type) -> bool {
    if (support::same(base, "identitySet")) return support::same(type, "communicationsIdentitySet");
    if (support::same(base, "identity")) {
      return support::same(type, "azureCommunicationServicesUserIdentity") ||
             (support::starts_with(type, "communications") && support::ends_with(type, "Identity"));
    }
    if (support::same(base, "entity")) return support::same(type, "call");
    if (support::same(base, "mediaConfig"))
      return support::same(type, "serviceHostedMediaConfig") || support::same(type, "appHostedMediaConfig");
    if (support::same(base, "meetingInfo")) {
      return support::same(type, "organizerMeetingInfo") || support::same(type, "tokenMeetingInfo") ||
             support::same(type, "joinMeetingIdMeetingInfo");
    }
    if (support::same(base, "callOptions"))
      return support::same(type, "outgoingCallOptions") || support::same(type, "incomingCallOptions");
    return false;
  }

  // clang-format off
  static constexpr RuleMeta kMeta{
      "CC208", "odata-type-wrong-slot", Severity::Warning, Status::Stable,
      "`@odata.type` names a Graph type that does not fit where the object is",
      R"md(## What it does
Compares an object's `@odata.type` with the type its position declares: a target must be an `invitationParticipantInfo`, an `identity` member an `identitySet` (or `communicationsIdentitySet`), a member of an identity set an `identity` (or one of its `communications…Identity` subtypes). Discriminators of abstract slots (`mediaConfig`, `meetingInfo`, `callOptions`) are checked by the schema (CC105); names that are no Graph type at all are CC201.

## Why is this bad?
The service reads the object as the type it is told. A target typed `participantInfo` is an older shape (the two types stopped being related in 2021) whose members differ. A warning: the current group-call examples in the documentation do exactly this, and the service accepts it today.

## Example
```json
{ "targets": [ { "@odata.type": "#microsoft.graph.participantInfo", "identity": { "user": { "id": "bf5aae9a-d11d-47a8-93b1-782504c95555" } } } ] }
```

## Use instead
```json
{ "targets": [ { "@odata.type": "#microsoft.graph.invitationParticipantInfo", "identity": { "user": { "id": "bf5aae9a-d11d-47a8-93b1-782504c95555" } } } ] }
```)md"};
  // clang-format on

  static constexpr std::string_view kMessageIds[]{"wrong-type"};
  static constexpr detail::Message kWrongType = detail::message(kMeta, kMessageIds, "wrong-type");
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC208_ODATA_TYPE_WRONG_SLOT_H_
