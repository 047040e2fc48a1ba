// CC603 delegated-permission-as-role: emitted by `callcheck audit` (src/audit/evaluate.cc and its
// readers); this catalogue entry documents it.
#ifndef CALLCHECK_CATALOG_CC603_DELEGATED_PERMISSION_AS_ROLE_H_
#define CALLCHECK_CATALOG_CC603_DELEGATED_PERMISSION_AS_ROLE_H_

#include "callcheck/rules.h"

namespace callcheck::catalog {

// clang-format off
inline constexpr RuleMeta kDelegatedPermissionAsRole{
    "CC603", "delegated-permission-as-role", Severity::Error, Status::Stable,
    "a delegated permission id (or name) is declared as an application role",
    R"md(## What it does
Reports a `resourceAccess` entry (or `--api-permissions <id>=Role`, or Terraform `app_role_ids["…"]`) whose id is a delegated permission's id (`oauth2PermissionScopes`), or whose name exists only as a delegated permission, declared with `type: Role`.

## Why is this bad?
`type: Role` takes an app role id and `type: Scope` a delegated scope id (learn.microsoft.com/graph/api/resources/resourceaccess). A delegated id under `Role` grants the app no application permission, so an app-only bot's token never carries it. Public deployment scripts do exactly this (the corpus: `bc024368-…` GroupMember.Read.All and `9c7a330d-…` Presence.Read.All sent as `=Role`; `9be106e1-…` OnlineMeetings.Read as `=Role`).

## Example
```json
{ "requiredResourceAccess": [ { "resourceAppId": "00000003-0000-0000-c000-000000000000", "resourceAccess": [ { "id": "9c7a330d-35b3-4aa1-963d-cb2b9f927841", "type": "Role" } ] } ] }
```

## Use instead
The application permission Presence.Read.All has its own id:
```json
{ "requiredResourceAccess": [ { "resourceAppId": "00000003-0000-0000-c000-000000000000", "resourceAccess": [ { "id": "a70e0c2d-e793-494c-94c4-118fa0a67f42", "type": "Role" } ] } ] }
```)md"};
// clang-format on

}  // namespace callcheck::catalog

#endif  // CALLCHECK_CATALOG_CC603_DELEGATED_PERMISSION_AS_ROLE_H_
