// CC215 guest-without-display-name: a guest joins under the name it gives.
#ifndef CALLCHECK_RULES_CC215_GUEST_WITHOUT_DISPLAY_NAME_H_
#define CALLCHECK_RULES_CC215_GUEST_WITHOUT_DISPLAY_NAME_H_

#include "rules/rule_support.h"

namespace callcheck::rules {

class GuestWithoutDisplayName final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }
  [[nodiscard]] auto message_ids() const -> MessageIds override { return detail::message_ids_of(kMessageIds); }

  void check(const detail::RuleContext &context, detail::DiagnosticSink &sink) const override {
    using namespace support;
    const detail::Value *guest =
        object_member(object_member(object_member(&context.doc.root(), "source"), "identity"), "guest");
    if (guest == nullptr) return;
    const detail::Value *name = member(guest, "displayName");
    if (name != nullptr && !name->IsString() && !name->IsNull()) return;  // CC103, the schema's
    if (name != nullptr && name->IsString()) {
      for (char c : sv(*name)) {
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
      }
    }
    sink.report(kNoDisplayName, name != nullptr ? "/source/identity/guest/displayName" : "/source/identity/guest",
                "the guest identity has no display name", "set `displayName`: it is the name the meeting shows", true);
  }

 private:
  // clang-format off
  static constexpr RuleMeta kMeta{
      "CC215", "guest-without-display-name", Severity::Error, Status::Stable,
      "a guest join without a `displayName`",
      R"md(## What it does
Reports a guest join (`source.identity.guest`) whose `displayName` is missing, `null`, empty or blank.

## Why is this bad?
A guest has no directory entry: the display name is the only thing the meeting (and its lobby) can show. Every guest-join example sets it; without it the join is refused.

## Example
```json
{ "source": { "identity": { "guest": { "id": "d7a3b999-17ac-4bca-9e77-e6a730d2ec2e" } } } }
```

## Use instead
```json
{ "source": { "identity": { "guest": { "id": "d7a3b999-17ac-4bca-9e77-e6a730d2ec2e", "displayName": "Guest User" } } } }
```)md"};
  // clang-format on

  static constexpr std::string_view kMessageIds[]{"no-display-name"};
  static constexpr detail::Message kNoDisplayName = detail::message(kMeta, kMessageIds, "no-display-name");
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC215_GUEST_WITHOUT_DISPLAY_NAME_H_
