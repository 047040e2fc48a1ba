// CC211 duplicate-target: "the same identity cannot be invited twice"
// (OLD & CUR-R call.md, GRAPH.md 3.2).
#ifndef CALLCHECK_RULES_CC211_DUPLICATE_TARGET_H_
#define CALLCHECK_RULES_CC211_DUPLICATE_TARGET_H_

#include "rules/rule_support.h"

#include <fmt/format.h>

#include <string>         // std::string, std::to_string
#include <unordered_map>  // std::unordered_map

namespace callcheck::rules {

class DuplicateTarget final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }
  [[nodiscard]] auto message_ids() const -> MessageIds override { return detail::message_ids_of(kMessageIds); }

  void check(const detail::RuleContext &context, detail::DiagnosticSink &sink) const override {
    using namespace support;
    const detail::Value *targets = member(&context.doc.root(), "targets");
    if (targets == nullptr || !targets->IsArray()) return;
    // (kind, normalised id) -> the first target inviting it. Hashed: with
    // --max-elements raised, comparing every pair of 10^5 targets took
    // minutes (issue 18).
    std::unordered_map<std::string, std::size_t> seen;
    std::string key;
    for (rapidjson::SizeType i = 0; i < targets->Size(); ++i) {
      const detail::Value *identity = object_member(&(*targets)[i], "identity");
      if (identity == nullptr) continue;
      for (auto it = identity->MemberBegin(); it != identity->MemberEnd(); ++it) {
        std::string_view id;
        if (!it->value.IsObject() || !string_member(&it->value, "id", &id) || id.empty()) continue;
        const std::string_view kind = sv(it->name);
        // Length-prefixed kind, then the id; GUIDs compare case-insensitively,
        // other ids as written.
        key = std::to_string(kind.size());
        key += ':';
        key += kind;
        key += is_guid(id) ? lower(id) : std::string(id);
        const auto [first, inserted] = seen.emplace(key, i);
        if (inserted) continue;
        std::string pointer = "/targets";
        detail::append_index(pointer, i);
        sink.report(
            kDuplicate, pointer,
            fmt::format("target {} invites {} `{}` again (already target {})", i, kind, shown(id), first->second),
            "remove the duplicate target");
        break;  // one finding per target
      }
    }
  }

 private:
  // clang-format off
  static constexpr RuleMeta kMeta{
      "CC211", "duplicate-target", Severity::Error, Status::Stable,
      "the same identity is invited twice",
      R"md(## What it does
Reports a target whose identity (kind and `id`, e.g. `user` `8a34a46b-...`) equals that of an earlier target. GUIDs are compared without regard to case.

## Why is this bad?
The call resource documentation states that the same identity cannot be invited twice; the service rejects the request.

## Example
```json
{ "targets": [ { "identity": { "user": { "id": "8a34a46b-3d17-4adc-8dce-dc4e7d572698" } } }, { "identity": { "user": { "id": "8A34A46B-3D17-4ADC-8DCE-DC4E7D572698" } } } ] }
```

## Use instead
```json
{ "targets": [ { "identity": { "user": { "id": "8a34a46b-3d17-4adc-8dce-dc4e7d572698" } } } ] }
```)md"};
  // clang-format on

  static constexpr std::string_view kMessageIds[]{"duplicate-target"};
  static constexpr detail::Message kDuplicate = detail::message(kMeta, kMessageIds, "duplicate-target");
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC211_DUPLICATE_TARGET_H_
