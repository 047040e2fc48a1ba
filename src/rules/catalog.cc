#include <callcheck/rules.h>

#include <callcheck/version.h>

#include <algorithm>      // std::sort, std::lower_bound
#include <string>         // std::string
#include <unordered_map>  // std::unordered_map
#include <vector>         // std::vector

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

auto to_string(FixSafety safety) -> std::string_view {
  switch (safety) {
    case FixSafety::None: return "none";
    case FixSafety::Safe: return "safe";
    case FixSafety::Unsafe: return "unsafe";
  }
  return "none";
}

auto rule_catalog() -> const std::vector<RuleMeta> & {
  static const std::vector<RuleMeta> catalog = [] {
    std::vector<RuleMeta> out;
    for (const detail::Rule *rule : detail::builtin_rules()) {
      out.push_back(rule->meta());
      out.back().messages = rule->message_ids();
    }
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

auto rule_page(const RuleMeta &meta) -> std::string {
  std::string page;
  for (const char c : meta.code) page.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  return page + "-" + std::string(meta.name) + ".md";
}

auto rule_url(std::string_view code_or_name) -> std::string {
  // Built once, by code and by name: the renderers ask for one with every
  // finding, and a scan of the catalog cost more than the rest of the line.
  struct Urls {
    std::vector<std::string> url;
    std::unordered_map<std::string_view, std::size_t> index;
  };
  static const Urls urls = [] {
    Urls out;
    const std::vector<RuleMeta> &catalog = rule_catalog();
    for (std::size_t i = 0; i < catalog.size(); ++i) {
      std::string page = rule_page(catalog[i]);
      page.resize(page.size() - 3);  // the published page has no ".md"
      out.url.push_back(std::string(CALLCHECK_HOMEPAGE) + "/rules/" + page);
      // The first rule with a code or name wins, as in find_rule().
      out.index.emplace(catalog[i].code, i);
      out.index.emplace(catalog[i].name, i);
    }
    return out;
  }();
  const auto it = urls.index.find(code_or_name);
  return it == urls.index.end() ? std::string() : urls.url[it->second];
}

}  // namespace callcheck

namespace callcheck::detail {

auto RuleContext::schema_reported(std::string_view pointer, bool or_below) const -> bool {
  // Sorted once per check: a linear scan per call made a payload with
  // thousands of schema findings quadratic in the rule pass.
  if (!reported_pointers) {
    reported_pointers.emplace();
    reported_pointers->reserve(schema_findings.size());
    for (const Finding &f : schema_findings) reported_pointers->push_back(f.pointer);
    std::sort(reported_pointers->begin(), reported_pointers->end());
  }
  const auto &sorted = *reported_pointers;
  if (std::binary_search(sorted.begin(), sorted.end(), pointer)) return true;
  if (!or_below) return false;
  const std::string prefix = std::string(pointer) + "/";
  const auto it = std::lower_bound(sorted.begin(), sorted.end(), std::string_view(prefix));
  return it != sorted.end() && it->substr(0, prefix.size()) == prefix;
}

}  // namespace callcheck::detail
