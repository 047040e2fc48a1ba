// CC109 validator-internal-error: emitted by the schema adapter (src/schema/validate.cc); this header documents it.
#ifndef CALLCHECK_RULES_CC109_VALIDATOR_INTERNAL_ERROR_H_
#define CALLCHECK_RULES_CC109_VALIDATOR_INTERNAL_ERROR_H_

#include "rules/rule.h"

namespace callcheck::rules {

class ValidatorInternalError final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }

 private:
  static constexpr RuleMeta kMeta{
      "CC109", "validator-internal-error", Severity::Error, Status::Stable,
      "the schema validator failed on this payload",
      R"md(## What it does
Reports an exception thrown inside the schema validator. The payload is still checked by every rule.

## Why is this bad?
It means a defect in callcheck or its libraries, not necessarily in your payload; please report the input.

## Example
```json
{ }
```

## Use instead
```json
{ "callbackUri": "https://bot.contoso.com/callback", "mediaConfig": { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig" } }
```)md"};
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC109_VALIDATOR_INTERNAL_ERROR_H_
