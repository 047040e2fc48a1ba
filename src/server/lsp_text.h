// Positions for the language server: byte offsets <-> LSP (line, UTF-16
// unit) and callcheck's (1-based line, code point), ranges and edits as LSP
// writes them, and which kind of file a URI names. Internal to src/server/.
#ifndef CALLCHECK_SERVER_LSP_TEXT_H_
#define CALLCHECK_SERVER_LSP_TEXT_H_

#include <algorithm>    // std::min, std::upper_bound
#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint32_t
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <utility>      // std::pair
#include <vector>       // std::vector

#include "callcheck/diagnostic.h"
#include "fix/fix_file.h"
#include "server/jsonrpc.h"

namespace callcheck::server {

// Length in bytes of the UTF-8 sequence starting with `lead` (1 for a bad byte).
[[nodiscard]] auto sequence_length(unsigned char lead) -> std::size_t;
[[nodiscard]] auto line_starts(std::string_view text) -> std::vector<std::size_t>;

struct Lines {
  std::string_view text;
  std::vector<std::size_t> starts;
  explicit Lines(std::string_view t) : text(t), starts(line_starts(t)) {}

  [[nodiscard]] auto line_end(std::size_t line) const -> std::size_t {
    std::size_t end = line + 1 < starts.size() ? starts[line + 1] - 1 : text.size();
    if (end > starts[line] && text[end - 1] == '\r') --end;
    return end;
  }
  // LSP position -> byte offset, clamped to the line (as the spec asks).
  [[nodiscard]] auto offset(std::size_t line, std::size_t utf16) const -> std::size_t {
    if (line >= starts.size()) return text.size();
    std::size_t at = starts[line];
    const std::size_t end = line_end(line);
    std::size_t units = 0;
    while (at < end && units < utf16) {
      const std::size_t n = std::min(sequence_length(static_cast<unsigned char>(text[at])), end - at);
      units += n == 4 ? 2 : 1;
      at += n;
    }
    return at;
  }
  // Byte offset -> LSP (line, UTF-16 unit).
  [[nodiscard]] auto position(std::size_t offset) const -> std::pair<std::size_t, std::size_t> {
    offset = std::min(offset, text.size());
    const auto it = std::upper_bound(starts.begin(), starts.end(), offset);
    const auto line = static_cast<std::size_t>(it - starts.begin()) - 1;
    std::size_t units = 0;
    for (std::size_t at = starts[line]; at < offset;) {
      const std::size_t n = sequence_length(static_cast<unsigned char>(text[at]));
      units += n == 4 ? 2 : 1;
      at += n;
    }
    return {line, units};
  }
  // callcheck's 1-based line:column (code points) -> byte offset.
  [[nodiscard]] auto offset_of(Position p) const -> std::size_t {
    if (p.line == 0 || p.line > starts.size()) return p.line == 0 ? 0 : text.size();
    std::size_t at = starts[p.line - 1];
    for (std::uint32_t c = 1; c < p.column && at < text.size() && text[at] != '\n'; ++c) {
      at += std::min(sequence_length(static_cast<unsigned char>(text[at])), text.size() - at);
    }
    return at;
  }
};

void write_position(Writer &w, std::pair<std::size_t, std::size_t> p);
void write_range(Writer &w, const Lines &lines, std::size_t begin, std::size_t end);
void write_text_edit(Writer &w, const Lines &lines, std::size_t begin, std::size_t end, std::string_view text);

// {"changes": {uri: [edits]}}
template <typename Edits>
void write_workspace_edit(Writer &w, const std::string &uri, Edits edits) {
  w.StartObject();
  key(w, "changes");
  w.StartObject();
  key(w, uri);
  w.StartArray();
  edits();
  w.EndArray();
  w.EndObject();
  w.EndObject();
}

// JSON, Markdown or .http, by the URI's extension.
[[nodiscard]] auto kind_of(std::string_view uri) -> detail::FixInput;
[[nodiscard]] auto lsp_severity(Severity s) -> int;

}  // namespace callcheck::server

#endif  // CALLCHECK_SERVER_LSP_TEXT_H_
