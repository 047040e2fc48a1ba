// CC503 no-request-found: emitted by the CLI's input extraction for a
// Markdown/.http file without a create-call request body; this header
// documents it.
#ifndef CALLCHECK_CATALOG_CC503_NO_REQUEST_FOUND_H_
#define CALLCHECK_CATALOG_CC503_NO_REQUEST_FOUND_H_

#include "callcheck/rules.h"

namespace callcheck::catalog {

// clang-format off
inline constexpr RuleMeta kNoRequestFound{
    "CC503", "no-request-found", Severity::Warning, Status::Stable,
    "a Markdown or .http file contains no create-call request body",
    R"md(## What it does
Warns when a Markdown page or a `.http`/`.rest` file given to callcheck contains no `POST …/calls` request body: no ```` ```http ```` block with `POST …/calls` followed by (or holding) a JSON body, and no block annotated `<!-- { "blockType": "request" } -->`.

## Why is this bad?
The file was named on the command line (or matched a pre-commit pattern) to be checked, yet nothing in it was checked: the request may be written in a way the extractor does not recognise (another fence language, the body in a separate file), so a broken payload would pass unseen. Ignore the code (`--ignore CC503`) for pages that are not about creating calls.

## Example
```json
{ "note": "a page whose only block is: GET https://graph.microsoft.com/v1.0/communications/calls/{id}" }
```

## Use instead
```json
{ "note": "a ```http block with POST https://graph.microsoft.com/v1.0/communications/calls, then a ```json block with the body" }
```)md"};
// clang-format on

}  // namespace callcheck::catalog

#endif  // CALLCHECK_CATALOG_CC503_NO_REQUEST_FOUND_H_
