// CC616 unrecognised-app-file: emitted by `callcheck audit` (src/audit/evaluate.cc and its
// readers); this catalogue entry documents it.
#ifndef CALLCHECK_CATALOG_CC616_UNRECOGNISED_APP_FILE_H_
#define CALLCHECK_CATALOG_CC616_UNRECOGNISED_APP_FILE_H_

#include "callcheck/rules.h"

namespace callcheck::catalog {

// clang-format off
inline constexpr RuleMeta kUnrecognisedAppFile{
    "CC616", "unrecognised-app-file", Severity::Error, Status::Stable,
    "an --app file is in none of the formats that declare permissions",
    R"md(## What it does
Reports an `--app` file that none of the readers understands — not a Teams app manifest, `terraform show -json`, `.tf.json`, an ARM template with `Microsoft.Graph/applications`, an Entra or Graph application JSON with `requiredResourceAccess`, nor a script or HCL file in which the scanner finds a permission GUID or name — naming every format it tried. A file that starts like JSON but does not parse is reported at the syntax error and not scanned. The run exits with 2.

## Why is this bad?
Without the file's declarations the audit would report every needed permission as missing, a verdict about the wrong thing. callcheck could not do what it was asked; it says so instead of "no permissions declared".

## Example
```json
{ "displayName": "calling bot", "notes": "permissions are granted in the portal" }
```

## Use instead
The app's manifest as the Entra portal downloads it (or `az ad app show --id <appId>`):
```json
{ "displayName": "calling bot", "requiredResourceAccess": [ { "resourceAppId": "00000003-0000-0000-c000-000000000000", "resourceAccess": [ { "id": "284383ee-7f6e-4e40-a2a8-e85dcb029101", "type": "Role" } ] } ] }
```)md"};
// clang-format on

}  // namespace callcheck::catalog

#endif  // CALLCHECK_CATALOG_CC616_UNRECOGNISED_APP_FILE_H_
