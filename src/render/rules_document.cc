#include "render/rules_document.h"

#include <fmt/format.h>

#include "callcheck/rules.h"
#include "catalog/policy.h"
#include "render/escape.h"

namespace callcheck::detail {
namespace {

auto markdown_cell(std::string_view s) -> std::string {
  std::string out;
  for (const char c : s) {
    if (c == '|')
      out += "\\|";
    else
      out.push_back(c);
  }
  return out;
}

// Input-validity rules cannot be deselected; the catalogue says so where
// users look for what a selector does.
auto status_of(const RuleMeta &m) -> std::string {
  std::string status(to_string(m.status));
  if (always_reported(m.code)) status += ", always reported";
  return status;
}

}  // namespace

auto rules_document(bool explanations) -> std::string {
  const auto &catalog = rule_catalog();
  std::string out = "{\"rules\":[";
  for (std::size_t i = 0; i < catalog.size(); ++i) {
    const RuleMeta &m = catalog[i];
    out += i != 0 ? ",\n  " : "\n  ";
    out += fmt::format(
        "{{\"code\":{},\"name\":{},\"severity\":{},\"status\":{},\"always_reported\":{},\"fix\":{},"
        "\"summary\":{},\"url\":{}",
        json_string_literal(m.code), json_string_literal(m.name), json_string_literal(to_string(m.severity)),
        json_string_literal(to_string(m.status)), always_reported(m.code) ? "true" : "false",
        json_string_literal(to_string(m.fix)), json_string_literal(m.summary), json_string_literal(rule_url(m.code)));
    if (explanations) out += ",\"explanation\":" + json_string_literal(m.explanation);
    out += "}";
  }
  out += "\n]}\n";
  return out;
}

auto rules_text() -> std::string {
  std::string out;
  for (const RuleMeta &m : rule_catalog()) {
    out +=
        fmt::format("{:<6} {:<34} {:<8} {:<25} {}\n", m.code, m.name, to_string(m.severity), status_of(m), m.summary);
  }
  return out;
}

auto rules_markdown() -> std::string {
  std::string out = "| code | name | severity | status | fix | summary |\n|---|---|---|---|---|---|\n";
  for (const RuleMeta &m : rule_catalog()) {
    out += fmt::format("| [{}](docs/rules/{}) | `{}` | {} | {} | {} | {} |\n", m.code, rule_page(m), m.name,
                       to_string(m.severity), status_of(m), m.fix == FixSafety::None ? "" : to_string(m.fix),
                       markdown_cell(m.summary));
  }
  return out;
}

auto rule_explanation(const RuleMeta &m) -> std::string {
  const std::string fix = m.fix == FixSafety::None ? std::string() : fmt::format(", fix: {}", to_string(m.fix));
  return fmt::format("# {} {}\n\n{} (default severity: {}, status: {}{})\n\n{}\n", m.code, m.name, m.summary,
                     to_string(m.severity), status_of(m), fix, m.explanation);
}

}  // namespace callcheck::detail
