// CC110 policy-violation: emitted by the team-policy validator (src/schema/user_schema.cc); this catalogue entry documents it.
#ifndef CALLCHECK_CATALOG_CC110_POLICY_VIOLATION_H_
#define CALLCHECK_CATALOG_CC110_POLICY_VIOLATION_H_

#include "callcheck/rules.h"

namespace callcheck::catalog {

// clang-format off
inline constexpr RuleMeta kPolicyViolation{
    "CC110", "policy-violation", Severity::Error, Status::Stable,
    "the payload breaks a team policy (a JSON Schema named in `schemas` of `.callcheck.json`)",
    R"md(## What it does
Validates each payload whose path matches `files` of an entry of `schemas` in `.callcheck.json` against that entry's `schema`, a JSON Schema (draft-07) the team wrote, on top of the built-in checks. Each violation is reported at the failing value. The message is the violated schema node's `$comment`, else its `description`, else its `title` (the most deeply nested failing node that has one; with none at the value, its parents up to the root); with none at all, the validator's own text. The help line names the node (`policy.schema.json#/properties/callbackUri`) and what failed there.

Team policies are local files: `$ref` may only name files in the schema's folder or below it (no absolute path, no `..` above it, no symlink leaving it or the repository, no URI scheme, no remote `$schema`), and may not be recursive. `pattern`, `patternProperties` and `format` are refused, as is `uniqueItems` without `maxItems` of at most 256. A policy that breaks these rules is CC401 and the run exits with 2.

## Why is this bad?
The rule rests on the team's own schema, not on Microsoft's documentation: it fails where the team decided a request must not go out (its callback host, its tenants, the media it allows). The default level is error because a team writes a policy to fail CI; set `"rules": {"CC110": "warning"}` to only report it.

## Example
```json
{ "callbackUri": "https://bot.fabrikam.com/api/calls" }
```

## Use instead
```json
{ "callbackUri": "https://bot.contoso.com/api/calls" }
```)md"};
// clang-format on

}  // namespace callcheck::catalog

#endif  // CALLCHECK_CATALOG_CC110_POLICY_VIOLATION_H_
