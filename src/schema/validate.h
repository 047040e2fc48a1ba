// The schema stage: the compiled checkers (schema/compiled.h) decide and
// report, and their errors become callcheck findings (codes CC100..CC109).
// valijson runs here only as the oracle of the tests and fuzz_schema
// (the *_with_valijson entry points, in validate_valijson.cc).
#ifndef CALLCHECK_SCHEMA_VALIDATE_H_
#define CALLCHECK_SCHEMA_VALIDATE_H_

#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include "callcheck/options.h"
#include "document/document.h"
#include "finding.h"
#include "schema/compiled.h"
#include "schema/navigator.h"

namespace callcheck::detail {

// Validates the document against graph/<profile>/<root_type>.schema.json.
[[nodiscard]] auto validate_schema(const Document &doc, ApiVersion api, std::string_view root_type = "call")
    -> std::vector<Finding>;
// Validates against any embedded schema by path (e.g. "callcheck/config.schema.json").
[[nodiscard]] auto validate_against(const Document &doc, std::string_view schema_path) -> std::vector<Finding>;

// The same two with valijson doing the validation: the oracle the compiled
// checkers are held to (tests/unit/schema_oracle_test.cc, fuzz_schema).
// Each compiles its valijson schema on first use.
[[nodiscard]] auto validate_schema_with_valijson(const Document &doc, ApiVersion api,
                                                 std::string_view root_type = "call") -> std::vector<Finding>;
[[nodiscard]] auto validate_against_with_valijson(const Document &doc, std::string_view schema_path)
    -> std::vector<Finding>;

// The errors of `value` against schemas/<path> as the compiled checker
// collects them, and as valijson reports them (pointers relative to
// `value`); both empty when it is valid.
[[nodiscard]] auto schema_errors(std::string_view path, const rapidjson::Value &value) -> std::vector<SchemaError>;
[[nodiscard]] auto schema_errors_with_valijson(std::string_view path, const rapidjson::Value &value)
    -> std::vector<SchemaError>;

// The findings of a payload that failed, from its errors (either engine's).
[[nodiscard]] auto schema_findings(const Document &doc, const std::vector<SchemaError> &errors, const Navigator &nav)
    -> std::vector<Finding>;
// A call body wrapped in one member: its CC229 in place of the root CC101s.
[[nodiscard]] auto explain_wrapper(const Document &doc, std::vector<Finding> findings) -> std::vector<Finding>;
// The Navigator of an embedded schema by path.
[[nodiscard]] auto against_navigator(std::string_view schema_path) -> Navigator;

// valijson 1.0 reports a path as {"<root>", "[name]", "[0]"}; "[0]" is an
// index or a member named "0" depending on the value, so walk the DOM.
[[nodiscard]] auto context_to_pointer(const Document &doc, const std::vector<std::string> &context) -> std::string;
[[nodiscard]] auto context_to_pointer(const rapidjson::Value *root, const std::vector<std::string> &context)
    -> std::string;

// The code for one valijson error description; "" for wrapper errors that
// only repeat a nested error. Pinned by tests/unit/validate_test.cc.
[[nodiscard]] auto classify_valijson_error(std::string_view description) -> const RuleMeta *;

}  // namespace callcheck::detail

#endif  // CALLCHECK_SCHEMA_VALIDATE_H_
