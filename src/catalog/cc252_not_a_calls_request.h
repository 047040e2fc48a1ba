// CC252 not-a-calls-request: emitted by the request decision (src/request/)
// for a JSON document that is no calls-API body at all; this header documents it.
#ifndef CALLCHECK_CATALOG_CC252_NOT_A_CALLS_REQUEST_H_
#define CALLCHECK_CATALOG_CC252_NOT_A_CALLS_REQUEST_H_

#include "callcheck/rules.h"

namespace callcheck::catalog {

// clang-format off
inline constexpr RuleMeta kNotACallsRequest{
    "CC252", "not-a-calls-request", Severity::Warning, Status::Stable,
    "not a calls-API request body; set `files`/`exclude`",
    R"md(## What it does
Reports, as one finding, a JSON object none of whose members is a member of any calls-API request (create call or a mid-call action) and whose `@odata.type` (if any) names no Graph type, such as a `tsconfig.json` or a `package.json` that a directory walk or a pre-commit pattern handed to callcheck. Nothing else is checked in it.

## Why is this bad?
Checked as a create-call body, such a file produced a list of missing properties (`callbackUri`, `mediaConfig`, ...) that says nothing useful (issue 17 item 3). The file should not be linted at all: narrow the hook's `files`, or exclude it. It is not silently skipped either, because a real payload whose members are all misspelt looks the same.

## Example
```json
{ "compilerOptions": { "strict": true } }
```

## Use instead
```json
{ "note": "exclude the file (pre-commit `files:`/`exclude:`, `--exclude`, or the configuration's `exclude`)" }
```)md"};
// clang-format on

}  // namespace callcheck::catalog

#endif  // CALLCHECK_CATALOG_CC252_NOT_A_CALLS_REQUEST_H_
