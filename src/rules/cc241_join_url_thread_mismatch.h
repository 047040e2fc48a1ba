// CC241 join-url-thread-mismatch: chatInfo.threadId is not the thread of the
// join link's meeting.
#ifndef CALLCHECK_RULES_CC241_JOIN_URL_THREAD_MISMATCH_H_
#define CALLCHECK_RULES_CC241_JOIN_URL_THREAD_MISMATCH_H_

#include "rules/join_support.h"

#include <fmt/format.h>

namespace callcheck::rules {

class JoinUrlThreadMismatch final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }
  [[nodiscard]] auto message_ids() const -> MessageIds override { return detail::message_ids_of(kMessageIds); }

  void check(const detail::RuleContext &context, detail::DiagnosticSink &sink) const override {
    const JoinUrlFacts *link = join::link(context);
    if (link == nullptr || !link->thread_id) return;
    const auto thread = join::text_at(context, "/chatInfo/threadId");
    if (!thread || *thread == *link->thread_id) return;
    const std::string help = fmt::format("use the link's thread id `{}`", support::shown(*link->thread_id));
    if (const auto decoded = join::percent_decoded(*thread); decoded && *decoded == *link->thread_id) {
      sink.report(kPercentEncoded, "/chatInfo/threadId",
                  fmt::format("`chatInfo.threadId` `{}` is still percent-encoded", support::shown(*thread)), help);
      return;
    }
    sink.report(
        kThreadMismatch, "/chatInfo/threadId",
        fmt::format("`chatInfo.threadId` `{}` is not the thread of the join link's meeting", support::shown(*thread)),
        help);
  }

 private:
  // clang-format off
  static constexpr RuleMeta kMeta{
      "CC241", "join-url-thread-mismatch", Severity::Error, Status::Stable,
      "`chatInfo.threadId` is not the thread of the join link's meeting",
      R"md(## What it does
With a join link to compare with (`check --join-url`, `"joinUrl"`), checks that `chatInfo.threadId` is the link's thread id: the path segment after `/l/meetup-join/`, percent-decoded (`19%3ameeting_…%40thread.v2` is `19:meeting_…@thread.v2`). A thread id that is still percent-encoded gets its own message.

## Why is this bad?
The thread id is the meeting's identity in a join by coordinates: the call resource page says the coordinates come from the join URL, and Microsoft's samples copy the path segment into `chatInfo.threadId` (microsoft-graph-comms-samples `JoinInfo.ParseJoinURL`). Another thread id joins another meeting or none at all; an undecoded one names no thread (the same mistake CC223 catches without a link, comms-samples#558).

## Example
A body checked with `--join-url 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_Win6Ydo4wsMijFjZS00ZGVjLTk5MGUtOTRjNWY2NmNkYTFm%40thread.v2/0?context=%7b%22Tid%22%3a%22aa67bd4c-8475-432d-bd41-39f255720e0a%22%2c%22Oid%22%3a%225810cede-f3cc-42eb-b2c1-e9bd5d53ec96%22%7d'`:
```json
{ "chatInfo": { "threadId": "19%3ameeting_Win6Ydo4wsMijFjZS00ZGVjLTk5MGUtOTRjNWY2NmNkYTFm%40thread.v2", "messageId": "0" } }
```

## Use instead
```json
{ "chatInfo": { "threadId": "19:meeting_Win6Ydo4wsMijFjZS00ZGVjLTk5MGUtOTRjNWY2NmNkYTFm@thread.v2", "messageId": "0" } }
```)md"};
  // clang-format on

  static constexpr std::string_view kMessageIds[]{"percent-encoded", "thread-mismatch"};
  static constexpr detail::Message kPercentEncoded = detail::message(kMeta, kMessageIds, "percent-encoded");
  static constexpr detail::Message kThreadMismatch = detail::message(kMeta, kMessageIds, "thread-mismatch");
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC241_JOIN_URL_THREAD_MISMATCH_H_
