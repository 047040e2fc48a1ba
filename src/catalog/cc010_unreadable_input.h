// CC010 unreadable-input: emitted by the CLI input layer (src/cli/); this catalogue entry documents it.
#ifndef CALLCHECK_CATALOG_CC010_UNREADABLE_INPUT_H_
#define CALLCHECK_CATALOG_CC010_UNREADABLE_INPUT_H_

#include "callcheck/rules.h"

namespace callcheck::catalog {

// clang-format off
inline constexpr RuleMeta kUnreadableInput{
    "CC010", "unreadable-input", Severity::Error, Status::Stable,
    "the input could not be read",
    R"md(## What it does
Reports a path that cannot be checked: missing, a FIFO or device, a symlink loop, a symlink that leaves the repository (unless `--follow-symlinks`), a directory that holds no input, unreadable, too large, or growing while read. The run goes on with the next path and exits with 2.

## Why is this bad?
A linter that silently skips an input lets a broken payload through. Each unreadable path is named with the reason so the caller can fix the invocation.

## Example
```sh
callcheck missing.json
```

## Use instead
```sh
callcheck samples/valid/p2p-service-hosted.json
```)md"};
// clang-format on

}  // namespace callcheck::catalog

#endif  // CALLCHECK_CATALOG_CC010_UNREADABLE_INPUT_H_
