// CC602 excess-permission: emitted by `callcheck audit` (src/audit/evaluate.cc and its
// readers); this catalogue entry documents it.
#ifndef CALLCHECK_CATALOG_CC602_EXCESS_PERMISSION_H_
#define CALLCHECK_CATALOG_CC602_EXCESS_PERMISSION_H_

#include "callcheck/rules.h"

namespace callcheck::catalog {

// clang-format off
inline constexpr RuleMeta kExcessPermission{
    "CC602", "excess-permission", Severity::Warning, Status::Stable,
    "the app registration declares a Calls.* permission no audited payload needs",
    R"md(## What it does
Reports each declared `Calls.*` permission (tenant-wide or resource-specific) that no request body in the audited paths needs, in any of the ways the permission table accepts. Permissions of other families (`User.Read.All`, `OnlineMeetings.Read.All`, …) cannot be derived from call bodies: the audit lists them as not evaluated instead.

## Why is this bad?
An administrator has to consent to every declared permission, and security reviews reject more than the bot uses (least privilege). Microsoft's own samples over-grant: several READMEs say "select all permissions starting with Calls." and PsiBot/AudioVideoPlaybackBot ask for `Calls.Initiate.All` but only join meetings (CALLS-API.md 3.1). It is a warning because code the audit does not see (bodies built at run time, other calls-API requests) may need the permission; `--strict` makes it an error for `Calls.*`.

## Example
Only meeting joins in the repository, and:
```json
{ "requiredResourceAccess": [ { "resourceAppId": "00000003-0000-0000-c000-000000000000", "resourceAccess": [ { "id": "f6b49018-60ab-4f81-83bd-22caeabfed2d", "type": "Role" }, { "id": "284383ee-7f6e-4e40-a2a8-e85dcb029101", "type": "Role" } ] } ] }
```

## Use instead
Remove `Calls.Initiate.All` (`284383ee-…`): joining a meeting does not place a call.
```json
{ "requiredResourceAccess": [ { "resourceAppId": "00000003-0000-0000-c000-000000000000", "resourceAccess": [ { "id": "f6b49018-60ab-4f81-83bd-22caeabfed2d", "type": "Role" } ] } ] }
```)md"};
// clang-format on

}  // namespace callcheck::catalog

#endif  // CALLCHECK_CATALOG_CC602_EXCESS_PERMISSION_H_
