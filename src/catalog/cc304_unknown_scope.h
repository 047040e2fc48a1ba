// CC304 unknown-scope: emitted by src/permissions/permissions.cc; this catalogue entry documents it.
#ifndef CALLCHECK_CATALOG_CC304_UNKNOWN_SCOPE_H_
#define CALLCHECK_CATALOG_CC304_UNKNOWN_SCOPE_H_

#include "callcheck/rules.h"

namespace callcheck::catalog {

// clang-format off
inline constexpr RuleMeta kUnknownScope{
    "CC304", "unknown-scope", Severity::Warning, Status::Stable,
    "a granted Calls.* permission name is not a known permission",
    R"md(## What it does
Reports a granted name that starts with `Calls.` but is neither a known `Calls.*` permission nor one of its documented spellings. Permissions outside `Calls.*` (such as `User.Read.All`) are ignored.

## Why is this bad?
A misspelt permission grants nothing: the call fails with `403 Forbidden` although the permission list looks right.

## Example
Granted permissions (`--scopes`, or the `roles` claim you expect):
```json
{ "roles": [ "Calls.InitiateCall.All" ] }
```

## Use instead
```json
{ "roles": [ "Calls.Initiate.All" ] }
```)md"};
// clang-format on

}  // namespace callcheck::catalog

#endif  // CALLCHECK_CATALOG_CC304_UNKNOWN_SCOPE_H_
