#include "render/escape.h"

#include <cstdint>  // std::uint32_t

namespace callcheck::detail {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Length of the well-formed UTF-8 sequence at s[i] (1-4), or 0 if the bytes
// there are not one (stray continuation, overlong form, surrogate, > U+10FFFF,
// truncated). `cp` receives the code point.
auto utf8_sequence(std::string_view s, std::size_t i, std::uint32_t &cp) -> std::size_t {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80U) {
    cp = b0;
    return 1;
  }
  std::size_t len = 0;
  std::uint32_t min = 0;
  if ((b0 & 0xE0U) == 0xC0U) {
    len = 2, cp = b0 & 0x1FU, min = 0x80;
  } else if ((b0 & 0xF0U) == 0xE0U) {
    len = 3, cp = b0 & 0x0FU, min = 0x800;
  } else if ((b0 & 0xF8U) == 0xF0U) {
    len = 4, cp = b0 & 0x07U, min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0U) != 0x80U) return 0;
    cp = (cp << 6U) | (b & 0x3FU);
  }
  if (cp < min || cp > 0x10FFFFU || (cp >= 0xD800U && cp <= 0xDFFFU)) return 0;
  return len;
}

// Appends s[i...] to `out` if XML 1.0 allows it, U+FFFD otherwise; returns
// how many bytes were consumed. `special` handles the ASCII the caller escapes.
template <typename Special>
auto xml_char(std::string_view s, std::size_t i, std::string &out, Special special) -> std::size_t {
  std::uint32_t cp = 0;
  const std::size_t len = utf8_sequence(s, i, cp);
  if (len == 0) {
    out += kReplacement;
    return 1;
  }
  const bool allowed = cp == 0x9U || cp == 0xAU || cp == 0xDU || (cp >= 0x20U && cp != 0xFFFEU && cp != 0xFFFFU);
  if (!allowed) {
    out += kReplacement;
  } else if (len == 1 && special(s[i], out)) {
    // escaped by the caller
  } else {
    out.append(s.substr(i, len));
  }
  return len;
}

auto github_escape(std::string_view text, bool property) -> std::string {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      case '\t': out += ' '; break;
      default: {
        const auto u = static_cast<unsigned char>(c);
        out.push_back(u < 0x20U || u == 0x7FU ? '?' : c);
      }
    }
  }
  return out;
}

}  // namespace

auto is_well_formed_utf8(std::string_view text) -> bool {
  std::uint32_t cp = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80U) {
      ++i;
      continue;
    }
    const std::size_t len = utf8_sequence(text, i, cp);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

auto well_formed_utf8(std::string_view text) -> std::string {
  std::string out;
  out.reserve(text.size());
  std::uint32_t cp = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t len = utf8_sequence(text, i, cp);
    if (len == 0) {
      out += kReplacement;
      ++i;
    } else {
      out.append(text.substr(i, len));
      i += len;
    }
  }
  return out;
}

auto xml_escape(std::string_view text, bool attribute) -> std::string {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  const auto special = [attribute](char c, std::string &o) {
    switch (c) {
      case '&': o += "&amp;"; return true;
      case '<': o += "&lt;"; return true;
      case '>': o += "&gt;"; return true;
      case '"': o += "&quot;"; return true;
      case '\'': o += "&apos;"; return true;
      case '\r': o += "&#13;"; return true;
      case '\n':
        if (!attribute) return false;
        o += "&#10;";
        return true;
      case '\t':
        if (!attribute) return false;
        o += "&#9;";
        return true;
      default: return false;
    }
  };
  for (std::size_t i = 0; i < text.size();) i += xml_char(text, i, out, special);
  return out;
}

auto xml_cdata(std::string_view text) -> std::string {
  std::string out = "<![CDATA[";
  out.reserve(text.size() + 12);
  const auto none = [](char, std::string &) { return false; };
  for (std::size_t i = 0; i < text.size();) {
    if (text.compare(i, 3, "]]>") == 0) {
      // End the section after "]]" and start a new one holding ">".
      out += "]]]]><![CDATA[>";
      i += 3;
      continue;
    }
    i += xml_char(text, i, out, none);
  }
  out += "]]>";
  return out;
}

auto github_message_escape(std::string_view text) -> std::string { return github_escape(text, false); }

auto github_property_escape(std::string_view text) -> std::string { return github_escape(text, true); }

auto uri_encode(std::string_view path) -> std::string {
  constexpr std::string_view kHex = "0123456789ABCDEF";
  std::string out;
  out.reserve(path.size());
  for (const char c : path) {
    const auto u = static_cast<unsigned char>(c);
    const bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                      c == '.' || c == '_' || c == '~' || c == '/';
    if (keep) {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(kHex[u >> 4U]);
      out.push_back(kHex[u & 0xFU]);
    }
  }
  return out;
}

}  // namespace callcheck::detail
