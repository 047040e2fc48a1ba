// One self-contained JSON Schema for editors (VS Code `json.schemas`, any
// draft-07 validator): the embedded request schema with every file it
// references moved under `definitions`, every `$ref` rewritten to a local
// "#/definitions/..." pointer, and callcheck's own annotations
// (x-callcheck-*, internal source notes in descriptions) removed.
#ifndef CALLCHECK_SCHEMA_BUNDLE_H_
#define CALLCHECK_SCHEMA_BUNDLE_H_

#include <string>       // std::string
#include <string_view>  // std::string_view

#include "callcheck/options.h"

namespace callcheck::detail {

// `name` is a type of the profile ("call"); "" when no such schema is embedded.
[[nodiscard]] auto bundle_schema(std::string_view name, ApiVersion api) -> std::string;

// A description without callcheck's internal source notes: parenthesised
// remarks that cite GRAPH.md, CALLS-API.md, CSDL or the like.
[[nodiscard]] auto public_description(std::string_view text) -> std::string;

}  // namespace callcheck::detail

#endif  // CALLCHECK_SCHEMA_BUNDLE_H_
