// CC247 tenant-id-mismatch: the call's tenantId and the organizer's tenantId
// name different tenants.
#ifndef CALLCHECK_RULES_CC247_TENANT_ID_MISMATCH_H_
#define CALLCHECK_RULES_CC247_TENANT_ID_MISMATCH_H_

#include "rules/join_support.h"

#include <fmt/format.h>

namespace callcheck::rules {

class TenantIdMismatch final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }
  [[nodiscard]] auto message_ids() const -> MessageIds override { return detail::message_ids_of(kMessageIds); }

  void check(const detail::RuleContext &context, detail::DiagnosticSink &sink) const override {
    const auto organizer = join::organizer_tenant(context);
    if (!organizer) return;
    const auto call = join::guid_at(context, join::kCallTenant);
    if (!call || join::same_id(*call, *organizer)) return;
    sink.report(kTenantMismatch, std::string(join::kCallTenant),
                fmt::format("the call's `tenantId` `{}` is not the organizer's tenant `{}`", *call, *organizer),
                fmt::format("create the call in the organizer's tenant (`\"tenantId\": \"{}\"`), with a token from "
                            "that tenant",
                            *organizer));
  }

 private:
  // clang-format off
  static constexpr RuleMeta kMeta{
      "CC247", "tenant-id-mismatch", Severity::Warning, Status::Stable,
      "the call's `tenantId` and the organizer's `tenantId` differ",
      R"md(## What it does
In a join with `organizerMeetingInfo`, compares the call's `tenantId` with `meetingInfo.organizer.user.tenantId` (without regard to case) and reports the call's when they differ. Values that are not GUIDs are CC205's; a missing or misplaced `tenantId` is another rule's.

## Why is this bad?
Both come from the same place, the join link's `Tid`: every join example of the create-call page sends the same GUID twice, and Microsoft's samples set the call's tenant from the organizer's (`JoinMeetingParameters.TenantId = organizer.GetTenantId()`, microsoft-graph-comms-samples PR #858). The service authorizes a call in its tenant and refuses a token from another one with 7505 "Mismatch between request authorization tenant and call tenant" (comms-samples#171); a body whose call tenant differed from the meeting's was refused with 403 (#69). A warning: no documented response covers this pair alone.

## Example
```json
{ "meetingInfo": { "@odata.type": "#microsoft.graph.organizerMeetingInfo", "organizer": { "user": { "id": "5810cede-f3cc-42eb-b2c1-e9bd5d53ec96", "tenantId": "aa67bd4c-8475-432d-bd41-39f255720e0a" } } }, "tenantId": "97009a52-97e9-4290-8f2c-a8ac8925d978" }
```

## Use instead
```json
{ "meetingInfo": { "@odata.type": "#microsoft.graph.organizerMeetingInfo", "organizer": { "user": { "id": "5810cede-f3cc-42eb-b2c1-e9bd5d53ec96", "tenantId": "aa67bd4c-8475-432d-bd41-39f255720e0a" } } }, "tenantId": "aa67bd4c-8475-432d-bd41-39f255720e0a" }
```)md"};
  // clang-format on

  static constexpr std::string_view kMessageIds[]{"tenant-mismatch"};
  static constexpr detail::Message kTenantMismatch = detail::message(kMeta, kMessageIds, "tenant-mismatch");
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC247_TENANT_ID_MISMATCH_H_
