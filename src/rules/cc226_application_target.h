// CC226 application-target: a call placed to an application, i.e. to a bot
// (issue 10; bot-to-bot calls are not supported).
#ifndef CALLCHECK_RULES_CC226_APPLICATION_TARGET_H_
#define CALLCHECK_RULES_CC226_APPLICATION_TARGET_H_

#include "rules/rule_support.h"

#include <fmt/format.h>

namespace callcheck::rules {

class ApplicationTarget final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }
  [[nodiscard]] auto message_ids() const -> MessageIds override { return detail::message_ids_of(kMessageIds); }

  void check(const detail::RuleContext &context, detail::DiagnosticSink &sink) const override {
    using namespace support;
    for_each_target_identity(context.doc.root(), "application", [&](rapidjson::SizeType i, const std::string &pointer) {
      sink.report(kApplication, pointer,
                  fmt::format("target {} is an application (a bot): the Graph calling API does not support calls "
                              "from one bot to another",
                              i),
                  "call a user (`user`) or a phone number (`phone`, from an application instance); to reach "
                  "another bot, have a user or a meeting bring both in",
                  true);
    });
  }

 private:
  // clang-format off
  static constexpr RuleMeta kMeta{
      "CC226", "application-target", Severity::Error, Status::Stable,
      "a target is an application: bot-to-bot calls are not supported",
      R"md(## What it does
Reports every target of an outgoing call whose identity is an `application` object: a call from the bot to another bot (or to itself).

## Why is this bad?
Microsoft's answer to "Can I make a bot able to make a call to another bot using Microsoft Graph Calling APIs?" is "Bot - Bot calling is not currently supported by Microsoft Graph calling API's" (MicrosoftDocs/msteams-docs#1865, 2020-07-28); the reporter's create-call request with an `application` target, both bots in the same tenant, was answered "Request authorization tenant mismatch" (7505). The Teams documentation describes peer-to-peer calls as "between a person and your bot", and every documented create-call example targets users or phone numbers; `application` appears only as the *source*, the bot itself.

## Example
```json
{ "targets": [ { "identity": { "application": { "id": "2891555a-92ff-42e6-80fa-6e1300c6b5c6", "displayName": "Other Bot" } } } ] }
```

## Use instead
```json
{ "targets": [ { "identity": { "user": { "id": "8a34a46b-3d17-4adc-8dce-dc4e7d572698", "displayName": "Heidi Steen" } } } ] }
```)md"};
  // clang-format on

  static constexpr std::string_view kMessageIds[]{"application-target"};
  static constexpr detail::Message kApplication = detail::message(kMeta, kMessageIds, "application-target");
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC226_APPLICATION_TARGET_H_
