// CC502 non-request-block: emitted by the extractors (src/extract/extract.cc)
// for Markdown/.http blocks that are not create-call requests; this header
// documents it.
#ifndef CALLCHECK_CATALOG_CC502_NON_REQUEST_BLOCK_H_
#define CALLCHECK_CATALOG_CC502_NON_REQUEST_BLOCK_H_

#include "callcheck/rules.h"

namespace callcheck::catalog {

// clang-format off
inline constexpr RuleMeta kNonRequestBlock{
    "CC502", "non-request-block", Severity::Info, Status::Stable,
    "a block next to a create-call request is not a request body and was skipped",
    R"md(## What it does
Notes a body in a Markdown page or `.http` file that sits where a create-call request could be but is something else: a response (`HTTP/1.1 201 Created`, docs annotation `"blockType": "response"`), a notification the service posts to the bot's callback (`commsNotifications`: a top-level `value` array of objects with `changeType`; it is checked against the `commsNotifications` schema and the result is summarised in the message), a request that is not `POST …/calls`, or a body read from a file (`< path`). Such a body is skipped, never reported as a bad request.

## Why is this bad?
It is not bad: the note says why a block that looks like a payload produced no findings, so that a silently skipped request (for example one whose annotation says `response`) does not go unnoticed.

## Example
```json
{ "value": [ { "changeType": "updated", "resourceUrl": "/communications/calls/57dab8b1" } ] }
```

## Use instead
```json
{ "callbackUri": "https://bot.contoso.com/callback", "mediaConfig": { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig" } }
```)md"};
// clang-format on

}  // namespace callcheck::catalog

#endif  // CALLCHECK_CATALOG_CC502_NON_REQUEST_BLOCK_H_
