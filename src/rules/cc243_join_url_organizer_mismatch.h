// CC243 join-url-organizer-mismatch: the organizer in organizerMeetingInfo is
// not the join link's `Oid`.
#ifndef CALLCHECK_RULES_CC243_JOIN_URL_ORGANIZER_MISMATCH_H_
#define CALLCHECK_RULES_CC243_JOIN_URL_ORGANIZER_MISMATCH_H_

#include "rules/join_support.h"

#include <fmt/format.h>

namespace callcheck::rules {

class JoinUrlOrganizerMismatch final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }
  [[nodiscard]] auto message_ids() const -> MessageIds override { return detail::message_ids_of(kMessageIds); }

  void check(const detail::RuleContext &context, detail::DiagnosticSink &sink) const override {
    const JoinUrlFacts *link = join::link(context);
    if (link == nullptr || !link->organizer_id) return;
    if (join::body_meeting(context) != join::BodyMeeting::Organizer) return;
    const auto organizer = join::text_at(context, join::kOrganizerId);
    if (!organizer || join::same_id(*organizer, *link->organizer_id)) return;
    sink.report(kOrganizerMismatch, std::string(join::kOrganizerId),
                fmt::format("the organizer `{}` is not the join link's organizer (`Oid`) `{}`",
                            support::shown(*organizer), *link->organizer_id),
                fmt::format("use `\"id\": \"{}\"` from the link's context", *link->organizer_id));
  }

 private:
  // clang-format off
  static constexpr RuleMeta kMeta{
      "CC243", "join-url-organizer-mismatch", Severity::Error, Status::Stable,
      "the organizer in `organizerMeetingInfo` is not the join link's `Oid`",
      R"md(## What it does
With a join link to compare with, checks that `meetingInfo.organizer.user.id` of an `organizerMeetingInfo` is the `Oid` of the link's `context` (compared without regard to case).

## Why is this bad?
`organizerMeetingInfo.organizer` is required (non-nullable in the v1.0 metadata) and, with the thread id, names the meeting: the call resource page takes the organizer from the join URL's `Oid`, and Microsoft's samples do the same (microsoft-graph-comms-samples `JoinInfo.ParseJoinURL`: `User = new Identity { Id = ctxt.Oid }`). Another user is not the organizer of that meeting.

## Example
A body checked with a link whose context is `{"Tid":"aa67bd4c-8475-432d-bd41-39f255720e0a","Oid":"5810cede-f3cc-42eb-b2c1-e9bd5d53ec96"}`:
```json
{ "meetingInfo": { "@odata.type": "#microsoft.graph.organizerMeetingInfo", "organizer": { "user": { "id": "8a34a46b-3d17-4adc-8dce-dc4e7d572698", "tenantId": "aa67bd4c-8475-432d-bd41-39f255720e0a" } } } }
```

## Use instead
```json
{ "meetingInfo": { "@odata.type": "#microsoft.graph.organizerMeetingInfo", "organizer": { "user": { "id": "5810cede-f3cc-42eb-b2c1-e9bd5d53ec96", "tenantId": "aa67bd4c-8475-432d-bd41-39f255720e0a" } } } }
```)md"};
  // clang-format on

  static constexpr std::string_view kMessageIds[]{"organizer-mismatch"};
  static constexpr detail::Message kOrganizerMismatch = detail::message(kMeta, kMessageIds, "organizer-mismatch");
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC243_JOIN_URL_ORGANIZER_MISMATCH_H_
