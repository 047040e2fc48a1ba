// CC007 number-out-of-range: emitted by the parser (src/document/document.cc); this catalogue entry documents it.
#ifndef CALLCHECK_CATALOG_CC007_NUMBER_OUT_OF_RANGE_H_
#define CALLCHECK_CATALOG_CC007_NUMBER_OUT_OF_RANGE_H_

#include "callcheck/rules.h"

namespace callcheck::catalog {

// clang-format off
inline constexpr RuleMeta kNumberOutOfRange{
    "CC007", "number-out-of-range", Severity::Error, Status::Stable,
    "a number does not fit in a 64-bit floating point value",
    R"md(## What it does
Reports numbers whose magnitude overflows a double, such as `1e400` or `1.8e308`.

## Why is this bad?
Parsers disagree on such numbers: RapidJSON 1.1.0 turns some into infinity and rejects others. The service will not read the value you wrote.

## Example
```json
{ "ringingTimeoutInSeconds": 1e400 }
```

## Use instead
```json
{ "ringingTimeoutInSeconds": 60 }
```)md"};
// clang-format on

}  // namespace callcheck::catalog

#endif  // CALLCHECK_CATALOG_CC007_NUMBER_OUT_OF_RANGE_H_
