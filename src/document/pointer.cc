#include "document/pointer.h"

#include <fmt/format.h>

namespace callcheck::detail {

void append_token(std::string &pointer, std::string_view token) {
  pointer.push_back('/');
  for (const char c : token) {
    if (c == '~') {
      pointer += "~0";
    } else if (c == '/') {
      pointer += "~1";
    } else {
      pointer.push_back(c);
    }
  }
}

void append_index(std::string &pointer, std::size_t index) {
  pointer.push_back('/');
  pointer += std::to_string(index);
}

auto join_pointer(std::string_view base, std::string_view token) -> std::string {
  std::string out(base);
  append_token(out, token);
  return out;
}

auto split_pointer(std::string_view pointer) -> std::optional<std::vector<std::string>> {
  std::vector<std::string> tokens;
  if (pointer.empty()) return tokens;
  if (pointer.front() != '/') return std::nullopt;
  std::string current;
  for (std::size_t i = 1; i <= pointer.size(); ++i) {
    if (i == pointer.size() || pointer[i] == '/') {
      tokens.push_back(std::move(current));
      current.clear();
      continue;
    }
    const char c = pointer[i];
    if (c != '~') {
      current.push_back(c);
      continue;
    }
    if (i + 1 >= pointer.size()) return std::nullopt;
    const char next = pointer[++i];
    if (next == '0') {
      current.push_back('~');
    } else if (next == '1') {
      current.push_back('/');
    } else {
      return std::nullopt;
    }
  }
  return tokens;
}

auto parent_pointer(std::string_view pointer) -> std::string_view {
  const auto slash = pointer.rfind('/');
  if (slash == std::string_view::npos) return {};
  return pointer.substr(0, slash);
}

auto last_token(std::string_view pointer) -> std::string {
  const auto slash = pointer.rfind('/');
  if (slash == std::string_view::npos) return {};
  auto tokens = split_pointer(pointer.substr(slash));
  if (!tokens || tokens->empty()) return {};
  return tokens->back();
}

auto parse_index(std::string_view token) -> std::optional<std::size_t> {
  if (token.empty() || token.size() > 18) return std::nullopt;
  if (token.size() > 1 && token.front() == '0') return std::nullopt;
  std::size_t value = 0;
  for (const char c : token) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<std::size_t>(c - '0');
  }
  return value;
}

auto printable_name(std::string_view key) -> std::string {
  std::string out;
  out.reserve(key.size());
  for (std::size_t i = 0; i < key.size(); ++i) {
    const auto u = static_cast<unsigned char>(key[i]);
    const auto next = i + 1 < key.size() ? static_cast<unsigned char>(key[i + 1]) : 0U;
    if (u < 0x20U || u == 0x7FU) {
      out += fmt::format("\\u{:04x}", static_cast<unsigned>(u));
    } else if (u == 0xC2U && next >= 0x80U && next <= 0x9FU) {
      out += fmt::format("\\u{:04x}", static_cast<unsigned>(next));
      ++i;
    } else {
      out.push_back(key[i]);
    }
  }
  return out;
}

}  // namespace callcheck::detail
