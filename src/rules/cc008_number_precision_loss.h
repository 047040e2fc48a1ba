// CC008 number-precision-loss: emitted by the parser (src/document/document.cc); this header documents it.
#ifndef CALLCHECK_RULES_CC008_NUMBER_PRECISION_LOSS_H_
#define CALLCHECK_RULES_CC008_NUMBER_PRECISION_LOSS_H_

#include "rules/rule.h"

namespace callcheck::rules {

class NumberPrecisionLoss final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }

 private:
  static constexpr RuleMeta kMeta{
      "CC008", "number-precision-loss", Severity::Warning, Status::Stable,
      "a number cannot be represented exactly as a double",
      R"md(## What it does
Reports integers beyond 2^53 and literals with more than 17 significant digits.

## Why is this bad?
.NET and JavaScript read JSON numbers as doubles; such a number arrives as a different value.

## Example
```json
{ "subject": 12345678901234567890 }
```

## Use instead
```json
{ "subject": "12345678901234567890" }
```)md"};
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC008_NUMBER_PRECISION_LOSS_H_
