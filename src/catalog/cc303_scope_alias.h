// CC303 scope-alias: emitted by src/permissions/permissions.cc; this catalogue entry documents it.
#ifndef CALLCHECK_CATALOG_CC303_SCOPE_ALIAS_H_
#define CALLCHECK_CATALOG_CC303_SCOPE_ALIAS_H_

#include "callcheck/rules.h"

namespace callcheck::catalog {

inline constexpr RuleMeta kScopeAlias{
    "CC303", "scope-alias", Severity::Warning, Status::Stable,
    "a granted permission is written in a non-canonical spelling",
    R"md(## What it does
Reports a granted permission name written as the create-call pages spell it (`Calls.InitiateGroupCalls.All`, `Calls.JoinGroupCalls.All`, `Calls.JoinGroupCallsAsGuest.All`, `Calls.JoinGroupCallsasGuest.All`, `Calls.JoinGroupCallasGuest.All`, `Calls.Initiate. All`, case variants) and names the canonical form. callcheck counts it as the canonical permission.

## Why is this bad?
Only the canonical names (`Calls.InitiateGroupCall.All`, `Calls.JoinGroupCall.All`, `Calls.JoinGroupCallAsGuest.All`, ...) exist in the app registration and in a token's `roles` claim; a manifest or script using the documentation spelling requests a permission that does not exist.

## Example
Granted permissions (`--scopes`, or the `roles` claim you expect):
```json
{ "roles": [ "Calls.InitiateGroupCalls.All" ] }
```

## Use instead
```json
{ "roles": [ "Calls.InitiateGroupCall.All" ] }
```)md"};

}  // namespace callcheck::catalog

#endif  // CALLCHECK_CATALOG_CC303_SCOPE_ALIAS_H_
