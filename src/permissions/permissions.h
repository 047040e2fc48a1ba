// Scenario -> application permissions, from the data table
// schemas/callcheck/permissions.json (validated against its own schema).
#ifndef CALLCHECK_PERMISSIONS_PERMISSIONS_H_
#define CALLCHECK_PERMISSIONS_PERMISSIONS_H_

#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include "callcheck/options.h"
#include "callcheck/report.h"
#include "document/document.h"
#include "finding.h"

namespace callcheck::detail {

struct ScopeRequirement {
  std::vector<Scope> required;                 // least-privileged sufficient set, sorted by name
  std::vector<ScopeAlternative> alternatives;  // other sufficient sets (e.g. resource-specific consent)
  std::string_view note;                       // the table's one-line note for the scenario kind (static)
};

[[nodiscard]] auto required_scopes(const Scenario &scenario, const Document &doc, ApiVersion api) -> ScopeRequirement;

// The permissions of a mid-call request (the `requests` table, issue 12),
// as its page states them; `note` says where Microsoft's data disagrees.
[[nodiscard]] auto request_scopes(std::string_view request, const Document &doc, ApiVersion api) -> ScopeRequirement;
// The request names the `requests` table has, sorted.
[[nodiscard]] auto request_permission_names() -> std::vector<std::string>;

// Canonical spelling of a permission name typed by a user ("Calls.InitiateGroupCalls.All"
// -> "Calls.InitiateGroupCall.All"); nullopt when it is no known Calls.* permission.
[[nodiscard]] auto canonical_scope(std::string_view name) -> std::optional<std::string>;

// The matching key of a permission name: lower case, whitespace removed.
[[nodiscard]] auto fold_scope_name(std::string_view name) -> std::string;
// Every canonical name the table knows, sorted.
[[nodiscard]] auto known_scopes() -> std::vector<std::string>;

// Compares granted scopes with the requirement: CC302 (missing scope) at the
// scenario's evidence pointer, CC303 (alias spelling) per non-canonical name,
// CC304 (unknown permission name) per unrecognised name.
// `request`: "" for a create body, else the mid-call request's name (messages).
void check_granted(const std::vector<std::string> &granted, const Scenario &scenario,
                   const ScopeRequirement &requirement, std::vector<Finding> &out, std::string_view request = {});

// The spelling half of check_granted, for callers that know where the names
// were written (the CLI: a flag, a configuration entry) and report CC303/CC304
// once there instead of once per payload. `findings[i]` belongs to the name
// at index `index[i]` of `granted`. `canonical` is the list to pass on to
// check(): aliases replaced by canonical names, unknown Calls.* names
// dropped (they grant nothing the table knows), other names kept as given.
struct GrantedLint {
  std::vector<std::string> canonical;
  std::vector<Finding> findings;
  std::vector<std::size_t> index;
};
[[nodiscard]] auto lint_granted(const std::vector<std::string> &granted) -> GrantedLint;

}  // namespace callcheck::detail

#endif  // CALLCHECK_PERMISSIONS_PERMISSIONS_H_
