#include "render/rules_document.h"

#include <fmt/format.h>

#include "callcheck/rules.h"
#include "catalog/policy.h"
#include "render/escape.h"

namespace callcheck::detail {

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

}  // namespace callcheck::detail
