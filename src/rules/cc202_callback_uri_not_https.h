// CC202 callback-uri-not-https: GRAPH.md 3.2, callbackUri must be https.
#ifndef CALLCHECK_RULES_CC202_CALLBACK_URI_NOT_HTTPS_H_
#define CALLCHECK_RULES_CC202_CALLBACK_URI_NOT_HTTPS_H_

#include "rules/rule_support.h"

#include <fmt/format.h>

namespace callcheck::rules {

class CallbackUriNotHttps final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }
  [[nodiscard]] auto message_ids() const -> MessageIds override { return detail::message_ids_of(kMessageIds); }

  void check(const detail::RuleContext &context, detail::DiagnosticSink &sink) const override {
    using namespace support;
    std::string_view uri;
    if (!string_member(&context.doc.root(), "callbackUri", &uri)) return;  // missing/typed: the schema's
    if (is_placeholder(uri)) return;                                       // CC204 reports it
    if (uri.size() > kMaxLength) {
      sink.report(kTooLong, "/callbackUri",
                  fmt::format("`callbackUri` is {} characters long; at most {} are accepted", uri.size(), kMaxLength),
                  "use a shorter callback URL");
      return;
    }
    if (is_https_url(uri)) return;
    const std::string_view scheme = scheme_of(uri);
    sink.report(
        scheme.empty()             ? kNotAbsolute
        : iequals(scheme, "https") ? kMalformedHttps
                                   : kNotHttps,
        "/callbackUri",
        scheme.empty() ? fmt::format("`callbackUri` `{}` is not an absolute URL", shown(uri))
        : iequals(scheme, "https")
            ? fmt::format("`callbackUri` `{}` is not a valid https URL (empty host, blanks or control characters)",
                          shown(uri))
            : fmt::format("`callbackUri` `{}` uses `{}`; an https URL is required", shown(uri), shown(scheme)),
        "use an absolute https URL of the bot's callback endpoint, e.g. `https://bot.contoso.com/callback`");
  }

 private:
  // The common URL limit of browsers and HTTP stacks; the docs give none.
  static constexpr std::size_t kMaxLength = 2048;

  // clang-format off
  static constexpr RuleMeta kMeta{
      "CC202", "callback-uri-not-https", Severity::Error, Status::Stable,
      "`callbackUri` must be an absolute https URL",
      R"md(## What it does
Checks that `callbackUri` is an absolute URL with the `https` scheme, a non-empty host, no blanks or control characters, and at most 2,048 characters.

## Why is this bad?
The service delivers every call notification to `callbackUri`, and the call resource documentation requires https. A plain-http or relative URL means the bot never hears about the call.

## Example
```json
{ "callbackUri": "http://bot.contoso.com/callback" }
```

## Use instead
```json
{ "callbackUri": "https://bot.contoso.com/callback" }
```)md"};
  // clang-format on

  static constexpr std::string_view kMessageIds[]{"too-long", "not-absolute", "malformed-https", "not-https"};
  static constexpr detail::Message kTooLong = detail::message(kMeta, kMessageIds, "too-long");
  static constexpr detail::Message kNotAbsolute = detail::message(kMeta, kMessageIds, "not-absolute");
  static constexpr detail::Message kMalformedHttps = detail::message(kMeta, kMessageIds, "malformed-https");
  static constexpr detail::Message kNotHttps = detail::message(kMeta, kMessageIds, "not-https");
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC202_CALLBACK_URI_NOT_HTTPS_H_
