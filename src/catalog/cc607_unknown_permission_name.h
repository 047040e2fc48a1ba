// CC607 unknown-permission-name: emitted by `callcheck audit` (src/audit/evaluate.cc and its
// readers); this catalogue entry documents it.
#ifndef CALLCHECK_CATALOG_CC607_UNKNOWN_PERMISSION_NAME_H_
#define CALLCHECK_CATALOG_CC607_UNKNOWN_PERMISSION_NAME_H_

#include "callcheck/rules.h"

namespace callcheck::catalog {

// clang-format off
inline constexpr RuleMeta kUnknownPermissionName{
    "CC607", "unknown-permission-name", Severity::Error, Status::Stable,
    "a permission name Entra does not know: a legacy documentation spelling or a typo",
    R"md(## What it does
Reports a permission name that is not exactly the name of a Microsoft Graph permission, with a did-you-mean: the plural documentation spellings (`Calls.JoinGroupCalls.All`, `Calls.InitiateGroupCalls.All`, `Calls.JoinGroupCallsasGuest.All`), other case (`Calls.JoinGroupCallasGuest.All`, which Microsoft's data lists without any id), and typos (`Calls.JoinGroup.All`, `Calls.JoinGroupCall.Chat`). It is an error where the name declares the permission (Terraform `app_role_ids["…"]`, a Teams manifest RSC entry) and a warning in a comment, a label or echoed text, where it only misleads.

## Why is this bad?
Names are case-sensitive keys: Terraform's `app_role_ids` map has no such key and the plan fails; a Teams manifest entry with an unknown name grants nothing. Users copy the old spellings from the create-call pages (GRAPH.md 2.3): microsoft-graph-comms-samples#850 lists the nonexistent "Calls.JoinGroupCalls.All" among its granted permissions.

## Example
```hcl
role_ids = [data.azuread_service_principal.msgraph.app_role_ids["Calls.JoinGroupCalls.All"]]
```

## Use instead
```hcl
role_ids = [data.azuread_service_principal.msgraph.app_role_ids["Calls.JoinGroupCall.All"]]
```)md"};
// clang-format on

}  // namespace callcheck::catalog

#endif  // CALLCHECK_CATALOG_CC607_UNKNOWN_PERMISSION_NAME_H_
