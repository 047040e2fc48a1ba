// CC613 permission-under-other-resource: emitted by `callcheck audit` (src/audit/evaluate.cc and its
// readers); this catalogue entry documents it.
#ifndef CALLCHECK_CATALOG_CC613_PERMISSION_UNDER_OTHER_RESOURCE_H_
#define CALLCHECK_CATALOG_CC613_PERMISSION_UNDER_OTHER_RESOURCE_H_

#include "callcheck/rules.h"

namespace callcheck::catalog {

// clang-format off
inline constexpr RuleMeta kPermissionUnderOtherResource{
    "CC613", "permission-under-other-resource", Severity::Error, Status::Stable,
    "a Microsoft Graph permission id is declared under another API's resourceAppId",
    R"md(## What it does
Reports a Microsoft Graph permission id in a `requiredResourceAccess` entry whose `resourceAppId` is not Microsoft Graph's `00000003-0000-0000-c000-000000000000` (for example the retired Azure AD Graph, `00000002-0000-0000-c000-000000000000`).

## Why is this bad?
Permission ids belong to their API (learn.microsoft.com/graph/api/resources/requiredresourceaccess: `resourceAccess` lists the ids "the application requires from the specified resource"); under another API the id means nothing there, and Microsoft Graph grants nothing.

## Example
```json
{ "requiredResourceAccess": [ { "resourceAppId": "00000002-0000-0000-c000-000000000000", "resourceAccess": [ { "id": "f6b49018-60ab-4f81-83bd-22caeabfed2d", "type": "Role" } ] } ] }
```

## Use instead
```json
{ "requiredResourceAccess": [ { "resourceAppId": "00000003-0000-0000-c000-000000000000", "resourceAccess": [ { "id": "f6b49018-60ab-4f81-83bd-22caeabfed2d", "type": "Role" } ] } ] }
```)md"};
// clang-format on

}  // namespace callcheck::catalog

#endif  // CALLCHECK_CATALOG_CC613_PERMISSION_UNDER_OTHER_RESOURCE_H_
