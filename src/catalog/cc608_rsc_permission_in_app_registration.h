// CC608 rsc-permission-in-app-registration: emitted by `callcheck audit` (src/audit/evaluate.cc and its
// readers); this catalogue entry documents it.
#ifndef CALLCHECK_CATALOG_CC608_RSC_PERMISSION_IN_APP_REGISTRATION_H_
#define CALLCHECK_CATALOG_CC608_RSC_PERMISSION_IN_APP_REGISTRATION_H_

#include "callcheck/rules.h"

namespace callcheck::catalog {

// clang-format off
inline constexpr RuleMeta kRscPermissionInAppRegistration{
    "CC608", "rsc-permission-in-app-registration", Severity::Warning, Status::Stable,
    "a resource-specific consent permission is declared in the app registration",
    R"md(## What it does
Reports a resource-specific consent (RSC) permission — `Calls.JoinGroupCalls.Chat`, `Calls.AccessMedia.Chat` and the other `.Chat`/`.Group` permissions — declared by id in `requiredResourceAccess` or as an app role (`app_role_ids`).

## Why is this bad?
RSC permissions are declared by name in the Teams app manifest (`authorization.permissions.resourceSpecific`, manifest 1.12 and later) and granted per chat or meeting by its owner when the app is added there (learn.microsoft.com/microsoftteams/platform/graph-api/rsc/resource-specific-consent; CALLS-API.md G5); Microsoft's data marks them `authorizationType: RSC`. In the app registration they grant nothing, so the join they were meant for relies on something else. A warning: the entry itself breaks nothing, and CC601 reports a payload it leaves uncovered.

## Example
```json
{ "requiredResourceAccess": [ { "resourceAppId": "00000003-0000-0000-c000-000000000000", "resourceAccess": [ { "id": "a01e73f1-94da-4f6d-9b73-02e4ea65560b", "type": "Role" } ] } ] }
```

## Use instead
In the Teams app manifest:
```json
{ "authorization": { "permissions": { "resourceSpecific": [ { "name": "Calls.JoinGroupCalls.Chat", "type": "Application" } ] } } }
```)md"};
// clang-format on

}  // namespace callcheck::catalog

#endif  // CALLCHECK_CATALOG_CC608_RSC_PERMISSION_IN_APP_REGISTRATION_H_
