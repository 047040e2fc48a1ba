// CC002 duplicate-key: emitted by the parser (src/document/document.cc); this catalogue entry documents it.
#ifndef CALLCHECK_CATALOG_CC002_DUPLICATE_KEY_H_
#define CALLCHECK_CATALOG_CC002_DUPLICATE_KEY_H_

#include "callcheck/rules.h"

namespace callcheck::catalog {

// clang-format off
inline constexpr RuleMeta kDuplicateKey{
    "CC002", "duplicate-key", Severity::Error, Status::Stable,
    "an object has the same member name twice",
    R"md(## What it does
Reports a member name that occurs more than once in one object: one finding per name, at its second occurrence, with the position of the first and, past two, how many times it occurs.

## Why is this bad?
RFC 8259 leaves the outcome undefined: RapidJSON and valijson keep the first value, many other parsers the last. A validator that reads one value while the service reads the other is a validation bypass.

## Example
```json
{ "callbackUri": "https://bot.contoso.com/a", "callbackUri": "http://evil.example/b" }
```

## Use instead
```json
{ "callbackUri": "https://bot.contoso.com/a" }
```)md"};
// clang-format on

}  // namespace callcheck::catalog

#endif  // CALLCHECK_CATALOG_CC002_DUPLICATE_KEY_H_
