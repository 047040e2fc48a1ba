// CC004 limit-exceeded: emitted by the parser (src/document/document.cc); this header documents it.
#ifndef CALLCHECK_RULES_CC004_LIMIT_EXCEEDED_H_
#define CALLCHECK_RULES_CC004_LIMIT_EXCEEDED_H_

#include "rules/rule.h"

namespace callcheck::rules {

class LimitExceeded final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }

 private:
  static constexpr RuleMeta kMeta{
      "CC004", "limit-exceeded", Severity::Error, Status::Stable,
      "the input exceeds a size, depth or length limit",
      R"md(## What it does
Stops at the position where a documented limit was crossed: bytes per file, nesting depth, string or member-name length, members per object, elements per array.

## Why is this bad?
A create-call body is about a kilobyte and six levels deep. Inputs far beyond that are mistakes or attacks; the limits keep memory and stack use bounded (see the README for the defaults and flags).

## Example
```json
{ "subject": "<100 kilobytes of text>" }
```

## Use instead
```json
{ "subject": "Weekly sync" }
```)md"};
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC004_LIMIT_EXCEEDED_H_
