// CC209 beta-only-property: members that only the beta metadata declares,
// sent under --api v1.0 (GRAPH.md 1.1/1.3, 2.4 "doc-vs-metadata mismatches").
#ifndef CALLCHECK_RULES_CC209_BETA_ONLY_PROPERTY_H_
#define CALLCHECK_RULES_CC209_BETA_ONLY_PROPERTY_H_

#include "rules/rule_support.h"

#include <fmt/format.h>

namespace callcheck::rules {

class BetaOnlyProperty final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }
  [[nodiscard]] auto message_ids() const -> MessageIds override { return detail::message_ids_of(kMessageIds); }

  [[nodiscard]] auto visits() const -> unsigned override { return detail::kVisitObjects; }

  void visit(const detail::RuleContext &context, const support::Visit &v, detail::DiagnosticSink &sink) const override {
    using namespace support;
    if (context.api != ApiVersion::V1) return;
    if (!v.value.IsObject() || v.schema == nullptr || v.undeclared == 0) return;
    // The beta schema of this object, computed only once an undeclared
    // member turns up (clean v1.0 bodies never pay for it).
    const SchemaFacts *beta_schema = nullptr;
    bool looked_up = false;
    const SchemaFacts &facts = *v.schema;
    for (auto it = v.value.MemberBegin(); it != v.value.MemberEnd(); ++it) {
      const std::string_view name = sv(it->name);
      if (name.empty() || name.front() == '@' || is_declared(facts, name)) continue;
      if (!looked_up) {
        beta_schema = call_schema_at(ApiVersion::Beta, context, v.path.pointer());
        looked_up = true;
      }
      if (beta_schema == nullptr || !is_declared(*beta_schema, name)) continue;
      const std::string pointer = v.path.pointer(name);
      if (context.schema_reported(pointer)) continue;  // CC102 on a closed v1.0 type
      const std::string_view type = facts.title;
      sink.report(kBetaOnly, pointer, fmt::format("`{}` exists on `{}` only in the beta API, not in v1.0", name, type),
                  "remove it, or send the request to the beta endpoint (`--api beta`)", true);
    }
  }

 private:
  // clang-format off
  static constexpr RuleMeta kMeta{
      "CC209", "beta-only-property", Severity::Warning, Status::Stable,
      "a property that only the beta API declares, in a v1.0 request",
      R"md(## What it does
Under `--api v1.0`, reports members that the beta metadata declares on the object's type but the v1.0 metadata does not: `ringingTimeoutInSeconds`, `routingPolicies`, `activeModalities`, `answeredBy`, `meetingCapability`, `terminationReason` on the call, `allowConversationWithoutHost` on meeting info, and so on. Where the v1.0 type is closed the schema already reports the member (CC102) and this rule stays quiet.

## Why is this bad?
The v1.0 service does not know the property; on an open type it silently drops it, so the behaviour the caller asked for (a ringing timeout, a routing policy) does not happen. A warning rather than an error because the v1.0 documentation's own examples send `removeFromDefaultAudioGroup` and `allowConversationWithoutHost` (GRAPH.md 2.4).

## Example
```json
{ "callbackUri": "https://bot.contoso.com/callback", "ringingTimeoutInSeconds": 60 }
```

## Use instead
```json
{ "callbackUri": "https://bot.contoso.com/callback" }
```)md"};
  // clang-format on

  static constexpr std::string_view kMessageIds[]{"beta-only"};
  static constexpr detail::Message kBetaOnly = detail::message(kMeta, kMessageIds, "beta-only");
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC209_BETA_ONLY_PROPERTY_H_
