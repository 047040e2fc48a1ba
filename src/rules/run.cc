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
         const std::vector<unsigned> &kinds)
      : context_(context), sink_(sink), visitors_(visitors), kinds_(kinds) {}

  void walk(const Value &value, table::NodeId declared, table::NodeId parent, std::uint32_t depth) {
    const table::NodeId schema = table::effective(declared, value);
    const unsigned kind = kind_of(value);
    const rules::support::Visit visit{value, table::node(declared), table::node(schema), table::node(parent), path_};
    for (std::size_t i = 0; i < visitors_.size(); ++i) {
      if ((kinds_[i] & kind) != 0) visitors_[i]->visit(context_, visit, sink_);
    }
    if (depth >= kMaxWalkDepth) return;
    if (value.IsObject()) {
      for (auto it = value.MemberBegin(); it != value.MemberEnd(); ++it) {
        const std::string_view key{it->name.GetString(), it->name.GetStringLength()};
        path_.push_key(key);
        walk(it->value, table::member(schema, key), schema, depth + 1);
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

 private:
  const RuleContext &context_;
  DiagnosticSink &sink_;
  const std::vector<const Rule *> &visitors_;
  const std::vector<unsigned> &kinds_;
  rules::support::Path path_;
};

}  // namespace

void run_rules(const std::vector<const Rule *> &rules, const RuleContext &context, DiagnosticSink &sink) {
  // Kept per thread: the pass allocates nothing once warm.
  thread_local std::vector<const Rule *> visitors;
  thread_local std::vector<unsigned> kinds;
  visitors.clear();
  kinds.clear();
  for (const Rule *rule : rules) {
    rule->check(context, sink);
    if (const unsigned k = rule->visits(); k != 0) {
      visitors.push_back(rule);
      kinds.push_back(k);
    }
  }
  if (visitors.empty()) return;
  Walker walker(context, sink, visitors, kinds);
  walker.walk(context.doc.root(), context.nav.table_root(), table::kNoNode, 0);
}

}  // namespace callcheck::detail
