// CC224 meeting-tenant-not-found: a meeting join that names its tenant
// nowhere the service reads it (issue 10; CALLS-API.md F2). Where the service
// reads it is rule_support.h join_tenant(), shared with CC201 so that a
// misplaced `tenantId` gets one finding, not two.
#ifndef CALLCHECK_RULES_CC224_MEETING_TENANT_NOT_FOUND_H_
#define CALLCHECK_RULES_CC224_MEETING_TENANT_NOT_FOUND_H_

#include "rules/rule_support.h"

#include <fmt/format.h>

namespace callcheck::rules {

class MeetingTenantNotFound final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }
  [[nodiscard]] auto message_ids() const -> MessageIds override { return detail::message_ids_of(kMessageIds); }

  void check(const detail::RuleContext &context, detail::DiagnosticSink &sink) const override {
    using namespace support;
    const detail::Value &root = context.doc.root();
    const JoinTenant tenant = join_tenant(root);
    if (tenant.meeting_type.empty() || tenant.found) return;
    const bool by_id = tenant.meeting_type == "joinMeetingIdMeetingInfo";
    const std::string where = by_id ? std::string(
                                          "the call's `tenantId` is not set (a join by meeting id has no "
                                          "organizer to take it from)")
                                    : std::string(
                                          "neither the call's `tenantId` nor "
                                          "`meetingInfo.organizer.user.tenantId` is set");
    constexpr std::string_view kAnswer = "the service answers 7505 \"Request authorization tenant mismatch\"";
    if (!tenant.misplaced.empty() && !context.schema_reported(tenant.misplaced)) {
      sink.report(kMisplaced, tenant.misplaced,
                  fmt::format("the service does not read `{}`: this meeting join names no tenant where the service "
                              "reads it ({}), and {}",
                              dotted(tenant.misplaced), where, kAnswer),
                  "move this `tenantId` to the top level of the call body", true);
      return;
    }
    const std::string also =
        tenant.misplaced.empty() ? std::string() : fmt::format("; `{}` is not read", dotted(tenant.misplaced));
    sink.report(kNoTenant, "/meetingInfo",
                fmt::format("this meeting join names no tenant: {}{}, and {}", where, also, kAnswer),
                by_id ? "set the call's top-level `tenantId` to the tenant of the meeting's organizer (a short "
                        "`/meet/` join link does not carry it)"
                      : "set the call's top-level `tenantId` to the meeting's tenant (the `Tid` of its join link)",
                true);
  }

 private:
  static auto dotted(std::string_view pointer) -> std::string {
    std::string out(pointer.substr(pointer.empty() ? 0 : 1));
    for (char &c : out) c = c == '/' ? '.' : c;
    return out;
  }

  // clang-format off
  static constexpr RuleMeta kMeta{
      "CC224", "meeting-tenant-not-found", Severity::Error, Status::Stable,
      "a meeting join names its tenant nowhere the service reads it",
      R"md(## What it does
Reports a meeting join whose tenant is nowhere the service reads it. For a join with `organizerMeetingInfo` that is the call's top-level `tenantId` or the tenant of the organizer's identity (`meetingInfo.organizer.user.tenantId`); for a join with `joinMeetingIdMeetingInfo`, which has no organizer, only the call's `tenantId`. When a `tenantId` sits somewhere else (inside `meetingInfo`, `chatInfo`, `meetingInfo.organizer`, `source` or `source.identity`), the finding points at it. Joins with `tokenMeetingInfo` are not checked: the token names the meeting. Placing a call to another tenant's user cannot be judged from the body alone (the bot's own tenant is in its token), and a body that names two *different* tenants is a different problem.

## Why is this bad?
The service cannot tell which tenant's meeting to join and answers error 7505 "Request authorization tenant mismatch". Reported with exactly this cause: microsoftgraph/microsoft-graph-docs#9481 ("There is no actual docs that indicate where the tenantId has to be set") and #7080; the documentation then added `tenantId` to its join example, "Without passing TenantId, we are getting Request authorization tenant mismatch error" (microsoftgraph/microsoft-graph-docs PR #9496). OfficeDev/Microsoft-Teams-Samples#1785 shows the misplaced form: `tenantId` inside `meetingInfo`, organizer without `tenantId`, answer 7505. The v1.0 and beta join examples of the create-call page send the call's `tenantId` (and the organizer's), and so do the join-by-meeting-id examples; Microsoft's calling-bot samples take the call's tenant from the organizer's identity (`Organizer.GetPrimaryIdentity().GetTenantId()`), and microsoftgraph/microsoft-graph-comms-samples PR #858 adds a separate tenant for short join links, which carry none.

## Example
```json
{ "callbackUri": "https://bot.contoso.com/callback", "mediaConfig": { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig" }, "chatInfo": { "threadId": "19:meeting_Win6Ydo4wsMijFjZS00ZGVjLTk5MGUtOTRjNWY2NmNkYTFm@thread.v2", "messageId": "0" }, "meetingInfo": { "@odata.type": "#microsoft.graph.organizerMeetingInfo", "organizer": { "user": { "id": "5810cede-f3cc-42eb-b2c1-e9bd5d53ec96" } }, "tenantId": "aa67bd4c-8475-432d-bd41-39f255720e0a" } }
```

## Use instead
```json
{ "callbackUri": "https://bot.contoso.com/callback", "mediaConfig": { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig" }, "chatInfo": { "threadId": "19:meeting_Win6Ydo4wsMijFjZS00ZGVjLTk5MGUtOTRjNWY2NmNkYTFm@thread.v2", "messageId": "0" }, "meetingInfo": { "@odata.type": "#microsoft.graph.organizerMeetingInfo", "organizer": { "user": { "id": "5810cede-f3cc-42eb-b2c1-e9bd5d53ec96", "tenantId": "aa67bd4c-8475-432d-bd41-39f255720e0a" } } }, "tenantId": "aa67bd4c-8475-432d-bd41-39f255720e0a" }
```)md"};
  // clang-format on

  static constexpr std::string_view kMessageIds[]{"tenant-id-misplaced", "no-tenant"};
  static constexpr detail::Message kMisplaced = detail::message(kMeta, kMessageIds, "tenant-id-misplaced");
  static constexpr detail::Message kNoTenant = detail::message(kMeta, kMessageIds, "no-tenant");
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC224_MEETING_TENANT_NOT_FOUND_H_
