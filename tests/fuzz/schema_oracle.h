// The schema engines side by side for one value: the compiled checker
// (tools/schemac) and valijson, the oracle. Shared by the corpus test
// (tests/unit/schema_oracle_test.cc) and fuzz_schema, so both hold the
// checkers to the same comparisons: the verdict, the errors collected
// (pointer and description, in order) and the findings made of them.
#ifndef CALLCHECK_TESTS_FUZZ_SCHEMA_ORACLE_H_
#define CALLCHECK_TESTS_FUZZ_SCHEMA_ORACLE_H_

#include "schema/valijson_adapter.h"

#include <valijson/validator.hpp>

#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include "callcheck/options.h"
#include "document/document.h"
#include "finding.h"
#include "schema/compiled.h"
#include "schema/registry.h"
#include "schema/validate.h"

namespace callcheck::detail {

struct OracleVerdict {
  bool compiled = false;
  bool valijson = false;
};

// Both verdicts of `value` against schemas/<path> (an embedded schema).
inline auto oracle_verdict(std::string_view path, const rapidjson::Value &value) -> OracleVerdict {
  thread_local valijson::Validator validator;
  const CompiledCheck check = compiled_check(path);
  const valijson::Schema &schema = SchemaRegistry::instance().compiled(path);
  const valijson::adapters::RapidJsonAdapter target(value);
  return OracleVerdict{check != nullptr && check(value), validator.validate(schema, target, nullptr)};
}

// A list of errors or findings as one comparable, printable text.
inline auto oracle_text(const std::vector<SchemaError> &errors) -> std::string {
  std::string out;
  for (const SchemaError &e : errors) out += "[" + e.pointer + "] " + e.description + "\n";
  return out;
}
inline auto oracle_text(const std::vector<Finding> &findings) -> std::string {
  std::string out;
  for (const Finding &f : findings) {
    out += std::string(f.rule->code) + " [" + f.pointer + "]" + (f.at_key ? " key" : "") + " " + f.message + " | " +
           f.help;
    if (f.fix) {
      out += " | fix " + f.fix->description + ":";
      for (const auto &e : f.fix->edits) {
        out += " " + std::to_string(e.begin) + "-" + std::to_string(e.end) + "=" + e.replacement;
      }
    }
    out += "\n";
  }
  return out;
}

struct OracleTexts {
  std::string compiled;
  std::string valijson;
};

// Both engines' errors of `value` against schemas/<path>.
inline auto oracle_errors(std::string_view path, const rapidjson::Value &value) -> OracleTexts {
  return {oracle_text(schema_errors(path, value)), oracle_text(schema_errors_with_valijson(path, value))};
}

// Both engines' findings for the document against a request root type
// ("call", "requests/answer", "commsNotifications").
inline auto oracle_findings(const Document &doc, ApiVersion api, std::string_view root) -> OracleTexts {
  return {oracle_text(validate_schema(doc, api, root)), oracle_text(validate_schema_with_valijson(doc, api, root))};
}

// Every root type validate_schema() is called with for a profile: "call",
// each of its requests/<name>, and the notification body.
inline auto oracle_roots(ApiVersion api) -> std::vector<std::string> {
  const std::string dir = SchemaRegistry::profile_dir(api);  // "graph/v1.0/"
  static constexpr std::string_view kSuffix = ".schema.json";
  std::vector<std::string> out{"call", "commsNotifications"};
  for (const std::string_view p : compiled_paths()) {
    if (p.substr(0, dir.size()) != dir || p.substr(dir.size(), 9) != "requests/") continue;
    out.emplace_back(p.substr(dir.size(), p.size() - kSuffix.size() - dir.size()));
  }
  return out;
}

}  // namespace callcheck::detail

#endif  // CALLCHECK_TESTS_FUZZ_SCHEMA_ORACLE_H_
