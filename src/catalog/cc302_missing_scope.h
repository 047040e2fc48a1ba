// CC302 missing-scope: emitted by src/permissions/permissions.cc; this catalogue entry documents it.
#ifndef CALLCHECK_CATALOG_CC302_MISSING_SCOPE_H_
#define CALLCHECK_CATALOG_CC302_MISSING_SCOPE_H_

#include "callcheck/rules.h"

namespace callcheck::catalog {

// clang-format off
inline constexpr RuleMeta kMissingScope{
    "CC302", "missing-scope", Severity::Error, Status::Stable,
    "the granted application permissions do not cover this call",
    R"md(## What it does
Compares the application permissions you granted (`--scopes`, `--token`) with the least-privileged set this body needs: `Calls.Initiate.All` for a peer-to-peer or PSTN call, `Calls.InitiateGroupCall.All` for a group call, `Calls.JoinGroupCall.All` for a meeting join, `Calls.JoinGroupCallAsGuest.All` for a guest join, plus `Calls.AccessMedia.All` for app-hosted media. A resource-specific consent alternative (beta) also satisfies a meeting join.

## Why is this bad?
The service answers `403 Forbidden`. The `Calls.*` permissions are separate grants: `Calls.InitiateGroupCall.All` does not include `Calls.Initiate.All`, and `Calls.AccessMedia.All` is never sufficient alone.

## Example
With only `Calls.Initiate.All` granted:
```json
{ "callbackUri": "https://bot.contoso.com/callback", "targets": [ { "identity": { "user": { "id": "8a34a46b-3d17-4adc-8dce-dc4e7d572698" } } }, { "identity": { "user": { "id": "29362bd4-cd58-4ed0-a206-0e4a33dbb0b6" } } } ], "mediaConfig": { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig" } }
```

## Use instead
Grant `Calls.InitiateGroupCall.All` as well, or call one target:
```json
{ "callbackUri": "https://bot.contoso.com/callback", "targets": [ { "identity": { "user": { "id": "8a34a46b-3d17-4adc-8dce-dc4e7d572698" } } } ], "mediaConfig": { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig" } }
```)md"};
// clang-format on

}  // namespace callcheck::catalog

#endif  // CALLCHECK_CATALOG_CC302_MISSING_SCOPE_H_
