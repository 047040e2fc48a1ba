// CC211 duplicate-target: "the same identity cannot be invited twice"
// (OLD & CUR-R call.md, GRAPH.md 3.2).
#ifndef CALLCHECK_RULES_CC211_DUPLICATE_TARGET_H_
#define CALLCHECK_RULES_CC211_DUPLICATE_TARGET_H_

#include "rules/rule_support.h"

#include <fmt/format.h>

#include <array>          // std::array
#include <optional>       // std::optional
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
    // (kind, id) of each invited identity, with the first target inviting
    // it. A few are compared in place (a call has a handful of targets: no
    // allocation); past kSmall they are hashed, since with --max-elements
    // raised, comparing every pair of 10^5 targets took minutes (issue 18).
    std::array<Invited, kSmall> small;
    std::size_t small_size = 0;
    std::unordered_map<std::string, std::size_t> seen;
    std::string key;
    for (rapidjson::SizeType i = 0; i < targets->Size(); ++i) {
      const detail::Value *identity = object_member(&(*targets)[i], "identity");
      if (identity == nullptr) continue;
      for (auto it = identity->MemberBegin(); it != identity->MemberEnd(); ++it) {
        std::string_view id;
        if (!it->value.IsObject() || !string_member(&it->value, "id", &id) || id.empty()) continue;
        const Invited invited{sv(it->name), id, is_guid(id), i};
        std::optional<std::size_t> first;
        if (seen.empty()) {
          for (std::size_t k = 0; k < small_size && !first; ++k) {
            if (small[k].same(invited)) first = small[k].target;
          }
          if (!first && small_size < small.size()) {
            small[small_size++] = invited;
            continue;
          }
          if (!first) {
            for (const Invited &s : small) seen.emplace(s.key(key), s.target);
          }
        }
        if (!first) {
          const auto [found, inserted] = seen.emplace(invited.key(key), i);
          if (inserted) continue;
          first = found->second;
        }
        std::string pointer = "/targets";
        detail::append_index(pointer, i);
        sink.report(
            kDuplicate, pointer,
            fmt::format("target {} invites {} `{}` again (already target {})", i, invited.kind, shown(id), *first),
            "remove the duplicate target");
        break;  // one finding per target
      }
    }
  }

 private:
  static constexpr std::size_t kSmall = 16;
  struct Invited {
    std::string_view kind;
    std::string_view id;
    bool guid = false;
    std::size_t target = 0;
    // GUIDs compare case-insensitively, other ids as written (a lowered GUID
    // is still a GUID, so a GUID never equals a non-GUID).
    [[nodiscard]] auto same(const Invited &o) const -> bool {
      return kind == o.kind && guid == o.guid && (guid ? support::iequals(id, o.id) : id == o.id);
    }
    // The hashed form: length-prefixed kind, then the (lowered) id.
    auto key(std::string &out) const -> const std::string & {
      out = std::to_string(kind.size());
      out += ':';
      out += kind;
      if (guid) {
        for (const char c : id) out += support::lower_char(c);
      } else {
        out += id;
      }
      return out;
    }
  };

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
