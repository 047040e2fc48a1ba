// The rule pass: every enabled rule's whole-body check, then ONE walk of the
// payload that hands each value, with its schema, to the rules registered for
// that kind of value (Rule::visits). Eight rules each iterating the walk and
// rebuilding its path were a large part of the pass (issue 14).
#include <array>        // std::array
#include <cstdint>      // std::uint32_t
#include <cstring>      // std::memcmp
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include "rules/rule.h"
#include "rules/walk.h"
#include "schema/node_table.h"

namespace callcheck::detail {
namespace {

namespace table = schema_table;

// The parser caps nesting at Limits::max_depth (64 by default); this bound
// only guards library callers that raised the limit.
constexpr std::uint32_t kMaxWalkDepth = rules::support::Path::kCapacity;

constexpr std::string_view kOdataType = "@odata.type";

// The visitors of each kind of value, in registry order: a node calls only
// the rules that asked for its kind, without testing the others' masks.
enum Kind : unsigned { kObject, kString, kOther, kKinds };
using Visitors = std::array<std::vector<const Rule *>, kKinds>;

auto kind_of(const Value &value) -> Kind {
  if (value.IsObject()) return kObject;
  if (value.IsString()) return kString;
  return kOther;
}

// Each value's schema node is found in the build-time table
// (schema/node_table.h): no schema JSON is read and nothing is allocated
// per value.
class Walker {
 public:
  Walker(const RuleContext &context, DiagnosticSink &sink, const Visitors &visitors,
         std::vector<table::NodeId> &members)
      : context_(context), sink_(sink), visitors_(visitors), members_(members) {}

  void walk(const Value &value, table::NodeId declared, table::NodeId parent, std::uint32_t depth) {
    const table::NodeId schema = table::effective(declared, value);
    const Kind kind = kind_of(value);
    // Each member's node is looked up once, before the visit: the count of
    // members the schema does not declare lets CC201 and CC209 skip a clean
    // object without repeating the lookup (issue 14). The ids wait on a
    // per-thread stack for the walk into the members.
    const std::size_t base = members_.size();
    std::uint32_t undeclared = 0;
    const Value *odata_type = nullptr;
    if (value.IsObject()) {
      const table::Node *node = table::node(schema);
      for (auto it = value.MemberBegin(); it != value.MemberEnd(); ++it) {
        const std::string_view key{it->name.GetString(), it->name.GetStringLength()};
        if (odata_type == nullptr && key.size() == kOdataType.size() &&
            std::memcmp(key.data(), kOdataType.data(), kOdataType.size()) == 0) {
          odata_type = &it->value;
        }
        const table::Property *p = node == nullptr ? nullptr : table::find_property(*node, key);
        if (p == nullptr) ++undeclared;
        members_.push_back(p != nullptr ? p->node : node != nullptr ? node->additional : table::kNoNode);
      }
    }
    const rules::support::Visit visit{
        value, table::node(declared), table::node(schema), table::node(parent), path_, undeclared, odata_type};
    for (const Rule *rule : visitors_[kind]) rule->visit(context_, visit, sink_);
    if (depth < kMaxWalkDepth) {
      if (value.IsObject()) {
        std::size_t i = base;
        for (auto it = value.MemberBegin(); it != value.MemberEnd(); ++it) {
          path_.push_key({it->name.GetString(), it->name.GetStringLength()});
          walk(it->value, members_[i++], schema, depth + 1);
          path_.pop();
        }
      } else if (value.IsArray()) {
        const table::NodeId element = table::element(schema);
        std::size_t index = 0;
        for (const Value &v : value.GetArray()) {
          path_.push_index(index++);
          walk(v, element, schema, depth + 1);
          path_.pop();
        }
      }
    }
    members_.resize(base);
  }

 private:
  const RuleContext &context_;
  DiagnosticSink &sink_;
  const Visitors &visitors_;
  std::vector<table::NodeId> &members_;
  rules::support::Path path_;
};

}  // namespace

void run_rules(const std::vector<const Rule *> &rules, const RuleContext &context, DiagnosticSink &sink) {
  // The plan of a list of rules: the ones with a whole-body check (pipeline
  // codes have none) and the visitors of each kind, in registry order. Kept
  // per thread and rebuilt only when the list changes: asking ~100 rules for
  // check() and visits() per payload was a tenth of the pass (issue 14).
  struct Plan {
    std::vector<const Rule *> rules;
    std::vector<const Rule *> checkers;
    Visitors visitors;
    bool any = false;
  };
  thread_local Plan plan;
  thread_local std::vector<table::NodeId> members;
  if (plan.rules != rules) {
    plan.rules = rules;
    plan.checkers.clear();
    plan.checkers.reserve(rules.size());
    for (std::vector<const Rule *> &v : plan.visitors) {
      v.clear();
      v.reserve(rules.size());  // grown one push at a time, 3.7 k instructions of a one-file run
    }
    plan.any = false;
    for (const Rule *rule : rules) {
      if (rule->checks()) plan.checkers.push_back(rule);
      const unsigned k = rule->visits();
      if ((k & kVisitObjects) != 0) plan.visitors[kObject].push_back(rule);
      if ((k & kVisitStrings) != 0) plan.visitors[kString].push_back(rule);
      if ((k & kVisitOthers) != 0) plan.visitors[kOther].push_back(rule);
      plan.any = plan.any || k != 0;
    }
  }
  for (const Rule *rule : plan.checkers) rule->check(context, sink);
  if (!plan.any) return;
  members.clear();
  // Room for a deep body's pending member ids at once: grown one push at a
  // time it was eight reallocations at the first payload.
  if (members.capacity() == 0) members.reserve(256);
  Walker walker(context, sink, plan.visitors, members);
  walker.walk(context.doc.root(), context.nav.table_root(), table::kNoNode, 0);
}

}  // namespace callcheck::detail
