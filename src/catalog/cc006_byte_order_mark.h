// CC006 byte-order-mark: emitted by the parser (src/document/document.cc); this catalogue entry documents it.
#ifndef CALLCHECK_CATALOG_CC006_BYTE_ORDER_MARK_H_
#define CALLCHECK_CATALOG_CC006_BYTE_ORDER_MARK_H_

#include "callcheck/rules.h"

namespace callcheck::catalog {

// clang-format off
inline constexpr RuleMeta kByteOrderMark{
    "CC006", "byte-order-mark", Severity::Warning, Status::Stable,
    "the input starts with a UTF-8 byte order mark",
    R"md(## What it does
Reports a UTF-8 byte order mark at the start of the input; the rest is then checked normally.

## Why is this bad?
RFC 8259 says JSON text must not begin with a BOM. Some parsers reject it, others skip it, so the same file behaves differently per tool.

## Example
```json
<EF BB BF>{ "callbackUri": "https://bot.contoso.com/callback" }
```

## Use instead
```json
{ "callbackUri": "https://bot.contoso.com/callback" }
```

## Fix safety
The fix deletes the three bytes of the byte order mark; the JSON text after it is unchanged.)md", FixSafety::Safe};
// clang-format on

}  // namespace callcheck::catalog

#endif  // CALLCHECK_CATALOG_CC006_BYTE_ORDER_MARK_H_
