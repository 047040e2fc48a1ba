// CC227 application-instance-target: a call placed to an application
// instance, the resource account of a bot (issue 10).
#ifndef CALLCHECK_RULES_CC227_APPLICATION_INSTANCE_TARGET_H_
#define CALLCHECK_RULES_CC227_APPLICATION_INSTANCE_TARGET_H_

#include "rules/rule_support.h"

#include <fmt/format.h>

namespace callcheck::rules {

class ApplicationInstanceTarget final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }
  [[nodiscard]] auto message_ids() const -> MessageIds override { return detail::message_ids_of(kMessageIds); }

  void check(const detail::RuleContext &context, detail::DiagnosticSink &sink) const override {
    using namespace support;
    for_each_target_identity(
        context.doc.root(), "applicationInstance", [&](rapidjson::SizeType i, const std::string &pointer) {
          sink.report(kInstance, pointer,
                      fmt::format("target {} is an application instance (a bot's resource account): no documented "
                                  "scenario places a call to one, and bot-to-bot calls are not supported",
                                  i),
                      "an application instance belongs in `source.identity`, as the caller of a PSTN call; call a "
                      "`user` or a `phone` number instead",
                      true);
        });
  }

 private:
  // clang-format off
  static constexpr RuleMeta kMeta{
      "CC227", "application-instance-target", Severity::Warning, Status::Stable,
      "a target is an application instance (a bot's resource account)",
      R"md(## What it does
Reports every target of an outgoing call whose identity is an `applicationInstance` object.

## Why is this bad?
An application instance is the resource account of an application, that is of a bot ("Represents the identity of an instance of an application. An application instance is a resource account created by New-CsOnlineApplicationInstance": the communicationsApplicationInstanceIdentity page, microsoftgraph/microsoft-graph-docs PR #17181). The create-call documentation uses it only as the *source* of PSTN calls (`source.identity.applicationInstance`), and its list of supported PSTN scenarios has calls *to* the bot's instance identifier only as incoming calls. Calling it means one bot calling another, which Microsoft says the Graph calling API does not support (MicrosoftDocs/msteams-docs#1865). A warning rather than an error: no service answer to such a request is on record.

## Example
```json
{ "targets": [ { "identity": { "applicationInstance": { "id": "3d913abb-aec0-4964-8fa6-3c6850c4f278" } } } ] }
```

## Use instead
```json
{ "source": { "identity": { "applicationInstance": { "id": "3d913abb-aec0-4964-8fa6-3c6850c4f278" } } }, "targets": [ { "identity": { "phone": { "id": "+12345678901" } } } ] }
```)md"};
  // clang-format on

  static constexpr std::string_view kMessageIds[]{"application-instance-target"};
  static constexpr detail::Message kInstance = detail::message(kMeta, kMessageIds, "application-instance-target");
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC227_APPLICATION_INSTANCE_TARGET_H_
