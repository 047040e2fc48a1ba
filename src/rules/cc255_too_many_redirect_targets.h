// CC255 too-many-redirect-targets: a simulring redirect to more than 25 targets (call-redirect page).
#ifndef CALLCHECK_RULES_CC255_TOO_MANY_REDIRECT_TARGETS_H_
#define CALLCHECK_RULES_CC255_TOO_MANY_REDIRECT_TARGETS_H_

#include "rules/rule_support.h"

#include <fmt/format.h>

namespace callcheck::rules {

class TooManyRedirectTargets final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }
  [[nodiscard]] auto message_ids() const -> MessageIds override { return detail::message_ids_of(kMessageIds); }

  void check(const detail::RuleContext &context, detail::DiagnosticSink &sink) const override {
    using namespace support;
    if (context.request != "redirect") return;
    const detail::Value *targets = member(&context.doc.root(), "targets");
    if (targets == nullptr || !targets->IsArray() || targets->Size() <= kMax) return;
    sink.report(kTooManyTargets, "/targets",
                fmt::format("redirect to {} targets; at most {} are rung at once", targets->Size(), kMax),
                fmt::format("keep at most {} targets", kMax));
  }

 private:
  static constexpr rapidjson::SizeType kMax = 25;
  // clang-format off
  static constexpr RuleMeta kMeta{
      "CC255", "too-many-redirect-targets", Severity::Error, Status::Stable,
      "a redirect with more than 25 targets",
      R"md(## What it does
Reports a redirect body whose `targets` holds more than 25 entries.

## Why is this bad?
The redirect page (api-reference/v1.0/api/call-redirect.md@3bd18aec, `targets` parameter) limits a multiple-target (simultaneous-ring) redirect to 25 targets (CALLS-API.md 2.1); more targets than the documented maximum are refused.

## Example
```json
{ "note": "targets: 26 invitationParticipantInfo entries" }
```

## Use instead
```json
{ "note": "targets: at most 25 entries" }
```)md"};
  // clang-format on

  static constexpr std::string_view kMessageIds[]{"too-many-targets"};
  static constexpr detail::Message kTooManyTargets = detail::message(kMeta, kMessageIds, "too-many-targets");
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC255_TOO_MANY_REDIRECT_TARGETS_H_
