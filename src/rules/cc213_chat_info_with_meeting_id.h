// CC213 chat-info-with-meeting-id: chatInfo is not used with
// joinMeetingIdMeetingInfo (GRAPH.md 1.1 chatInfo).
#ifndef CALLCHECK_RULES_CC213_CHAT_INFO_WITH_MEETING_ID_H_
#define CALLCHECK_RULES_CC213_CHAT_INFO_WITH_MEETING_ID_H_

#include "rules/rule_support.h"

namespace callcheck::rules {

class ChatInfoWithMeetingId final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }
  [[nodiscard]] auto message_ids() const -> MessageIds override { return detail::message_ids_of(kMessageIds); }

  void check(const detail::RuleContext &context, detail::DiagnosticSink &sink) const override {
    using namespace support;
    const detail::Value &root = context.doc.root();
    if (!has_odata_type(object_member(&root, "meetingInfo"), "joinMeetingIdMeetingInfo")) return;
    if (object_member(&root, "chatInfo") == nullptr) return;
    sink.report(kIgnored, "/chatInfo", "`chatInfo` is ignored when joining with `joinMeetingIdMeetingInfo`",
                "remove `chatInfo`; the meeting id and passcode identify the meeting", true);
  }

 private:
  // clang-format off
  static constexpr RuleMeta kMeta{
      "CC213", "chat-info-with-meeting-id", Severity::Warning, Status::Stable,
      "`chatInfo` sent together with `joinMeetingIdMeetingInfo`",
      R"md(## What it does
Reports `chatInfo` in a body that joins a meeting by its meeting id (`joinMeetingIdMeetingInfo`).

## Why is this bad?
The join-by-meeting-id examples send no `chatInfo`: the meeting id and passcode identify the meeting. A second, possibly different meeting coordinate makes the request ambiguous to readers and is at best ignored. A warning, since the service's handling is not documented.

## Example
```json
{ "chatInfo": { "threadId": "19:meeting_Win6Ydo4wsMijFjZS00ZGVjLTk5MGUtOTRjNWY2NmNkYTFm@thread.v2" }, "meetingInfo": { "@odata.type": "#microsoft.graph.joinMeetingIdMeetingInfo", "joinMeetingId": "1234567", "passcode": "psw123" } }
```

## Use instead
```json
{ "meetingInfo": { "@odata.type": "#microsoft.graph.joinMeetingIdMeetingInfo", "joinMeetingId": "1234567", "passcode": "psw123" } }
```)md"};
  // clang-format on

  static constexpr std::string_view kMessageIds[]{"chat-info-ignored"};
  static constexpr detail::Message kIgnored = detail::message(kMeta, kMessageIds, "chat-info-ignored");
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC213_CHAT_INFO_WITH_MEETING_ID_H_
