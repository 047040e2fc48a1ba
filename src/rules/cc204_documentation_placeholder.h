// CC204 documentation-placeholder: values copied from the docs without being
// filled in (`tenantId-value`, `<Media Session Configuration>`, `{tenantId}`).
#ifndef CALLCHECK_RULES_CC204_DOCUMENTATION_PLACEHOLDER_H_
#define CALLCHECK_RULES_CC204_DOCUMENTATION_PLACEHOLDER_H_

#include "rules/rule_support.h"

#include <fmt/format.h>

namespace callcheck::rules {

class DocumentationPlaceholder final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }
  [[nodiscard]] auto message_ids() const -> MessageIds override { return detail::message_ids_of(kMessageIds); }

  [[nodiscard]] auto visits() const -> unsigned override { return detail::kVisitStrings; }

  void visit(const detail::RuleContext &context, const support::Visit &v, detail::DiagnosticSink &sink) const override {
    using namespace support;
    if (!v.value.IsString() || !is_placeholder(sv(v.value))) return;
    const std::string pointer = v.path.pointer();
    if (context.schema_reported(pointer)) return;
    sink.report(kPlaceholder, pointer,
                fmt::format("`{}` is the documentation placeholder `{}`", pointer, shown(sv(v.value))),
                v.path.key() == "tenantId"
                    ? "replace the placeholder with the tenant's id (a GUID): the service needs the call's tenant"
                    : "replace the placeholder with a real value, or remove the member");
  }

 private:
  // clang-format off
  static constexpr RuleMeta kMeta{
      "CC204", "documentation-placeholder", Severity::Error, Status::Stable,
      "a placeholder from the documentation was left in the body",
      R"md(## What it does
Reports string values that are documentation placeholders: `<property>-value` (the generated 2018 template: `tenantId-value`, `callbackUri-value`), text in angle brackets (`<media config blob>`, `<Media Session Configuration>`) and identifiers in braces (`{tenantId}`, `https://bot.contoso.com/{id}`).

## Why is this bad?
A placeholder is never a valid value: the service rejects it or, worse, accepts it (`subject`, `displayName`) and the call carries the literal text. Copying an example without filling it in is the most common way such bodies are produced.

## Example
```json
{ "callbackUri": "https://bot.contoso.com/callback", "tenantId": "tenantId-value", "mediaConfig": { "@odata.type": "#microsoft.graph.appHostedMediaConfig", "blob": "<Media Session Configuration>" } }
```

## Use instead
```json
{ "callbackUri": "https://bot.contoso.com/callback", "tenantId": "aa67bd4c-8475-432d-bd41-39f255720e0a", "mediaConfig": { "@odata.type": "#microsoft.graph.appHostedMediaConfig", "blob": "{\"mpUri\":\"net.tcp://bot.contoso.com:18732/MediaProcessor\"}" } }
```)md"};
  // clang-format on

  static constexpr std::string_view kMessageIds[]{"placeholder"};
  static constexpr detail::Message kPlaceholder = detail::message(kMeta, kMessageIds, "placeholder");
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC204_DOCUMENTATION_PLACEHOLDER_H_
