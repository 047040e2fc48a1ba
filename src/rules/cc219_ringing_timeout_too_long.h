// CC219 ringing-timeout-too-long: "max value 115 seconds" (beta call.md).
#ifndef CALLCHECK_RULES_CC219_RINGING_TIMEOUT_TOO_LONG_H_
#define CALLCHECK_RULES_CC219_RINGING_TIMEOUT_TOO_LONG_H_

#include "rules/rule_support.h"

#include <fmt/format.h>

namespace callcheck::rules {

class RingingTimeoutTooLong final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }
  [[nodiscard]] auto message_ids() const -> MessageIds override { return detail::message_ids_of(kMessageIds); }

  void check(const detail::RuleContext &context, detail::DiagnosticSink &sink) const override {
    using namespace support;
    const detail::Value *timeout = member(&context.doc.root(), "ringingTimeoutInSeconds");
    if (timeout == nullptr || !timeout->IsNumber()) return;  // null, or the schema's CC103
    if (context.schema_reported("/ringingTimeoutInSeconds")) return;
    const double seconds = timeout->GetDouble();
    if (seconds >= kMin && seconds <= kMax) return;
    const std::string shown_value =
        timeout->IsInt64() ? std::to_string(timeout->GetInt64()) : fmt::format("{}", seconds);
    sink.report(seconds > kMax ? kAboveMaximum : kBelowMinimum, "/ringingTimeoutInSeconds",
                seconds > kMax
                    ? fmt::format("`ringingTimeoutInSeconds` is {}; the maximum is {}", shown_value, kMax)
                    : fmt::format("`ringingTimeoutInSeconds` is {}; it must be at least {}", shown_value, kMin),
                fmt::format("use a value from {} to {} seconds, or omit it for the default", kMin, kMax));
  }

 private:
  static constexpr double kMin = 1;
  static constexpr double kMax = 115;

  // clang-format off
  static constexpr RuleMeta kMeta{
      "CC219", "ringing-timeout-too-long", Severity::Error, Status::Stable,
      "`ringingTimeoutInSeconds` outside 1..115",
      R"md(## What it does
Reports `ringingTimeoutInSeconds` (beta) above 115 or below 1.

## Why is this bad?
The beta call resource documents "max value 115 seconds"; a larger value is refused. Zero or a negative timeout can never ring and is certainly a mistake (omit the property for the default).

## Example
```json
{ "ringingTimeoutInSeconds": 300 }
```

## Use instead
```json
{ "ringingTimeoutInSeconds": 60 }
```)md"};
  // clang-format on

  static constexpr std::string_view kMessageIds[]{"above-maximum", "below-minimum"};
  static constexpr detail::Message kAboveMaximum = detail::message(kMeta, kMessageIds, "above-maximum");
  static constexpr detail::Message kBelowMinimum = detail::message(kMeta, kMessageIds, "below-minimum");
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC219_RINGING_TIMEOUT_TOO_LONG_H_
