#include <callcheck/rules.h>

#include "rules/rule.h"

namespace callcheck {

auto to_string(Status status) -> std::string_view {
  switch (status) {
    case Status::Stable: return "stable";
    case Status::Preview: return "preview";
    case Status::Deprecated: return "deprecated";
    case Status::Removed: return "removed";
  }
  return "stable";
}

auto rule_catalog() -> const std::vector<RuleMeta> & {
  static const std::vector<RuleMeta> catalog = [] {
    std::vector<RuleMeta> out;
    for (const detail::Rule *rule : detail::builtin_rules()) out.push_back(rule->meta());
    return out;
  }();
  return catalog;
}

auto find_rule(std::string_view code_or_name) -> const RuleMeta * {
  for (const RuleMeta &meta : rule_catalog()) {
    if (meta.code == code_or_name || meta.name == code_or_name) return &meta;
  }
  return nullptr;
}

}  // namespace callcheck

namespace callcheck::detail {

auto RuleContext::schema_reported(std::string_view pointer, bool or_below) const -> bool {
  for (const Finding &f : schema_findings) {
    if (f.pointer == pointer) return true;
    if (or_below && f.pointer.size() > pointer.size() && f.pointer.compare(0, pointer.size(), pointer) == 0 &&
        f.pointer[pointer.size()] == '/') {
      return true;
    }
  }
  return false;
}

}  // namespace callcheck::detail
