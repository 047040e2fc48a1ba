// CC207 odata-type-missing-hash: `microsoft.graph.x` instead of
// `#microsoft.graph.x` (the 2019-03-28 docs did it; GRAPH.md 1.2).
#ifndef CALLCHECK_RULES_CC207_ODATA_TYPE_MISSING_HASH_H_
#define CALLCHECK_RULES_CC207_ODATA_TYPE_MISSING_HASH_H_

#include "rules/rule_support.h"

#include <fmt/format.h>

namespace callcheck::rules {

class OdataTypeMissingHash final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }

  void check(const detail::RuleContext &context, detail::DiagnosticSink &sink) const override {
    using namespace support;
    walk(context, [&](const Visit &v) {
      if (v.path.key() != "@odata.type" || !v.value.IsString()) return;
      const std::string_view value = sv(v.value);
      if (value.empty() || value.front() == '#' || is_placeholder(value)) return;
      const std::string pointer = v.path.pointer();
      if (context.schema_reported(pointer)) return;
      sink.report(kMeta, pointer, fmt::format("`@odata.type` `{}` lacks the leading `#`", shown(value)),
                  fmt::format("write `#{}`", shown(value)));
    });
  }

 private:
  static constexpr RuleMeta kMeta{
      "CC207", "odata-type-missing-hash", Severity::Warning, Status::Stable,
      "`@odata.type` is written without the leading `#`",
      R"md(## What it does
Reports an `@odata.type` value without the leading `#`, such as `microsoft.graph.serviceHostedMediaConfig`.

## Why is this bad?
OData JSON writes type names in `@odata.type` as `#Namespace.Type`. The service has accepted the short form (the 2019-03-28 documentation used it), so this is a warning, but other OData clients and tools do not.

## Example
```json
{ "mediaConfig": { "@odata.type": "microsoft.graph.serviceHostedMediaConfig" } }
```

## Use instead
```json
{ "mediaConfig": { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig" } }
```)md"};
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC207_ODATA_TYPE_MISSING_HASH_H_
