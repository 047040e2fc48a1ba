// CC615 payload-not-audited: emitted by `callcheck audit` (src/audit/evaluate.cc and its
// readers); this catalogue entry documents it.
#ifndef CALLCHECK_CATALOG_CC615_PAYLOAD_NOT_AUDITED_H_
#define CALLCHECK_CATALOG_CC615_PAYLOAD_NOT_AUDITED_H_

#include "callcheck/rules.h"

namespace callcheck::catalog {

// clang-format off
inline constexpr RuleMeta kPayloadNotAudited{
    "CC615", "payload-not-audited", Severity::Warning, Status::Stable,
    "a request body's permissions could not be derived, so the audit does not count it",
    R"md(## What it does
Reports an audited input that is meant to be a request body but whose permissions cannot be derived: it is not usable JSON (CC001, CC003, CC004, CC005, CC007), or it matches no single create-call scenario (CC301).

## Why is this bad?
The audit compares the declared permissions with what the bodies need; a body it cannot read needs something nobody counted, so a "nothing missing" verdict could be false. `callcheck check` says what is wrong with the body. A warning: the body's own errors are `callcheck check`'s findings.

## Example
```json
{ "callbackUri": "https://bot.contoso.com/callback", "mediaConfig": { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig" } }
```

## Use instead
```json
{ "callbackUri": "https://bot.contoso.com/callback", "targets": [ { "identity": { "user": { "id": "8a34a46b-3d17-4adc-8dce-dc4e7d572698" } } } ], "mediaConfig": { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig" } }
```)md"};
// clang-format on

}  // namespace callcheck::catalog

#endif  // CALLCHECK_CATALOG_CC615_PAYLOAD_NOT_AUDITED_H_
