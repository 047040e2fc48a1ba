// Request bodies in .http/.rest files (REST Client, JetBrains HTTP Client):
// requests separated by `###`, a request line, headers, a blank line, a body.
#include "extract/common.h"

#include <fmt/format.h>

#include "request/request.h"

namespace callcheck::detail {

using namespace extraction;

auto extract_http(std::string_view text, ApiVersion api) -> std::vector<ExtractedBody> {
  std::vector<ExtractedBody> bodies;
  const std::vector<Line> lines = split_lines(text);
  std::size_t i = 0;
  while (i < lines.size()) {
    // One request: up to the next "###" line.
    std::size_t end = i;
    while (end < lines.size() && !starts_with(lines[end].text, "###")) ++end;
    std::size_t k = i;
    auto skippable = [](std::string_view l) {
      const std::string_view t = trim(l);
      return t.empty() || t.front() == '#' || starts_with(t, "//") || t.front() == '@';
    };
    while (k < end && skippable(lines[k].text)) ++k;
    if (k < end) {
      const Line &request_at = lines[k];
      const auto request = parse_request_line(request_at.text, true);
      ++k;
      // Query continuation lines ("    ?a=b", "    &c=d"), then headers.
      while (k < end && (starts_with(trim(lines[k].text), "?") || starts_with(trim(lines[k].text), "&"))) ++k;
      while (k < end && !blank(lines[k].text)) ++k;
      while (k < end && blank(lines[k].text)) ++k;
      std::size_t last = end;
      while (last > k && (blank(lines[last - 1].text))) --last;
      if (request) {
        ExtractedBody body;
        body.request_line = request->text;
        body.origin = request->text;
        std::string joined;
        for (std::size_t b = k; b < last; ++b) {
          joined += lines[b].text;
          if (b + 1 < last) joined.push_back('\n');
        }
        body.text = std::move(joined);
        body.line = k < last ? lines[k].number : request_at.number;
        if (!(request->method == "POST" && is_calls_api_url(request->url))) {
          body.kind = BodyKind::OtherRequest;
          body.line = request_at.number;
          body.text.clear();
          body.note = fmt::format("`{} {}` is not a calls-API request (POST …/calls or …/calls/{{id}}/<action>)",
                                  request->method, request->url);
        } else if (starts_with(trim(body.text), "<")) {
          body.kind = BodyKind::OtherRequest;
          body.note = "the body is read from a file (`< path`); check that file directly";
          body.text.clear();
        } else {
          classify_notification(body, Annotation{}, api);
        }
        bodies.push_back(std::move(body));
      }
    }
    i = end + 1;  // past the "###" separator
  }
  return bodies;
}

}  // namespace callcheck::detail
