// CC008 number-precision-loss: emitted by the parser (src/document/document.cc); this catalogue entry documents it.
#ifndef CALLCHECK_CATALOG_CC008_NUMBER_PRECISION_LOSS_H_
#define CALLCHECK_CATALOG_CC008_NUMBER_PRECISION_LOSS_H_

#include "callcheck/rules.h"

namespace callcheck::catalog {

// clang-format off
inline constexpr RuleMeta kNumberPrecisionLoss{
    "CC008", "number-precision-loss", Severity::Warning, Status::Stable,
    "a number cannot be represented exactly as a double",
    R"md(## What it does
Reports integers beyond 2^53 and literals with more than 17 significant digits.

## Why is this bad?
.NET and JavaScript read JSON numbers as doubles; such a number arrives as a different value.

## Example
```json
{ "subject": 12345678901234567890 }
```

## Use instead
```json
{ "subject": "12345678901234567890" }
```)md"};
// clang-format on

}  // namespace callcheck::catalog

#endif  // CALLCHECK_CATALOG_CC008_NUMBER_PRECISION_LOSS_H_
