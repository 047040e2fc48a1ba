// CC108 string-length: emitted by the schema adapter (src/schema/validate.cc); this header documents it.
#ifndef CALLCHECK_RULES_CC108_STRING_LENGTH_H_
#define CALLCHECK_RULES_CC108_STRING_LENGTH_H_

#include "rules/rule.h"

namespace callcheck::rules {

class StringLength final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }

 private:
  static constexpr RuleMeta kMeta{
      "CC108", "string-length", Severity::Error, Status::Stable,
      "a string is too long or too short",
      R"md(## What it does
Reports strings outside their schema `minLength`/`maxLength`.

## Why is this bad?
The service rejects values longer than the property allows.

## Example
```json
{ "subject": "" }
```

## Use instead
```json
{ "subject": "Weekly sync" }
```)md"};
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC108_STRING_LENGTH_H_
