// valijson as the oracle of the built-in schemas (issue 14 item 2a): the
// same findings and errors as validate.cc, with valijson validating. In its
// own translation unit so that a binary calling none of it (the CLI) links
// no valijson validator.
#include "schema/valijson_adapter.h"

#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <fmt/format.h>

#include <exception>  // std::exception

#include "catalog/cc109_validator_internal_error.h"
#include "schema/registry.h"
#include "schema/validate.h"

namespace callcheck::detail {
namespace {

// `value` against a compiled valijson schema; false and the errors when
// invalid.
auto valijson_errors(const valijson::Schema &schema, const rapidjson::Value &value, std::vector<SchemaError> &out)
    -> bool {
  // One validator per thread, reused: valijson keeps a regex cache in it
  // that is not safe to share (PERFORMANCE.md 7.1).
  thread_local valijson::Validator validator;
  const valijson::adapters::RapidJsonAdapter target(value);
  valijson::ValidationResults results;
  if (validator.validate(schema, target, &results)) return true;
  valijson::ValidationResults::Error error;
  while (results.popError(error))
    out.push_back(SchemaError{context_to_pointer(&value, error.context), error.description});
  return false;
}

template <typename Nav>
auto run(const Document &doc, const valijson::Schema &schema, Nav &&nav) -> std::vector<Finding> {
  if (!doc.has_dom()) return {};
  try {
    std::vector<SchemaError> errors;
    if (valijson_errors(schema, doc.root(), errors)) return {};
    decltype(auto) navigator = nav();
    return schema_findings(doc, errors, navigator);
  } catch (const std::exception &e) {
    return {Finding{catalog::kValidatorInternalError, fmt::format("the schema validator failed: {}", e.what()), "",
                    "report this payload to the callcheck maintainers", false}};
  }
}

}  // namespace

auto validate_schema_with_valijson(const Document &doc, ApiVersion api, std::string_view root_type)
    -> std::vector<Finding> {
  const std::string path = SchemaRegistry::profile_dir(api) + std::string(root_type) + ".schema.json";
  const valijson::Schema &schema = SchemaRegistry::instance().compiled(path);
  if (root_type == "call") {
    return explain_wrapper(doc, run(doc, schema, [api]() -> const Navigator & { return Navigator::for_call(api); }));
  }
  return run(doc, schema, [api, root_type]() { return Navigator(api, root_type); });
}

auto validate_against_with_valijson(const Document &doc, std::string_view schema_path) -> std::vector<Finding> {
  const valijson::Schema &schema = SchemaRegistry::instance().compiled(schema_path);
  return run(doc, schema, [schema_path]() { return against_navigator(schema_path); });
}

auto schema_errors_with_valijson(std::string_view path, const rapidjson::Value &value) -> std::vector<SchemaError> {
  std::vector<SchemaError> out;
  (void)valijson_errors(SchemaRegistry::instance().compiled(path), value, out);
  return out;
}

}  // namespace callcheck::detail
