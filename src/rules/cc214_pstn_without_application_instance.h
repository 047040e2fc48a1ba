// CC214 pstn-without-application-instance: PSTN calls are placed as an
// application instance with a phone number (GRAPH.md 2.1, 3.2).
#ifndef CALLCHECK_RULES_CC214_PSTN_WITHOUT_APPLICATION_INSTANCE_H_
#define CALLCHECK_RULES_CC214_PSTN_WITHOUT_APPLICATION_INSTANCE_H_

#include "rules/rule_support.h"

#include <fmt/format.h>

namespace callcheck::rules {

class PstnWithoutApplicationInstance final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }
  [[nodiscard]] auto message_ids() const -> MessageIds override { return detail::message_ids_of(kMessageIds); }

  void check(const detail::RuleContext &context, detail::DiagnosticSink &sink) const override {
    using namespace support;
    const detail::Value &root = context.doc.root();
    const detail::Value *targets = member(&root, "targets");
    if (targets == nullptr || !targets->IsArray()) return;
    const detail::Value *source_identity = object_member(object_member(&root, "source"), "identity");
    // An application instance that is not an object (a JSON string, say:
    // microsoft-graph-docs#16084) is the schema's CC103; only an object counts.
    if (const detail::Value *instance = member(source_identity, "applicationInstance")) {
      if (instance->IsObject() || context.schema_reported("/source/identity/applicationInstance")) return;
    }
    for (rapidjson::SizeType i = 0; i < targets->Size(); ++i) {
      const detail::Value *identity = object_member(&(*targets)[i], "identity");
      if (object_member(identity, "phone") == nullptr) continue;
      std::string pointer = "/targets";
      detail::append_index(pointer, i);
      pointer += "/identity/phone";
      sink.report(kNoInstance, pointer,
                  fmt::format("target {} is a phone number but `source.identity.applicationInstance` is missing", i),
                  "set `source.identity.applicationInstance` to the application instance that owns the phone "
                  "number (its object id and tenant)",
                  true);
      return;  // one finding per body: the fix is in `source`
    }
  }

 private:
  // clang-format off
  static constexpr RuleMeta kMeta{
      "CC214", "pstn-without-application-instance", Severity::Error, Status::Stable,
      "a phone target without `source.identity.applicationInstance`",
      R"md(## What it does
Reports the first target whose identity is a `phone` (an object: a phone given as a string is a type error, CC103, and no PSTN call) when `source.identity` has no `applicationInstance` object.

## Why is this bad?
Since 2020 the documentation places PSTN calls only as an application instance that has a phone number assigned: `source.identity.applicationInstance.id` is that instance's object id and must belong to the app in the token. Without it the service has no caller id and cannot place the call.

## Example
```json
{ "targets": [ { "identity": { "phone": { "id": "+12345678901" } } } ] }
```

## Use instead
```json
{ "source": { "identity": { "applicationInstance": { "id": "3d913abb-aec0-4964-8fa6-3c6850c4f278", "displayName": "Calling Bot" } } }, "targets": [ { "identity": { "phone": { "id": "+12345678901" } } } ] }
```)md"};
  // clang-format on

  static constexpr std::string_view kMessageIds[]{"no-application-instance"};
  static constexpr detail::Message kNoInstance = detail::message(kMeta, kMessageIds, "no-application-instance");
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC214_PSTN_WITHOUT_APPLICATION_INSTANCE_H_
