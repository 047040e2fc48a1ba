// CC257 record-response-limit: recordResponse timeouts outside 1..120 s and
// recordings longer than 2 minutes (call-record page).
#ifndef CALLCHECK_RULES_CC257_RECORD_RESPONSE_LIMIT_H_
#define CALLCHECK_RULES_CC257_RECORD_RESPONSE_LIMIT_H_

#include "rules/rule_support.h"

#include <fmt/format.h>

namespace callcheck::rules {

class RecordResponseLimit final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }
  [[nodiscard]] auto message_ids() const -> MessageIds override { return detail::message_ids_of(kMessageIds); }

  void check(const detail::RuleContext &context, detail::DiagnosticSink &sink) const override {
    using namespace support;
    if (context.request != "recordResponse") return;
    for (const char *name :
         {"initialSilenceTimeoutInSeconds", "maxSilenceTimeoutInSeconds", "maxRecordDurationInSeconds"}) {
      const auto seconds = top_level_number_outside(context, name, 1, 120);
      if (!seconds) continue;
      sink.report(kOutOfRange, std::string("/") + name,
                  fmt::format("`{}` is {}; the range is 1 to 120 seconds", name, *seconds),
                  "use a value from 1 to 120 (a recording lasts at most 2 minutes), or omit it for the default");
    }
  }

 private:
  // clang-format off
  static constexpr RuleMeta kMeta{
      "CC257", "record-response-limit", Severity::Error, Status::Stable,
      "recordResponse timeouts outside 1..120 s",
      R"md(## What it does
Reports `initialSilenceTimeoutInSeconds`, `maxSilenceTimeoutInSeconds` or `maxRecordDurationInSeconds` of a recordResponse body below 1 or above 120.

## Why is this bad?
The recordResponse page (api-reference/v1.0/api/call-record.md@58328433) gives each of them a range of 1 to 120 seconds and says a recording lasts at most 2 minutes (CALLS-API.md 2.1); a value outside the documented range is refused.

## Example
```json
{ "maxRecordDurationInSeconds": 300 }
```

## Use instead
```json
{ "maxRecordDurationInSeconds": 120 }
```)md"};
  // clang-format on

  static constexpr std::string_view kMessageIds[]{"out-of-range"};
  static constexpr detail::Message kOutOfRange = detail::message(kMeta, kMessageIds, "out-of-range");
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC257_RECORD_RESPONSE_LIMIT_H_
