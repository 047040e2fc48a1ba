// Microsoft Graph permission names <-> GUIDs, from the embedded table
// schemas/callcheck/graph-permissions.json (generated from Microsoft's
// permission data; tests/unit/audit_test.cc validates it against its schema).
#ifndef CALLCHECK_AUDIT_PERMISSION_IDS_H_
#define CALLCHECK_AUDIT_PERMISSION_IDS_H_

#include <cstdint>      // std::uint8_t
#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

namespace callcheck::detail {

inline constexpr std::string_view kGraphAppId = "00000003-0000-0000-c000-000000000000";

// The strings are the compiled table's (audit/permission_id_table.h): they
// live as long as the program.
struct PermissionInfo {
  std::string_view name;
  std::string_view application;  // id for "type": "Role"; "" when none
  std::string_view delegated;    // id for "type": "Scope" (DelegatedWork)
  std::string_view personal;     // DelegatedPersonal
  bool rsc = false;              // resource-specific consent: Teams manifest, by name
  bool openid = false;           // an OpenID Connect scope (not in Microsoft's files)
  [[nodiscard]] auto calls() const -> bool { return name.rfind("Calls.", 0) == 0; }
};

enum class IdScheme : std::uint8_t { Application, Delegated, Personal };

struct IdMatch {
  const PermissionInfo *permission = nullptr;
  IdScheme scheme = IdScheme::Application;
};

class PermissionIds {
 public:
  [[nodiscard]] static auto builtin() -> const PermissionIds &;

  // Every permission whose id (any scheme) is `guid` (case-insensitive).
  [[nodiscard]] auto by_id(std::string_view guid) const -> std::vector<IdMatch>;
  // Exact (case-sensitive) name, as Entra, tokens and Terraform spell it.
  [[nodiscard]] auto by_name(std::string_view name) const -> const PermissionInfo *;
  // The permission a name means when it is not exact: other case or spacing,
  // or a documentation spelling of a Calls.* permission (permissions.json
  // aliases). nullptr when it means none.
  [[nodiscard]] auto meant(std::string_view name) const -> const PermissionInfo *;
  // Listed by Microsoft's data without any GUID (not an Entra permission).
  [[nodiscard]] auto without_id(std::string_view name) const -> bool;
  // A name written in another notation: a Terraform key or variable name
  // (`calls_join_group_call_all`), compared on letters and digits only.
  [[nodiscard]] auto by_loose_name(std::string_view word) const -> const PermissionInfo *;
  // A did-you-mean for a name that means nothing: same first segment first.
  [[nodiscard]] auto suggest(std::string_view name) const -> std::string;
  // Whether `word` could be a permission name: its first segment is that of a
  // known permission ("Calls", "User", ...), or it folds to a known name.
  [[nodiscard]] auto looks_like_permission(std::string_view word) const -> bool;
  // "microsoftgraph/microsoft-graph-devx-content@6cbd6bbd (2026-08-07)".
  [[nodiscard]] auto version() const -> std::string_view;
  [[nodiscard]] auto all() const -> const std::vector<PermissionInfo> & { return permissions_; }

 private:
  PermissionIds();
  std::vector<PermissionInfo> permissions_;  // the compiled rows, in file order
};

// Lower-case letters and digits of `word`, nothing else.
[[nodiscard]] auto loose_key(std::string_view word) -> std::string;
// Lower case; "" when `text` is not a GUID (8-4-4-4-12 hex digits).
[[nodiscard]] auto normal_guid(std::string_view text) -> std::string;
// Microsoft first-party resource ids (0000000x-0000-0000-c000-000000000000,
// 0000000x-0000-0ff1-ce00-000000000000) and placeholder ids with one repeated
// digit (cccccccc-cccc-…): never permission ids.
[[nodiscard]] auto resource_or_placeholder_id(std::string_view guid) -> bool;

}  // namespace callcheck::detail

#endif  // CALLCHECK_AUDIT_PERMISSION_IDS_H_
