// CC102 unknown-property: emitted by the schema adapter (src/schema/validate.cc); this catalogue entry documents it.
#ifndef CALLCHECK_CATALOG_CC102_UNKNOWN_PROPERTY_H_
#define CALLCHECK_CATALOG_CC102_UNKNOWN_PROPERTY_H_

#include "callcheck/rules.h"

namespace callcheck::catalog {

// clang-format off
inline constexpr RuleMeta kUnknownProperty{
    "CC102", "unknown-property", Severity::Error, Status::Stable,
    "a closed Graph type has a property it does not declare",
    R"md(## What it does
Reports members of closed Graph types (for example `chatInfo`, `mediaInfo`, `serviceHostedMediaConfig`) that the type does not declare, with a did-you-mean suggestion.

## Why is this bad?
The service rejects or ignores undeclared members of closed types; a misspelt name silently loses the setting.

## Example
```json
{ "chatInfo": { "threadID": "19:meeting_abc@thread.v2" } }
```

## Use instead
```json
{ "chatInfo": { "threadId": "19:meeting_abc@thread.v2" } }
```

## Fix safety
When exactly one declared property is closest to the misspelt name (`preFetchMedias` -> `preFetchMedia`), the fix renames the member. It is unsafe: the renamed member now takes effect, which may not be what the author meant. With no suggestion, a tie between two, or the suggested name already present, there is no fix.)md", FixSafety::Unsafe};
// clang-format on

}  // namespace callcheck::catalog

#endif  // CALLCHECK_CATALOG_CC102_UNKNOWN_PROPERTY_H_
