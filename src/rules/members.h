// Typed member access for the lint rules: every accessor guards its
// assumption about the payload (a rule returns quietly when the shape it
// needs is missing: the schema has reported it already).
#ifndef CALLCHECK_RULES_MEMBERS_H_
#define CALLCHECK_RULES_MEMBERS_H_

#include <array>          // std::array
#include <cstddef>        // std::size_t
#include <optional>       // std::optional
#include <unordered_set>  // std::unordered_set
#include <string_view>    // std::string_view

#include "graph/names.h"
#include "rules/rule.h"
#include "schema/node_table.h"

namespace callcheck::rules::support {

using detail::RuleContext;
using detail::Value;

inline auto sv(const Value &v) -> std::string_view { return {v.GetString(), v.GetStringLength()}; }

// The first member called `name` (duplicates are CC002's business), or nullptr
// when `object` is not an object. The rules ask this of the same few objects
// many times per body; the shared lookup rules most members out by length and
// first byte before any memcmp call.
inline auto member(const Value *object, std::string_view name) -> const Value * {
  if (object == nullptr || !object->IsObject()) return nullptr;
  return detail::schema_table::table_detail::find_member(*object, name);
}

// The number in the body's top-level member `name` when it lies outside
// [min, max] and the schema has not reported that member already (a wrong
// type is CC103's); nullopt otherwise. The range rules of the actions
// (CC254, CC257) share this.
inline auto top_level_number_outside(const RuleContext &context, std::string_view name, double min, double max)
    -> std::optional<double> {
  const Value *v = member(&context.doc.root(), name);
  if (v == nullptr || !v->IsNumber()) return std::nullopt;
  if (context.schema_reported(std::string("/").append(name))) return std::nullopt;
  const double number = v->GetDouble();
  if (number >= min && number <= max) return std::nullopt;
  return number;
}

// The strings seen so far in one array, for the duplicate rules: a few
// compared in place (a short list allocates nothing), hashed beyond that (a
// long one stays linear: 10,000 entries fit the default limits).
class SeenStrings {
 public:
  // True when `s` was not seen before.
  auto insert(std::string_view s) -> bool {
    if (hashed_.empty()) {
      for (std::size_t i = 0; i < size_; ++i) {
        if (small_[i] == s) return false;
      }
      if (size_ < small_.size()) {
        small_[size_++] = s;
        return true;
      }
      hashed_.insert(small_.begin(), small_.end());
    }
    return hashed_.insert(s).second;
  }

 private:
  std::array<std::string_view, 16> small_{};
  std::size_t size_ = 0;
  std::unordered_set<std::string_view> hashed_;
};

inline auto object_member(const Value *object, std::string_view name) -> const Value * {
  const Value *v = member(object, name);
  return v != nullptr && v->IsObject() ? v : nullptr;
}

inline auto string_member(const Value *object, std::string_view name, std::string_view *out) -> bool {
  const Value *v = member(object, name);
  if (v == nullptr || !v->IsString()) return false;
  *out = sv(*v);
  return true;
}
// The @odata.type of `object` names the Graph type `type` (graph/names.h).
inline auto has_odata_type(const Value *object, std::string_view type) -> bool {
  std::string_view value;
  return string_member(object, "@odata.type", &value) && graph::type_name(value) == type;
}

// A non-empty string member (a tenant id the service could read).
inline auto has_text(const Value *object, std::string_view name) -> bool {
  std::string_view text;
  return string_member(object, name, &text) && !text.empty();
}

}  // namespace callcheck::rules::support

#endif  // CALLCHECK_RULES_MEMBERS_H_
