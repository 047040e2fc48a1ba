// CC256 too-many-prompts: playPrompt with more than 20 prompts, recordResponse
// with more than one (their pages).
#ifndef CALLCHECK_RULES_CC256_TOO_MANY_PROMPTS_H_
#define CALLCHECK_RULES_CC256_TOO_MANY_PROMPTS_H_

#include "rules/rule_support.h"

#include <fmt/format.h>

namespace callcheck::rules {

class TooManyPrompts final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }
  [[nodiscard]] auto message_ids() const -> MessageIds override { return detail::message_ids_of(kMessageIds); }

  void check(const detail::RuleContext &context, detail::DiagnosticSink &sink) const override {
    using namespace support;
    rapidjson::SizeType max = 0;
    if (context.request == "playPrompt") max = 20;
    if (context.request == "recordResponse") max = 1;
    if (max == 0) return;
    const detail::Value *prompts = member(&context.doc.root(), "prompts");
    if (prompts == nullptr || !prompts->IsArray() || prompts->Size() <= max) return;
    sink.report(
        kTooManyPrompts, "/prompts",
        fmt::format("{} with {} prompts; it takes at most {}", context.request, prompts->Size(), max),
        max == 1 ? "recordResponse plays one prompt before recording: keep one, play the others with playPrompt first"
                 : "split the prompts over several playPrompt requests");
  }

 private:
  // clang-format off
  static constexpr RuleMeta kMeta{
      "CC256", "too-many-prompts", Severity::Error, Status::Stable,
      "playPrompt with more than 20 prompts, recordResponse with more than one",
      R"md(## What it does
Reports a playPrompt body with more than 20 `prompts`, and a recordResponse body with more than one.

## Why is this bad?
The playPrompt page (api-reference/v1.0/api/call-playprompt.md@9f96a150) supports at most 20 prompts per request and the recordResponse page (call-record.md@58328433, `prompts` parameter) only a single prompt (CALLS-API.md 2.1); longer lists are refused.

## Example
```json
{ "prompts": [ { "mediaInfo": { "uri": "https://cdn.contoso.com/a.wav" } }, { "mediaInfo": { "uri": "https://cdn.contoso.com/b.wav" } } ], "maxRecordDurationInSeconds": 10 }
```

## Use instead
```json
{ "prompts": [ { "mediaInfo": { "uri": "https://cdn.contoso.com/a.wav" } } ], "maxRecordDurationInSeconds": 10 }
```)md"};
  // clang-format on

  static constexpr std::string_view kMessageIds[]{"too-many-prompts"};
  static constexpr detail::Message kTooManyPrompts = detail::message(kMeta, kMessageIds, "too-many-prompts");
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC256_TOO_MANY_PROMPTS_H_
