// CC249 cross-tenant-join: the meeting is organized in another tenant than
// the caller's token: that tenant must have consented to the app.
#ifndef CALLCHECK_RULES_CC249_CROSS_TENANT_JOIN_H_
#define CALLCHECK_RULES_CC249_CROSS_TENANT_JOIN_H_

#include "rules/join_support.h"

#include <fmt/format.h>

namespace callcheck::rules {

class CrossTenantJoin final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }
  [[nodiscard]] auto message_ids() const -> MessageIds override { return detail::message_ids_of(kMessageIds); }

  void check(const detail::RuleContext &context, detail::DiagnosticSink &sink) const override {
    if (!context.token_tenant) return;
    // The meeting's tenant: the body's organizer, else the join link's Tid.
    std::string pointer;
    std::optional<std::string_view> meeting = join::organizer_tenant(context);
    if (meeting) {
      pointer = std::string(join::kOrganizerTenant);
    } else if (const JoinUrlFacts *link = join::link(context); link != nullptr && link->tenant_id) {
      meeting = *link->tenant_id;
      if (context.find("/meetingInfo") != nullptr) pointer = "/meetingInfo";
    }
    if (!meeting || join::same_id(*meeting, *context.token_tenant)) return;
    sink.report(kCrossTenant, pointer,
                fmt::format("the meeting is organized in tenant `{}`, not in the access token's tenant: a "
                            "cross-tenant join",
                            *meeting),
                fmt::format("an administrator of tenant {} must grant admin consent to the app "
                            "(https://login.microsoftonline.com/{}/adminconsent?client_id=<app id>), or the join "
                            "fails with 7504",
                            *meeting, *meeting),
                pointer == "/meetingInfo");
  }

 private:
  // clang-format off
  static constexpr RuleMeta kMeta{
      "CC249", "cross-tenant-join", Severity::Info, Status::Stable,
      "the meeting is organized in another tenant than the access token's",
      R"md(## What it does
With an access token (`--token`), compares its `tid` claim with the tenant the meeting is organized in: `meetingInfo.organizer.user.tenantId`, or else the `Tid` of the join link given with `--join-url`. When they differ, names the consent the meeting's tenant must give. The token's own tenant is never printed.

## Why is this bad?
It is not wrong in itself, which is why this is an info. But a bot joining a meeting of another organization needs that organization's admin consent: without it the service answers 7504 "Insufficient enterprise tenant permissions, cannot access this API" (microsoft-graph-comms-samples#709, "Unable to join the external Teams meeting scheduled by another tenant"; #685, #538), and the fix reported in #254 is the other tenant's administrator opening `https://login.microsoftonline.com/<tenant>/adminconsent?client_id=<app id>`.

## Example
A body checked with a token issued by tenant `97009a52-97e9-4290-8f2c-a8ac8925d978`:
```json
{ "meetingInfo": { "@odata.type": "#microsoft.graph.organizerMeetingInfo", "organizer": { "user": { "id": "5810cede-f3cc-42eb-b2c1-e9bd5d53ec96", "tenantId": "aa67bd4c-8475-432d-bd41-39f255720e0a" } } } }
```

## Use instead
The same body, once an administrator of `aa67bd4c-8475-432d-bd41-39f255720e0a` has consented to the app's `Calls.*` permissions, with a token requested from that tenant:
```json
{ "meetingInfo": { "@odata.type": "#microsoft.graph.organizerMeetingInfo", "organizer": { "user": { "id": "5810cede-f3cc-42eb-b2c1-e9bd5d53ec96", "tenantId": "aa67bd4c-8475-432d-bd41-39f255720e0a" } } }, "tenantId": "aa67bd4c-8475-432d-bd41-39f255720e0a" }
```)md"};
  // clang-format on

  static constexpr std::string_view kMessageIds[]{"cross-tenant"};
  static constexpr detail::Message kCrossTenant = detail::message(kMeta, kMessageIds, "cross-tenant");
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC249_CROSS_TENANT_JOIN_H_
