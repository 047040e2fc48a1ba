// CC244 join-url-tenant-mismatch: a tenant in the body is not the join
// link's `Tid`.
#ifndef CALLCHECK_RULES_CC244_JOIN_URL_TENANT_MISMATCH_H_
#define CALLCHECK_RULES_CC244_JOIN_URL_TENANT_MISMATCH_H_

#include "rules/join_support.h"

#include <fmt/format.h>

namespace callcheck::rules {

class JoinUrlTenantMismatch final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }
  [[nodiscard]] auto message_ids() const -> MessageIds override { return detail::message_ids_of(kMessageIds); }

  void check(const detail::RuleContext &context, detail::DiagnosticSink &sink) const override {
    const JoinUrlFacts *link = join::link(context);
    if (link == nullptr || !link->tenant_id) return;
    const std::string &tid = *link->tenant_id;
    if (const auto organizer = join::organizer_tenant(context); organizer && !join::same_id(*organizer, tid)) {
      sink.report(
          kOrganizerTenant, std::string(join::kOrganizerTenant),
          fmt::format("the organizer's `tenantId` `{}` is not the join link's tenant (`Tid`) `{}`", *organizer, tid),
          fmt::format("use `\"tenantId\": \"{}\"` from the link's context", tid));
    }
    if (const auto call = join::guid_at(context, join::kCallTenant); call && !join::same_id(*call, tid)) {
      sink.report(kCallTenant, std::string(join::kCallTenant),
                  fmt::format("the call's `tenantId` `{}` is not the join link's tenant (`Tid`) `{}`", *call, tid),
                  fmt::format("create the call in the meeting's tenant: `\"tenantId\": \"{}\"`, with a token from "
                              "that tenant",
                              tid));
    }
  }

 private:
  // clang-format off
  static constexpr RuleMeta kMeta{
      "CC244", "join-url-tenant-mismatch", Severity::Error, Status::Stable,
      "a tenant in the body is not the join link's `Tid`",
      R"md(## What it does
With a join link to compare with, checks the organizer's `meetingInfo.organizer.user.tenantId` and the call's `tenantId` against the `Tid` of the link's `context` (compared without regard to case). Each mismatch is its own finding at its member. Values that are not GUIDs are CC205's.

## Why is this bad?
`Tid` is the organizer's tenant, and the meeting lives there. Microsoft's samples put it on the organizer and on the call (`meetingInfo.Organizer.User.SetTenantId(ctxt.Tid)`, then `JoinMeetingParameters { TenantId = tenantId }`, microsoft-graph-comms-samples `JoinInfo.cs`, PR #858). A body naming another tenant was refused with 403 Forbidden (comms-samples#69: call `tenantId` 97009a52-… against link `Tid` dad97a0c-…); a missing or misplaced tenant is the cause of 7505 "Request authorization tenant mismatch" (microsoft-graph-docs#9481, #7080, PR #9496).

## Example
A body checked with a link whose context is `{"Tid":"aa67bd4c-8475-432d-bd41-39f255720e0a","Oid":"5810cede-f3cc-42eb-b2c1-e9bd5d53ec96"}`:
```json
{ "meetingInfo": { "@odata.type": "#microsoft.graph.organizerMeetingInfo", "organizer": { "user": { "id": "5810cede-f3cc-42eb-b2c1-e9bd5d53ec96", "tenantId": "97009a52-97e9-4290-8f2c-a8ac8925d978" } } }, "tenantId": "97009a52-97e9-4290-8f2c-a8ac8925d978" }
```

## Use instead
```json
{ "meetingInfo": { "@odata.type": "#microsoft.graph.organizerMeetingInfo", "organizer": { "user": { "id": "5810cede-f3cc-42eb-b2c1-e9bd5d53ec96", "tenantId": "aa67bd4c-8475-432d-bd41-39f255720e0a" } } }, "tenantId": "aa67bd4c-8475-432d-bd41-39f255720e0a" }
```)md"};
  // clang-format on

  static constexpr std::string_view kMessageIds[]{"organizer-tenant-mismatch", "call-tenant-mismatch"};
  static constexpr detail::Message kOrganizerTenant = detail::message(kMeta, kMessageIds, "organizer-tenant-mismatch");
  static constexpr detail::Message kCallTenant = detail::message(kMeta, kMessageIds, "call-tenant-mismatch");
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC244_JOIN_URL_TENANT_MISMATCH_H_
