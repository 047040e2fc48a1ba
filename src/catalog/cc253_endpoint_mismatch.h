// CC253 endpoint-mismatch: emitted by the request decision (src/request/)
// when the request line's version or cloud does not fit; this header documents it.
#ifndef CALLCHECK_CATALOG_CC253_ENDPOINT_MISMATCH_H_
#define CALLCHECK_CATALOG_CC253_ENDPOINT_MISMATCH_H_

#include "callcheck/rules.h"

namespace callcheck::catalog {

// clang-format off
inline constexpr RuleMeta kEndpointMismatch{
    "CC253", "endpoint-mismatch", Severity::Warning, Status::Stable,
    "the request line's API version or cloud does not fit the check",
    R"md(## What it does
Compares the request line of a Markdown or `.http` request with the check: a `/beta/` URL checked against the v1.0 schemas (or `/v1.0/` against beta), and a calls-API URL on `microsoftgraph.chinacloudapi.cn`.

## Why is this bad?
A body is only valid for the API version it is sent to: beta and v1.0 differ in members and enum values (GRAPH.md 1.2-1.4), so a beta body checked as v1.0 reports beta-only members that the service accepts, and misses v1.0-only problems. The create-call and action pages list national-cloud availability: Global and US Government yes, China operated by 21Vianet no (CALLS-API.md G3), so a request to the China cloud fails whatever its body.

## Example
```json
{ "note": "POST https://graph.microsoft.com/beta/communications/calls/{id}/answer, checked with --api v1.0" }
```

## Use instead
```json
{ "note": "the same request checked with --api beta" }
```)md"};
// clang-format on

}  // namespace callcheck::catalog

#endif  // CALLCHECK_CATALOG_CC253_ENDPOINT_MISMATCH_H_
