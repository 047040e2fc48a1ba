// valijson's error records read back: the JSON Pointer of a context and the
// code of a description. Used for user schemas (schema/user_schema.cc) and by
// the valijson oracle (schema/validate_valijson.cc); the compiled checkers
// report pointers themselves.
#include <string>  // std::string
#include <vector>  // std::vector

#include "catalog/cc100_schema_violation.h"
#include "catalog/cc101_missing_required_property.h"
#include "catalog/cc102_unknown_property.h"
#include "catalog/cc103_type_mismatch.h"
#include "catalog/cc104_enum_mismatch.h"
#include "catalog/cc106_value_out_of_range.h"
#include "catalog/cc107_array_size.h"
#include "catalog/cc108_string_length.h"
#include "document/pointer.h"
#include "schema/validate.h"

namespace callcheck::detail {
namespace {

auto sv(const rapidjson::Value &v) -> std::string_view { return {v.GetString(), v.GetStringLength()}; }

}  // namespace

auto classify_valijson_error(std::string_view d) -> const RuleMeta * {
  auto starts = [&](std::string_view prefix) { return d.substr(0, prefix.size()) == prefix; };
  // Wrappers: valijson repeats a nested failure at every enclosing level.
  if (starts("Failed to validate against any schemas allowed by anyOf")) return nullptr;
  if (starts("Failed to validate against a conditional schema")) return nullptr;
  if (starts("Failed to validate item #")) return nullptr;
  if (starts("Cannot validate item #")) return nullptr;
  if (starts("Failed to validate against schema associated with property name")) return nullptr;
  if (starts("Failed to validate against schema associated with pattern")) return nullptr;
  if (starts("Failed to validate against child schema #")) return nullptr;
  if (starts("Failed to validate against additional properties schema")) return nullptr;
  if (starts("Failed to validate against dependent schema")) return nullptr;
  // Leaves.
  if (starts("Missing required property '")) return &catalog::kMissingRequiredProperty;
  if (starts("Object contains a property that could not be validated")) return &catalog::kUnknownProperty;
  if (starts("Value type not permitted by 'type' constraint")) return &catalog::kTypeMismatch;
  if (starts("Failed to match against any enum values")) return &catalog::kEnumMismatch;
  if (starts("Failed to match expected value set by 'const' constraint")) return &catalog::kEnumMismatch;
  if (starts("Expected number")) return &catalog::kValueOutOfRange;
  if (starts("Array should contain no") || starts("Array contains more items than allowed"))
    return &catalog::kArraySize;
  if (starts("String should be no")) return &catalog::kStringLength;
  return &catalog::kSchemaViolation;
}

auto context_to_pointer(const Document &doc, const std::vector<std::string> &context) -> std::string {
  return context_to_pointer(doc.has_dom() ? &doc.root() : nullptr, context);
}

auto context_to_pointer(const Value *root, const std::vector<std::string> &context) -> std::string {
  std::string pointer;
  const Value *current = root;
  for (const std::string &part : context) {
    if (part == "<root>") continue;
    std::string token = part;
    if (token.size() >= 2 && token.front() == '[' && token.back() == ']') token = token.substr(1, token.size() - 2);
    if (current != nullptr && current->IsArray()) {
      const auto index = parse_index(token);
      append_index(pointer, index.value_or(0));
      current = index && *index < current->Size() ? &(*current)[static_cast<rapidjson::SizeType>(*index)] : nullptr;
    } else {
      append_token(pointer, token);
      const Value *next = nullptr;
      if (current != nullptr && current->IsObject()) {
        for (auto it = current->MemberBegin(); it != current->MemberEnd(); ++it) {
          if (sv(it->name) == token) {
            next = &it->value;
            break;
          }
        }
      }
      current = next;
    }
  }
  return pointer;
}

}  // namespace callcheck::detail
