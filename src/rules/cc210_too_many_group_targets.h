// CC210 too-many-group-targets: group calls take up to 5 VoIP users
// (create-call Examples 3-4, GRAPH.md 3.2).
#ifndef CALLCHECK_RULES_CC210_TOO_MANY_GROUP_TARGETS_H_
#define CALLCHECK_RULES_CC210_TOO_MANY_GROUP_TARGETS_H_

#include "rules/rule_support.h"

#include <fmt/format.h>

namespace callcheck::rules {

class TooManyGroupTargets final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }
  [[nodiscard]] auto message_ids() const -> MessageIds override { return detail::message_ids_of(kMessageIds); }

  void check(const detail::RuleContext &context, detail::DiagnosticSink &sink) const override {
    using namespace support;
    const detail::Value *targets = member(&context.doc.root(), "targets");
    if (targets == nullptr || !targets->IsArray()) return;
    std::size_t voip = 0;
    std::size_t sixth = 0;
    for (rapidjson::SizeType i = 0; i < targets->Size(); ++i) {
      const detail::Value *identity = object_member(&(*targets)[i], "identity");
      if (identity == nullptr || member(identity, "phone") != nullptr) continue;
      if (++voip == kMaxVoip + 1) sixth = i;
    }
    if (voip <= kMaxVoip) return;
    std::string pointer = "/targets";
    detail::append_index(pointer, sixth);
    sink.report(kTooManyVoip, pointer,
                fmt::format("the call invites {} VoIP targets; a group call takes at most {}", voip, kMaxVoip),
                "invite the others after the call is established (participant: invite), or split the call");
  }

 private:
  static constexpr std::size_t kMaxVoip = 5;

  // clang-format off
  static constexpr RuleMeta kMeta{
      "CC210", "too-many-group-targets", Severity::Warning, Status::Stable,
      "a group call invites more than 5 VoIP targets",
      R"md(## What it does
Counts the targets whose identity is not a `phone` and reports the sixth when there are more than five.

## Why is this bad?
The create-call documentation states that group calls support up to 5 VoIP users (Examples 3 and 4, since 2019). A warning, not an error: the limit is stated only in example prose, not in the metadata, and callcheck cannot tell whether the service enforces it at creation.

## Example
```json
{ "targets": [ { "identity": { "user": { "id": "00000000-0000-0000-0000-000000000001" } } }, { "identity": { "user": { "id": "00000000-0000-0000-0000-000000000002" } } }, { "identity": { "user": { "id": "00000000-0000-0000-0000-000000000003" } } }, { "identity": { "user": { "id": "00000000-0000-0000-0000-000000000004" } } }, { "identity": { "user": { "id": "00000000-0000-0000-0000-000000000005" } } }, { "identity": { "user": { "id": "00000000-0000-0000-0000-000000000006" } } } ] }
```

## Use instead
```json
{ "targets": [ { "identity": { "user": { "id": "00000000-0000-0000-0000-000000000001" } } }, { "identity": { "user": { "id": "00000000-0000-0000-0000-000000000002" } } } ] }
```)md"};
  // clang-format on

  static constexpr std::string_view kMessageIds[]{"too-many-voip-targets"};
  static constexpr detail::Message kTooManyVoip = detail::message(kMeta, kMessageIds, "too-many-voip-targets");
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC210_TOO_MANY_GROUP_TARGETS_H_
