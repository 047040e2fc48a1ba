// CC105 unknown-odata-type: emitted by the schema adapter (src/schema/validate.cc); this catalogue entry documents it.
#ifndef CALLCHECK_CATALOG_CC105_UNKNOWN_ODATA_TYPE_H_
#define CALLCHECK_CATALOG_CC105_UNKNOWN_ODATA_TYPE_H_

#include "callcheck/rules.h"

namespace callcheck::catalog {

// clang-format off
inline constexpr RuleMeta kUnknownOdataType{
    "CC105", "unknown-odata-type", Severity::Error, Status::Stable,
    "`@odata.type` names a type that cannot fill this slot",
    R"md(## What it does
Reports the discriminator of a polymorphic slot (`mediaConfig`, `meetingInfo`, `callOptions`) when it names no allowed subtype. The slot is then not checked further, so you get one finding, not a cascade.

## Why is this bad?
The discriminator decides how the service reads the whole object; a wrong one means the media or meeting configuration is not understood.

## Example
```json
{ "mediaConfig": { "@odata.type": "#microsoft.graph.serviceHostedMediaConfiguration" } }
```

## Use instead
```json
{ "mediaConfig": { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig" } }
```)md"};
// clang-format on

}  // namespace callcheck::catalog

#endif  // CALLCHECK_CATALOG_CC105_UNKNOWN_ODATA_TYPE_H_
