// CC610 calling-not-enabled: emitted by `callcheck audit` (src/audit/evaluate.cc and its
// readers); this catalogue entry documents it.
#ifndef CALLCHECK_CATALOG_CC610_CALLING_NOT_ENABLED_H_
#define CALLCHECK_CATALOG_CC610_CALLING_NOT_ENABLED_H_

#include "callcheck/rules.h"

namespace callcheck::catalog {

// clang-format off
inline constexpr RuleMeta kCallingNotEnabled{
    "CC610", "calling-not-enabled", Severity::Warning, Status::Stable,
    "the Teams manifest does not enable calling while the repository creates or joins calls",
    R"md(## What it does
Reports a Teams app manifest given to `callcheck audit` in which no bot sets `"supportsCalling": true`, while the audited request bodies create or join calls.

## Why is this bad?
A calling bot is registered with `supportsCalling` (and `supportsVideo`) in its Teams manifest (learn.microsoft.com/microsoftteams/platform/bots/calls-and-meetings/registering-calling-bot); without it Teams offers no calling for the bot (microsoft-graph-comms-samples#66). Whether Graph itself refuses a bot's outbound calls without it is not documented, so this is a warning.

## Example
```json
{ "manifestVersion": "1.17", "bots": [ { "botId": "9707c142-2583-4e56-9983-4d913338afb0", "scopes": ["team"] } ] }
```

## Use instead
```json
{ "manifestVersion": "1.17", "bots": [ { "botId": "9707c142-2583-4e56-9983-4d913338afb0", "scopes": ["team"], "supportsCalling": true } ] }
```)md"};
// clang-format on

}  // namespace callcheck::catalog

#endif  // CALLCHECK_CATALOG_CC610_CALLING_NOT_ENABLED_H_
