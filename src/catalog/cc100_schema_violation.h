// CC100 schema-violation: emitted by the schema adapter (src/schema/validate.cc); this catalogue entry documents it.
#ifndef CALLCHECK_CATALOG_CC100_SCHEMA_VIOLATION_H_
#define CALLCHECK_CATALOG_CC100_SCHEMA_VIOLATION_H_

#include "callcheck/rules.h"

namespace callcheck::catalog {

// clang-format off
inline constexpr RuleMeta kSchemaViolation{
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
// clang-format on

}  // namespace callcheck::catalog

#endif  // CALLCHECK_CATALOG_CC100_SCHEMA_VIOLATION_H_
