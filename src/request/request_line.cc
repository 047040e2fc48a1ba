#include "request/request_line.h"

namespace callcheck::detail {

auto trim_request_line(std::string_view s) -> std::string_view {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

auto split_request_line(std::string_view line) -> std::optional<RequestLine> {
  RequestLine r;
  r.text = trim_request_line(line);
  const std::size_t space = r.text.find_first_of(" \t");
  if (space == std::string_view::npos) return std::nullopt;
  r.method = r.text.substr(0, space);
  const std::string_view rest = trim_request_line(r.text.substr(space));
  r.target = rest.substr(0, rest.find_first_of(" \t"));
  if (r.target.empty()) return std::nullopt;
  return r;
}

auto target_path(std::string_view target) -> std::string_view {
  if (const std::size_t scheme = target.find("://"); scheme != std::string_view::npos) {
    target.remove_prefix(scheme + 3);
    const std::size_t slash = target.find('/');
    target = slash == std::string_view::npos ? std::string_view{} : target.substr(slash);
  }
  return target.substr(0, target.find_first_of("?#"));
}

}  // namespace callcheck::detail
