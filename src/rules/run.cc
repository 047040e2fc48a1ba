// The rule pass: every enabled rule's whole-body check, then ONE walk of the
// payload that hands each value, with its schema, to the rules registered for
// that kind of value (Rule::visits). Eight rules each iterating the walk and
// rebuilding its path were a large part of the pass (issue 14).
#include <cstdint>  // std::uint32_t
#include <vector>   // std::vector

#include "rules/rule.h"
#include "rules/walk.h"
#include "schema/node_table.h"

namespace callcheck::detail {
namespace {

namespace table = schema_table;

// The parser caps nesting at Limits::max_depth (64 by default); this bound
// only guards library callers that raised the limit.
constexpr std::uint32_t kMaxWalkDepth = rules::support::Path::kCapacity;

auto kind_of(const Value &value) -> unsigned {
  if (value.IsObject()) return kVisitObjects;
  if (value.IsString()) return kVisitStrings;
  return kVisitOthers;
}

// Each value's schema node is found in the build-time table
// (schema/node_table.h): no schema JSON is read and nothing is allocated
// per value.
class Walker {
 public:
  Walker(const RuleContext &context, DiagnosticSink &sink, const std::vector<const Rule *> &visitors,
         const std::vector<unsigned> &kinds, std::vector<table::NodeId> &members)
      : context_(context), sink_(sink), visitors_(visitors), kinds_(kinds), members_(members) {}

  void walk(const Value &value, table::NodeId declared, table::NodeId parent, std::uint32_t depth) {
    const table::NodeId schema = table::effective(declared, value);
    const unsigned kind = kind_of(value);
    // Each member's node is looked up once, before the visit: the count of
    // members the schema does not declare lets CC201 and CC209 skip a clean
    // object without repeating the lookup (issue 14). The ids wait on a
    // per-thread stack for the walk into the members.
    const std::size_t base = members_.size();
    std::uint32_t undeclared = 0;
    if (value.IsObject()) {
      const table::Node *node = table::node(schema);
      for (auto it = value.MemberBegin(); it != value.MemberEnd(); ++it) {
        const std::string_view key{it->name.GetString(), it->name.GetStringLength()};
        const table::Property *p = node == nullptr ? nullptr : table::find_property(*node, key);
        if (p == nullptr) ++undeclared;
        members_.push_back(p != nullptr ? p->node : node != nullptr ? node->additional : table::kNoNode);
      }
    }
    const rules::support::Visit visit{value,     table::node(declared), table::node(schema), table::node(parent), path_,
                                      undeclared};
    for (std::size_t i = 0; i < visitors_.size(); ++i) {
      if ((kinds_[i] & kind) != 0) visitors_[i]->visit(context_, visit, sink_);
    }
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
  const std::vector<const Rule *> &visitors_;
  const std::vector<unsigned> &kinds_;
  std::vector<table::NodeId> &members_;
  rules::support::Path path_;
};

}  // namespace

void run_rules(const std::vector<const Rule *> &rules, const RuleContext &context, DiagnosticSink &sink) {
  // Kept per thread: the pass allocates nothing once warm.
  thread_local std::vector<const Rule *> visitors;
  thread_local std::vector<unsigned> kinds;
  thread_local std::vector<table::NodeId> members;
  visitors.clear();
  members.clear();
  kinds.clear();
  for (const Rule *rule : rules) {
    rule->check(context, sink);
    if (const unsigned k = rule->visits(); k != 0) {
      visitors.push_back(rule);
      kinds.push_back(k);
    }
  }
  if (visitors.empty()) return;
  Walker walker(context, sink, visitors, kinds, members);
  walker.walk(context.doc.root(), context.nav.table_root(), table::kNoNode, 0);
}

}  // namespace callcheck::detail
