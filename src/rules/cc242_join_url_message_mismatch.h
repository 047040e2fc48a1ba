// CC242 join-url-message-mismatch: chatInfo.messageId (or
// replyChainMessageId) is not the join link's.
#ifndef CALLCHECK_RULES_CC242_JOIN_URL_MESSAGE_MISMATCH_H_
#define CALLCHECK_RULES_CC242_JOIN_URL_MESSAGE_MISMATCH_H_

#include "rules/join_support.h"

#include <fmt/format.h>

namespace callcheck::rules {

class JoinUrlMessageMismatch final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }
  [[nodiscard]] auto message_ids() const -> MessageIds override { return detail::message_ids_of(kMessageIds); }

  void check(const detail::RuleContext &context, detail::DiagnosticSink &sink) const override {
    const JoinUrlFacts *link = join::link(context);
    if (link == nullptr || !link->message_id) return;
    if (const auto message = join::text_at(context, "/chatInfo/messageId"); message && *message != *link->message_id) {
      sink.report(kMessageIdMismatch, "/chatInfo/messageId",
                  fmt::format("`chatInfo.messageId` `{}` is not the join link's message id `{}`",
                              support::shown(*message), *link->message_id),
                  fmt::format("use `\"messageId\": \"{}\"` from the link's path", *link->message_id));
    }
    if (!link->reply_chain_message_id) return;
    if (const auto reply = join::text_at(context, "/chatInfo/replyChainMessageId");
        reply && *reply != *link->reply_chain_message_id) {
      sink.report(
          kReplyChainMismatch, "/chatInfo/replyChainMessageId",
          fmt::format("`chatInfo.replyChainMessageId` `{}` is not the join link's `MessageId` `{}`",
                      support::shown(*reply), *link->reply_chain_message_id),
          fmt::format("use `\"replyChainMessageId\": \"{}\"` from the link's context", *link->reply_chain_message_id));
    }
  }

 private:
  // clang-format off
  static constexpr RuleMeta kMeta{
      "CC242", "join-url-message-mismatch", Severity::Warning, Status::Stable,
      "`chatInfo.messageId` or `replyChainMessageId` is not the join link's",
      R"md(## What it does
With a join link to compare with, checks that `chatInfo.messageId` is the link's path segment after the thread (`0` for scheduled meetings, the post id for channel meetings) and that `chatInfo.replyChainMessageId`, when both are present, is the `MessageId` of the link's `context`.

## Why is this bad?
Microsoft's samples build `chatInfo` from exactly these parts of the link (microsoft-graph-comms-samples `JoinInfo.ParseJoinURL`: `MessageId = match.Groups["message"]`, `ReplyChainMessageId = ctxt.MessageId`), and channel-meeting links carry a non-zero message id (`…@thread.skype/1562307724828`, comms-samples#101). A warning, not an error: no reported service response shows what a wrong message id does to the join.

## Example
A body checked with a link whose path ends in `…%40thread.skype/1562307724828?context=…`:
```json
{ "chatInfo": { "threadId": "19:2d05e8c5daf34a88b821f43fee5caba3@thread.skype", "messageId": "0" } }
```

## Use instead
```json
{ "chatInfo": { "threadId": "19:2d05e8c5daf34a88b821f43fee5caba3@thread.skype", "messageId": "1562307724828" } }
```)md"};
  // clang-format on

  static constexpr std::string_view kMessageIds[]{"message-id-mismatch", "reply-chain-mismatch"};
  static constexpr detail::Message kMessageIdMismatch = detail::message(kMeta, kMessageIds, "message-id-mismatch");
  static constexpr detail::Message kReplyChainMismatch = detail::message(kMeta, kMessageIds, "reply-chain-mismatch");
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC242_JOIN_URL_MESSAGE_MISMATCH_H_
