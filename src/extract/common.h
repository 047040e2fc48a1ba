// What the Markdown and .http readers share: lines, request lines and the
// notification bodies the docs show among requests. Internal to src/extract/.
#ifndef CALLCHECK_EXTRACT_COMMON_H_
#define CALLCHECK_EXTRACT_COMMON_H_

#include <cstdint>      // std::uint32_t
#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include "callcheck/vocabulary.h"
#include "extract/extract.h"

namespace callcheck::detail::extraction {

struct Line {
  std::string_view text;  // without "\n" and a trailing "\r"
  std::uint32_t number = 0;
};

[[nodiscard]] auto split_lines(std::string_view text) -> std::vector<Line>;
[[nodiscard]] auto trim(std::string_view s) -> std::string_view;
[[nodiscard]] auto blank(std::string_view s) -> bool;
[[nodiscard]] auto starts_with(std::string_view s, std::string_view prefix) -> bool;
[[nodiscard]] auto lower(std::string_view s) -> std::string;

// "METHOD URL [HTTP/x.y]" (request/request_line.h); in REST Client files
// the method may be left out, which means GET.
struct ParsedRequest {
  std::string method;
  std::string url;
  std::string text;  // as written, trimmed
};

[[nodiscard]] auto parse_request_line(std::string_view line, bool method_optional) -> std::optional<ParsedRequest>;
// "HTTP/1.1 201 Created", "HTTP/2 200".
[[nodiscard]] auto is_status_line(std::string_view line) -> bool;

// The docs annotation `<!-- { "blockType": "request", "@odata.type": ... } -->`.
struct Annotation {
  std::string block_type;  // lower case
  std::string odata_type;  // lower case
};

// A request candidate may really be the notification the service posts to
// the bot's callback (docs show it as `POST https://bot.contoso.com/api/calls`).
// The annotation says so, or the shape does: {"value": [{"changeType": ...}]}.
void classify_notification(ExtractedBody &body, const Annotation &annotation, ApiVersion api);

}  // namespace callcheck::detail::extraction

#endif  // CALLCHECK_EXTRACT_COMMON_H_
