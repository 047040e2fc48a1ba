#include "policy/confine.h"

#include <algorithm>  // std::min
#include <cstddef>    // std::size_t

namespace callcheck::detail {
namespace {

constexpr std::size_t kMaxRefBytes = 1024;

auto refuse(std::string why) -> RefTarget {
  RefTarget t;
  t.error = std::move(why);
  return t;
}

auto hex(char c) -> int {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void replace_all(std::string &s, std::string_view from, std::string_view to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
}

}  // namespace

auto confine_ref(std::string_view ref, std::string_view from) -> RefTarget {
  if (ref.empty()) return refuse("it is empty");
  if (ref.size() > kMaxRefBytes) return refuse("it is over 1024 bytes");
  for (const char c : ref) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return refuse("it holds a control character");
  }
  const std::size_t hash = ref.find('#');
  const std::string_view path = ref.substr(0, hash);
  const std::string_view fragment = hash == std::string_view::npos ? std::string_view() : ref.substr(hash + 1);
  // A scheme is letters before the first ':' (RFC 3986 3.1); any ':' in the
  // path is refused, which also covers `C:` drives and `urn:`.
  if (path.find(':') != std::string_view::npos) {
    return refuse("it has a URI scheme; a policy refers only to files in its own folder (no network, no `file:`)");
  }
  if (!path.empty() && (path.front() == '/')) return refuse("it names an absolute path");
  if (path.find('\\') != std::string_view::npos) return refuse("it holds a backslash; write '/'");
  if (path.find('?') != std::string_view::npos) return refuse("it has a query");
  if (path.find('%') != std::string_view::npos) return refuse("it has a %-escape in its path");
  if (!fragment.empty() && fragment.front() != '/') {
    return refuse("it names an anchor; only JSON Pointer fragments (`#/definitions/x`) are resolved");
  }
  if (!fragment_tokens(fragment)) return refuse("its fragment is not a JSON Pointer");

  RefTarget out;
  out.pointer = std::string(fragment);
  if (path.empty()) {
    out.file = std::string(from);
    return out;
  }
  // Resolve against the folder of `from`, segment by segment.
  std::vector<std::string> parts;
  const std::size_t slash = from.rfind('/');
  std::string_view base = slash == std::string_view::npos ? std::string_view() : from.substr(0, slash);
  auto push_segments = [&](std::string_view text) -> bool {
    std::size_t begin = 0;
    while (begin <= text.size()) {
      const std::size_t end = std::min(text.find('/', begin), text.size());
      const std::string_view segment = text.substr(begin, end - begin);
      if (segment == "..") {
        if (parts.empty()) return false;
        parts.pop_back();
      } else if (!segment.empty() && segment != ".") {
        parts.emplace_back(segment);
      }
      begin = end + 1;
    }
    return true;
  };
  if (!base.empty() && !push_segments(base)) return refuse("it leaves the schema's folder through `..`");
  if (!push_segments(path)) return refuse("it leaves the schema's folder through `..`");
  if (parts.empty() || path.back() == '/') return refuse("it names a folder, not a file");
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out.file += '/';
    out.file += parts[i];
  }
  return out;
}

auto fragment_tokens(std::string_view fragment) -> std::optional<std::vector<std::string>> {
  std::vector<std::string> tokens;
  while (!fragment.empty() && fragment.back() == '/') fragment.remove_suffix(1);
  if (fragment.empty()) return tokens;
  if (fragment.front() != '/') return std::nullopt;
  std::size_t begin = 1;
  while (begin <= fragment.size()) {
    const std::size_t end = std::min(fragment.find('/', begin), fragment.size());
    std::string token(fragment.substr(begin, end - begin));
    for (std::size_t i = 0; i < token.size(); ++i) {
      if (token[i] == '~' && (i + 1 >= token.size() || (token[i + 1] != '0' && token[i + 1] != '1'))) {
        return std::nullopt;
      }
    }
    replace_all(token, "~1", "/");
    replace_all(token, "~0", "~");
    std::string decoded;
    for (std::size_t i = 0; i < token.size(); ++i) {
      if (token[i] != '%') {
        decoded += token[i];
        continue;
      }
      if (i + 2 >= token.size()) return std::nullopt;
      const int hi = hex(token[i + 1]);
      const int lo = hex(token[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      decoded += static_cast<char>(hi * 16 + lo);
      i += 2;
    }
    tokens.push_back(std::move(decoded));
    begin = end + 1;
  }
  return tokens;
}

}  // namespace callcheck::detail
