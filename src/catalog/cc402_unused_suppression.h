// CC402 unused-suppression: emitted by the CLI after a run (src/config/config.cc); this catalogue entry documents it.
#ifndef CALLCHECK_CATALOG_CC402_UNUSED_SUPPRESSION_H_
#define CALLCHECK_CATALOG_CC402_UNUSED_SUPPRESSION_H_

#include "callcheck/rules.h"

namespace callcheck::catalog {

// clang-format off
inline constexpr RuleMeta kUnusedSuppression{
    "CC402", "unused-suppression", Severity::Warning, Status::Stable,
    "a suppression in the configuration hid nothing",
    R"md(## What it does
Reports an entry of `suppressions` in `.callcheck.json` whose `files` matched at least one checked payload but which hid no finding: the rule no longer fires at that pointer. The finding is located at the entry in the configuration file. Suppressions whose files were not checked in this run, or whose rule is turned off or not selected, are not reported.

## Why is this bad?
A request body cannot carry comments, so suppressions live in the configuration, away from the payload. When the payload changes, a stale suppression stays behind and would silently hide the same problem if it came back.

## Example
```json
{ "suppressions": [ { "files": "fixtures/*.json", "pointer": "/callbackUri", "rule": "CC201", "reason": "local test server" } ] }
```

## Use instead
```json
{ "suppressions": [] }
```)md"};
// clang-format on

}  // namespace callcheck::catalog

#endif  // CALLCHECK_CATALOG_CC402_UNUSED_SUPPRESSION_H_
