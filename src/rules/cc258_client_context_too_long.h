// CC258 client-context-too-long: `clientContext` over 256 characters (action pages).
#ifndef CALLCHECK_RULES_CC258_CLIENT_CONTEXT_TOO_LONG_H_
#define CALLCHECK_RULES_CC258_CLIENT_CONTEXT_TOO_LONG_H_

#include "rules/rule_support.h"

#include <fmt/format.h>

namespace callcheck::rules {

class ClientContextTooLong final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }
  [[nodiscard]] auto message_ids() const -> MessageIds override { return detail::message_ids_of(kMessageIds); }

  void check(const detail::RuleContext &context, detail::DiagnosticSink &sink) const override {
    using namespace support;
    if (context.request == "create") return;
    const detail::Value *v = member(&context.doc.root(), "clientContext");
    if (v == nullptr || !v->IsString()) return;
    std::size_t characters = 0;
    for (const char c : sv(*v)) characters += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1 : 0;
    if (characters <= kMax) return;
    sink.report(kTooLong, "/clientContext",
                fmt::format("`clientContext` has {} characters; at most {} are allowed", characters, kMax),
                "keep the client context short (an id of your own state, not the state itself)");
  }

 private:
  static constexpr std::size_t kMax = 256;
  // clang-format off
  static constexpr RuleMeta kMeta{
      "CC258", "client-context-too-long", Severity::Error, Status::Stable,
      "`clientContext` longer than 256 characters",
      R"md(## What it does
Reports a mid-call request body whose `clientContext` is longer than 256 characters (code points).

## Why is this bad?
The action pages that take it limit `clientContext` (a unique client context string) to 256 characters (api-reference/v1.0/api/call-playprompt.md@9f96a150 and its neighbours, CALLS-API.md 2.1); a longer value is refused.

## Example
```json
{ "note": "clientContext: a 300-character string" }
```

## Use instead
```json
{ "clientContext": "d45324c1-fcb5-430a-902c-f20af696537c" }
```)md"};
  // clang-format on

  static constexpr std::string_view kMessageIds[]{"too-long"};
  static constexpr detail::Message kTooLong = detail::message(kMeta, kMessageIds, "too-long");
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC258_CLIENT_CONTEXT_TOO_LONG_H_
