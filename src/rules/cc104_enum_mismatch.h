// CC104 enum-mismatch: emitted by the schema adapter (src/schema/validate.cc); this header documents it.
#ifndef CALLCHECK_RULES_CC104_ENUM_MISMATCH_H_
#define CALLCHECK_RULES_CC104_ENUM_MISMATCH_H_

#include "rules/rule.h"

namespace callcheck::rules {

class EnumMismatch final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }

 private:
  static constexpr RuleMeta kMeta{
      "CC104", "enum-mismatch", Severity::Error, Status::Stable,
      "a value is not one of the allowed enum members",
      R"md(## What it does
Reports enum values (modalities, endpoint types, routing policies, ...) that the selected API version does not define, with the allowed values and a did-you-mean suggestion.

## Why is this bad?
Enum members are case-sensitive and differ between beta and v1.0; the service rejects unknown members.

## Example
```json
{ "requestedModalities": ["vdeo"] }
```

## Use instead
```json
{ "requestedModalities": ["video"] }
```

## Fix safety
When the value differs from an allowed value only in letter case (`Audio` -> `audio`), the fix writes the allowed spelling; that is the value the author meant. Other mismatches have no fix.)md", FixSafety::Safe};
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC104_ENUM_MISMATCH_H_
