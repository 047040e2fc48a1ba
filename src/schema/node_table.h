// The schema nodes the rule walk needs, as constant data compiled from
// schemas/ at build time (tools/schemac, into <build>/src/schema_checks.cc):
// for each node its $ref target, its @odata.type discriminator branches, its
// declared properties (sorted for lookup) with their nodes, its items and the
// annotations the rules read. The walk finds every value's node by lookup,
// never by reading schema JSON: the runtime Navigator re-read the embedded
// documents at each value and was a third of the rule pass (issue 14).
//
// The answers are the Navigator's (schema/navigator.h), pinned by
// tests/unit/schema_table_test.cc on every corpus body; schemac refuses
// schemas whose $ref or branch chains would reach the Navigator's hop limits,
// so that one effective() here is one Navigator::effective() there.
#ifndef CALLCHECK_SCHEMA_NODE_TABLE_H_
#define CALLCHECK_SCHEMA_NODE_TABLE_H_

#include "document/rapidjson_adapter.h"

#include "document/document.h"

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint16_t, std::uint32_t
#include <cstring>      // std::memcmp
#include <string_view>  // std::string_view

namespace callcheck::detail::schema_table {

using NodeId = std::uint32_t;
inline constexpr NodeId kNoNode = 0xFFFFFFFFU;  // no schema governs the value

// A string of the table: `size` bytes at `at` in kText. The table holds
// no pointers, so a static-pie binary does not relocate it at every start
// (issue 14: the node table was most of glibc's relocation loop).
struct Text {
  std::uint32_t at;
  std::uint32_t size;
  // Implicit: the rules read a node's strings as std::string_views.
  operator std::string_view() const;  // NOLINT(google-explicit-constructor)
};

struct Property {
  Text name;
  NodeId node;  // as written (its own $ref not followed)
};

// One `properties` member of an `if`: the value's member `name`, when
// present, must be one of `value_count` strings at kNames[values] (none
// listed: anything passes).
struct Condition {
  Text name;
  std::uint32_t values;
  std::uint32_t value_count;
  bool any;
};

// One `allOf` entry holding `if` and `then`.
struct Branch {
  std::uint32_t required;  // the first of `required_count` names in kNames
  std::uint32_t required_count;
  std::uint32_t conditions;  // the first of `condition_count` in kConditions
  std::uint32_t condition_count;
  bool never;   // `required` lists a non-string: the Navigator never matches it
  NodeId then;  // `then` with its $ref followed (kNoNode: unresolvable)
};

struct Node {
  Text file;     // schemas/ path holding the node
  Text pointer;  // JSON Pointer of the node in `file`
  Text title;    // the Graph type name, "" when absent
  // The first of the node's properties in kProperties (in schema order) and
  // in kByName (indexes among the node's properties, by name length, then
  // bytes).
  std::uint32_t properties;
  std::uint32_t property_count;
  NodeId deref;            // the node with $ref followed (itself without one; kNoNode: unresolvable)
  NodeId additional;       // additionalProperties when a schema object
  NodeId items;            // items when a schema object
  std::uint32_t branches;  // the first of `branch_count` in kBranches
  std::uint32_t branch_count;
  bool open;          // x-callcheck-open, else additionalProperties not false
  bool read_only;     // x-callcheck-readOnly
  bool body_unknown;  // x-callcheck-bodyUnknown
  [[nodiscard]] auto property(std::uint32_t i) const -> const Property &;
};

// What a value no schema governs is: untitled, open, without properties.
inline constexpr Node kNoFacts{{0, 0}, {0, 0}, {0, 0}, 0, 0, kNoNode, kNoNode, kNoNode, 0, 0, true, false, false};

// Generated.
extern const Node kNodes[];
extern const std::uint32_t kNodeCount;
extern const char kText[];
extern const Property kProperties[];
extern const std::uint16_t kByName[];
extern const Branch kBranches[];
extern const Condition kConditions[];
extern const Text kNames[];

inline Text::operator std::string_view() const { return {kText + at, size}; }
inline auto Node::property(std::uint32_t i) const -> const Property & { return kProperties[properties + i]; }
// The root node of schemas/<path>, kNoNode when no such schema is embedded.
[[nodiscard]] auto root(std::string_view path) -> NodeId;

[[nodiscard]] inline auto node(NodeId id) -> const Node * { return id == kNoNode ? nullptr : &kNodes[id]; }

// The declared property `name` of `n`, or nullptr.
[[nodiscard]] inline auto find_property(const Node &n, std::string_view name) -> const Property * {
  std::uint32_t lo = 0;
  std::uint32_t hi = n.property_count;
  while (lo < hi) {
    const std::uint32_t mid = (lo + hi) / 2;
    const Property &p = n.property(kByName[n.properties + mid]);
    const int c = p.name.size != name.size() ? (p.name.size < name.size() ? -1 : 1)
                                             : std::memcmp(kText + p.name.at, name.data(), name.size());
    if (c == 0) return &p;
    if (c < 0) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return nullptr;
}

[[nodiscard]] inline auto has_property(const Node &n, std::string_view name) -> bool {
  return find_property(n, name) != nullptr;
}

namespace table_detail {
// The first member `name` of an object; the length and first byte rule
// most members out before a memcmp call.
inline auto find_member(const rapidjson::Value &value, std::string_view name) -> const rapidjson::Value * {
  const std::size_t n = name.size();
  for (auto it = value.MemberBegin(); it != value.MemberEnd(); ++it) {
    if (it->name.GetStringLength() != n) continue;
    const char *s = it->name.GetString();
    if (n == 0 || (s[0] == name[0] && std::memcmp(s, name.data(), n) == 0)) return &it->value;
  }
  return nullptr;
}

inline auto matches(const Branch &b, const rapidjson::Value &value) -> bool {
  if (b.never) return false;
  for (std::uint32_t i = 0; i < b.required_count; ++i) {
    if (find_member(value, kNames[b.required + i]) == nullptr) return false;
  }
  for (std::uint32_t i = 0; i < b.condition_count; ++i) {
    const Condition &c = kConditions[b.conditions + i];
    if (c.any) continue;
    const rapidjson::Value *m = find_member(value, c.name);
    if (m == nullptr) continue;
    if (!m->IsString()) return false;
    const std::string_view s(m->GetString(), m->GetStringLength());
    bool ok = false;
    for (std::uint32_t k = 0; k < c.value_count && !ok; ++k) ok = std::string_view(kNames[c.values + k]) == s;
    if (!ok) return false;
  }
  return true;
}
}  // namespace table_detail

// Navigator::effective: $ref followed, the first matching if/then applied
// until none matches.
[[nodiscard]] inline auto effective(NodeId id, const rapidjson::Value &value) -> NodeId {
  if (id == kNoNode) return kNoNode;
  id = kNodes[id].deref;
  while (id != kNoNode && value.IsObject()) {
    const Node &n = kNodes[id];
    NodeId next = kNoNode;
    for (std::uint32_t i = 0; i < n.branch_count; ++i) {
      const Branch &b = kBranches[n.branches + i];
      if (table_detail::matches(b, value)) {
        next = b.then;
        break;
      }
    }
    if (next == kNoNode) break;
    id = next;
  }
  return id;
}

// Navigator::member / element of a node that is effective already.
[[nodiscard]] inline auto member(NodeId effective_id, std::string_view name) -> NodeId {
  if (effective_id == kNoNode) return kNoNode;
  const Node &n = kNodes[effective_id];
  if (const Property *p = find_property(n, name)) return p->node;
  return n.additional;
}

[[nodiscard]] inline auto element(NodeId effective_id) -> NodeId {
  return effective_id == kNoNode ? kNoNode : kNodes[effective_id].items;
}

// Navigator::at: the effective node of the value at `pointer` below `root`
// (kNoNode when the value or its schema is missing).
[[nodiscard]] auto at(NodeId root, const Document &doc, std::string_view pointer) -> NodeId;

}  // namespace callcheck::detail::schema_table

#endif  // CALLCHECK_SCHEMA_NODE_TABLE_H_
