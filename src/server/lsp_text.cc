#include "server/lsp_text.h"

#include <algorithm>  // std::max

namespace callcheck::server {

auto line_starts(std::string_view text) -> std::vector<std::size_t> {
  std::vector<std::size_t> starts{0};
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts.push_back(i + 1);
  }
  return starts;
}

// Length in bytes of the UTF-8 sequence starting with `lead` (1 for a bad byte).
auto sequence_length(unsigned char lead) -> std::size_t {
  if (lead >= 0xF0U && lead < 0xF8U) return 4;
  if (lead >= 0xE0U) return lead < 0xF0U ? 3 : 1;
  if (lead >= 0xC0U) return 2;
  return 1;
}

void write_position(Writer &w, std::pair<std::size_t, std::size_t> p) {
  w.StartObject();
  key(w, "line");
  w.Uint64(p.first);
  key(w, "character");
  w.Uint64(p.second);
  w.EndObject();
}

void write_range(Writer &w, const Lines &lines, std::size_t begin, std::size_t end) {
  w.StartObject();
  key(w, "start");
  write_position(w, lines.position(begin));
  key(w, "end");
  write_position(w, lines.position(std::max(begin, end)));
  w.EndObject();
}

void write_text_edit(Writer &w, const Lines &lines, std::size_t begin, std::size_t end, std::string_view text) {
  w.StartObject();
  key(w, "range");
  write_range(w, lines, begin, end);
  key(w, "newText");
  str(w, text);
  w.EndObject();
}

auto kind_of(std::string_view uri) -> detail::FixInput {
  std::string lower(uri.substr(uri.find_last_of('/') == std::string_view::npos ? 0 : uri.find_last_of('/')));
  for (char &c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  auto ends = [&](std::string_view s) {
    return lower.size() >= s.size() && lower.compare(lower.size() - s.size(), s.size(), s) == 0;
  };
  if (ends(".md") || ends(".markdown")) return detail::FixInput::Markdown;
  if (ends(".http") || ends(".rest")) return detail::FixInput::Http;
  return detail::FixInput::Json;
}

auto lsp_severity(Severity s) -> int {
  switch (s) {
    case Severity::Error: return 1;
    case Severity::Warning: return 2;
    case Severity::Info: return 3;
  }
  return 1;
}

}  // namespace callcheck::server
