// Text predicates several lint rules agree on: case-insensitive comparison,
// documentation placeholders, GUIDs, https URLs, shortened values for
// messages. Standard library only: they see strings, never the DOM.
#ifndef CALLCHECK_RULES_TEXT_PREDICATES_H_
#define CALLCHECK_RULES_TEXT_PREDICATES_H_

#include <array>        // std::array
#include <cstddef>      // std::size_t
#include <cstring>      // std::memcmp
#include <string>       // std::string
#include <string_view>  // std::string_view

namespace callcheck::rules::support {

// ASCII only, locale-free: the values compared are GUIDs, schemes, ids.
constexpr auto lower_char(char c) -> char { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

inline auto lower(std::string_view text) -> std::string {
  std::string out(text);
  for (char &c : out) c = lower_char(c);
  return out;
}

// No copies: it runs per target and per prompt (issue 14 item 4).
constexpr auto iequals(std::string_view a, std::string_view b) -> bool {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower_char(a[i]) != lower_char(b[i])) return false;
  }
  return true;
}

// memcmp on a literal's constant length compiles to a few compares; the
// walk's tests spelt with string_view's == called its out-of-line compare()
// for every visited key and string (issue 14).
inline auto same(std::string_view a, std::string_view b) -> bool {
  return a.size() == b.size() && (b.empty() || std::memcmp(a.data(), b.data(), b.size()) == 0);
}

inline auto ends_with(std::string_view text, std::string_view suffix) -> bool {
  return text.size() >= suffix.size() &&
         (suffix.empty() || std::memcmp(text.data() + text.size() - suffix.size(), suffix.data(), suffix.size()) == 0);
}

inline auto starts_with(std::string_view text, std::string_view prefix) -> bool {
  return text.size() >= prefix.size() &&
         (prefix.empty() || std::memcmp(text.data(), prefix.data(), prefix.size()) == 0);
}

// Documentation placeholders (GRAPH.md 2.4, corpus README): `tenantId-value`,
// `<media config blob>`, `{tenantId}`. Hand-written so that ordinary values
// (JSON inside a blob, URLs with query strings) do not match.
inline auto is_identifier_char(char c) -> bool {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
}

inline auto is_placeholder(std::string_view text) -> bool {
  // "<name-value>"-style: the generated template writes `<property>-value`.
  constexpr std::string_view kValue = "-value";
  if (text.size() > kValue.size() && ends_with(text, kValue)) {
    bool identifier = true;
    for (char c : text) identifier = identifier && is_identifier_char(c);
    if (identifier) return true;
  }
  // "<media config blob>": angle brackets around words, no markup inside.
  if (text.size() > 2 && text.front() == '<' && text.back() == '>') {
    bool plain = true;
    for (char c : text.substr(1, text.size() - 2)) plain = plain && c != '<' && c != '>' && c != '=' && c != '"';
    if (plain) return true;
  }
  // "{tenantId}" anywhere: a brace pair around an identifier (JSON blobs have
  // quotes or colons between their braces, so they never match).
  for (std::size_t open = text.find('{'); open != std::string_view::npos; open = text.find('{', open + 1)) {
    const std::size_t close = text.find('}', open + 1);
    if (close == std::string_view::npos) break;
    const std::string_view inside = text.substr(open + 1, close - open - 1);
    bool identifier = !inside.empty();
    for (char c : inside) identifier = identifier && is_identifier_char(c);
    if (identifier) return true;
  }
  return false;
}

// A table, not three range tests: GUID checks run on every id and tenant
// of every payload (issue 14).
inline constexpr auto kHexDigits = [] {
  std::array<bool, 256> table{};
  for (const char *d = "0123456789abcdefABCDEF"; *d != '\0'; ++d) table[static_cast<unsigned char>(*d)] = true;
  return table;
}();

inline auto is_hex(char c) -> bool { return kHexDigits[static_cast<unsigned char>(c)]; }

// Every byte of text[begin, end) is a hex digit (no early exit: the groups
// are short and nearly always hex, and a branch per byte cost more).
inline auto all_hex(std::string_view text, std::size_t begin, std::size_t end) -> bool {
  unsigned hex = 1;
  for (std::size_t i = begin; i < end; ++i) hex &= static_cast<unsigned>(is_hex(text[i]));
  return hex != 0;
}

// 8-4-4-4-12 hex digits, either case; or 32 hex digits without dashes (the
// "N" format, used by the 2018-19 examples: GRAPH.md 1.1 `id`).
inline auto is_guid(std::string_view text) -> bool {
  if (text.size() == 32) return all_hex(text, 0, 32);
  if (text.size() != 36) return false;
  if (text[8] != '-' || text[13] != '-' || text[18] != '-' || text[23] != '-') return false;
  return all_hex(text, 0, 8) && all_hex(text, 9, 13) && all_hex(text, 14, 18) && all_hex(text, 19, 23) &&
         all_hex(text, 24, 36);
}

// Looks like someone meant to write a GUID: dash-separated alphanumeric
// groups (at least three, at least 20 characters in all), mostly hex digits.
// `tenantId-value`, ACS ids (`8:acs:...`) and names do not qualify.
inline auto looks_like_guid(std::string_view text) -> bool {
  if (text.size() < 20 || text.size() > 48) return false;
  std::size_t groups = 1;
  std::size_t hex = 0;
  std::size_t alnum = 0;
  for (char c : text) {
    if (c == '-') {
      ++groups;
      continue;
    }
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!letter && !(c >= '0' && c <= '9')) return false;
    ++alnum;
    if (is_hex(c)) ++hex;
  }
  return groups >= 3 && hex * 10 >= alnum * 8;
}

// An absolute https URL with a non-empty host and no blanks or control
// characters. `host_end` receives the offset where the path starts.
inline auto is_https_url(std::string_view text, std::size_t *path_begin = nullptr) -> bool {
  constexpr std::string_view kScheme = "https://";
  if (text.size() <= kScheme.size() || !iequals(text.substr(0, kScheme.size()), kScheme)) return false;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7f) return false;
  }
  // A plain loop: find_first_of calls memchr once per byte of the URL.
  std::size_t end = kScheme.size();
  while (end < text.size() && text[end] != '/' && text[end] != '?' && text[end] != '#') ++end;
  std::string_view authority = text.substr(kScheme.size(), end - kScheme.size());
  if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos) authority.remove_prefix(at + 1);
  const std::size_t colon = authority.find(':');
  const std::string_view host = colon == std::string_view::npos ? authority : authority.substr(0, colon);
  if (host.empty()) return false;
  if (path_begin != nullptr) *path_begin = end;
  return true;
}

// The scheme of a URL-ish string for messages ("http", or "" when none).
inline auto scheme_of(std::string_view text) -> std::string_view {
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0) return {};
  for (char c : text.substr(0, colon)) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
    if (!ok) return {};
  }
  return text.substr(0, colon);
}

// Shortens long values for messages.
inline auto shown(std::string_view text, std::size_t limit = 80) -> std::string {
  std::string out;
  for (char c : text.substr(0, limit)) {
    const auto u = static_cast<unsigned char>(c);
    out += u < 0x20 || u == 0x7f ? '?' : c;
  }
  if (text.size() > limit) out += "...";
  return out;
}

}  // namespace callcheck::rules::support

#endif  // CALLCHECK_RULES_TEXT_PREDICATES_H_
