// CC254 redirect-timeout-out-of-range: redirect `timeout` outside 15..90 s (call-redirect page).
#ifndef CALLCHECK_RULES_CC254_REDIRECT_TIMEOUT_OUT_OF_RANGE_H_
#define CALLCHECK_RULES_CC254_REDIRECT_TIMEOUT_OUT_OF_RANGE_H_

#include "rules/rule_support.h"

#include <fmt/format.h>

namespace callcheck::rules {

class RedirectTimeoutOutOfRange final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }
  [[nodiscard]] auto message_ids() const -> MessageIds override { return detail::message_ids_of(kMessageIds); }

  void check(const detail::RuleContext &context, detail::DiagnosticSink &sink) const override {
    using namespace support;
    if (context.request != "redirect") return;
    const auto seconds = top_level_number_outside(context, "timeout", kMin, kMax);
    if (!seconds) return;
    sink.report(kOutOfRange, "/timeout",
                fmt::format("redirect `timeout` is {}; the range is {} to {} seconds", *seconds, kMin, kMax),
                fmt::format("use a value from {} to {}, or omit it", kMin, kMax));
  }

 private:
  static constexpr double kMin = 15;
  static constexpr double kMax = 90;
  // clang-format off
  static constexpr RuleMeta kMeta{
      "CC254", "redirect-timeout-out-of-range", Severity::Error, Status::Stable,
      "redirect `timeout` outside 15..90 seconds",
      R"md(## What it does
Reports a redirect body whose `timeout` is below 15 or above 90 seconds.

## Why is this bad?
The redirect page (api-reference/v1.0/api/call-redirect.md@3bd18aec, `timeout` parameter) gives the range of `timeout` as 15 to 90 seconds, inclusive; a value outside the documented range is refused, as `ringingTimeoutInSeconds` outside its range is (CC219).

## Example
```json
{ "targets": [ { "identity": { "user": { "id": "550fae72-d251-43ec-868c-373732c2704f" } } } ], "timeout": 120 }
```

## Use instead
```json
{ "targets": [ { "identity": { "user": { "id": "550fae72-d251-43ec-868c-373732c2704f" } } } ], "timeout": 60 }
```)md"};
  // clang-format on

  static constexpr std::string_view kMessageIds[]{"out-of-range"};
  static constexpr detail::Message kOutOfRange = detail::message(kMeta, kMessageIds, "out-of-range");
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC254_REDIRECT_TIMEOUT_OUT_OF_RANGE_H_
