// CC221 duplicate-modality: repeated or meaningless requestedModalities.
#ifndef CALLCHECK_RULES_CC221_DUPLICATE_MODALITY_H_
#define CALLCHECK_RULES_CC221_DUPLICATE_MODALITY_H_

#include "fix/edits.h"
#include "rules/rule_support.h"

#include <fmt/format.h>

#include <string_view>  // std::string_view

namespace callcheck::rules {

class DuplicateModality final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }
  [[nodiscard]] auto message_ids() const -> MessageIds override { return detail::message_ids_of(kMessageIds); }

  void check(const detail::RuleContext &context, detail::DiagnosticSink &sink) const override {
    using namespace support;
    const detail::Value *modalities = member(&context.doc.root(), "requestedModalities");
    if (modalities == nullptr || !modalities->IsArray()) return;
    // Hashed: lists compared with every earlier entry were quadratic in the
    // array (10,000 entries within the default limits).
    SeenStrings seen;
    SeenStrings reported;  // one finding per repeated value, not per repeat
    for (rapidjson::SizeType i = 0; i < modalities->Size(); ++i) {
      const detail::Value &m = (*modalities)[i];
      if (!m.IsString()) continue;  // the schema's CC103
      const std::string_view value = sv(m);
      const bool duplicate = !seen.insert(value);
      const bool pointless = value == "unknown" || value == "unknownFutureValue";
      if (!duplicate && !pointless) continue;
      if (duplicate && !reported.insert(value)) continue;
      std::string pointer = "/requestedModalities";
      detail::append_index(pointer, i);
      if (context.schema_reported(pointer)) continue;  // CC104: not a modality of this API version
      std::optional<Fix> fix;
      if (duplicate) {
        // Every later repeat of this value goes in one fix; the first stays.
        std::vector<std::optional<Edit>> edits;
        for (rapidjson::SizeType j = i; j < modalities->Size(); ++j) {
          if (!(*modalities)[j].IsString() || sv((*modalities)[j]) != value) continue;
          std::string repeat = "/requestedModalities";
          detail::append_index(repeat, j);
          edits.push_back(detail::remove_entry(context.doc, repeat));
        }
        fix = detail::make_fix(kMeta.fix, fmt::format("delete the repeated `{}`", shown(value)), std::move(edits));
      }
      sink.report(duplicate ? kDuplicate : kUnknownModality, pointer,
                  duplicate ? fmt::format("modality `{}` is requested more than once", shown(value))
                            : fmt::format("requesting modality `{}` asks for nothing", shown(value)),
                  duplicate ? "remove the repeated entry" : "request `audio` (and `video`, ... as needed)", false,
                  std::move(fix));
    }
  }

 private:
  // clang-format off
  static constexpr RuleMeta kMeta{
      "CC221", "duplicate-modality", Severity::Warning, Status::Stable,
      "`requestedModalities` repeats a modality or requests `unknown`",
      R"md(## What it does
Reports a modality that appears twice in `requestedModalities`, and the placeholder members `unknown` and `unknownFutureValue` (values that are not modalities of the API version at all are the schema's CC104).

## Why is this bad?
A repeated entry is a copy-paste slip; `unknown` and `unknownFutureValue` are enum sentinels (the 2018 template requested `unknown`), not media the call can carry, so the call may end up without audio.

## Example
```json
{ "requestedModalities": [ "audio", "audio", "unknownFutureValue" ] }
```

## Use instead
```json
{ "requestedModalities": [ "audio" ] }
```

## Fix safety
When a modality is repeated, the fix deletes the later repeats and keeps the first; the set of requested modalities is the same. `unknown` and `unknownFutureValue` have no fix (what to request instead is the author's choice).)md", FixSafety::Safe};
  // clang-format on

  static constexpr std::string_view kMessageIds[]{"duplicate", "unknown-modality"};
  static constexpr detail::Message kDuplicate = detail::message(kMeta, kMessageIds, "duplicate");
  static constexpr detail::Message kUnknownModality = detail::message(kMeta, kMessageIds, "unknown-modality");
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC221_DUPLICATE_MODALITY_H_
