// CC203 read-only-property: server-generated members in a create body
// (GRAPH.md 3.1, corrected by issue 10: `tenantId` is not one), read from the
// schemas' x-callcheck-readOnly marker. Information only: the service ignores them.
#ifndef CALLCHECK_RULES_CC203_READ_ONLY_PROPERTY_H_
#define CALLCHECK_RULES_CC203_READ_ONLY_PROPERTY_H_

#include "rules/rule_support.h"

#include <fmt/format.h>

namespace callcheck::rules {

class ReadOnlyProperty final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }
  [[nodiscard]] auto message_ids() const -> MessageIds override { return detail::message_ids_of(kMessageIds); }

  [[nodiscard]] auto visits() const -> unsigned override { return detail::kVisitAll; }

  void visit(const detail::RuleContext & /*context*/, const support::Visit &v,
             detail::DiagnosticSink &sink) const override {
    using namespace support;
    if (!facts_of(v.declared).read_only) return;
    // `null` asks nothing of the service; current examples send
    // `"languageId": null` in `source`.
    if (v.value.IsNull()) return;
    const std::string pointer = v.path.pointer();
    const std::string_view owner = facts_of(v.parent_schema).title;
    sink.report(kReadOnly, pointer,
                fmt::format("`{}` is set by the service{}; the create request's value is ignored", v.path.key(),
                            owner.empty() ? std::string() : fmt::format(" on `{}`", owner)),
                "nothing breaks; it can be left out of create requests", true);
  }

 private:
  // clang-format off
  static constexpr RuleMeta kMeta{
      "CC203", "read-only-property", Severity::Info, Status::Stable,
      "a server-generated property is sent in a create request",
      R"md(## What it does
Reports, as information, members that the Graph documentation marks read-only or server generated when they appear in a create-call body: `id`, `state`, `direction`, `myParticipantId`, `resultInfo`, `callRoutes`, `mediaState`, `toneInfo`, `transcription`, `incomingContext`, the beta-only `activeModalities`, `answeredBy`, `meetingCapability`, `terminationReason`, and the members of `participantInfo` other than `identity`. The list is the `x-callcheck-readOnly` marker in the schemas. `null` values are not reported.

The call's `tenantId` is **not** on the list: an app-only bot names the tenant of the call with it, and a meeting join without a tenant the service can read fails with error 7505 "Request authorization tenant mismatch" (microsoftgraph/microsoft-graph-docs#9481 and #7080; the docs added it to the join example for that reason in PR #9496; the v1.0 call page and the v1.0 and beta join examples send it; only the 2018-19 beta `call` page called it read-only). Nor is `callChainId`, which the call page says "needs to be copied over" from an existing call.

## Why is this bad?
It is not: the service ignores these members in a create request (the 2018-19 beta create-call page said "properties marked server generated are ignored on POST"), so sending them breaks nothing, and the documentation's own examples send `direction`. The finding is information only, for readers who expect the value to have an effect (`"state": "established"` does not establish anything).

## Example
```json
{ "callbackUri": "https://bot.contoso.com/callback", "state": "incoming", "direction": "outgoing" }
```

## Use instead
```json
{ "callbackUri": "https://bot.contoso.com/callback" }
```)md"};
  // clang-format on

  static constexpr std::string_view kMessageIds[]{"read-only"};
  static constexpr detail::Message kReadOnly = detail::message(kMeta, kMessageIds, "read-only");
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC203_READ_ONLY_PROPERTY_H_
