// CC246 join-url-not-comparable: the body does not join the way the link
// describes its meeting, so the two cannot be compared.
#ifndef CALLCHECK_RULES_CC246_JOIN_URL_NOT_COMPARABLE_H_
#define CALLCHECK_RULES_CC246_JOIN_URL_NOT_COMPARABLE_H_

#include "rules/join_support.h"

namespace callcheck::rules {

class JoinUrlNotComparable final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }
  [[nodiscard]] auto message_ids() const -> MessageIds override { return detail::message_ids_of(kMessageIds); }

  void check(const detail::RuleContext &context, detail::DiagnosticSink &sink) const override {
    const JoinUrlFacts *link = join::link(context);
    if (link == nullptr || !context.doc.root().IsObject()) return;
    const std::string help =
        "build the body from the link (`callcheck join-url LINK`), or compare it with the link "
        "it was built from";
    switch (join::body_meeting(context)) {
      case join::BodyMeeting::None:
        sink.report(kNoMeeting, "", "the body joins no meeting (no `meetingInfo`), but a join link was given", help);
        return;
      case join::BodyMeeting::JoinMeetingId:
        if (link->joins_by_meeting_id()) return;
        sink.report(kIdAgainstThread, "/meetingInfo",
                    "the body joins by meeting id, the link names a thread and an organizer: callcheck cannot tell "
                    "whether they are the same meeting",
                    help, true);
        return;
      case join::BodyMeeting::Organizer:
      case join::BodyMeeting::Token:
        if (!link->joins_by_meeting_id()) return;
        sink.report(kThreadAgainstId, "/meetingInfo",
                    "the body joins by thread and organizer, the link is a short meeting-id link: callcheck cannot "
                    "tell whether they are the same meeting",
                    help, true);
        return;
      case join::BodyMeeting::Other: return;  // CC105 reports the unknown @odata.type
    }
  }

 private:
  // clang-format off
  static constexpr RuleMeta kMeta{
      "CC246", "join-url-not-comparable", Severity::Warning, Status::Stable,
      "the body does not join the way the join link names its meeting",
      R"md(## What it does
With a join link to compare with, reports a body that gives callcheck nothing to compare: a body without `meetingInfo`, a `joinMeetingIdMeetingInfo` body checked against a long link (thread, organizer, tenant), or an `organizerMeetingInfo`/`tokenMeetingInfo` body checked against a short `/meet/<id>` link.

## Why is this bad?
The two ways of naming a meeting share no field: a long link gives `chatInfo` + `organizerMeetingInfo`, a short one `joinMeetingIdMeetingInfo` with no thread and no tenant (comms-samples#829, PR #858). Passing such a pair would report "no mismatch" for a meeting nobody compared: a false green. A warning: both bodies may well join the same meeting, callcheck just cannot know.

## Example
A body checked with `--join-url 'https://teams.microsoft.com/meet/2414128301281?p=Nz8DLMLT8b07DrkwkE'`:
```json
{ "chatInfo": { "threadId": "19:meeting_Win6Ydo4wsMijFjZS00ZGVjLTk5MGUtOTRjNWY2NmNkYTFm@thread.v2", "messageId": "0" }, "meetingInfo": { "@odata.type": "#microsoft.graph.organizerMeetingInfo", "organizer": { "user": { "id": "5810cede-f3cc-42eb-b2c1-e9bd5d53ec96" } } } }
```

## Use instead
```json
{ "meetingInfo": { "@odata.type": "#microsoft.graph.joinMeetingIdMeetingInfo", "joinMeetingId": "2414128301281", "passcode": "Nz8DLMLT8b07DrkwkE" } }
```)md"};
  // clang-format on

  static constexpr std::string_view kMessageIds[]{"no-meeting", "meeting-id-against-thread",
                                                  "thread-against-meeting-id"};
  static constexpr detail::Message kNoMeeting = detail::message(kMeta, kMessageIds, "no-meeting");
  static constexpr detail::Message kIdAgainstThread = detail::message(kMeta, kMessageIds, "meeting-id-against-thread");
  static constexpr detail::Message kThreadAgainstId = detail::message(kMeta, kMessageIds, "thread-against-meeting-id");
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC246_JOIN_URL_NOT_COMPARABLE_H_
