// CC251 request-undecided: emitted by the request decision (src/request/) when
// it cannot tell which calls-API request a body is for; this header documents it.
#ifndef CALLCHECK_CATALOG_CC251_REQUEST_UNDECIDED_H_
#define CALLCHECK_CATALOG_CC251_REQUEST_UNDECIDED_H_

#include "callcheck/rules.h"

namespace callcheck::catalog {

// clang-format off
inline constexpr RuleMeta kRequestUndecided{
    "CC251", "request-undecided", Severity::Warning, Status::Stable,
    "which calls-API request the body is for is not known, so it is not checked",
    R"md(## What it does
Reports, once per body, that callcheck could not decide which request (create, answer, playPrompt, ...) the body is for, and says why: its members fit several requests (they are listed), no request takes all of them, the request line names an action callcheck does not know, `--request`/`"request"` names no request, or the request exists only in beta while the body is checked as v1.0. Nothing else is checked in that body.

## Why is this bad?
A mid-call body is only right or wrong for a given action: `{"clientContext": "…"}` is a complete mute, unmute, subscribeToTone or cancelMediaProcessing body. Guessing one would check the body against the wrong schema, rules and permissions (issue 12: the shape never silently decides between two requests that both fit). callcheck decides from, in order: the request line (`POST …/communications/calls/{id}/answer` in Markdown or .http), the configuration's `"request"` (top level or an `overrides` entry), `--request NAME`, then the body's shape.

## Example
```json
{ "clientContext": "d45324c1-fcb5-430a-902c-f20af696537c" }
```

## Use instead
```json
{ "note": "the same body after `POST https://graph.microsoft.com/v1.0/communications/calls/{id}/subscribeToTone`, or checked with --request subscribeToTone" }
```)md"};
// clang-format on

}  // namespace callcheck::catalog

#endif  // CALLCHECK_CATALOG_CC251_REQUEST_UNDECIDED_H_
