// Finding create-call request bodies inside other files: Markdown pages
// (Microsoft Graph docs), REST Client `.http`/`.rest` files and NDJSON.
// Pure text in, bodies out: no file I/O here (the CLI reads the files).
//
// A body keeps the position of its first byte in the containing file, so
// check_body() reports positions a reader can jump to in that file.
#ifndef CALLCHECK_EXTRACT_EXTRACT_H_
#define CALLCHECK_EXTRACT_EXTRACT_H_

#include <cstdint>      // std::uint32_t, std::uint8_t
#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include "callcheck/check.h"
#include "callcheck/report.h"

namespace callcheck::detail {

enum class BodyKind : std::uint8_t {
  Request,       // a create-call request body: checked
  Response,      // `HTTP/1.1 201 Created` or blockType "response": skipped (CC502)
  Notification,  // commsNotifications posted to the bot: skipped (CC502)
  OtherRequest,  // a .http request that is not `POST …/calls`: skipped (CC502)
};

struct ExtractedBody {
  BodyKind kind = BodyKind::Request;
  // The body, with any container prefix ("> ", list indentation) removed
  // from each line so that it parses as the JSON the author meant.
  std::string text;
  std::uint32_t line = 1;    // 1-based line of the body's first line in the file
  std::uint32_t column = 1;  // 1-based column where each body line starts (prefix width + 1)
  std::string request_line;  // "POST https://graph.microsoft.com/beta/app/calls", if known
  std::string origin;        // the block's first line: "```json", or the request line
  std::string note;          // for skipped kinds: why, one line
};

// Markdown: request bodies of fenced blocks that follow a `POST …/calls`
// ```http block (or carry the body inside it), or that a docs annotation
// `<!-- { "blockType": "request" } -->` marks. Responses and notifications
// are returned too, with their kind, so that they can be reported as skipped.
// `api` selects the commsNotifications schema used to recognise notifications.
[[nodiscard]] auto extract_markdown(std::string_view text, ApiVersion api) -> std::vector<ExtractedBody>;

// REST Client files: requests separated by `###` lines; `#` and `//` comment
// lines; `@name = value` file variables (`{{name}}` is left as written).
[[nodiscard]] auto extract_http(std::string_view text, ApiVersion api) -> std::vector<ExtractedBody>;

// One NDJSON line (without its newline); nullopt for a blank line.
[[nodiscard]] auto ndjson_body(std::string_view line, std::uint32_t line_number) -> std::optional<ExtractedBody>;

// True for the path of a Graph create-call endpoint: the URL's path (before
// `?`/`#`) ends in `/calls` (`/communications/calls`, `/app/calls`,
// `/applications/{id}/calls`, and, in docs, the bot's callback `/api/calls`,
// which notifications are posted to and which the body shape tells apart).
[[nodiscard]] auto is_calls_url(std::string_view url) -> bool;

// Checks a request body with callcheck::check (positions shifted into the
// containing file, request line passed for endpoint rules), or reports a
// skipped block as one CC502 info diagnostic. Report.origin is set.
[[nodiscard]] auto check_body(const ExtractedBody &body, std::string_view source_name, const Options &options)
    -> Report;

// The report for a Markdown/.http file in which no request body was found:
// one CC503 warning at 1:1 (nullopt if CC503 is ignored or turned off).
[[nodiscard]] auto no_request_report(std::string_view source_name, std::string_view what, const Options &options)
    -> std::optional<Report>;

}  // namespace callcheck::detail

#endif  // CALLCHECK_EXTRACT_EXTRACT_H_
