// CC207 odata-type-missing-hash: `microsoft.graph.x` instead of
// `#microsoft.graph.x` (the 2019-03-28 docs did it; GRAPH.md 1.2).
#ifndef CALLCHECK_RULES_CC207_ODATA_TYPE_MISSING_HASH_H_
#define CALLCHECK_RULES_CC207_ODATA_TYPE_MISSING_HASH_H_

#include "fix/edits.h"
#include "rules/rule_support.h"

#include <fmt/format.h>

namespace callcheck::rules {

class OdataTypeMissingHash final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }
  [[nodiscard]] auto message_ids() const -> MessageIds override { return detail::message_ids_of(kMessageIds); }

  [[nodiscard]] auto visits() const -> unsigned override { return detail::kVisitStrings; }

  void visit(const detail::RuleContext &context, const support::Visit &v, detail::DiagnosticSink &sink) const override {
    using namespace support;
    if (!same(v.path.key(), "@odata.type") || !v.value.IsString()) return;
    const std::string_view value = sv(v.value);
    if (value.empty() || value.front() == '#' || is_placeholder(value)) return;
    const std::string pointer = v.path.pointer();
    if (context.schema_reported(pointer)) return;
    // Inserted after the opening quote, so the value's escapes stay as written.
    const detail::SourceNode *node = context.doc.node(pointer);
    std::optional<Fix> fix;
    if (node != nullptr) fix = Fix{kMeta.fix, "insert the `#`", {Edit{node->begin + 1U, node->begin + 1U, "#", {}}}};
    sink.report(kMissingHash, pointer, fmt::format("`@odata.type` `{}` lacks the leading `#`", shown(value)),
                fmt::format("write `#{}`", shown(value)), false, std::move(fix));
  }

 private:
  // clang-format off
  static constexpr RuleMeta kMeta{
      "CC207", "odata-type-missing-hash", Severity::Info, Status::Preview,
      "`@odata.type` is written without the leading `#`",
      R"md(## What it does
Reports an `@odata.type` value without the leading `#`, such as `microsoft.graph.serviceHostedMediaConfig`.

## Why is this bad?
OData JSON writes type names in `@odata.type` as `#Namespace.Type` (OData JSON Format 4.01, section 4.5.3), and every current create-call example does. The short form is nevertheless accepted by the service: the 2019-03-28 documentation used it, the Graph .NET SDK and the Graph Communications calling SDK serialise `microsoft.graph.*` without `#`, and Microsoft's own Teams calling samples send it (issue 10: ten warnings on a body known to work). So this is a style rule: `info`, and `preview` (off unless `--preview` or `"preview": true`), because a default-on rule must have no known false positive.

## Example
```json
{ "mediaConfig": { "@odata.type": "microsoft.graph.serviceHostedMediaConfig" } }
```

## Use instead
```json
{ "mediaConfig": { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig" } }
```

## Fix safety
The fix inserts the `#`. The service reads both spellings as the same type, so the meaning is kept.)md", FixSafety::Safe};
  // clang-format on

  static constexpr std::string_view kMessageIds[]{"missing-hash"};
  static constexpr detail::Message kMissingHash = detail::message(kMeta, kMessageIds, "missing-hash");
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC207_ODATA_TYPE_MISSING_HASH_H_
