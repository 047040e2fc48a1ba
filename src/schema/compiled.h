// The schema checkers compiled from schemas/ at build time (tools/schemac):
// one single-pass verdict function per embedded *.schema.json. valijson stays
// the engine of the diagnostics and the oracle of the verdict
// (tests/unit/schema_oracle_test.cc, tests/fuzz/fuzz_schema.cc).
#ifndef CALLCHECK_SCHEMA_COMPILED_H_
#define CALLCHECK_SCHEMA_COMPILED_H_

#include "document/rapidjson_adapter.h"

#include <cstddef>      // std::size_t
#include <string_view>  // std::string_view
#include <vector>       // std::vector

namespace callcheck::detail {

// True when the value is valid against the schema, exactly as valijson 1.0
// (strict types, draft 7) decides.
using CompiledCheck = bool (*)(const rapidjson::Value &);

// The checker of schemas/<path> ("graph/v1.0/call.schema.json"), or nullptr
// when no such schema is embedded.
[[nodiscard]] auto compiled_check(std::string_view path) -> CompiledCheck;
// The top level of an embedded schema, read at build time, so that the
// request recognition does not parse fifty schemas on a one-file run.
struct SchemaOutline {
  const std::string_view *properties = nullptr;  // "properties" names, in schema order
  std::size_t property_count = 0;
  const std::string_view *required = nullptr;  // "required" strings, in order
  std::size_t required_count = 0;
  bool body_unknown = false;  // has x-callcheck-bodyUnknown
};
// The outline of schemas/<path>, or nullptr when no such schema is embedded.
[[nodiscard]] auto compiled_outline(std::string_view path) -> const SchemaOutline *;

// Every path compiled_check() knows, sorted.
[[nodiscard]] auto compiled_paths() -> std::vector<std::string_view>;

}  // namespace callcheck::detail

#endif  // CALLCHECK_SCHEMA_COMPILED_H_
