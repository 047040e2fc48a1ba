// CC604 application-permission-as-scope: emitted by `callcheck audit` (src/audit/evaluate.cc and its
// readers); this catalogue entry documents it.
#ifndef CALLCHECK_CATALOG_CC604_APPLICATION_PERMISSION_AS_SCOPE_H_
#define CALLCHECK_CATALOG_CC604_APPLICATION_PERMISSION_AS_SCOPE_H_

#include "callcheck/rules.h"

namespace callcheck::catalog {

// clang-format off
inline constexpr RuleMeta kApplicationPermissionAsScope{
    "CC604", "application-permission-as-scope", Severity::Error, Status::Stable,
    "an application permission id (or name) is declared as a delegated scope",
    R"md(## What it does
Reports an entry whose id is an application permission's (app role) id declared with `type: Scope`, a name that exists only as an application permission in `oauth2_permission_scope_ids[…]`, and an application RSC permission declared with `"type": "Delegated"` in the Teams manifest.

## Why is this bad?
The entry grants nothing: `Scope` takes a delegated scope id (learn.microsoft.com/graph/api/resources/resourceaccess). For `Calls.*` it is worse than useless: calling permissions exist only as application permissions ("delegated: not supported" on every create-call page), and a delegated token fails with `7500 Unsupported AAD Identity` or "scope 'Calls.Initiate.All' that doesn't exist on the resource" (Microsoft Q&A 507597).

## Example
```json
{ "requiredResourceAccess": [ { "resourceAppId": "00000003-0000-0000-c000-000000000000", "resourceAccess": [ { "id": "284383ee-7f6e-4e40-a2a8-e85dcb029101", "type": "Scope" } ] } ] }
```

## Use instead
```json
{ "requiredResourceAccess": [ { "resourceAppId": "00000003-0000-0000-c000-000000000000", "resourceAccess": [ { "id": "284383ee-7f6e-4e40-a2a8-e85dcb029101", "type": "Role" } ] } ] }
```)md"};
// clang-format on

}  // namespace callcheck::catalog

#endif  // CALLCHECK_CATALOG_CC604_APPLICATION_PERMISSION_AS_SCOPE_H_
