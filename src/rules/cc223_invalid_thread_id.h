// CC223 invalid-thread-id: Teams thread ids look like
// `19:…@thread.v2|skype|tacv2` (GRAPH.md 1.3 chatInfo).
#ifndef CALLCHECK_RULES_CC223_INVALID_THREAD_ID_H_
#define CALLCHECK_RULES_CC223_INVALID_THREAD_ID_H_

#include "fix/edits.h"
#include "rules/rule_support.h"

#include <fmt/format.h>

namespace callcheck::rules {

class InvalidThreadId final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }
  [[nodiscard]] auto message_ids() const -> MessageIds override { return detail::message_ids_of(kMessageIds); }

  void check(const detail::RuleContext &context, detail::DiagnosticSink &sink) const override {
    using namespace support;
    std::string_view id;
    if (!string_member(object_member(&context.doc.root(), "chatInfo"), "threadId", &id)) return;
    if (is_placeholder(id) || is_thread_id(id)) return;
    if (context.schema_reported("/chatInfo/threadId")) return;
    std::optional<Fix> fix;
    if (const std::string decoded = percent_decoded(id); !decoded.empty() && is_thread_id(decoded)) {
      fix = detail::make_fix(kMeta.fix, "percent-decode the thread id",
                             {detail::replace_value(context.doc, "/chatInfo/threadId", detail::json_quote(decoded))});
    }
    sink.report(kNotThreadId, "/chatInfo/threadId", fmt::format("`{}` is not a Teams thread id", shown(id)),
                "copy the thread id from the meeting's join URL or onlineMeeting.chatInfo, e.g. "
                "`19:meeting_…@thread.v2`",
                false, std::move(fix));
  }

 private:
  // `id` with %XX decoded, or "" when it has no escape or a broken one.
  static auto percent_decoded(std::string_view id) -> std::string {
    if (id.find('%') == std::string_view::npos) return {};
    auto hex = [](char c) -> int {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      if (c >= 'A' && c <= 'F') return c - 'A' + 10;
      return -1;
    };
    std::string out;
    for (std::size_t i = 0; i < id.size(); ++i) {
      if (id[i] != '%') {
        out += id[i];
        continue;
      }
      if (i + 2 >= id.size() || hex(id[i + 1]) < 0 || hex(id[i + 2]) < 0) return {};
      out += static_cast<char>(hex(id[i + 1]) * 16 + hex(id[i + 2]));
      i += 2;
    }
    return out;
  }

  static auto is_thread_id(std::string_view id) -> bool {
    if (!support::starts_with(id, "19:")) return false;
    for (char c : id) {
      const auto u = static_cast<unsigned char>(c);
      if (u <= 0x20 || u == 0x7f) return false;
    }
    for (std::string_view suffix : {"@thread.v2", "@thread.skype", "@thread.tacv2"}) {
      if (id.size() > 3 + suffix.size() && support::ends_with(id, suffix)) return true;
    }
    return false;
  }

  // clang-format off
  static constexpr RuleMeta kMeta{
      "CC223", "invalid-thread-id", Severity::Error, Status::Stable,
      "`chatInfo.threadId` is not a Teams thread id",
      R"md(## What it does
Checks that `chatInfo.threadId` has the shape of a Teams thread id: `19:`, a non-empty id without blanks, then `@thread.v2` (scheduled meetings), `@thread.skype` (channel meetings, older) or `@thread.tacv2` (channels).

## Why is this bad?
The thread id identifies the meeting to join. A value that lost its prefix or suffix (a common result of copying it out of a URL-encoded join link) names no thread, and the join fails.

## Example
```json
{ "chatInfo": { "threadId": "meeting_Win6Ydo4wsMijFjZS00ZGVjLTk5MGUtOTRjNWY2NmNkYTFm", "messageId": "0" } }
```

## Use instead
```json
{ "chatInfo": { "threadId": "19:meeting_Win6Ydo4wsMijFjZS00ZGVjLTk5MGUtOTRjNWY2NmNkYTFm@thread.v2", "messageId": "0" } }
```

## Fix safety
When the id is percent-encoded (`19%3ameeting_...%40thread.v2`, copied out of a join link) and decoding it gives a thread id, the fix writes the decoded id: the thread the author copied. Other malformed ids have no fix.)md", FixSafety::Safe};
  // clang-format on

  static constexpr std::string_view kMessageIds[]{"not-thread-id"};
  static constexpr detail::Message kNotThreadId = detail::message(kMeta, kMessageIds, "not-thread-id");
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC223_INVALID_THREAD_ID_H_
