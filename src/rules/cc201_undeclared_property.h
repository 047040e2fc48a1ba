// CC201 undeclared-property: a member that an open Graph type does not declare,
// and an @odata.type that names no Graph type. Closed types are the schema's
// CC102.
#ifndef CALLCHECK_RULES_CC201_UNDECLARED_PROPERTY_H_
#define CALLCHECK_RULES_CC201_UNDECLARED_PROPERTY_H_

#include "fix/edits.h"
#include "rules/rule_support.h"

#include <fmt/format.h>

#include "util/suggest.h"

namespace callcheck::rules {

class UndeclaredProperty final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }
  [[nodiscard]] auto message_ids() const -> MessageIds override { return detail::message_ids_of(kMessageIds); }

  [[nodiscard]] auto visits() const -> unsigned override { return detail::kVisitObjects | detail::kVisitStrings; }

  void visit(const detail::RuleContext &context, const support::Visit &v, detail::DiagnosticSink &sink) const override {
    using namespace support;
    if (support::same(v.path.key(), "@odata.type") && v.value.IsString()) {
      check_type_name(context, sink, v);
      return;
    }
    if (!v.value.IsObject() || v.schema == nullptr) return;
    const SchemaFacts &facts = *v.schema;
    if (!facts.open || v.undeclared == 0) return;
    const std::string_view type = facts.title;
    if (type.empty()) return;
    // The beta schema of this object, looked up once (from the root) on
    // its first undeclared member rather than once per member: quadratic
    // for a wide object below a wide one.
    bool beta_looked_up = false;
    const SchemaFacts *beta_schema = nullptr;
    for (auto it = v.value.MemberBegin(); it != v.value.MemberEnd(); ++it) {
      const std::string_view name = sv(it->name);
      if (accepted(type, name, facts, it->value)) continue;
      const std::string pointer = v.path.pointer(name);
      if (context.schema_reported(pointer) || is_cc224s(context, pointer)) continue;
      // Beta-only members on v1.0 are CC209's finding, not a typo.
      if (context.api == ApiVersion::V1) {
        if (!beta_looked_up) {
          beta_schema = call_schema_at(ApiVersion::Beta, context, v.path.pointer());
          beta_looked_up = true;
        }
        if (beta_schema != nullptr && is_declared(*beta_schema, name)) continue;
      }
      std::vector<std::string_view> candidates = property_names(facts);
      if (is_identity_set_type(type)) {
        for (std::string_view k : {"applicationInstance", "phone", "guest", "encrypted", "onPremises",
                                   "azureCommunicationServicesUser", "assertedIdentity", "endpointType"}) {
          candidates.push_back(k);
        }
      }
      if (support::same(name, "tenantId")) {
        // Never "remove it": the call's tenant matters (7505), it is just
        // not read from here.
        sink.report(kTenantIdHere, pointer, fmt::format("`tenantId` is not a declared property of `{}`", type),
                    "the service reads the call's tenant from the top-level `tenantId` (and a join's "
                    "`meetingInfo.organizer.user.tenantId`), not from here; put it there",
                    true);
        continue;
      }
      const std::string suggestion = detail::closest(name, candidates);
      // Renamed only to a unique closest name the object does not hold yet.
      std::optional<Fix> fix;
      const std::string rename = detail::unique_closest(name, candidates);
      if (!rename.empty() && !v.value.HasMember(rename.c_str())) {
        fix = detail::make_fix(kMeta.fix, fmt::format("rename `{}` to `{}`", shown(name), rename),
                               {detail::rename_member(context.doc, pointer, rename)});
      }
      sink.report(kUndeclared, pointer, fmt::format("`{}` is not a declared property of `{}`", shown(name), type),
                  suggestion.empty() ? "remove it, or check its spelling against the Graph reference"
                                     : fmt::format("did you mean `{}`?", suggestion),
                  true, std::move(fix));
    }
  }

 private:
  static auto accepted(std::string_view type, std::string_view name, const support::SchemaFacts &declared,
                       const detail::Value &value) -> bool {
    // Declared first: nearly every member of a clean body is.
    if (support::is_declared(declared, name)) return true;
    if (!name.empty() && name.front() == '@') return true;            // instance annotations
    if (name.find("@odata.") != std::string_view::npos) return true;  // property annotations
    if (support::is_identity_set_type(type) && support::is_identity_set_key(name)) return true;
    // Identities: examples put `tenantId` on user identities (declared on
    // communicationsUserIdentity); the legacy guest `identityProvider: "None"`
    // is CC216's finding.
    if (support::same(type, "identity") || support::starts_with(type, "communications")) {
      if (support::same(name, "tenantId")) return true;
      if (support::same(name, "identityProvider") && value.IsString()) return true;
    }
    return false;
  }

  // A misplaced `tenantId` in a join without a readable tenant is CC224's
  // error; one finding at one place.
  static auto is_cc224s(const detail::RuleContext &context, const std::string &pointer) -> bool {
    const support::JoinTenant tenant = support::join_tenant(context.doc.root());
    return !tenant.meeting_type.empty() && !tenant.found && pointer == tenant.misplaced;
  }

  static void check_type_name(const detail::RuleContext &context, detail::DiagnosticSink &sink,
                              const support::Visit &v) {
    const std::string_view value = support::sv(v.value);
    const std::string_view name = graph::unqualified(value);
    if (graph::is_known_type(name)) return;
    const std::string pointer = v.path.pointer();
    if (context.schema_reported(pointer)) return;  // CC105 on discriminators
    const std::string suggestion = detail::closest(name, graph::known_types());
    sink.report(kUnknownType, pointer, fmt::format("`@odata.type` `{}` names no Graph type", support::shown(value)),
                suggestion.empty() ? "use the `#microsoft.graph.<type>` name of the object's type"
                                   : fmt::format("did you mean `#microsoft.graph.{}`?", suggestion));
  }

  // clang-format off
  static constexpr RuleMeta kMeta{
      "CC201", "undeclared-property", Severity::Warning, Status::Stable,
      "a member or `@odata.type` that the Graph type does not declare",
      R"md(## What it does
Reports members of *open* Graph types (`call`, `identitySet`, `identity`, `invitationParticipantInfo`, `organizerMeetingInfo`, ...) that the type does not declare, with a did-you-mean suggestion, and `@odata.type` values that name no Graph type. Members of closed types are reported by the schema as CC102. The `communicationsIdentitySet` kinds inside identity sets, `tenantId` on identities and `@odata.*` annotations are accepted. A `tenantId` elsewhere (inside `meetingInfo`, `source`, ...) is reported with the place the service reads it instead; in a meeting join that names its tenant nowhere else it is CC224's error.

## Why is this bad?
Open types accept any member, so the service silently ignores a misspelt `callbackUrl`: the call is created without callbacks and never reaches the bot. A warning, because open types are open on purpose and the documentation's own examples add members.

## Example
```json
{ "callbackUrl": "https://bot.contoso.com/callback", "source": { "identity": { "@odata.type": "#microsoft.graph.identitySett" } } }
```

## Use instead
```json
{ "callbackUri": "https://bot.contoso.com/callback", "source": { "identity": { "@odata.type": "#microsoft.graph.identitySet" } } }
```

## Fix safety
When exactly one declared property (or, in an identity set, identity kind) is closest to the misspelt member name (`displayname` -> `displayName`), the fix renames the member. It is unsafe: the member now takes effect, which may not be what the author meant. With no suggestion, a tie, or the suggested name already present, there is no fix; an unknown `@odata.type` has none either.)md", FixSafety::Unsafe};
  // clang-format on

  static constexpr std::string_view kMessageIds[]{"tenant-id-misplaced", "undeclared", "unknown-odata-type"};
  static constexpr detail::Message kTenantIdHere = detail::message(kMeta, kMessageIds, "tenant-id-misplaced");
  static constexpr detail::Message kUndeclared = detail::message(kMeta, kMessageIds, "undeclared");
  static constexpr detail::Message kUnknownType = detail::message(kMeta, kMessageIds, "unknown-odata-type");
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC201_UNDECLARED_PROPERTY_H_
