// CC108 string-length: emitted by the schema adapter (src/schema/validate.cc); this catalogue entry documents it.
#ifndef CALLCHECK_CATALOG_CC108_STRING_LENGTH_H_
#define CALLCHECK_CATALOG_CC108_STRING_LENGTH_H_

#include "callcheck/rules.h"

namespace callcheck::catalog {

// clang-format off
inline constexpr RuleMeta kStringLength{
    "CC108", "string-length", Severity::Error, Status::Stable,
    "a string is too long or too short",
    R"md(## What it does
Reports strings outside their schema `minLength`/`maxLength`.

## Why is this bad?
The service rejects values longer than the property allows.

## Example
```json
{ "subject": "" }
```

## Use instead
```json
{ "subject": "Weekly sync" }
```)md"};
// clang-format on

}  // namespace callcheck::catalog

#endif  // CALLCHECK_CATALOG_CC108_STRING_LENGTH_H_
