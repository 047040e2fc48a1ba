// CC611 join-could-use-rsc: emitted by `callcheck audit` (src/audit/evaluate.cc and its
// readers); this catalogue entry documents it.
#ifndef CALLCHECK_CATALOG_CC611_JOIN_COULD_USE_RSC_H_
#define CALLCHECK_CATALOG_CC611_JOIN_COULD_USE_RSC_H_

#include "callcheck/rules.h"

namespace callcheck::catalog {

// clang-format off
inline constexpr RuleMeta kJoinCouldUseRsc{
    "CC611", "join-could-use-rsc", Severity::Info, Status::Stable,
    "meeting joins could use resource-specific consent instead of a tenant-wide permission",
    R"md(## What it does
Reports a declared `Calls.JoinGroupCall.All` when every audited payload that uses it is a meeting join that the permission table lets resource-specific consent satisfy (`Calls.JoinGroupCalls.Chat`, plus `Calls.AccessMedia.Chat` for app-hosted media), and no RSC grant is declared.

## Why is this bad?
It is not: a tenant-wide grant works. But the create-call page lists `Calls.JoinGroupCalls.Chat` as the least privileged permission (live v1.0 table, CALLS-API.md G1): RSC is granted per meeting by its organizer when the app is added, without a tenant-wide admin consent. Keep the tenant-wide permission if the bot joins meetings it is not installed in. Information only.

## Example
```json
{ "requiredResourceAccess": [ { "resourceAppId": "00000003-0000-0000-c000-000000000000", "resourceAccess": [ { "id": "f6b49018-60ab-4f81-83bd-22caeabfed2d", "type": "Role" } ] } ] }
```

## Use instead
In the Teams app manifest (with `webApplicationInfo.id` set to the app's id):
```json
{ "authorization": { "permissions": { "resourceSpecific": [ { "name": "Calls.JoinGroupCalls.Chat", "type": "Application" } ] } } }
```)md"};
// clang-format on

}  // namespace callcheck::catalog

#endif  // CALLCHECK_CATALOG_CC611_JOIN_COULD_USE_RSC_H_
