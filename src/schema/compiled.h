// The schema checkers compiled from schemas/ at build time (tools/schemac):
// per embedded *.schema.json a single-pass verdict function, and a collecting
// function that reports the errors valijson 1.0 would (the same leaves and
// wrappers, descriptions and places, in the same order), which the findings
// CC100..CC108 are made of. valijson is the oracle of both
// (tests/unit/schema_oracle_test.cc, tests/fuzz/fuzz_schema.cc) and the engine
// of user schemas only.
#ifndef CALLCHECK_SCHEMA_COMPILED_H_
#define CALLCHECK_SCHEMA_COMPILED_H_

#include "document/rapidjson_adapter.h"

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint32_t
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include "document/pointer.h"

namespace callcheck::detail {

// True when the value is valid against the schema, exactly as valijson 1.0
// (strict types, draft 7) decides.
using CompiledCheck = bool (*)(const rapidjson::Value &);

// The checker of schemas/<path> ("graph/v1.0/call.schema.json"), or nullptr
// when no such schema is embedded.
[[nodiscard]] auto compiled_check(std::string_view path) -> CompiledCheck;

// One error as valijson's ValidationResults holds it: the JSON Pointer of
// the value (relative to the value checked; valijson's context, resolved)
// and valijson's description.
struct SchemaError {
  std::string pointer;
  std::string description;
  auto operator==(const SchemaError &o) const -> bool { return pointer == o.pointer && description == o.description; }
};

// What a collecting function appends to: the errors so far and the pointer
// of the value being checked.
class SchemaErrors {
 public:
  void push(std::string description) { errors_.push_back(SchemaError{pointer_, std::move(description)}); }
  // valijson's SingularItemsConstraint wrapper.
  void push_item(std::size_t index) { push("Failed to validate item #" + std::to_string(index) + " in array."); }
  [[nodiscard]] auto size() const -> std::size_t { return errors_.size(); }
  // Drops the errors after the first `n` (an anyOf/oneOf branch that passed).
  void truncate(std::size_t n) { errors_.erase(errors_.begin() + static_cast<std::ptrdiff_t>(n), errors_.end()); }
  // Descends into a member or an element; leave() with the value returned.
  auto enter_member(const char *name, std::size_t length) -> std::size_t {
    const std::size_t at = pointer_.size();
    append_token(pointer_, std::string_view(name, length));
    return at;
  }
  auto enter_index(std::size_t index) -> std::size_t {
    const std::size_t at = pointer_.size();
    append_index(pointer_, index);
    return at;
  }
  void leave(std::size_t at) { pointer_.resize(at); }
  [[nodiscard]] auto errors() && -> std::vector<SchemaError> { return std::move(errors_); }

 private:
  std::vector<SchemaError> errors_;
  std::string pointer_;
};

// Appends the value's errors against the schema; true when it has none
// (then the verdict is "valid" too).
using CompiledCollect = bool (*)(const rapidjson::Value &, SchemaErrors &);
// The collecting function of schemas/<path>, or nullptr when no such schema
// is embedded.
[[nodiscard]] auto compiled_collect(std::string_view path) -> CompiledCollect;
// The top level of an embedded schema, read at build time, so that the
// request recognition does not parse fifty schemas on a one-file run.
struct SchemaOutline {
  // Slices of one table of names (no pointers: issue 14, a static-pie
  // binary relocates pointers at every start).
  std::uint32_t properties;  // the first "properties" name, in schema order
  std::uint32_t property_count;
  // The first of slot_mask + 1 slots of an open-addressing table of the
  // same names by outline_hash(), filled by tools/schemac.
  std::uint32_t slots;
  std::uint32_t slot_mask;
  std::uint32_t required;  // the first "required" string, in order
  std::uint32_t required_count;
  bool body_unknown;  // has x-callcheck-bodyUnknown
  [[nodiscard]] auto property(std::size_t i) const -> std::string_view;
  // Whether "properties" names `name` (a probe of the table, nothing built).
  [[nodiscard]] auto has_property(std::string_view name) const -> bool;
  [[nodiscard]] auto required_name(std::size_t i) const -> std::string_view;
};
// The outline of schemas/<path>, or nullptr when no such schema is embedded.
[[nodiscard]] auto compiled_outline(std::string_view path) -> const SchemaOutline *;

// Every path compiled_check() knows, sorted.
[[nodiscard]] auto compiled_paths() -> std::vector<std::string_view>;

}  // namespace callcheck::detail

#endif  // CALLCHECK_SCHEMA_COMPILED_H_
