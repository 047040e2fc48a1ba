// The only place that talks to valijson's validator: runs it and turns its
// error records into callcheck findings (codes CC100..CC109).
#ifndef CALLCHECK_SCHEMA_VALIDATE_H_
#define CALLCHECK_SCHEMA_VALIDATE_H_

#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include "callcheck/options.h"
#include "document/document.h"
#include "finding.h"

namespace callcheck::detail {

// Validates the document against graph/<profile>/<root_type>.schema.json.
[[nodiscard]] auto validate_schema(const Document &doc, ApiVersion api, std::string_view root_type = "call")
    -> std::vector<Finding>;
// Validates against any embedded schema by path (e.g. "callcheck/config.schema.json").
[[nodiscard]] auto validate_against(const Document &doc, std::string_view schema_path) -> std::vector<Finding>;

// valijson 1.0 reports a path as {"<root>", "[name]", "[0]"}; "[0]" is an
// index or a member named "0" depending on the value, so walk the DOM.
[[nodiscard]] auto context_to_pointer(const Document &doc, const std::vector<std::string> &context) -> std::string;

// The code for one valijson error description; "" for wrapper errors that
// only repeat a nested error. Pinned by tests/unit/validate_test.cc.
[[nodiscard]] auto classify_valijson_error(std::string_view description) -> const RuleMeta *;

}  // namespace callcheck::detail

#endif  // CALLCHECK_SCHEMA_VALIDATE_H_
