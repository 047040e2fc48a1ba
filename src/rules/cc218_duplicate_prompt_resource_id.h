// CC218 duplicate-prompt-resource-id: resourceId is the prompt's cache key.
#ifndef CALLCHECK_RULES_CC218_DUPLICATE_PROMPT_RESOURCE_ID_H_
#define CALLCHECK_RULES_CC218_DUPLICATE_PROMPT_RESOURCE_ID_H_

#include "rules/rule_support.h"

#include <fmt/format.h>

#include <string_view>  // std::string_view

namespace callcheck::rules {

class DuplicatePromptResourceId final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }
  [[nodiscard]] auto message_ids() const -> MessageIds override { return detail::message_ids_of(kMessageIds); }

  void check(const detail::RuleContext &context, detail::DiagnosticSink &sink) const override {
    using namespace support;
    const detail::Value *media = member(object_member(&context.doc.root(), "mediaConfig"), "preFetchMedia");
    if (media == nullptr || !media->IsArray()) return;
    // Hashed: a list compared with every earlier prompt was quadratic in the
    // array (10,000 prompts within the default limits).
    SeenStrings seen;
    for (rapidjson::SizeType i = 0; i < media->Size(); ++i) {
      std::string_view id;
      if (!string_member(&(*media)[i], "resourceId", &id)) continue;
      if (seen.insert(id)) continue;
      std::string pointer = "/mediaConfig/preFetchMedia";
      detail::append_index(pointer, i);
      pointer += "/resourceId";
      sink.report(kDuplicate, pointer, fmt::format("prompt resourceId `{}` is used twice", shown(id)),
                  "give every prompt its own resourceId (or drop the duplicate prompt)");
    }
  }

 private:
  // clang-format off
  static constexpr RuleMeta kMeta{
      "CC218", "duplicate-prompt-resource-id", Severity::Warning, Status::Stable,
      "two pre-fetched prompts share a `resourceId`",
      R"md(## What it does
Reports a `mediaConfig.preFetchMedia[].resourceId` equal to that of an earlier prompt.

## Why is this bad?
`resourceId` is the key under which the service caches a prompt. Two prompts with the same key means one of them is played when the other is asked for.

## Example
```json
{ "mediaConfig": { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig", "preFetchMedia": [ { "uri": "https://cdn.contoso.com/beep.wav", "resourceId": "1D6DE2D4-CD51-4309-8DAA-70768651088E" }, { "uri": "https://cdn.contoso.com/cool.wav", "resourceId": "1D6DE2D4-CD51-4309-8DAA-70768651088E" } ] } }
```

## Use instead
```json
{ "mediaConfig": { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig", "preFetchMedia": [ { "uri": "https://cdn.contoso.com/beep.wav", "resourceId": "1D6DE2D4-CD51-4309-8DAA-70768651088E" }, { "uri": "https://cdn.contoso.com/cool.wav", "resourceId": "1D6DE2D4-CD51-4309-8DAA-70768651088F" } ] } }
```)md"};
  // clang-format on

  static constexpr std::string_view kMessageIds[]{"duplicate-resource-id"};
  static constexpr detail::Message kDuplicate = detail::message(kMeta, kMessageIds, "duplicate-resource-id");
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC218_DUPLICATE_PROMPT_RESOURCE_ID_H_
