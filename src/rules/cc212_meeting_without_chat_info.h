// CC212 meeting-without-chat-info: joining by coordinates needs chatInfo
// with a thread id (GRAPH.md 3.2).
#ifndef CALLCHECK_RULES_CC212_MEETING_WITHOUT_CHAT_INFO_H_
#define CALLCHECK_RULES_CC212_MEETING_WITHOUT_CHAT_INFO_H_

#include "rules/rule_support.h"

#include <fmt/format.h>

namespace callcheck::rules {

class MeetingWithoutChatInfo final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }
  [[nodiscard]] auto message_ids() const -> MessageIds override { return detail::message_ids_of(kMessageIds); }

  void check(const detail::RuleContext &context, detail::DiagnosticSink &sink) const override {
    using namespace support;
    const detail::Value &root = context.doc.root();
    const detail::Value *meeting = object_member(&root, "meetingInfo");
    if (meeting == nullptr) return;
    // Only organizerMeetingInfo: the meetingInfo page documents
    // tokenMeetingInfo as a join on its own ("organizerMeetingInfo in
    // combination with the chatInfo, the tokenMeetingInfo, or the
    // joinMeetingIdMeetingInfo"), and field bodies join with it alone.
    if (!has_odata_type(meeting, "organizerMeetingInfo")) return;
    const char *kind = "organizerMeetingInfo";
    if (const detail::Value *chat = object_member(&root, "chatInfo")) {
      // chatInfo is there; its thread id is what names the meeting. The
      // CSDL lets it be null, the join does not (issue 10). A non-string is
      // the schema's CC103, an ill-formed string CC223's.
      const detail::Value *thread = member(chat, "threadId");
      if (thread != nullptr && !thread->IsNull()) return;
      sink.report(kNoThreadId, thread != nullptr ? "/chatInfo/threadId" : "/chatInfo",
                  fmt::format("joining with `{}` requires `chatInfo.threadId`, which is {}", kind,
                              thread != nullptr ? "null" : "missing"),
                  "set `threadId` to the meeting's thread id (from the join URL or onlineMeeting.chatInfo, e.g. "
                  "`19:meeting_…@thread.v2`)",
                  true);
      return;
    }
    if (member(&root, "chatInfo") != nullptr && context.schema_reported("/chatInfo")) return;
    sink.report(kNoChatInfo, "/meetingInfo", fmt::format("joining with `{}` requires `chatInfo`", kind),
                "add `chatInfo` with the meeting's `threadId` and `messageId` (from the join URL or onlineMeeting)",
                true);
  }

 private:
  // clang-format off
  static constexpr RuleMeta kMeta{
      "CC212", "meeting-without-chat-info", Severity::Error, Status::Stable,
      "an `organizerMeetingInfo` join lacks `chatInfo` or its `threadId`",
      R"md(## What it does
Reports a body whose `meetingInfo` is an `organizerMeetingInfo` but which has no `chatInfo` object, or whose `chatInfo.threadId` is missing or `null` (the metadata declares it nullable; a join by coordinates cannot do without it).

## Why is this bad?
The call resource documentation calls `chatInfo` "required information for meeting scenarios" (the v1.0 page: required "for joining a meeting"): the thread id identifies the meeting to join, and every join example of the create-call page sends one. Without it the service cannot find the meeting. (Joins with `joinMeetingIdMeetingInfo` need no `chatInfo`.)

The documentation contradicts itself for `tokenMeetingInfo`: the call page requires `chatInfo` "for meeting scenarios", while the meetingInfo page (beta, `api-reference/beta/resources/meetinginfo.md`, quoted in microsoft-graph-docs PR #19641) lists "`organizerMeetingInfo` in combination with the `chatInfo`, the `tokenMeetingInfo`, or the `joinMeetingIdMeetingInfo`" as the three ways to join, and bodies in the field join with `tokenMeetingInfo` alone (tests/corpus/field 003, 004, whose failures have other causes). So this rule does not report `tokenMeetingInfo` joins.

## Example
```json
{ "meetingInfo": { "@odata.type": "#microsoft.graph.organizerMeetingInfo", "organizer": { "user": { "id": "5810cede-f3cc-42eb-b2c1-e9bd5d53ec96" } } } }
```

## Use instead
```json
{ "chatInfo": { "threadId": "19:meeting_Win6Ydo4wsMijFjZS00ZGVjLTk5MGUtOTRjNWY2NmNkYTFm@thread.v2", "messageId": "0" }, "meetingInfo": { "@odata.type": "#microsoft.graph.organizerMeetingInfo", "organizer": { "user": { "id": "5810cede-f3cc-42eb-b2c1-e9bd5d53ec96" } } } }
```)md"};
  // clang-format on

  static constexpr std::string_view kMessageIds[]{"no-thread-id", "no-chat-info"};
  static constexpr detail::Message kNoThreadId = detail::message(kMeta, kMessageIds, "no-thread-id");
  static constexpr detail::Message kNoChatInfo = detail::message(kMeta, kMessageIds, "no-chat-info");
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC212_MEETING_WITHOUT_CHAT_INFO_H_
