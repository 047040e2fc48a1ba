// The strings of a generated table, one after another in one literal, each
// named by its offset and size ("{at, size}"): data without pointers needs
// no relocation when a static-pie binary starts (issue 14). A string met
// again is named where it was first added. Shared by tools/permc and
// tools/schemac.
#ifndef CALLCHECK_TOOLS_TEXT_POOL_H_
#define CALLCHECK_TOOLS_TEXT_POOL_H_

#include <cstddef>  // std::size_t
#include <map>      // std::map
#include <string>   // std::string

class TextPool {
 public:
  auto add(const std::string &bytes) -> std::string {
    if (bytes.empty()) return "{0, 0}";
    auto [it, added] = at_.emplace(bytes, text_.size());
    if (added) text_ += bytes;
    return "{" + std::to_string(it->second) + ", " + std::to_string(bytes.size()) + "}";
  }
  // The literal, in lines of about 100 bytes of source: `quote` makes a C++
  // string literal of 80 bytes (its escapes must not run on into the next
  // piece: octal ones of three digits do not).
  template <class Quote>
  [[nodiscard]] auto literal(Quote quote) const -> std::string {
    std::string out;
    for (std::size_t i = 0; i < text_.size(); i += 80) out += "    " + quote(text_.substr(i, 80)) + "\n";
    return out;
  }
  // The initializer of the `char[]` that holds the pool and a '\0': the
  // literal while C++ guarantees its length (65,536 characters; clang's
  // -Woverlength-strings warns beyond), else the same bytes as character
  // literals, escaped alike (`quote` of one byte, its quotes replaced).
  template <class Quote>
  [[nodiscard]] auto initializer(Quote quote) const -> std::string {
    if (text_.size() < 65536) return literal(quote) + "    \"\"";
    std::string out = "{\n";
    for (std::size_t i = 0; i < text_.size(); i += 16) {
      out += "   ";
      for (std::size_t k = i; k < i + 16 && k < text_.size(); ++k) {
        const std::string q = quote(text_.substr(k, 1));
        const std::string body = q.substr(1, q.size() - 2);
        out += " '" + (body == "'" ? std::string("\\'") : body == "\\\"" ? std::string("\"") : body) + "',";
      }
      out += "\n";
    }
    return out + "    '\\0'}";
  }

 private:
  std::string text_;
  std::map<std::string, std::size_t> at_;
};

#endif  // CALLCHECK_TOOLS_TEXT_POOL_H_
