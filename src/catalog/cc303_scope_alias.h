// CC303 scope-alias: emitted by src/permissions/permissions.cc; this catalogue entry documents it.
#ifndef CALLCHECK_CATALOG_CC303_SCOPE_ALIAS_H_
#define CALLCHECK_CATALOG_CC303_SCOPE_ALIAS_H_

#include "callcheck/rules.h"

namespace callcheck::catalog {

// clang-format off
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
```

## Fix safety
In `.callcheck.json` (`scopes`), the fix writes the canonical name in place of the alias, the same permission spelt as the service and the app registration know it; `--fix` rewrites the configuration file. Names from `--scopes` and `--token` are not in a file and have no fix.)md", FixSafety::Safe};
// clang-format on

}  // namespace callcheck::catalog

#endif  // CALLCHECK_CATALOG_CC303_SCOPE_ALIAS_H_
