// CC609 tenant-permission-in-teams-manifest: emitted by `callcheck audit` (src/audit/evaluate.cc and its
// readers); this catalogue entry documents it.
#ifndef CALLCHECK_CATALOG_CC609_TENANT_PERMISSION_IN_TEAMS_MANIFEST_H_
#define CALLCHECK_CATALOG_CC609_TENANT_PERMISSION_IN_TEAMS_MANIFEST_H_

#include "callcheck/rules.h"

namespace callcheck::catalog {

// clang-format off
inline constexpr RuleMeta kTenantPermissionInTeamsManifest{
    "CC609", "tenant-permission-in-teams-manifest", Severity::Warning, Status::Stable,
    "a tenant-wide permission is listed as resource-specific consent in the Teams manifest",
    R"md(## What it does
Reports a permission in the Teams manifest's `authorization.permissions.resourceSpecific` (or the legacy `webApplicationInfo.applicationPermissions`) that is a tenant-wide Microsoft Graph permission, such as `Calls.JoinGroupCall.All`.

## Why is this bad?
The Teams manifest grants only resource-specific consent permissions (learn.microsoft.com/microsoftteams/platform/resources/schema/manifest-schema, `authorization.permissions.resourceSpecific`); a tenant-wide permission is requested in the Entra app registration and consented by an administrator. Listed here it grants nothing. A warning: CC601 reports the payloads left uncovered.

## Example
```json
{ "authorization": { "permissions": { "resourceSpecific": [ { "name": "Calls.JoinGroupCall.All", "type": "Application" } ] } } }
```

## Use instead
```json
{ "authorization": { "permissions": { "resourceSpecific": [ { "name": "Calls.JoinGroupCalls.Chat", "type": "Application" } ] } } }
```)md"};
// clang-format on

}  // namespace callcheck::catalog

#endif  // CALLCHECK_CATALOG_CC609_TENANT_PERMISSION_IN_TEAMS_MANIFEST_H_
