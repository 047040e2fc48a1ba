// CC007 number-out-of-range: emitted by the parser (src/document/document.cc); this header documents it.
#ifndef CALLCHECK_RULES_CC007_NUMBER_OUT_OF_RANGE_H_
#define CALLCHECK_RULES_CC007_NUMBER_OUT_OF_RANGE_H_

#include "rules/rule.h"

namespace callcheck::rules {

class NumberOutOfRange final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }

 private:
  static constexpr RuleMeta kMeta{
      "CC007", "number-out-of-range", Severity::Error, Status::Stable,
      "a number does not fit in a 64-bit floating point value",
      R"md(## What it does
Reports numbers whose magnitude overflows a double, such as `1e400` or `1.8e308`.

## Why is this bad?
Parsers disagree on such numbers: RapidJSON 1.1.0 turns some into infinity and rejects others. The service will not read the value you wrote.

## Example
```json
{ "ringingTimeoutInSeconds": 1e400 }
```

## Use instead
```json
{ "ringingTimeoutInSeconds": 60 }
```)md"};
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC007_NUMBER_OUT_OF_RANGE_H_
