// An HTTP request line ("POST https://graph.microsoft.com/v1.0/communications/calls HTTP/1.1"),
// split once for everything that reads one: the extractor (Markdown and .http
// files), the request decision and CC501. Standard library only.
#ifndef CALLCHECK_REQUEST_REQUEST_LINE_H_
#define CALLCHECK_REQUEST_REQUEST_LINE_H_

#include <optional>     // std::optional
#include <string_view>  // std::string_view

namespace callcheck::detail {

struct RequestLine {
  std::string_view method;  // as written
  std::string_view target;  // up to the first blank (an "HTTP/x.y" after it is dropped)
  std::string_view text;    // the whole line, blanks trimmed
};

// "METHOD TARGET [HTTP/x.y]", blanks trimmed. nullopt unless the line has a
// first word and a target after it. The method is not checked.
[[nodiscard]] auto split_request_line(std::string_view line) -> std::optional<RequestLine>;

// The path of a request target: "https://host/beta/app/calls?x#y" ->
// "/beta/app/calls"; a target with no path after its host -> "".
[[nodiscard]] auto target_path(std::string_view target) -> std::string_view;

// Spaces and tabs at both ends, and a CR left by CRLF line ends.
[[nodiscard]] auto trim_request_line(std::string_view line) -> std::string_view;

}  // namespace callcheck::detail

#endif  // CALLCHECK_REQUEST_REQUEST_LINE_H_
