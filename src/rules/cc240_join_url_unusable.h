// CC240 join-url-unusable: the join link a body is to be compared with cannot
// be read (callcheck/join.h), so no comparison can be made.
#ifndef CALLCHECK_RULES_CC240_JOIN_URL_UNUSABLE_H_
#define CALLCHECK_RULES_CC240_JOIN_URL_UNUSABLE_H_

#include "rules/join_support.h"

#include <fmt/format.h>

namespace callcheck::rules {

class JoinUrlUnusable final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }
  [[nodiscard]] auto message_ids() const -> MessageIds override { return detail::message_ids_of(kMessageIds); }

  void check(const detail::RuleContext &context, detail::DiagnosticSink &sink) const override {
    if (context.join_url == nullptr || context.join_url->has_value()) return;
    const JoinUrlError error = context.join_url->error();
    sink.report(kUnusable, "",
                fmt::format("the join link to compare the body with is not usable: {}", to_string(error)),
                std::string(join_url_help(error)));
  }

 private:
  // clang-format off
  static constexpr RuleMeta kMeta{
      "CC240", "join-url-unusable", Severity::Error, Status::Stable,
      "the join link given to compare the body with cannot be read",
      R"md(## What it does
Reports a join link (`Options::join_url`, `check --join-url`, `"joinUrl"` in `.callcheck.json`) that `parse_join_url` refuses: a consumer `teams.live.com` link, an unknown host or path, a long link without its `context`, a `context` that is not JSON, a `Tid`/`Oid` that is not a GUID, malformed percent-encoding. The CLI refuses such a link before checking anything (exit 2) and the configuration loader reports it as CC401; library callers get this finding.

## Why is this bad?
Without a readable link none of the comparisons (CC241-CC246) can run, and a silent pass would claim the body joins a meeting nobody could identify. The refusals are the failures reported in public threads: `teams.live.com` links cannot be joined by a Graph bot (microsoft-graph-comms-samples#805, "Join URL cannot be parsed"), links whose `context` was replaced by placeholders (#558), and the short `/meet/` links older parsers rejected (#829, #847).

## Example
A body checked with `--join-url https://teams.live.com/meet/9322118196691?p=Xq3LmT9vRw2K`:
```json
{ "callbackUri": "https://bot.contoso.com/callback", "mediaConfig": { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig" }, "meetingInfo": { "@odata.type": "#microsoft.graph.joinMeetingIdMeetingInfo", "joinMeetingId": "9322118196691", "passcode": "Xq3LmT9vRw2K" } }
```

## Use instead
A meeting organized with a work or school account, and its link: `--join-url https://teams.microsoft.com/meet/2414128301281?p=Nz8DLMLT8b07DrkwkE`.
```json
{ "callbackUri": "https://bot.contoso.com/callback", "mediaConfig": { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig" }, "meetingInfo": { "@odata.type": "#microsoft.graph.joinMeetingIdMeetingInfo", "joinMeetingId": "2414128301281", "passcode": "Nz8DLMLT8b07DrkwkE" } }
```)md"};
  // clang-format on

  static constexpr std::string_view kMessageIds[]{"unusable"};
  static constexpr detail::Message kUnusable = detail::message(kMeta, kMessageIds, "unusable");
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC240_JOIN_URL_UNUSABLE_H_
