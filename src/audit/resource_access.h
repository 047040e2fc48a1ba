// What the JSON readers share: member access on the parsed document, and the
// requiredResourceAccess list, which Entra manifests, Graph application
// objects, ARM templates and Terraform (snake_case) all spell the same way.
#ifndef CALLCHECK_AUDIT_RESOURCE_ACCESS_H_
#define CALLCHECK_AUDIT_RESOURCE_ACCESS_H_

#include "document/rapidjson_adapter.h"

#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view

#include "audit/app_file.h"
#include "document/document.h"

namespace callcheck::detail {

[[nodiscard]] auto member(const Value &object, std::string_view name) -> const Value *;
[[nodiscard]] auto string_member(const Value &object, std::string_view name) -> std::string;
[[nodiscard]] auto view(const Value &string) -> std::string_view;

struct AccessKeys {
  std::string_view resource_app_id;
  std::string_view resource_access;
  std::string_view id;
  std::string_view type;
};
inline constexpr AccessKeys kEntraKeys{"resourceAppId", "resourceAccess", "id", "type"};
inline constexpr AccessKeys kTerraformKeys{"resource_app_id", "resource_access", "id", "type"};

// A permission named inside an expression: Terraform's
// `…app_role_ids["Calls.Initiate.All"]` (Role) or
// `…oauth2_permission_scope_ids["User.Read"]` (Scope).
struct NameReference {
  std::string name;
  DeclaredType type = DeclaredType::Role;
  std::size_t offset = 0;  // of the name inside the text
};
[[nodiscard]] auto name_reference(std::string_view text) -> std::optional<NameReference>;

// Whether a JSON string value is an expression rather than a literal: an ARM
// expression "[…]" or a Terraform interpolation "${…}".
[[nodiscard]] auto is_expression(std::string_view text) -> bool;

// Reads `list` (the requiredResourceAccess array at `pointer`; for .tf.json
// one block object is allowed in place of an array) into `out`. Ids that are
// expressions become name references when they name a permission, else a
// CC612 finding. `how` names the reader for messages ("terraform show -json").
void read_resource_access(const Document &doc, const Value &list, const std::string &pointer, const AccessKeys &keys,
                          const std::string &application, std::string_view how, AppFile &out);

// A finding of a JSON reader at `pointer`.
[[nodiscard]] auto json_finding(const Document &doc, const RuleMeta &rule, std::string message, std::string help,
                                const std::string &pointer, bool key = false) -> AppFinding;

}  // namespace callcheck::detail

#endif  // CALLCHECK_AUDIT_RESOURCE_ACCESS_H_
