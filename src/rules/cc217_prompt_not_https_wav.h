// CC217 prompt-not-https-wav: prompts are WAV files fetched over https
// (resources/mediainfo.md, GRAPH.md 3.2).
#ifndef CALLCHECK_RULES_CC217_PROMPT_NOT_HTTPS_WAV_H_
#define CALLCHECK_RULES_CC217_PROMPT_NOT_HTTPS_WAV_H_

#include "rules/rule_support.h"

#include <fmt/format.h>

namespace callcheck::rules {

class PromptNotHttpsWav final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }
  [[nodiscard]] auto message_ids() const -> MessageIds override { return detail::message_ids_of(kMessageIds); }

  void check(const detail::RuleContext &context, detail::DiagnosticSink &sink) const override {
    using namespace support;
    const detail::Value *media = member(object_member(&context.doc.root(), "mediaConfig"), "preFetchMedia");
    if (media == nullptr || !media->IsArray()) return;
    for (rapidjson::SizeType i = 0; i < media->Size(); ++i) {
      std::string_view uri;
      if (!string_member(&(*media)[i], "uri", &uri) || is_placeholder(uri)) continue;
      std::size_t path = 0;
      const bool https = is_https_url(uri, &path);
      if (https && is_wav(uri.substr(path))) continue;
      std::string pointer = "/mediaConfig/preFetchMedia";
      detail::append_index(pointer, i);
      pointer += "/uri";
      if (context.schema_reported(pointer)) continue;
      sink.report(https ? kNotWav : kNotHttpsUrl, pointer,
                  https ? fmt::format("prompt `{}` is not a `.wav` file", shown(uri))
                        : fmt::format("prompt `{}` is not an absolute https URL", shown(uri)),
                  "host the prompt as a WAV file (mono, 16-bit, 16 kHz) at an https URL");
    }
  }

 private:
  // The path part (query and fragment ignored) ends in ".wav", any case.
  static auto is_wav(std::string_view path) -> bool {
    const std::size_t end = path.find_first_of("?#");
    if (end != std::string_view::npos) path = path.substr(0, end);
    return path.size() > 4 && support::iequals(path.substr(path.size() - 4), ".wav");
  }

  // clang-format off
  static constexpr RuleMeta kMeta{
      "CC217", "prompt-not-https-wav", Severity::Warning, Status::Stable,
      "a pre-fetched prompt is not a `.wav` file at an https URL",
      R"md(## What it does
Checks each `mediaConfig.preFetchMedia[].uri`: an absolute https URL whose path (ignoring query and fragment) ends in `.wav`, in any case.

## Why is this bad?
The mediaInfo documentation accepts only WAV prompts (single channel, 16-bit, 16 kHz), and the service downloads them from the internet. A prompt it cannot fetch or decode is silently not played. A warning: the service may negotiate formats by content type, which callcheck cannot see.

## Example
```json
{ "mediaConfig": { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig", "preFetchMedia": [ { "uri": "http://cdn.contoso.com/beep.mp3" } ] } }
```

## Use instead
```json
{ "mediaConfig": { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig", "preFetchMedia": [ { "uri": "https://cdn.contoso.com/beep.wav" } ] } }
```)md"};
  // clang-format on

  static constexpr std::string_view kMessageIds[]{"not-wav", "not-https"};
  static constexpr detail::Message kNotWav = detail::message(kMeta, kMessageIds, "not-wav");
  static constexpr detail::Message kNotHttpsUrl = detail::message(kMeta, kMessageIds, "not-https");
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC217_PROMPT_NOT_HTTPS_WAV_H_
