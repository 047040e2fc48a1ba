// CC109 validator-internal-error: emitted by the schema adapter (src/schema/validate.cc); this catalogue entry documents it.
#ifndef CALLCHECK_CATALOG_CC109_VALIDATOR_INTERNAL_ERROR_H_
#define CALLCHECK_CATALOG_CC109_VALIDATOR_INTERNAL_ERROR_H_

#include "callcheck/rules.h"

namespace callcheck::catalog {

// clang-format off
inline constexpr RuleMeta kValidatorInternalError{
    "CC109", "validator-internal-error", Severity::Error, Status::Stable,
    "the schema validator failed on this payload",
    R"md(## What it does
Reports an exception thrown inside the schema validator. The payload is still checked by every rule.

## Why is this bad?
It means a defect in callcheck or its libraries, not necessarily in your payload; please report the input.

## Example
```json
{ }
```

## Use instead
```json
{ "callbackUri": "https://bot.contoso.com/callback", "mediaConfig": { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig" } }
```)md"};
// clang-format on

}  // namespace callcheck::catalog

#endif  // CALLCHECK_CATALOG_CC109_VALIDATOR_INTERNAL_ERROR_H_
