// CC003 invalid-encoding: emitted by the parser (src/document/document.cc); this catalogue entry documents it.
#ifndef CALLCHECK_CATALOG_CC003_INVALID_ENCODING_H_
#define CALLCHECK_CATALOG_CC003_INVALID_ENCODING_H_

#include "callcheck/rules.h"

namespace callcheck::catalog {

// clang-format off
inline constexpr RuleMeta kInvalidEncoding{
    "CC003", "invalid-encoding", Severity::Error, Status::Stable,
    "the input is not well-formed UTF-8",
    R"md(## What it does
Reports invalid UTF-8 (overlong forms, encoded surrogates, truncated sequences, bytes that never occur in UTF-8), escaped lone surrogates such as `\udc00`, and UTF-16 or UTF-32 input.

## Why is this bad?
RFC 8259 requires UTF-8 for JSON exchanged between systems. RapidJSON 1.1.0 accepts some of these byte sequences silently, so a payload could validate here and be rejected or misread by the service.

## Example
```json
{ "subject": "caf\u00e9 \udc00" }
```

## Use instead
```json
{ "subject": "caf\u00e9" }
```)md"};
// clang-format on

}  // namespace callcheck::catalog

#endif  // CALLCHECK_CATALOG_CC003_INVALID_ENCODING_H_
