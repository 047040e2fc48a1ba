// What the one walk of the rule pass (rules/run.cc) hands a rule's visit():
// a value of the payload, the schema that governs it, and the path to it
// (turned into a JSON Pointer only when a rule reports).
#ifndef CALLCHECK_RULES_WALK_H_
#define CALLCHECK_RULES_WALK_H_

#include <array>        // std::array
#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint32_t
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include "document/pointer.h"
#include "rules/rule.h"
#include "schema/node_table.h"

namespace callcheck::rules::support {

using detail::RuleContext;
using detail::Value;

// The path from the root to the value being visited; turned into a pointer
// only when a rule reports. A fixed buffer as deep as the walk goes: the
// walk allocates nothing per value (issue 14).
class Path {
 public:
  static constexpr std::size_t kCapacity = 128;

  // The walk never pushes more than kCapacity steps (run.cc stops there).
  void push_key(std::string_view key) { steps_[size_++] = Step{key, 0, false}; }
  void push_index(std::size_t index) { steps_[size_++] = Step{{}, index, true}; }
  void pop() { --size_; }
  [[nodiscard]] auto depth() const -> std::size_t { return size_; }
  [[nodiscard]] auto pointer() const -> std::string {
    std::string out;
    for (std::size_t i = 0; i < size_; ++i) {
      const Step &s = steps_[i];
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
    return size_ == 0 || steps_[size_ - 1].is_index ? std::string_view{} : steps_[size_ - 1].key;
  }

 private:
  struct Step {
    std::string_view key;
    std::size_t index;
    bool is_index;
  };
  std::array<Step, kCapacity> steps_;
  std::size_t size_ = 0;
};

// What the rules ask of a schema node: one entry of the build-time node
// table (schema/node_table.h), so no rule reads schema JSON on the walk.
using SchemaFacts = detail::schema_table::Node;

// One visited value. `declared` is the schema as written at the member (it
// carries x-callcheck-readOnly); `schema` is the effective one ($ref followed,
// discriminator applied). `parent_schema` is the parent's effective schema.
// nullptr: no schema governs the value.
struct Visit {
  const Value &value;
  const SchemaFacts *declared;
  const SchemaFacts *schema;
  const SchemaFacts *parent_schema;
  const Path &path;
  // Members of an object value that `schema` does not declare (all of them
  // when no schema governs it); 0 for other values.
  std::uint32_t undeclared;
  // The object's first `@odata.type` member, whatever its type, found by the
  // walk's own pass over the members (nullptr when absent or not an object).
  const Value *odata_type;
};

// The facts of `node`, or those of no schema (untitled, open, no properties).
inline auto facts_of(const SchemaFacts *node) -> const SchemaFacts & {
  return node == nullptr ? detail::schema_table::kNoFacts : *node;
}

// Navigator::has_property.
inline auto is_declared(const SchemaFacts &facts, std::string_view name) -> bool {
  return detail::schema_table::has_property(facts, name);
}

// Navigator::property_names: the declared names in schema order (a copy,
// for the suggestions of a finding only).
inline auto property_names(const SchemaFacts &facts) -> std::vector<std::string_view> {
  std::vector<std::string_view> out;
  out.reserve(facts.property_count);
  for (std::uint32_t i = 0; i < facts.property_count; ++i) out.push_back(facts.property(i).name);
  return out;
}

// The root schema of the context's request body (the navigator's root,
// without parsing it).
inline auto root_facts(const RuleContext &context) -> const SchemaFacts * {
  return detail::schema_table::node(context.nav.table_root());
}

// The effective schema, in `api`'s create-call schema, of the value at
// `pointer` (what the v1.0 rules ask of the beta schema).
inline auto call_schema_at(ApiVersion api, const RuleContext &context, std::string_view pointer)
    -> const SchemaFacts * {
  static const detail::schema_table::NodeId kV1 = detail::schema_table::root("graph/v1.0/call.schema.json");
  static const detail::schema_table::NodeId kBeta = detail::schema_table::root("graph/beta/call.schema.json");
  return detail::schema_table::node(
      detail::schema_table::at(api == ApiVersion::Beta ? kBeta : kV1, context.doc, pointer));
}

}  // namespace callcheck::rules::support

#endif  // CALLCHECK_RULES_WALK_H_
