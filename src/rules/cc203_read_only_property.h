// CC203 read-only-property: server-generated members in a create body
// (GRAPH.md 3.1), read from the schemas' x-callcheck-readOnly marker.
#ifndef CALLCHECK_RULES_CC203_READ_ONLY_PROPERTY_H_
#define CALLCHECK_RULES_CC203_READ_ONLY_PROPERTY_H_

#include "rules/rule_support.h"

#include <fmt/format.h>

namespace callcheck::rules {

class ReadOnlyProperty final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }

  void check(const detail::RuleContext &context, detail::DiagnosticSink &sink) const override {
    using namespace support;
    walk(context, [&](const Visit &v) {
      if (!schema_flag(v.declared, "x-callcheck-readOnly")) return;
      // `null` asks nothing of the service; current examples send
      // `"languageId": null` in `source`.
      if (v.value.IsNull()) return;
      const std::string pointer = v.path.pointer();
      const std::string_view owner = Navigator::type_name(v.parent_schema);
      sink.report(kMeta, pointer,
                  fmt::format("`{}` is read-only{}; the service sets it", v.path.key(),
                              owner.empty() ? std::string() : fmt::format(" on `{}`", owner)),
                  fmt::format("remove `{}` from the create request", v.path.key()), true);
    });
  }

 private:
  static constexpr RuleMeta kMeta{
      "CC203", "read-only-property", Severity::Warning, Status::Stable,
      "a read-only, server-generated property is sent in a create request",
      R"md(## What it does
Reports members the Graph documentation marks read-only or server generated when they appear in a create-call body: `id`, `state`, `direction`, `tenantId`, `myParticipantId`, `resultInfo`, `callRoutes`, `mediaState`, `toneInfo`, `transcription`, `incomingContext`, `callChainId`, the beta-only `activeModalities`, `answeredBy`, `meetingCapability`, `terminationReason`, and the members of `participantInfo` other than `identity`. The list is the `x-callcheck-readOnly` marker in the schemas. `null` values are not reported.

## Why is this bad?
The service ignores these members (the 2018-19 page said so outright), so a value there does not do what its author expected. A warning, not an error: the documentation's own examples send `direction` and `tenantId`.

## Example
```json
{ "callbackUri": "https://bot.contoso.com/callback", "state": "incoming", "direction": "outgoing" }
```

## Use instead
```json
{ "callbackUri": "https://bot.contoso.com/callback" }
```)md"};
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC203_READ_ONLY_PROPERTY_H_
