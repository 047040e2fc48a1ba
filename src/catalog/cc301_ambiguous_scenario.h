// CC301 ambiguous-scenario: emitted by src/scenario/classify.cc; this catalogue entry documents it.
#ifndef CALLCHECK_CATALOG_CC301_AMBIGUOUS_SCENARIO_H_
#define CALLCHECK_CATALOG_CC301_AMBIGUOUS_SCENARIO_H_

#include "callcheck/rules.h"

namespace callcheck::catalog {

// clang-format off
inline constexpr RuleMeta kAmbiguousScenario{
    "CC301", "ambiguous-scenario", Severity::Warning, Status::Stable,
    "the body matches no single documented create-call scenario",
    R"md(## What it does
Reports a body whose shape fits no single scenario of the create-call documentation: `meetingInfo` together with a non-empty `targets` (join a meeting and invite at once), or neither `targets` nor `meetingInfo`. callcheck then assumes no scenario and derives no permissions.

## Why is this bad?
The scenario decides which application permission the call needs (`Calls.Initiate.All`, `Calls.InitiateGroupCall.All`, `Calls.JoinGroupCall.All`, ...). Only a 2018 draft sent both properties; without either, the service silently creates an empty group call, which no documented example does.

## Example
```json
{ "callbackUri": "https://bot.contoso.com/callback", "targets": [ { "identity": { "user": { "id": "8a34a46b-3d17-4adc-8dce-dc4e7d572698" } } } ], "meetingInfo": { "@odata.type": "#microsoft.graph.organizerMeetingInfo", "organizer": { "user": { "id": "5810cede-f3cc-42eb-b2c1-e9bd5d53ec96" } } }, "mediaConfig": { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig" } }
```

## Use instead
```json
{ "callbackUri": "https://bot.contoso.com/callback", "targets": [ { "identity": { "user": { "id": "8a34a46b-3d17-4adc-8dce-dc4e7d572698" } } } ], "mediaConfig": { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig" } }
```)md"};
// clang-format on

}  // namespace callcheck::catalog

#endif  // CALLCHECK_CATALOG_CC301_AMBIGUOUS_SCENARIO_H_
