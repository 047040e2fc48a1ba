// CC605 unknown-permission-id: emitted by `callcheck audit` (src/audit/evaluate.cc and its
// readers); this catalogue entry documents it.
#ifndef CALLCHECK_CATALOG_CC605_UNKNOWN_PERMISSION_ID_H_
#define CALLCHECK_CATALOG_CC605_UNKNOWN_PERMISSION_ID_H_

#include "callcheck/rules.h"

namespace callcheck::catalog {

// clang-format off
inline constexpr RuleMeta kUnknownPermissionId{
    "CC605", "unknown-permission-id", Severity::Error, Status::Stable,
    "a declared permission id is no Microsoft Graph permission",
    R"md(## What it does
Reports a permission id that Microsoft's permission data (embedded; see the README for its version) does not know for Microsoft Graph, or an id that is not a GUID at all. When a permission name is written next to it, the help gives that permission's real id. In scripts, an unknown GUID counts only in a permission context (a `=Role`/`=Scope`, a `type` in its record, a permission name next to it): other GUIDs are tenant, object or app ids.

## Why is this bad?
The app is granted nothing for it, so the permission its author meant is missing. Public scripts carry invented ids for real names (the corpus: `f6594d00-0bea-…` and `f6b49018-60ab-4f12-…` written as Calls.JoinGroupCall.All, whose id is `f6b49018-60ab-4f81-83bd-22caeabfed2d`; `a4a80d8d-0849-…` for OnlineMeetingTranscript.Read.All).

## Example
```sh
# Calls.JoinGroupCall.All
az ad app permission add --id $APP_ID --api 00000003-0000-0000-c000-000000000000 --api-permissions f6594d00-0bea-4a83-b09e-4c8c96bc5d28=Role
```

## Use instead
```sh
# Calls.JoinGroupCall.All
az ad app permission add --id $APP_ID --api 00000003-0000-0000-c000-000000000000 --api-permissions f6b49018-60ab-4f81-83bd-22caeabfed2d=Role
```)md"};
// clang-format on

}  // namespace callcheck::catalog

#endif  // CALLCHECK_CATALOG_CC605_UNKNOWN_PERMISSION_ID_H_
