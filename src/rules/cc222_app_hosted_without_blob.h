// CC222 app-hosted-without-blob: app-hosted media needs the media session
// blob from the media SDK (GRAPH.md 1.3; two v1.0 examples omit it).
#ifndef CALLCHECK_RULES_CC222_APP_HOSTED_WITHOUT_BLOB_H_
#define CALLCHECK_RULES_CC222_APP_HOSTED_WITHOUT_BLOB_H_

#include "rules/rule_support.h"

namespace callcheck::rules {

class AppHostedWithoutBlob final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }
  [[nodiscard]] auto message_ids() const -> MessageIds override { return detail::message_ids_of(kMessageIds); }

  void check(const detail::RuleContext &context, detail::DiagnosticSink &sink) const override {
    using namespace support;
    const detail::Value *config = object_member(&context.doc.root(), "mediaConfig");
    if (!has_odata_type(config, "appHostedMediaConfig")) return;
    const detail::Value *blob = member(config, "blob");
    if (blob != nullptr && !blob->IsString() && !blob->IsNull()) return;  // the schema's CC103
    if (blob != nullptr && blob->IsString()) {
      for (char c : sv(*blob)) {
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
      }
    }
    sink.report(blob == nullptr ? kNoBlob : kEmptyBlob, blob != nullptr ? "/mediaConfig/blob" : "/mediaConfig",
                blob == nullptr ? "`appHostedMediaConfig` has no `blob`" : "`appHostedMediaConfig` has an empty `blob`",
                "set `blob` to the media session configuration serialized by the media SDK", blob == nullptr);
  }

 private:
  // clang-format off
  static constexpr RuleMeta kMeta{
      "CC222", "app-hosted-without-blob", Severity::Error, Status::Stable,
      "`appHostedMediaConfig` without a media session `blob`",
      R"md(## What it does
Reports an `appHostedMediaConfig` whose `blob` is missing, `null`, empty or blank.

## Why is this bad?
With application-hosted media the bot processes the media itself; the `blob` is the serialized media session configuration (produced by the real-time media SDK) that tells the service where to send the streams. Without it the service cannot connect the media and the call fails. Two v1.0 documentation examples omit it.

## Example
```json
{ "mediaConfig": { "@odata.type": "#microsoft.graph.appHostedMediaConfig" } }
```

## Use instead
```json
{ "mediaConfig": { "@odata.type": "#microsoft.graph.appHostedMediaConfig", "blob": "{\"mpUri\":\"net.tcp://bot.contoso.com:18732/MediaProcessor\"}" } }
```)md"};
  // clang-format on

  static constexpr std::string_view kMessageIds[]{"no-blob", "empty-blob"};
  static constexpr detail::Message kNoBlob = detail::message(kMeta, kMessageIds, "no-blob");
  static constexpr detail::Message kEmptyBlob = detail::message(kMeta, kMessageIds, "empty-blob");
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC222_APP_HOSTED_WITHOUT_BLOB_H_
