// CC101 missing-required-property: emitted by the schema adapter (src/schema/validate.cc); this catalogue entry documents it.
#ifndef CALLCHECK_CATALOG_CC101_MISSING_REQUIRED_PROPERTY_H_
#define CALLCHECK_CATALOG_CC101_MISSING_REQUIRED_PROPERTY_H_

#include "callcheck/rules.h"

namespace callcheck::catalog {

// clang-format off
inline constexpr RuleMeta kMissingRequiredProperty{
    "CC101", "missing-required-property", Severity::Error, Status::Stable,
    "a required property is missing",
    R"md(## What it does
Reports a property the create-call request needs: `callbackUri` and `mediaConfig` on the call, `@odata.type` on abstract slots, `identity` on a target, and the other non-nullable members of the Graph metadata.

## Why is this bad?
The service answers `400 Bad Request` without these; `callbackUri` is the only non-nullable property of `call` in every edition of the metadata.

## Example
```json
{ "mediaConfig": { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig" } }
```

## Use instead
```json
{ "callbackUri": "https://bot.contoso.com/callback", "mediaConfig": { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig" } }
```)md"};
// clang-format on

}  // namespace callcheck::catalog

#endif  // CALLCHECK_CATALOG_CC101_MISSING_REQUIRED_PROPERTY_H_
