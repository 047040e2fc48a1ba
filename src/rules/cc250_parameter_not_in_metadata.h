// CC250 parameter-not-in-metadata: a top-level member of a mid-call request
// body that the action does not declare (issue 12).
#ifndef CALLCHECK_RULES_CC250_PARAMETER_NOT_IN_METADATA_H_
#define CALLCHECK_RULES_CC250_PARAMETER_NOT_IN_METADATA_H_

#include "rules/rule_support.h"

#include <fmt/format.h>

#include "util/suggest.h"

namespace callcheck::rules {

class ParameterNotInMetadata final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }
  [[nodiscard]] auto message_ids() const -> MessageIds override { return detail::message_ids_of(kMessageIds); }

  void check(const detail::RuleContext &context, detail::DiagnosticSink &sink) const override {
    using namespace support;
    if (context.request == "create" || !context.doc.root().IsObject()) return;
    const SchemaFacts *root = root_facts(context);
    // A body no page documents (beta lobby/hand actions) has no parameter list.
    if (root == nullptr || root->body_unknown) return;
    const auto declared = property_names(*root);
    const Value &body = context.doc.root();
    for (auto it = body.MemberBegin(); it != body.MemberEnd(); ++it) {
      const std::string_view name = sv(it->name);
      if (is_declared(*root, name)) continue;
      const std::string pointer = detail::join_pointer("", name);
      std::vector<std::string_view> candidates;
      for (std::string_view d : declared) {
        if (d != "@odata.type") candidates.push_back(d);
      }
      const std::string suggestion = detail::closest(name, candidates);
      sink.report(kNotAParameter, pointer,
                  fmt::format("`{}` is not a parameter of the `{}` action", shown(name), context.request),
                  suggestion.empty() ? fmt::format("its parameters are: {}; remove it", list(candidates))
                                     : fmt::format("did you mean `{}`?", suggestion),
                  true);
    }
  }

 private:
  static auto list(const std::vector<std::string_view> &names) -> std::string {
    if (names.empty()) return "none";
    std::string out;
    for (std::string_view n : names) {
      if (!out.empty()) out += ", ";
      out += fmt::format("`{}`", n);
    }
    return out;
  }

  // clang-format off
  static constexpr RuleMeta kMeta{
      "CC250", "parameter-not-in-metadata", Severity::Warning, Status::Stable,
      "a mid-call request body sends a member its action does not declare",
      R"md(## What it does
Reports a top-level member of a mid-call request body (answer, redirect, transfer, playPrompt, ...) that is not a parameter of the action in the Microsoft Graph metadata (CSDL `Action` element), with the closest parameter name.

## Why is this bad?
An OData action takes exactly its declared parameters; anything else is at best ignored, and a misspelt parameter (`acceptModalities` for `acceptedModalities`) silently loses what it was meant to say. The docs themselves send such members: the redirect page's simulring example sends `routingPolicies` and the transfer page's examples 3-4 send `clientContext`, neither of which is a parameter of those actions in the v1.0 metadata (`clean_v10_metadata/cleanMetadata.xml`, shared/corpus/csdl/v1.0-call-actions.xml). No service response in the corpus shows such a body rejected, hence a warning rather than an error.

## Example
```json
{ "transferTarget": { "identity": { "user": { "id": "550fae72-d251-43ec-868c-373732c2704f" } } }, "clientContext": "9e90d1c1" }
```

## Use instead
```json
{ "transferTarget": { "identity": { "user": { "id": "550fae72-d251-43ec-868c-373732c2704f" } } } }
```)md"};
  // clang-format on

  static constexpr std::string_view kMessageIds[]{"not-a-parameter"};
  static constexpr detail::Message kNotAParameter = detail::message(kMeta, kMessageIds, "not-a-parameter");
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC250_PARAMETER_NOT_IN_METADATA_H_
