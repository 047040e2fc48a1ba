#include <callcheck/rules.h>

#include <callcheck/version.h>

#include <algorithm>      // std::sort, std::lower_bound
#include <string>         // std::string
#include <unordered_map>  // std::unordered_map
#include <vector>         // std::vector

#include "rules/rule.h"
#include "rules/urls.h"

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

namespace {

// Rule positions by code and by name, built once: the renderers look a rule
// up with every finding, and a scan of the catalog cost more than the rest of
// the line (issue 14). emplace keeps the first, so the first rule with a code
// or name wins, as the scan did.
auto rule_index() -> const std::unordered_map<std::string_view, std::size_t> & {
  static const std::unordered_map<std::string_view, std::size_t> index = [] {
    std::unordered_map<std::string_view, std::size_t> out;
    const std::vector<RuleMeta> &catalog = rule_catalog();
    for (std::size_t i = 0; i < catalog.size(); ++i) {
      out.emplace(catalog[i].code, i);
      out.emplace(catalog[i].name, i);
    }
    return out;
  }();
  return index;
}

}  // namespace

auto find_rule(std::string_view code_or_name) -> const RuleMeta * {
  const auto &index = rule_index();
  const auto it = index.find(code_or_name);
  return it == index.end() ? nullptr : &rule_catalog()[it->second];
}

auto rule_page(const RuleMeta &meta) -> std::string {
  std::string page;
  for (const char c : meta.code) page.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  return page + "-" + std::string(meta.name) + ".md";
}

auto rule_url(std::string_view code_or_name) -> std::string { return std::string(detail::rule_url_view(code_or_name)); }

namespace detail {

auto rule_url_view(std::string_view code_or_name) -> std::string_view {
  static const std::vector<std::string> urls = [] {
    std::vector<std::string> out;
    for (const RuleMeta &meta : rule_catalog()) {
      std::string page = rule_page(meta);
      page.resize(page.size() - 3);  // the published page has no ".md"
      out.push_back(std::string(CALLCHECK_HOMEPAGE) + "/rules/" + page);
    }
    return out;
  }();
  const RuleMeta *meta = find_rule(code_or_name);
  return meta == nullptr ? std::string_view() : urls[static_cast<std::size_t>(meta - rule_catalog().data())];
}

}  // namespace detail

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
