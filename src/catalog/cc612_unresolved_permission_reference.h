// CC612 unresolved-permission-reference: emitted by `callcheck audit` (src/audit/evaluate.cc and its
// readers); this catalogue entry documents it.
#ifndef CALLCHECK_CATALOG_CC612_UNRESOLVED_PERMISSION_REFERENCE_H_
#define CALLCHECK_CATALOG_CC612_UNRESOLVED_PERMISSION_REFERENCE_H_

#include "callcheck/rules.h"

namespace callcheck::catalog {

// clang-format off
inline constexpr RuleMeta kUnresolvedPermissionReference{
    "CC612", "unresolved-permission-reference", Severity::Warning, Status::Stable,
    "a permission is declared through a reference the audit cannot resolve",
    R"md(## What it does
Reports a declaring position whose value is not a literal the audit can read: a Terraform reference (`var.role_id`, `each.value`, `local.x.y` that does not lead to a literal map in the same file), an ARM expression (`[parameters('roleId')]`), a `${…}` interpolation that names no permission, a `resourceAccess` entry without an `id`. References through literal `locals` maps in the same file (`local.bot_graph_app_role_ids.calls_initiate_all` -> `local.graph_app_role_ids.calls_initiate_all` -> `"284383ee-…"`) and `app_role_ids["Name"]` are resolved.

## Why is this bad?
The permission is declared, but the audit cannot say which: a missing or excess verdict may be wrong, and a silent skip would look like "nothing declared". Declare it literally, or audit the evaluated form (`terraform show -json`, where Terraform has resolved every reference, or the deployed application from `az ad app show`). A warning: nothing fails because of it.

## Example
```hcl
resource_access {
  id   = var.calls_role_id
  type = "Role"
}
```

## Use instead
```hcl
resource_access {
  id   = "f6b49018-60ab-4f81-83bd-22caeabfed2d" # Calls.JoinGroupCall.All
  type = "Role"
}
```)md"};
// clang-format on

}  // namespace callcheck::catalog

#endif  // CALLCHECK_CATALOG_CC612_UNRESOLVED_PERMISSION_REFERENCE_H_
