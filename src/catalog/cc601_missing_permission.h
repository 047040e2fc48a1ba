// CC601 missing-permission: emitted by `callcheck audit` (src/audit/evaluate.cc and its
// readers); this catalogue entry documents it.
#ifndef CALLCHECK_CATALOG_CC601_MISSING_PERMISSION_H_
#define CALLCHECK_CATALOG_CC601_MISSING_PERMISSION_H_

#include "callcheck/rules.h"

namespace callcheck::catalog {

// clang-format off
inline constexpr RuleMeta kMissingPermission{
    "CC601", "missing-permission", Severity::Error, Status::Stable,
    "a payload needs a permission the app registration does not declare",
    R"md(## What it does
`callcheck audit` derives from every request body in the audited paths the least-privileged permissions it needs (the same table as `callcheck scopes`: `Calls.Initiate.All` for a peer-to-peer or PSTN call, `Calls.InitiateGroupCall.All` for a group call, `Calls.JoinGroupCall.All` for a meeting join, `Calls.JoinGroupCallAsGuest.All` for a guest join, `Calls.AccessMedia.All` for app-hosted media, or the resource-specific consent alternatives `Calls.JoinGroupCalls.Chat` / `Calls.AccessMedia.Chat` for joins), and reports each one that no `--app` file declares. The finding lists the payloads that need it, each with its reason, and sits where the permission would be added (the Microsoft Graph `requiredResourceAccess` entry, or the Teams manifest's `resourceSpecific` list for RSC names).

## Why is this bad?
The call fails in production: the service answers `403 Forbidden` or `7504 Insufficient enterprise tenant permissions, cannot access this API` (microsoft-graph-comms-samples#538, #685, #709, #850). The `Calls.*` permissions are separate grants; one does not include another (create-call permission tables, learn.microsoft.com/graph/api/application-post-calls).

## Example
Payloads that join a meeting as a guest, audited against:
```json
{ "requiredResourceAccess": [ { "resourceAppId": "00000003-0000-0000-c000-000000000000", "resourceAccess": [ { "id": "f6b49018-60ab-4f81-83bd-22caeabfed2d", "type": "Role" } ] } ] }
```

## Use instead
Declare `Calls.JoinGroupCallAsGuest.All` (application id `fd7ccf6b-3d28-418b-9701-cd10f5cd2fd4`) as well:
```json
{ "requiredResourceAccess": [ { "resourceAppId": "00000003-0000-0000-c000-000000000000", "resourceAccess": [ { "id": "f6b49018-60ab-4f81-83bd-22caeabfed2d", "type": "Role" }, { "id": "fd7ccf6b-3d28-418b-9701-cd10f5cd2fd4", "type": "Role" } ] } ] }
```)md"};
// clang-format on

}  // namespace callcheck::catalog

#endif  // CALLCHECK_CATALOG_CC601_MISSING_PERMISSION_H_
