// CC107 array-size: emitted by the schema adapter (src/schema/validate.cc); this catalogue entry documents it.
#ifndef CALLCHECK_CATALOG_CC107_ARRAY_SIZE_H_
#define CALLCHECK_CATALOG_CC107_ARRAY_SIZE_H_

#include "callcheck/rules.h"

namespace callcheck::catalog {

// clang-format off
inline constexpr RuleMeta kArraySize{
    "CC107", "array-size", Severity::Error, Status::Stable,
    "an array has too many or too few elements",
    R"md(## What it does
Reports arrays shorter than their schema `minItems` or longer than `maxItems`.

## Why is this bad?
Arrays such as `targets` and `requestedModalities` have bounds in the schema.

## Example
```json
{ "requestedModalities": ["audio", "audio", "... 300 entries"] }
```

## Use instead
```json
{ "requestedModalities": ["audio"] }
```)md"};
// clang-format on

}  // namespace callcheck::catalog

#endif  // CALLCHECK_CATALOG_CC107_ARRAY_SIZE_H_
