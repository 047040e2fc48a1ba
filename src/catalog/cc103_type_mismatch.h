// CC103 type-mismatch: emitted by the schema adapter (src/schema/validate.cc); this catalogue entry documents it.
#ifndef CALLCHECK_CATALOG_CC103_TYPE_MISMATCH_H_
#define CALLCHECK_CATALOG_CC103_TYPE_MISMATCH_H_

#include "callcheck/rules.h"

namespace callcheck::catalog {

// clang-format off
inline constexpr RuleMeta kTypeMismatch{
    "CC103", "type-mismatch", Severity::Error, Status::Stable,
    "a value has the wrong JSON type",
    R"md(## What it does
Reports a value whose JSON type differs from the Graph metadata: a string where an object is expected, a number for a boolean, and so on.

## Why is this bad?
The service cannot deserialise the body and fails the request.

## Example
```json
{ "requestedModalities": "audio" }
```

## Use instead
```json
{ "requestedModalities": ["audio"] }
```)md"};
// clang-format on

}  // namespace callcheck::catalog

#endif  // CALLCHECK_CATALOG_CC103_TYPE_MISMATCH_H_
