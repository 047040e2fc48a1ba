// What the one walk of the rule pass (rules/run.cc) hands a rule's visit():
// a value of the payload, the schema that governs it, and the path to it
// (turned into a JSON Pointer only when a rule reports).
#ifndef CALLCHECK_RULES_WALK_H_
#define CALLCHECK_RULES_WALK_H_

#include <cstddef>        // std::size_t
#include <string>         // std::string
#include <string_view>    // std::string_view
#include <unordered_map>  // std::unordered_map
#include <vector>         // std::vector

#include "document/pointer.h"
#include "rules/rule.h"

namespace callcheck::rules::support {

using detail::Navigator;
using detail::RuleContext;
using detail::SchemaNode;
using detail::Value;

// The path from the root to the value being visited; turned into a pointer
// only when a rule reports.
class Path {
 public:
  void push_key(std::string_view key) { steps_.push_back(Step{key, 0, false}); }
  void push_index(std::size_t index) { steps_.push_back(Step{{}, index, true}); }
  void pop() { steps_.pop_back(); }
  void truncate(std::size_t depth) {
    if (steps_.size() > depth) steps_.resize(depth);
  }
  [[nodiscard]] auto depth() const -> std::size_t { return steps_.size(); }
  [[nodiscard]] auto pointer() const -> std::string {
    std::string out;
    for (const Step &s : steps_) {
      if (s.is_index) {
        detail::append_index(out, s.index);
      } else {
        detail::append_token(out, s.key);
      }
    }
    return out;
  }
  [[nodiscard]] auto pointer(std::string_view child) const -> std::string {
    std::string out = pointer();
    detail::append_token(out, child);
    return out;
  }
  // The member name under which the current value sits ("" for the root or
  // an array element).
  [[nodiscard]] auto key() const -> std::string_view {
    return steps_.empty() || steps_.back().is_index ? std::string_view{} : steps_.back().key;
  }

 private:
  struct Step {
    std::string_view key;
    std::size_t index;
    bool is_index;
  };
  std::vector<Step> steps_;
};

// One visited value. `declared` is the schema as written at the member (it
// carries x-callcheck-readOnly); `schema` is the effective one ($ref followed,
// discriminator applied). `parent_schema` is the parent's effective schema.
struct Visit {
  const Value &value;
  const SchemaNode &declared;
  const SchemaNode &schema;
  const SchemaNode &parent_schema;
  const Path &path;
};

// The `properties` object of a schema node (what Navigator::property_names
// lists), or nullptr: a rule that only asks "is this member declared" scans
// it in place instead of copying the names per object.
inline auto declared_properties(const SchemaNode &node) -> const Value * {
  if (node.schema == nullptr || !node.schema->IsObject()) return nullptr;
  const auto it = node.schema->FindMember("properties");
  return it != node.schema->MemberEnd() && it->value.IsObject() ? &it->value : nullptr;
}

// A boolean annotation on a schema node ("x-callcheck-readOnly").
inline auto schema_flag(const SchemaNode &node, const char *name) -> bool {
  if (node.schema == nullptr || !node.schema->IsObject()) return false;
  const auto it = node.schema->FindMember(name);
  return it != node.schema->MemberEnd() && it->value.IsBool() && it->value.GetBool();
}

// What the rules ask of a schema node, read once per node and thread: the
// schemas are the registry's immutable documents, alive for the process, and
// looking keywords up by name at every value was most of the rules' own cost
// (issue 14 item 4). The same answers as the Navigator's queries.
struct SchemaFacts {
  std::string_view title;             // Navigator::type_name
  const Value *properties = nullptr;  // declared_properties
  bool open = true;                   // Navigator::is_open
  bool read_only = false;             // x-callcheck-readOnly
};

inline auto facts_of(const SchemaNode &node) -> const SchemaFacts & {
  static const SchemaFacts kNone{};
  if (node.schema == nullptr) return kNone;
  thread_local std::unordered_map<const Value *, SchemaFacts> cache;
  const auto [it, inserted] = cache.try_emplace(node.schema);
  if (inserted) {
    it->second = SchemaFacts{Navigator::type_name(node), declared_properties(node), Navigator::is_open(node),
                             schema_flag(node, "x-callcheck-readOnly")};
  }
  return it->second;
}

// Navigator::has_property over the cached `properties`.
inline auto is_declared(const SchemaFacts &facts, std::string_view name) -> bool {
  if (facts.properties == nullptr) return false;
  for (auto it = facts.properties->MemberBegin(); it != facts.properties->MemberEnd(); ++it) {
    if (std::string_view(it->name.GetString(), it->name.GetStringLength()) == name) return true;
  }
  return false;
}

}  // namespace callcheck::rules::support

#endif  // CALLCHECK_RULES_WALK_H_
