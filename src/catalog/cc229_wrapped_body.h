// CC229 wrapped-body: the call body sits inside one wrapper member. Reported
// by the schema stage (src/schema/validate.cc explain_wrapper), which it
// replaces the root's missing-property findings in; this catalogue entry documents it.
#ifndef CALLCHECK_CATALOG_CC229_WRAPPED_BODY_H_
#define CALLCHECK_CATALOG_CC229_WRAPPED_BODY_H_

#include "callcheck/rules.h"

namespace callcheck::catalog {

// clang-format off
inline constexpr RuleMeta kWrappedBody{
    "CC229", "wrapped-body", Severity::Error, Status::Stable,
    "the call body is wrapped in one member (`{\"Call\": {...}}`)",
    R"md(## What it does
Reports a body whose root has exactly one member, not a call property, whose value is an object that looks like a call (it has `callbackUri`, `targets`, `mediaConfig` or `meetingInfo`, or is typed `#microsoft.graph.call`): `{"Call": {…}}`, `{"call": {…}}`, `{"body": {…}}`, `{"requestBody": {…}}`. This one error, at the wrapper, replaces the missing `callbackUri` and `mediaConfig` (CC101) and the undeclared wrapper member (CC201) that the body would otherwise get; no scenario is recognised, so no permissions are derived.

## Why is this bad?
The service reads the call's members at the top level of the request body. Inside a wrapper it finds no `callbackUri` (the one non-nullable call property in every metadata version) and no `mediaConfig`, and the request fails. It is an easy mistake to copy: the documentation's own JavaScript snippet for the beta create-call page posts `.post({Call : Call})` (microsoftgraph/microsoft-graph-docs-contrib, `api-reference/beta/includes/create-call-from-application-Javascript-snippets.md`, still stored at commit `c7729d20`, and its localized copies), and request builders that take a `body` or `requestBody` parameter invite the same wrapping.

## Example
```json
{ "Call": { "callbackUri": "https://bot.contoso.com/callback", "mediaConfig": { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig" }, "targets": [ { "identity": { "user": { "id": "8a34a46b-3d17-4adc-8dce-dc4e7d572698" } } } ] } }
```

## Use instead
```json
{ "callbackUri": "https://bot.contoso.com/callback", "mediaConfig": { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig" }, "targets": [ { "identity": { "user": { "id": "8a34a46b-3d17-4adc-8dce-dc4e7d572698" } } } ] }
```)md"};
// clang-format on

}  // namespace callcheck::catalog

#endif  // CALLCHECK_CATALOG_CC229_WRAPPED_BODY_H_
