// CC205 malformed-guid: ids that were meant to be GUIDs but are not, and
// tenant ids that are not GUIDs at all (GRAPH.md 3.2: "ids are GUIDs" is not
// documented, hence a warning).
#ifndef CALLCHECK_RULES_CC205_MALFORMED_GUID_H_
#define CALLCHECK_RULES_CC205_MALFORMED_GUID_H_

#include "rules/rule_support.h"

#include <fmt/format.h>

namespace callcheck::rules {

class MalformedGuid final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }
  [[nodiscard]] auto message_ids() const -> MessageIds override { return detail::message_ids_of(kMessageIds); }

  void check(const detail::RuleContext &context, detail::DiagnosticSink &sink) const override {
    using namespace support;
    if (!context.doc.root().IsObject()) return;
    const detail::Value &root = context.doc.root();
    check_tenant(context, sink, member(&root, "tenantId"), [] { return std::string("/tenantId"); });
  }

  [[nodiscard]] auto visits() const -> unsigned override { return detail::kVisitObjects; }

  void visit(const detail::RuleContext &context, const support::Visit &v, detail::DiagnosticSink &sink) const override {
    using namespace support;
    if (!context.doc.root().IsObject()) return;
    // Directory object ids: the user/application/applicationInstance
    // identities of any identity set. Guest ids are chosen by the bot,
    // phone ids are numbers, ACS ids are `8:acs:...`.
    if (!v.value.IsObject() || !is_identity_set_type(facts_of(v.parent_schema).title)) return;
    const std::string_view kind = v.path.key();
    if (!same(kind, "user") && !same(kind, "application") && !same(kind, "applicationInstance")) return;
    // Pointers are spelt only for a value that is reported or may be.
    check_value(context, sink, member(&v.value, "id"), [&v] { return v.path.pointer("id"); });
    check_tenant(context, sink, member(&v.value, "tenantId"), [&v] { return v.path.pointer("tenantId"); });
  }

 private:
  static auto flagged(std::string_view text) -> bool {
    // The GUID test first: most ids are GUIDs, and it settles them in one pass.
    return !support::is_guid(text) && support::looks_like_guid(text);
  }

  // Tenant ids are always directory GUIDs, so anything else is reported,
  // not only near-GUIDs: `"tenant-id"`, a domain name, "". Placeholders
  // (`tenantId-value`) are CC204's.
  template <class Pointer>
  static void check_tenant(const detail::RuleContext &context, detail::DiagnosticSink &sink, const detail::Value *v,
                           const Pointer &pointer_of) {
    if (v == nullptr || !v->IsString()) return;
    const std::string_view text = support::sv(*v);
    if (support::is_guid(text) || support::is_placeholder(text)) return;
    std::string pointer = pointer_of();
    if (context.schema_reported(pointer)) return;
    sink.report(text.empty() ? kEmptyTenant : kTenantNotGuid, std::move(pointer),
                text.empty() ? std::string("the tenant id is empty")
                             : fmt::format("`{}` is not a tenant id: a tenant id is a GUID", support::shown(text)),
                "copy the tenant (directory) id from Microsoft Entra ID, or the `Tid` of a meeting join link; it is "
                "8-4-4-4-12 hexadecimal digits");
  }

  template <class Pointer>
  static void check_value(const detail::RuleContext &context, detail::DiagnosticSink &sink, const detail::Value *v,
                          const Pointer &pointer_of) {
    if (v == nullptr || !v->IsString() || !flagged(support::sv(*v))) return;
    std::string pointer = pointer_of();
    if (context.schema_reported(pointer)) return;
    sink.report(kNotGuid, std::move(pointer),
                fmt::format("`{}` is not a well-formed GUID", support::shown(support::sv(*v))),
                "copy the id again from Microsoft Entra ID; a GUID is 8-4-4-4-12 hexadecimal digits");
  }

  // clang-format off
  static constexpr RuleMeta kMeta{
      "CC205", "malformed-guid", Severity::Warning, Status::Stable,
      "an id that is meant to be a GUID is malformed",
      R"md(## What it does
Reports a `tenantId` (of the call or of a `user`, `application` or `applicationInstance` identity) that is not a GUID (`"tenant-id"`, a domain name, an empty string, a mistyped GUID), and the `id` of such an identity that looks like a GUID (dash-separated groups of mostly hexadecimal digits) but is not one: a non-hex letter, or groups of the wrong length. Both the dashed 8-4-4-4-12 form and 32 hex digits without dashes (used by the 2018-19 examples) are accepted, in either case. Guest, phone and Azure Communication Services ids are not GUIDs and are not checked.

## Why is this bad?
Directory ids are GUIDs; a mistyped one resolves to nobody and the call fails at run time. Tenant ids are GUIDs without exception (the directory id of Microsoft Entra ID, the `Tid` of a meeting join link), and the tenant is what the service matches the request against (error 7505, see CC224). The current documentation itself contains `86dc81db-c112-4228-9222-63f3esaa1edb`. A warning, because the API reference never states the format and no service answer to a malformed one is on record.

## Example
```json
{ "tenantId": "86dc81db-c112-4228-9222-63f3esaa1edb" }
```

## Use instead
```json
{ "tenantId": "86dc81db-c112-4228-9222-63f3e0aa1edb" }
```)md"};
  // clang-format on

  static constexpr std::string_view kMessageIds[]{"empty-tenant-id", "tenant-id-not-guid", "not-guid"};
  static constexpr detail::Message kEmptyTenant = detail::message(kMeta, kMessageIds, "empty-tenant-id");
  static constexpr detail::Message kTenantNotGuid = detail::message(kMeta, kMessageIds, "tenant-id-not-guid");
  static constexpr detail::Message kNotGuid = detail::message(kMeta, kMessageIds, "not-guid");
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC205_MALFORMED_GUID_H_
