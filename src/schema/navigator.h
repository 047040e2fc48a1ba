// Finds the schema that governs a value of the payload, following $ref and
// resolving polymorphic slots by their @odata.type, the way valijson does.
// Rules use it to ask "what type is this object, what may it contain".
#ifndef CALLCHECK_SCHEMA_NAVIGATOR_H_
#define CALLCHECK_SCHEMA_NAVIGATOR_H_

#include "document/rapidjson_adapter.h"

#include <cstdint>      // std::uint32_t
#include <mutex>        // std::once_flag
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include "callcheck/options.h"
#include "document/document.h"

namespace callcheck::detail {

struct SchemaNode {
  const rapidjson::Value *schema = nullptr;  // nullptr: not governed by any schema
  std::string_view file;                     // schemas/ path holding `schema` (interned by the registry)
  [[nodiscard]] explicit operator bool() const { return schema != nullptr; }
};

class Navigator {
 public:
  // Root schema: graph/<profile>/<root_type>.schema.json, parsed on the
  // first query: the rule walk reads the build-time node table
  // (schema/node_table.h) instead, so a clean check never parses it.
  Navigator(ApiVersion api, std::string_view root_type = "call");
  explicit Navigator(SchemaNode root);
  Navigator(const Navigator &) = delete;
  auto operator=(const Navigator &) -> Navigator & = delete;
  // The navigator of the create-call schema of `api`, built once per process.
  [[nodiscard]] static auto for_call(ApiVersion api) -> const Navigator &;

  // The effective schema of `value` when it sits under `node`: $refs followed,
  // the matching if/then branch (the @odata.type discriminator) applied.
  [[nodiscard]] auto effective(SchemaNode node, const Value &value) const -> SchemaNode;
  // The schema of member `name` / element `index` of `value` (effective first).
  [[nodiscard]] auto member(const SchemaNode &node, const Value &value, std::string_view name) const -> SchemaNode;
  [[nodiscard]] auto element(const SchemaNode &node, const Value &value) const -> SchemaNode;
  // Walks the document; returns the effective schema of the value at `pointer`.
  [[nodiscard]] auto at(const Document &doc, std::string_view pointer) const -> SchemaNode;
  [[nodiscard]] auto root() const -> const SchemaNode &;
  // The schemas/ path of the root schema, known without parsing it.
  [[nodiscard]] auto root_file() const -> std::string_view { return file_; }
  // The root's node in the build-time table (schema_table::NodeId;
  // kNoNode when the root is no embedded schema's document root).
  [[nodiscard]] auto table_root() const -> std::uint32_t { return table_root_; }

  // "title" of the schema (the Graph type name), "" when absent.
  [[nodiscard]] static auto type_name(const SchemaNode &node) -> std::string_view;
  // Declared property names (sorted as in the schema).
  [[nodiscard]] static auto property_names(const SchemaNode &node) -> std::vector<std::string_view>;
  [[nodiscard]] static auto has_property(const SchemaNode &node, std::string_view name) -> bool;
  // x-callcheck-open: the Graph type accepts undeclared members.
  [[nodiscard]] static auto is_open(const SchemaNode &node) -> bool;
  // String values of "enum" (or "const"), else empty.
  [[nodiscard]] static auto enum_values(const SchemaNode &node) -> std::vector<std::string_view>;
  // The JSON types the schema allows ("object", "string", ...).
  [[nodiscard]] static auto types(const SchemaNode &node) -> std::vector<std::string_view>;
  // The discriminator values accepted by the slot's if/then branches.
  [[nodiscard]] static auto discriminator_values(const SchemaNode &node) -> std::vector<std::string_view>;
  // Follows "$ref" (bounded).
  [[nodiscard]] static auto deref(SchemaNode node) -> SchemaNode;

 private:
  std::string_view file_;
  std::uint32_t table_root_;
  mutable std::once_flag parsed_;
  mutable SchemaNode root_;
};

}  // namespace callcheck::detail

#endif  // CALLCHECK_SCHEMA_NAVIGATOR_H_
