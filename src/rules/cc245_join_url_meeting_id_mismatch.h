// CC245 join-url-meeting-id-mismatch: joinMeetingIdMeetingInfo does not carry
// the short link's meeting id or passcode.
#ifndef CALLCHECK_RULES_CC245_JOIN_URL_MEETING_ID_MISMATCH_H_
#define CALLCHECK_RULES_CC245_JOIN_URL_MEETING_ID_MISMATCH_H_

#include "rules/join_support.h"

#include <fmt/format.h>

namespace callcheck::rules {

class JoinUrlMeetingIdMismatch final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }
  [[nodiscard]] auto message_ids() const -> MessageIds override { return detail::message_ids_of(kMessageIds); }

  void check(const detail::RuleContext &context, detail::DiagnosticSink &sink) const override {
    const JoinUrlFacts *link = join::link(context);
    if (link == nullptr || !link->join_meeting_id) return;
    if (join::body_meeting(context) != join::BodyMeeting::JoinMeetingId) return;
    if (const auto id = join::text_at(context, "/meetingInfo/joinMeetingId"); id && *id != *link->join_meeting_id) {
      sink.report(kMeetingIdMismatch, "/meetingInfo/joinMeetingId",
                  fmt::format("`joinMeetingId` `{}` is not the join link's meeting id `{}`", support::shown(*id),
                              *link->join_meeting_id),
                  fmt::format("use `\"joinMeetingId\": \"{}\"` from the link's path", *link->join_meeting_id));
    }
    if (!link->passcode) return;
    // The passcode is the link's secret: messages never quote it.
    const detail::Value *passcode = context.find("/meetingInfo/passcode");
    if (passcode == nullptr || passcode->IsNull()) {
      sink.report(kPasscodeMissing, passcode == nullptr ? "/meetingInfo" : "/meetingInfo/passcode",
                  "the join link's meeting has a passcode (`p=`), but the body sends none",
                  "set `passcode` to the link's `p` value", passcode == nullptr);
      return;
    }
    if (passcode->IsString() && !support::is_placeholder(support::sv(*passcode)) &&
        support::sv(*passcode) != *link->passcode) {
      sink.report(kPasscodeMismatch, "/meetingInfo/passcode", "`passcode` is not the join link's passcode (`p=`)",
                  "set `passcode` to the link's `p` value, percent-decoded");
    }
  }

 private:
  // clang-format off
  static constexpr RuleMeta kMeta{
      "CC245", "join-url-meeting-id-mismatch", Severity::Error, Status::Stable,
      "`joinMeetingIdMeetingInfo` does not carry the short link's meeting id or passcode",
      R"md(## What it does
With a short join link (`https://teams.microsoft.com/meet/<id>?p=<passcode>`) to compare with, checks that a `joinMeetingIdMeetingInfo` body sends the link's id as `joinMeetingId` and, when the link has `p=`, its passcode as `passcode` (case-sensitive). Messages never quote the passcode.

## Why is this bad?
The short link is the meeting id and its passcode (comms-samples#829: "use JoinMeetingIdMeetingInfo, which accepts the number and pwd from the meeting link"; PR #858). Another id is another meeting; a missing or wrong passcode keeps the bot out: Meeting-BaaS/meet-teams-bot#210 traced bots that were never admitted to the passcode being dropped from exactly these links.

## Example
A body checked with `--join-url 'https://teams.microsoft.com/meet/2414128301281?p=Nz8DLMLT8b07DrkwkE'`:
```json
{ "meetingInfo": { "@odata.type": "#microsoft.graph.joinMeetingIdMeetingInfo", "joinMeetingId": "2414128301281", "passcode": null } }
```

## Use instead
```json
{ "meetingInfo": { "@odata.type": "#microsoft.graph.joinMeetingIdMeetingInfo", "joinMeetingId": "2414128301281", "passcode": "Nz8DLMLT8b07DrkwkE" } }
```)md"};
  // clang-format on

  static constexpr std::string_view kMessageIds[]{"meeting-id-mismatch", "passcode-missing", "passcode-mismatch"};
  static constexpr detail::Message kMeetingIdMismatch = detail::message(kMeta, kMessageIds, "meeting-id-mismatch");
  static constexpr detail::Message kPasscodeMissing = detail::message(kMeta, kMessageIds, "passcode-missing");
  static constexpr detail::Message kPasscodeMismatch = detail::message(kMeta, kMessageIds, "passcode-mismatch");
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC245_JOIN_URL_MEETING_ID_MISMATCH_H_
