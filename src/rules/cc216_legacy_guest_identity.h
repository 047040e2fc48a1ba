// CC216 legacy-guest-identity: the 2018-19 guest form `user` +
// `identityProvider: "None"` (GRAPH.md 2.4).
#ifndef CALLCHECK_RULES_CC216_LEGACY_GUEST_IDENTITY_H_
#define CALLCHECK_RULES_CC216_LEGACY_GUEST_IDENTITY_H_

#include "fix/edits.h"
#include "rules/rule_support.h"

namespace callcheck::rules {

class LegacyGuestIdentity final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }
  [[nodiscard]] auto message_ids() const -> MessageIds override { return detail::message_ids_of(kMessageIds); }

  void check(const detail::RuleContext &context, detail::DiagnosticSink &sink) const override {
    using namespace support;
    const detail::Value *user =
        object_member(object_member(object_member(&context.doc.root(), "source"), "identity"), "user");
    std::string_view provider;
    if (!string_member(user, "identityProvider", &provider) || !iequals(provider, "None")) return;
    // Only when `guest` is free: renaming next to an existing one would
    // make a duplicate key.
    std::optional<Fix> fix;
    if (!object_member(object_member(&context.doc.root(), "source"), "identity")->HasMember("guest")) {
      fix = detail::make_fix(kMeta.fix, "write the guest as `source.identity.guest`",
                             {detail::rename_member(context.doc, "/source/identity/user", "guest"),
                              detail::remove_entry(context.doc, "/source/identity/user/identityProvider")});
    }
    sink.report(kLegacyGuest, "/source/identity/user/identityProvider",
                "`user` with `identityProvider: \"None\"` is the 2018-19 guest form",
                "put the guest in `source.identity.guest` (id and displayName) instead", true, std::move(fix));
  }

 private:
  // clang-format off
  static constexpr RuleMeta kMeta{
      "CC216", "legacy-guest-identity", Severity::Warning, Status::Stable,
      "a guest written in the legacy `user` + `identityProvider: \"None\"` form",
      R"md(## What it does
Reports `source.identity.user` with `identityProvider: "None"`, the way the 2018-19 documentation (and the seed page) wrote a guest join.

## Why is this bad?
`identityProvider` is declared on no identity type today; current documentation writes guests as `source.identity.guest` (a `communicationsGuestIdentity`). The old form relies on behaviour that is no longer documented, and callcheck (like the service) may not recognise the join as a guest join, which changes the permission it needs (`Calls.JoinGroupCallAsGuest.All`).

## Example
```json
{ "source": { "identity": { "user": { "id": "8a34a46b-3d17-4adc-8dce-dc4e7d572698", "displayName": "Guest", "identityProvider": "None" } } } }
```

## Use instead
```json
{ "source": { "identity": { "guest": { "id": "8a34a46b-3d17-4adc-8dce-dc4e7d572698", "displayName": "Guest" } } } }
```

## Fix safety
The fix renames `user` to `guest` and deletes `identityProvider`, keeping `id` and `displayName` as written. It is unsafe: the call becomes a guest join, which needs `Calls.JoinGroupCallAsGuest.All` instead of the permission the old form was granted under.)md", FixSafety::Unsafe};
  // clang-format on

  static constexpr std::string_view kMessageIds[]{"legacy-guest"};
  static constexpr detail::Message kLegacyGuest = detail::message(kMeta, kMessageIds, "legacy-guest");
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC216_LEGACY_GUEST_IDENTITY_H_
