// CC004 limit-exceeded: emitted by the parser (src/document/document.cc); this catalogue entry documents it.
#ifndef CALLCHECK_CATALOG_CC004_LIMIT_EXCEEDED_H_
#define CALLCHECK_CATALOG_CC004_LIMIT_EXCEEDED_H_

#include "callcheck/rules.h"

namespace callcheck::catalog {

// clang-format off
inline constexpr RuleMeta kLimitExceeded{
    "CC004", "limit-exceeded", Severity::Error, Status::Stable,
    "the input exceeds a size, depth or length limit",
    R"md(## What it does
Stops at the position where a documented limit was crossed: bytes per file, nesting depth, string or member-name length, members per object, elements per array.

## Why is this bad?
A create-call body is about a kilobyte and six levels deep. Inputs far beyond that are mistakes or attacks; the limits keep memory and stack use bounded (see the README for the defaults and flags).

## Example
```json
{ "subject": "<100 kilobytes of text>" }
```

## Use instead
```json
{ "subject": "Weekly sync" }
```)md"};
// clang-format on

}  // namespace callcheck::catalog

#endif  // CALLCHECK_CATALOG_CC004_LIMIT_EXCEEDED_H_
