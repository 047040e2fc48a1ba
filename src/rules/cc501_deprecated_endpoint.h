// CC501 deprecated-endpoint: POST /app/calls and /applications/{id}/calls
// (GRAPH.md 2.4: deprecated in beta, absent from v1.0).
#ifndef CALLCHECK_RULES_CC501_DEPRECATED_ENDPOINT_H_
#define CALLCHECK_RULES_CC501_DEPRECATED_ENDPOINT_H_

#include "request/request_line.h"
#include "rules/rule_support.h"

#include <fmt/format.h>

namespace callcheck::rules {

class DeprecatedEndpoint final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }
  [[nodiscard]] auto message_ids() const -> MessageIds override { return detail::message_ids_of(kMessageIds); }

  void check(const detail::RuleContext &context, detail::DiagnosticSink &sink) const override {
    const std::string_view path = request_path(context.request_line);
    if (path.empty() || !deprecated(path)) return;
    sink.report(kDeprecated, "", fmt::format("the request targets the deprecated endpoint `{}`", support::shown(path)),
                "POST to `/communications/calls` instead");
  }

 private:
  // "POST https://graph.microsoft.com/beta/app/calls HTTP/1.1" -> "/beta/app/calls"
  // (query and fragment dropped); "" when there is no target.
  static auto request_path(std::string_view line) -> std::string_view {
    const auto request = detail::split_request_line(line);
    return request ? detail::target_path(request->target) : std::string_view{};
  }

  // Path segments after an optional version segment ("v1.0", "beta").
  static auto deprecated(std::string_view path) -> bool {
    std::vector<std::string> segments;
    std::size_t begin = 0;
    while (begin <= path.size()) {
      const std::size_t end = std::min(path.find('/', begin), path.size());
      if (end > begin) segments.push_back(support::lower(path.substr(begin, end - begin)));
      if (segments.size() > 8) return false;
      begin = end + 1;
    }
    std::size_t first = 0;
    if (!segments.empty() && (segments[0] == "v1.0" || segments[0] == "beta")) first = 1;
    const std::size_t n = segments.size() - first;
    if (n == 2) return segments[first] == "app" && segments[first + 1] == "calls";
    if (n == 3) return segments[first] == "applications" && segments[first + 2] == "calls";
    return false;
  }

  // clang-format off
  static constexpr RuleMeta kMeta{
      "CC501", "deprecated-endpoint", Severity::Warning, Status::Stable,
      "the request posts to `/app/calls` or `/applications/{id}/calls`",
      R"md(## What it does
When the request line is known (a body taken from a `.http` file or a Markdown request block), reports requests to `/app/calls` or `/applications/{id}/calls`, with or without the API version segment.

## Why is this bad?
These are the 2018-19 endpoints. The beta documentation marks `/app/calls` deprecated in favour of `/communications/calls`, and v1.0 never had them; new code against them breaks when they are removed.

## Example
```json
{ "request": "POST https://graph.microsoft.com/beta/app/calls" }
```

## Use instead
```json
{ "request": "POST https://graph.microsoft.com/v1.0/communications/calls" }
```)md"};
  // clang-format on

  static constexpr std::string_view kMessageIds[]{"deprecated-endpoint"};
  static constexpr detail::Message kDeprecated = detail::message(kMeta, kMessageIds, "deprecated-endpoint");
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC501_DEPRECATED_ENDPOINT_H_
