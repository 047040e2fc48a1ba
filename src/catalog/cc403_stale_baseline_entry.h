// CC403 stale-baseline-entry: emitted by the CLI after a run (src/config/baseline.cc); this catalogue entry documents it.
#ifndef CALLCHECK_CATALOG_CC403_STALE_BASELINE_ENTRY_H_
#define CALLCHECK_CATALOG_CC403_STALE_BASELINE_ENTRY_H_

#include "callcheck/rules.h"

namespace callcheck::catalog {

// clang-format off
inline constexpr RuleMeta kStaleBaselineEntry{
    "CC403", "stale-baseline-entry", Severity::Warning, Status::Stable,
    "a baseline entry matches fewer findings than it records",
    R"md(## What it does
Reports an entry of the `--baseline` file (keyed on path, rule and pointer, with a count) that hid fewer findings than its `count` in a file that was checked in this run. The finding is located at the entry in the baseline file.

## Why is this bad?
The recorded problems were fixed, but the entry still hides that many findings: if the same problem comes back at the same place, the baseline would hide it again. Regenerate the baseline with `--write-baseline` to lock in the improvement.

## Example
```json
{ "version": 1, "entries": [ { "path": "calls/p2p.json", "code": "CC102", "pointer": "/callbackUrl", "count": 1 } ] }
```

## Use instead
```json
{ "version": 1, "entries": [] }
```)md"};
// clang-format on

}  // namespace callcheck::catalog

#endif  // CALLCHECK_CATALOG_CC403_STALE_BASELINE_ENTRY_H_
