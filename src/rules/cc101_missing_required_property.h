// CC101 missing-required-property: emitted by the schema adapter (src/schema/validate.cc); this header documents it.
#ifndef CALLCHECK_RULES_CC101_MISSING_REQUIRED_PROPERTY_H_
#define CALLCHECK_RULES_CC101_MISSING_REQUIRED_PROPERTY_H_

#include "rules/rule.h"

namespace callcheck::rules {

class MissingRequiredProperty final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }

 private:
  static constexpr RuleMeta kMeta{
      "CC101", "missing-required-property", Severity::Error, Status::Stable,
      "a required property is missing",
      R"md(## What it does
Reports a property the create-call request needs: `callbackUri` and `mediaConfig` on the call, `@odata.type` on abstract slots, `identity` on a target, and the other non-nullable members of the Graph metadata.

## Why is this bad?
The service answers `400 Bad Request` without these; `callbackUri` is the only non-nullable property of `call` in every edition of the metadata.

## Example
```json
{ "mediaConfig": { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig" } }
```

## Use instead
```json
{ "callbackUri": "https://bot.contoso.com/callback", "mediaConfig": { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig" } }
```)md"};
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC101_MISSING_REQUIRED_PROPERTY_H_
