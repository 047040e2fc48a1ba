// CC614 teams-app-id-mismatch: emitted by `callcheck audit` (src/audit/evaluate.cc and its
// readers); this catalogue entry documents it.
#ifndef CALLCHECK_CATALOG_CC614_TEAMS_APP_ID_MISMATCH_H_
#define CALLCHECK_CATALOG_CC614_TEAMS_APP_ID_MISMATCH_H_

#include "callcheck/rules.h"

namespace callcheck::catalog {

// clang-format off
inline constexpr RuleMeta kTeamsAppIdMismatch{
    "CC614", "teams-app-id-mismatch", Severity::Warning, Status::Stable,
    "the Teams manifest's webApplicationInfo.id is not the audited app registration",
    R"md(## What it does
When a Teams app manifest and an app registration that states its application (client) id (`appId` of an Entra manifest or `az ad app show`, `client_id` in `terraform show -json`) are audited together, reports a `webApplicationInfo.id` that is neither of them.

## Why is this bad?
Resource-specific consent is granted to the Entra app named by `webApplicationInfo.id` (learn.microsoft.com/microsoftteams/platform/graph-api/rsc/grant-resource-specific-consent); a different id means the RSC grants and the tenant-wide roles belong to two apps, and the bot's token carries only one set. A warning: the manifest may belong to a second app on purpose.

## Example
```json
{ "manifestVersion": "1.17", "webApplicationInfo": { "id": "00000000-1111-2222-3333-444444444444", "resource": "api://botid-00000000-1111-2222-3333-444444444444" } }
```

## Use instead
```json
{ "manifestVersion": "1.17", "webApplicationInfo": { "id": "8d9e0f4a-7b1c-4e2d-9a3f-5c6b7d8e9f01", "resource": "api://botid-8d9e0f4a-7b1c-4e2d-9a3f-5c6b7d8e9f01" } }
```)md"};
// clang-format on

}  // namespace callcheck::catalog

#endif  // CALLCHECK_CATALOG_CC614_TEAMS_APP_ID_MISMATCH_H_
