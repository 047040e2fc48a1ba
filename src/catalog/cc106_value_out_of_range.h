// CC106 value-out-of-range: emitted by the schema adapter (src/schema/validate.cc); this catalogue entry documents it.
#ifndef CALLCHECK_CATALOG_CC106_VALUE_OUT_OF_RANGE_H_
#define CALLCHECK_CATALOG_CC106_VALUE_OUT_OF_RANGE_H_

#include "callcheck/rules.h"

namespace callcheck::catalog {

// clang-format off
inline constexpr RuleMeta kValueOutOfRange{
    "CC106", "value-out-of-range", Severity::Error, Status::Stable,
    "a number is outside the allowed range",
    R"md(## What it does
Reports numbers below a schema minimum or above a schema maximum.

## Why is this bad?
The service rejects values outside the range of the property's type.

## Example
```json
{ "ringingTimeoutInSeconds": -5 }
```

## Use instead
```json
{ "ringingTimeoutInSeconds": 60 }
```)md"};
// clang-format on

}  // namespace callcheck::catalog

#endif  // CALLCHECK_CATALOG_CC106_VALUE_OUT_OF_RANGE_H_
