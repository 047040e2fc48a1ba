// CC005 nul-character: emitted by the parser (src/document/document.cc); this catalogue entry documents it.
#ifndef CALLCHECK_CATALOG_CC005_NUL_CHARACTER_H_
#define CALLCHECK_CATALOG_CC005_NUL_CHARACTER_H_

#include "callcheck/rules.h"

namespace callcheck::catalog {

// clang-format off
inline constexpr RuleMeta kNulCharacter{
    "CC005", "nul-character", Severity::Error, Status::Stable,
    "the input contains a NUL byte or a \\u0000 escape",
    R"md(## What it does
Reports a raw NUL byte anywhere in the input and `\u0000` inside a string or member name.

## Why is this bad?
RapidJSON stops reading at a raw NUL, so anything after it would go unchecked. `\u0000` truncates the value for every C-string consumer and has no use in Graph ids, URIs or names.

## Example
```json
{ "subject": "a\u0000b" }
```

## Use instead
```json
{ "subject": "ab" }
```)md"};
// clang-format on

}  // namespace callcheck::catalog

#endif  // CALLCHECK_CATALOG_CC005_NUL_CHARACTER_H_
