// CC206 phone-not-e164: phone identities need E.164 numbers (GRAPH.md 3.2).
#ifndef CALLCHECK_RULES_CC206_PHONE_NOT_E164_H_
#define CALLCHECK_RULES_CC206_PHONE_NOT_E164_H_

#include "rules/rule_support.h"

#include <fmt/format.h>

namespace callcheck::rules {

class PhoneNotE164 final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }
  [[nodiscard]] auto message_ids() const -> MessageIds override { return detail::message_ids_of(kMessageIds); }

  [[nodiscard]] auto visits() const -> unsigned override { return detail::kVisitObjects; }

  void visit(const detail::RuleContext &context, const support::Visit &v, detail::DiagnosticSink &sink) const override {
    using namespace support;
    if (!same(v.path.key(), "phone") || !v.value.IsObject()) return;
    if (!is_identity_set_type(facts_of(v.parent_schema).title)) return;
    std::string_view id;
    if (!string_member(&v.value, "id", &id) || is_e164(id) || is_placeholder(id)) return;
    const std::string pointer = v.path.pointer("id");
    if (context.schema_reported(pointer)) return;
    sink.report(kNotE164, pointer, fmt::format("phone number `{}` is not in E.164 form", shown(id)),
                "write `+`, the country code and the number, digits only, e.g. `+14258828080`");
  }

 private:
  static auto is_e164(std::string_view id) -> bool {
    if (id.size() < 2 || id.size() > 16 || id[0] != '+' || id[1] == '0') return false;
    for (char c : id.substr(1)) {
      if (c < '0' || c > '9') return false;
    }
    return true;
  }

  // clang-format off
  static constexpr RuleMeta kMeta{
      "CC206", "phone-not-e164", Severity::Error, Status::Stable,
      "a phone identity's `id` is not an E.164 number",
      R"md(## What it does
Checks that the `id` of a `phone` identity is an E.164 number: `+`, then 1 to 15 digits, the first of which is not `0`; no blanks, dashes or brackets.

## Why is this bad?
PSTN calls are placed to the number exactly as written; the documentation's examples all use E.164 (`+12345678901`, `+14258828080`) and the phone-number concept page requires it. A local or formatted number cannot be routed.

## Example
```json
{ "targets": [ { "identity": { "phone": { "id": "(425) 882-8080" } } } ] }
```

## Use instead
```json
{ "targets": [ { "identity": { "phone": { "id": "+14258828080" } } } ] }
```)md"};
  // clang-format on

  static constexpr std::string_view kMessageIds[]{"not-e164"};
  static constexpr detail::Message kNotE164 = detail::message(kMeta, kMessageIds, "not-e164");
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC206_PHONE_NOT_E164_H_
