// CC401 invalid-config: emitted by the configuration loader (src/config/config.cc); this catalogue entry documents it.
#ifndef CALLCHECK_CATALOG_CC401_INVALID_CONFIG_H_
#define CALLCHECK_CATALOG_CC401_INVALID_CONFIG_H_

#include "callcheck/rules.h"

namespace callcheck::catalog {

// clang-format off
inline constexpr RuleMeta kInvalidConfig{
    "CC401", "invalid-config", Severity::Error, Status::Stable,
    "a configuration or baseline file is not valid",
    R"md(## What it does
Reports a `.callcheck.json` (or a `--baseline` file) that is not valid JSON, does not match `schemas/callcheck/config.schema.json` (or `baseline.schema.json`), or names a rule that does not exist. The finding is located in the configuration file itself. The run then stops and exits with 2: callcheck could not do the job it was configured to do.

## Why is this bad?
A mistyped rule name or level would otherwise be silently ignored, and findings the team meant to hide or to enforce would change without anyone noticing.

## Example
```json
{ "rules": { "callback-uri-not-http": "of" } }
```

## Use instead
```json
{ "rules": { "callback-uri-not-https": "off" } }
```)md"};
// clang-format on

}  // namespace callcheck::catalog

#endif  // CALLCHECK_CATALOG_CC401_INVALID_CONFIG_H_
