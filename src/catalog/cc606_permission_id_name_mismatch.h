// CC606 permission-id-name-mismatch: emitted by `callcheck audit` (src/audit/evaluate.cc and its
// readers); this catalogue entry documents it.
#ifndef CALLCHECK_CATALOG_CC606_PERMISSION_ID_NAME_MISMATCH_H_
#define CALLCHECK_CATALOG_CC606_PERMISSION_ID_NAME_MISMATCH_H_

#include "callcheck/rules.h"

namespace callcheck::catalog {

// clang-format off
inline constexpr RuleMeta kPermissionIdNameMismatch{
    "CC606", "permission-id-name-mismatch", Severity::Error, Status::Stable,
    "a permission id is written next to the name of another permission",
    R"md(## What it does
Reports an id that is a real Microsoft Graph permission, written next to the name of a different one: on the same line (a comment, a hashtable entry), in the same small record (`@{ Name = …; Id = … }`), in a non-standard `_comment` member, or as the key of a Terraform id map (`calls_initiate_all = "…"`).

## Why is this bad?
Entra grants what the id says, not what the name says: the app gets a permission nobody meant and lacks the one that was meant. The corpus has `df021288-…` (User.Read.All) labelled CallRecords.Read.All and `a7a681dc-…` (Calls.AccessMedia.All) labelled OnlineMeetings.Read.All in one quickstart: a transcript bridge that was given media access and not the records it reads.

## Example
```sh
az ad app permission add --id $APP_ID --api 00000003-0000-0000-c000-000000000000 \
  --api-permissions a7a681dc-756e-4909-b988-f160edc6655f=Role   # OnlineMeetings.Read.All
```

## Use instead
```sh
az ad app permission add --id $APP_ID --api 00000003-0000-0000-c000-000000000000 \
  --api-permissions c1684f21-1984-47fa-9d61-2dc8c296bb70=Role   # OnlineMeetings.Read.All
```)md"};
// clang-format on

}  // namespace callcheck::catalog

#endif  // CALLCHECK_CATALOG_CC606_PERMISSION_ID_NAME_MISMATCH_H_
