// CC205 malformed-guid: ids that were meant to be GUIDs but are not
// (GRAPH.md 3.2: "ids are GUIDs" is not documented, hence a warning).
#ifndef CALLCHECK_RULES_CC205_MALFORMED_GUID_H_
#define CALLCHECK_RULES_CC205_MALFORMED_GUID_H_

#include "rules/rule_support.h"

#include <fmt/format.h>

namespace callcheck::rules {

class MalformedGuid final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }

  void check(const detail::RuleContext &context, detail::DiagnosticSink &sink) const override {
    using namespace support;
    const detail::Value &root = context.doc.root();
    if (!context.doc.has_dom() || !root.IsObject()) return;
    check_value(context, sink, member(&root, "tenantId"), "/tenantId");
    walk(context, [&](const Visit &v) {
      // Directory object ids: the user/application/applicationInstance
      // identities of any identity set. Guest ids are chosen by the bot,
      // phone ids are numbers, ACS ids are `8:acs:...`.
      if (!v.value.IsObject() || !is_identity_set_type(Navigator::type_name(v.parent_schema))) return;
      const std::string_view kind = v.path.key();
      if (kind != "user" && kind != "application" && kind != "applicationInstance") return;
      for (std::string_view field : {"id", "tenantId"}) {
        const detail::Value *id = member(&v.value, field);
        if (id != nullptr && id->IsString() && flagged(sv(*id))) check_value(context, sink, id, v.path.pointer(field));
      }
    });
  }

 private:
  static auto flagged(std::string_view text) -> bool {
    return support::looks_like_guid(text) && !support::is_guid(text);
  }

  static void check_value(const detail::RuleContext &context, detail::DiagnosticSink &sink, const detail::Value *v,
                          const std::string &pointer) {
    if (v == nullptr || !v->IsString() || !flagged(support::sv(*v))) return;
    if (context.schema_reported(pointer)) return;
    sink.report(kMeta, pointer, fmt::format("`{}` is not a well-formed GUID", support::shown(support::sv(*v))),
                "copy the id again from Microsoft Entra ID; a GUID is 8-4-4-4-12 hexadecimal digits");
  }

  static constexpr RuleMeta kMeta{
      "CC205", "malformed-guid", Severity::Warning, Status::Stable,
      "an id that is meant to be a GUID is malformed",
      R"md(## What it does
Reports a `tenantId` (of the call or of an identity) or the `id` of a `user`, `application` or `applicationInstance` identity that looks like a GUID (dash-separated groups of mostly hexadecimal digits) but is not one: a non-hex letter, or groups of the wrong length. Both the dashed 8-4-4-4-12 form and 32 hex digits without dashes (used by the 2018-19 examples) are accepted, in either case. Guest, phone and Azure Communication Services ids are not GUIDs and are not checked.

## Why is this bad?
Directory ids are GUIDs; a mistyped one resolves to nobody and the call fails at run time. The current documentation itself contains `86dc81db-c112-4228-9222-63f3esaa1edb`. A warning, because the API reference never states the format.

## Example
```json
{ "tenantId": "86dc81db-c112-4228-9222-63f3esaa1edb" }
```

## Use instead
```json
{ "tenantId": "86dc81db-c112-4228-9222-63f3e0aa1edb" }
```)md"};
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC205_MALFORMED_GUID_H_
