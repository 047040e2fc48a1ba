#include <fmt/format.h>

#include "callcheck/callcheck.h"
#include "render/rules_document.h"
#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/trust_root.h"
#include "audit/permission_id_table.h"
#include "embed/embedded.h"
#include "util/suggest.h"
#include "schema/bundle.h"

namespace callcheck::cli {

auto run_rules(const std::string &format, Out &out) -> int {
  if (format == "json") {
    out << detail::rules_document(false);
  } else if (format == "markdown") {
    out << detail::rules_markdown();
  } else {
    out << detail::rules_text();
  }
  return kClean;
}

auto run_explain(const std::string &what, Out &out, Out &err) -> int {
  const RuleMeta *m = find_rule(what);
  if (m == nullptr) {
    // Codes are matched without regard to case ("cc202"), then the closest
    // code or name is offered.
    std::vector<std::string_view> names;
    for (const RuleMeta &r : rule_catalog()) {
      if (detail::edit_distance(r.code, what) == 0) m = &r;
      names.push_back(r.code);
      names.push_back(r.name);
    }
    if (m == nullptr) {
      const std::string near = detail::closest(what, names);
      err << fmt::format("callcheck: no rule `{}`{}; `callcheck rules` lists them\n", printable(what),
                         near.empty() ? "" : fmt::format(" (did you mean `{}`?)", near));
      return kFailure;
    }
  }
  out << detail::rule_explanation(*m);
  return kClean;
}

auto version_text() -> std::string {
  // The embedded data a build carries: the Graph schemas by profile, with a
  // digest of their bytes computed at build time, and the permission table's
  // source commit.
  std::size_t v1 = 0;
  std::size_t beta = 0;
  for (const auto &f : detail::embedded_files()) {
    if (f.path.rfind("graph/v1.0/", 0) == 0) ++v1;
    if (f.path.rfind("graph/beta/", 0) == 0) ++beta;
  }
  return fmt::format("callcheck {}\nschemas: Graph v1.0 ({} types), beta ({} types); digest {}\npermissions: {}\n",
                     CALLCHECK_VERSION, v1, beta, detail::embedded_graph_digest(),
                     detail::permission_id_table::kTable.version);
}

auto run_schemas(const std::string &name, Out &out, Out &err) -> int {
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

auto run_bundle(const std::string &name, const std::string &api, Out &out, Out &err) -> int {
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
