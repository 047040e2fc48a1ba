#include <fmt/format.h>

#include "callcheck/callcheck.h"
#include "catalog/policy.h"
#include "cli/commands.h"
#include "cli/exit_code.h"
#include "embed/embedded.h"
#include "schema/bundle.h"

namespace callcheck::cli {
namespace {

auto json_string(std::string_view s) -> std::string {
  std::string e = "\"";
  for (const char c : s) {
    switch (c) {
      case '"': e += "\\\""; break;
      case '\\': e += "\\\\"; break;
      case '\n': e += "\\n"; break;
      case '\t': e += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20U) {
          e += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
        } else {
          e.push_back(c);
        }
    }
  }
  return e + "\"";
}

auto markdown_cell(std::string_view s) -> std::string {
  std::string out;
  for (const char c : s) {
    if (c == '|') out += "\\|";
    else out.push_back(c);
  }
  return out;
}

// Input-validity rules cannot be deselected; the catalogue says so where
// users look for what a selector does.
auto status_of(const RuleMeta &m) -> std::string {
  std::string status(to_string(m.status));
  if (detail::always_reported(m.code)) status += ", always reported";
  return status;
}

}  // namespace

auto run_rules(const std::string &format, std::ostream &out) -> int {
  const auto &catalog = rule_catalog();
  if (format == "json") {
    out << "{\"rules\":[";
    for (std::size_t i = 0; i < catalog.size(); ++i) {
      const RuleMeta &m = catalog[i];
      out << (i ? "," : "") << "\n  "
          << fmt::format("{{\"code\":{},\"name\":{},\"severity\":{},\"status\":{},\"always_reported\":{},"
                         "\"summary\":{},\"url\":{}}}",
                         json_string(m.code), json_string(m.name), json_string(to_string(m.severity)),
                         json_string(to_string(m.status)), detail::always_reported(m.code) ? "true" : "false",
                         json_string(m.summary), json_string(rule_url(m.code)));
    }
    out << "\n]}\n";
    return kClean;
  }
  if (format == "markdown") {
    out << "| code | name | severity | status | summary |\n|---|---|---|---|---|\n";
    for (const RuleMeta &m : catalog) {
      // Relative to the README at the top of the source tree.
      out << fmt::format("| [{}](docs/rules/{}) | `{}` | {} | {} | {} |\n", m.code, rule_page(m), m.name,
                         to_string(m.severity), status_of(m), markdown_cell(m.summary));
    }
    return kClean;
  }
  for (const RuleMeta &m : catalog) {
    out << fmt::format("{:<6} {:<34} {:<8} {:<25} {}\n", m.code, m.name, to_string(m.severity), status_of(m),
                       m.summary);
  }
  return kClean;
}

auto run_explain(const std::string &what, std::ostream &out, std::ostream &err) -> int {
  const RuleMeta *m = find_rule(what);
  if (m == nullptr) {
    err << fmt::format("callcheck: no rule `{}`; `callcheck rules` lists them\n", what);
    return kFailure;
  }
  out << fmt::format("# {} {}\n\n{} (default severity: {}, status: {})\n\n{}\n", m->code, m->name, m->summary,
                     to_string(m->severity), status_of(*m), m->explanation);
  return kClean;
}

auto run_schemas(const std::string &name, std::ostream &out, std::ostream &err) -> int {
  const auto files = detail::embedded_files();
  if (name.empty()) {
    for (const auto &f : files) out << f.path << "\n";
    return kClean;
  }
  // Accept "call", "beta/call", "graph/beta/call.schema.json", "callcheck/report".
  std::vector<std::string> candidates{name, name + ".schema.json", "graph/v1.0/" + name + ".schema.json",
                                      "graph/" + name + ".schema.json", name + ".json"};
  for (const std::string &c : candidates) {
    const std::string_view text = detail::embedded_file(c);
    if (!text.empty()) {
      out << text;
      if (text.back() != '\n') out << "\n";
      return kClean;
    }
  }
  err << fmt::format("callcheck: no embedded schema `{}`; `callcheck schemas` lists them\n", name);
  return kFailure;
}

auto run_bundle(const std::string &name, const std::string &api, std::ostream &out, std::ostream &err) -> int {
  const std::string type = name.empty() ? std::string("call") : name;
  const std::string text = detail::bundle_schema(type, *parse_api_version(api));
  if (text.empty()) {
    err << fmt::format("callcheck: no embedded {} request schema `{}`; `callcheck schemas` lists them\n", api, type);
    return kFailure;
  }
  out << text;
  return kClean;
}

}  // namespace callcheck::cli
