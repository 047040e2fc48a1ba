// CC104 enum-mismatch: emitted by the schema adapter (src/schema/validate.cc); this catalogue entry documents it.
#ifndef CALLCHECK_CATALOG_CC104_ENUM_MISMATCH_H_
#define CALLCHECK_CATALOG_CC104_ENUM_MISMATCH_H_

#include "callcheck/rules.h"

namespace callcheck::catalog {

// clang-format off
inline constexpr RuleMeta kEnumMismatch{
    "CC104", "enum-mismatch", Severity::Error, Status::Stable,
    "a value is not one of the allowed enum members",
    R"md(## What it does
Reports enum values (modalities, endpoint types, routing policies, ...) that the selected API version does not define, with the allowed values and a did-you-mean suggestion.

## Why is this bad?
Enum members are case-sensitive and differ between beta and v1.0; the service rejects unknown members.

## Example
```json
{ "requestedModalities": ["vdeo"] }
```

## Use instead
```json
{ "requestedModalities": ["video"] }
```

## Fix safety
When the value differs from an allowed value only in letter case (`Audio` -> `audio`), the fix writes the allowed spelling; that is the value the author meant. Other mismatches have no fix.)md", FixSafety::Safe};
// clang-format on

}  // namespace callcheck::catalog

#endif  // CALLCHECK_CATALOG_CC104_ENUM_MISMATCH_H_
