// CC100 schema-violation: emitted by the schema adapter (src/schema/validate.cc); this header documents it.
#ifndef CALLCHECK_RULES_CC100_SCHEMA_VIOLATION_H_
#define CALLCHECK_RULES_CC100_SCHEMA_VIOLATION_H_

#include "rules/rule.h"

namespace callcheck::rules {

class SchemaViolation final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }

 private:
  static constexpr RuleMeta kMeta{
      "CC100", "schema-violation", Severity::Error, Status::Stable,
      "the payload violates the schema in a way no more specific code covers",
      R"md(## What it does
Reports a schema failure that is not a missing property, unknown property, wrong type, enum mismatch or range problem.

## Why is this bad?
The schema is generated from the official Graph metadata; a body that violates it is not what the service accepts.

## Example
```json
{ "callbackUri": "https://bot.contoso.com/callback", "mediaConfig": { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig" }, "targets": [] }
```

## Use instead
```json
{ "callbackUri": "https://bot.contoso.com/callback", "mediaConfig": { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig" } }
```)md"};
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC100_SCHEMA_VIOLATION_H_
