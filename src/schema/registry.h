// The embedded schemas, parsed and compiled once per process.
#ifndef CALLCHECK_SCHEMA_REGISTRY_H_
#define CALLCHECK_SCHEMA_REGISTRY_H_

#include "schema/valijson_adapter.h"

#include <valijson/schema.hpp>

#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include "callcheck/options.h"

namespace callcheck::detail {

inline constexpr std::string_view kSchemaBase = "https://callcheck.dev/schemas/";

class SchemaRegistry {
 public:
  // The process-wide registry (thread-safe, built on first use).
  [[nodiscard]] static auto instance() -> const SchemaRegistry &;

  // Parsed JSON of schemas/<path>; nullptr when absent.
  [[nodiscard]] auto document(std::string_view path) const -> const rapidjson::Document *;
  // The compiled schema whose root is schemas/<path>; throws std::runtime_error
  // when it does not exist or does not compile (a build defect, not bad input).
  [[nodiscard]] auto compiled(std::string_view path) const -> const valijson::Schema &;
  // "graph/v1.0/" or "graph/beta/".
  [[nodiscard]] static auto profile_dir(ApiVersion api) -> std::string;
  // Maps an absolute $id or a path relative to `from` (a schemas/ path) to a
  // schemas/ path; "" when it leaves the embedded set.
  [[nodiscard]] static auto resolve(std::string_view ref, std::string_view from) -> std::string;
  // The registry's own copy of `path` (stable for the process lifetime), or
  // "" when no such schema is embedded. Lets schema nodes carry their file
  // without allocating.
  [[nodiscard]] auto intern(std::string_view path) const -> std::string_view;
  // Every embedded path, sorted.
  [[nodiscard]] auto paths() const -> std::vector<std::string_view>;

  SchemaRegistry(const SchemaRegistry &) = delete;
  auto operator=(const SchemaRegistry &) -> SchemaRegistry & = delete;
  ~SchemaRegistry();

 private:
  SchemaRegistry();
  struct Impl;
  Impl *impl_;
};

}  // namespace callcheck::detail

#endif  // CALLCHECK_SCHEMA_REGISTRY_H_
