#include "render/escape.h"

#include <cstdint>  // std::uint32_t, std::uint64_t
#include <cstring>  // std::memcpy

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

// Code points shown or written as an escape in every format (escape.h):
// C1 controls, bidi controls, line/paragraph separators and U+FEFF. (C0
// controls and DEL are handled next to each format's own escapes.)
auto is_hidden_control(std::uint32_t cp) -> bool {
  return (cp >= 0x80U && cp <= 0x9FU) || cp == 0x061CU || cp == 0x200EU || cp == 0x200FU ||
         (cp >= 0x202AU && cp <= 0x202EU) || (cp >= 0x2066U && cp <= 0x2069U) || cp == 0x2028U || cp == 0x2029U ||
         cp == 0xFEFFU;
}

// The '[' of "##[" (the GitHub runner's legacy command prefix, recognised
// anywhere in a line).
auto starts_legacy_command(std::string_view s, std::size_t i) -> bool {
  return s[i] == '[' && i >= 2 && s[i - 1] == '#' && s[i - 2] == '#';
}

constexpr std::string_view kHexDigits = "0123456789abcdef";

void append_byte_escape(std::string &out, unsigned char byte) {  // \xNN
  out += "\\x";
  out.push_back(kHexDigits[byte >> 4U]);
  out.push_back(kHexDigits[byte & 0xFU]);
}

void append_u_escape(std::string &out, std::uint32_t cp) {  // \uNNNN (cp <= U+FFFF)
  out += "\\u";
  for (int shift = 12; shift >= 0; shift -= 4) out.push_back(kHexDigits[(cp >> static_cast<unsigned>(shift)) & 0xFU]);
}

void append_char_ref(std::string &out, std::uint32_t cp) {  // &#xNN;
  out += "&#x";
  bool started = false;
  for (int shift = 20; shift >= 0; shift -= 4) {
    const std::uint32_t digit = (cp >> static_cast<unsigned>(shift)) & 0xFU;
    if (digit == 0 && !started && shift > 0) continue;
    started = true;
    out.push_back("0123456789ABCDEF"[digit]);
  }
  out.push_back(';');
}

// A well-formed character at text[i..i+len) that is not a C0 control:
// hidden ones (C1, bidi, BOM) as \uNNNN, a `##[` broken, the rest as is.
// visible() and the GitHub escaper share this.
void append_printable(std::string &out, std::string_view text, std::size_t i, std::size_t len, std::uint32_t cp) {
  if (is_hidden_control(cp)) {
    append_u_escape(out, cp);
  } else if (starts_legacy_command(text, i)) {
    out += "\\x5b";
  } else {
    out.append(text.substr(i, len));
  }
}

// Printable ASCII that visible() passes on as it is: ' ' to '~', and '['
// unless it ends "##[". Returns the end of the run that starts at `i`.
auto plain_run(std::string_view text, std::size_t i) -> std::size_t {
  const char *const data = text.data();
  const std::size_t size = text.size();
  // Eight bytes at a time while none is below ' ', above '~' or a '['
  // (hasless, hasmore, haszero of "Bit Twiddling Hacks"), then byte by byte.
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  for (std::uint64_t w = 0; i + 8 <= size; i += 8) {
    std::memcpy(&w, data + i, 8);
    const std::uint64_t below = (w - kOnes * 0x20U) & ~w;
    const std::uint64_t above = (w + kOnes * (127U - 0x7EU)) | w;
    const std::uint64_t bracket = w ^ (kOnes * '[');
    if (((below | above | ((bracket - kOnes) & ~bracket)) & kHigh) != 0) break;
  }
  for (; i < size; ++i) {
    const auto b = static_cast<unsigned char>(data[i]);
    if (b < 0x20U || b > 0x7EU) break;
    if (b == '[' && starts_legacy_command(text, i)) break;
  }
  return i;
}

// visible() and visible_line() share this: `tab_space` keeps a TAB one
// column wide (code frames), `line` receives where each column starts.
void visible_into(std::string_view text, std::string &out, bool tab_space, VisibleLine *line) {
  std::uint32_t column = 1;  // the column of the next byte, as LineIndex counts
  std::uint32_t cp = 0;
  for (std::size_t i = 0; i < text.size();) {
    // A run of plain ASCII, appended at once: one column per byte.
    const std::size_t run = plain_run(text, i);
    if (run > i) {
      if (line != nullptr) {
        // Columns before `column` were recorded already; the run adds one per byte.
        const auto at = static_cast<std::uint32_t>(out.size());
        for (std::size_t k = 0; k < run - i; ++k) {
          if (line->columns.size() < column + k) line->columns.push_back(at + static_cast<std::uint32_t>(k));
        }
      }
      out.append(text.data() + i, run - i);
      column += static_cast<std::uint32_t>(run - i);
      i = run;
      if (i == text.size()) break;
    }
    const auto b0 = static_cast<unsigned char>(text[i]);
    if (line != nullptr && line->columns.size() < column)
      line->columns.push_back(static_cast<std::uint32_t>(out.size()));
    const std::size_t len = utf8_sequence(text, i, cp);
    if ((b0 & 0xC0U) != 0x80U) ++column;  // a continuation byte starts no column
    if (len == 0) {
      append_byte_escape(out, b0);
      ++i;
      continue;
    }
    if (cp < 0x20U || cp == 0x7FU) {
      switch (cp) {
        case '\t': out += tab_space ? " " : "\\t"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        default: append_byte_escape(out, b0);
      }
    } else {
      append_printable(out, text, i, len, cp);
    }
    i += len;
  }
  if (line != nullptr && line->columns.size() < column) line->columns.push_back(static_cast<std::uint32_t>(out.size()));
}

// Appends s[i...] to `out` if XML 1.0 allows it, U+FFFD otherwise; returns
// how many bytes were consumed. `special` handles the ASCII the caller
// escapes; `cdata` writes character references between two CDATA sections.
template <typename Special>
auto xml_char(std::string_view s, std::size_t i, std::string &out, bool cdata, Special special) -> std::size_t {
  std::uint32_t cp = 0;
  const std::size_t len = utf8_sequence(s, i, cp);
  if (len == 0) {
    out += kReplacement;
    return 1;
  }
  const bool allowed = cp == 0x9U || cp == 0xAU || cp == 0xDU || (cp >= 0x20U && cp != 0xFFFEU && cp != 0xFFFFU);
  if (!allowed) {
    out += kReplacement;
  } else if (cp == 0x7FU || is_hidden_control(cp) || starts_legacy_command(s, i)) {
    if (cdata) out += "]]>";
    append_char_ref(out, cp);
    if (cdata) out += "<![CDATA[";
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
  std::uint32_t cp = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t len = utf8_sequence(text, i, cp);
    if (len == 0) {
      append_byte_escape(out, static_cast<unsigned char>(text[i]));
      ++i;
      continue;
    }
    switch (cp) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      case '\t': out += ' '; break;
      default:
        if (cp < 0x20U || cp == 0x7FU) {
          append_byte_escape(out, static_cast<unsigned char>(cp));
        } else {
          append_printable(out, text, i, len, cp);
        }
    }
    i += len;
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
  for (std::size_t i = 0; i < text.size();) i += xml_char(text, i, out, false, special);
  return out;
}

auto xml_cdata(std::string_view text, bool breaks_are_data) -> std::string {
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
    if (breaks_are_data && (text[i] == '\n' || text[i] == '\r')) {
      out += "]]>";
      append_char_ref(out, static_cast<unsigned char>(text[i]));
      out += "<![CDATA[";
      ++i;
      continue;
    }
    i += xml_char(text, i, out, true, none);
  }
  out += "]]>";
  return out;
}

void append_visible(std::string &out, std::string_view text) {
  // Most names and messages are plain ASCII: one check, one copy.
  if (plain_run(text, 0) == text.size()) {
    out.append(text);
  } else {
    visible_into(text, out, false, nullptr);
  }
}

auto visible(std::string_view text) -> std::string {
  std::string out;
  out.reserve(text.size());
  append_visible(out, text);
  return out;
}

void append_visible_path(std::string &out, std::string_view path) {
  const std::size_t start = out.size();
  append_visible(out, path);
  if (start == out.size()) return;
  // Only whitespace or ':' at the start can make a line start with "::"
  // (the lead bytes of the spaces below); anything else is done.
  const auto first = static_cast<unsigned char>(out[start]);
  if (first != ' ' && first != ':' && first != 0xC2U && first != 0xE1U && first != 0xE2U && first != 0xE3U) return;
  // Whitespace the runner's TrimStart() removes before looking for "::"
  // (controls among it are escaped already).
  constexpr std::string_view kSpaces[] = {" ",           "\xC2\xA0", "\xE1\x9A\x80", "\xE2\x80\xAF", "\xE2\x81\x9F",
                                          "\xE3\x80\x80"};
  std::size_t at = start;
  for (bool more = true; more && at < out.size();) {
    more = false;
    for (const std::string_view space : kSpaces) {
      if (out.compare(at, space.size(), space) == 0) {
        at += space.size();
        more = true;
      }
    }
    // U+2000..U+200A
    if (!more && out.size() >= at + 3 && out.compare(at, 2, "\xE2\x80") == 0 &&
        static_cast<unsigned char>(out[at + 2]) >= 0x80U && static_cast<unsigned char>(out[at + 2]) <= 0x8AU) {
      at += 3;
      more = true;
    }
  }
  if (at < out.size() && out[at] == ':') out.replace(at, 1, "\\x3a");
}

auto visible_path(std::string_view path) -> std::string {
  std::string out;
  out.reserve(path.size());
  append_visible_path(out, path);
  return out;
}

auto VisibleLine::offset(std::uint32_t column) const -> std::uint32_t {
  if (columns.empty()) return offset_as_read(column, text.size());
  if (column == 0) return 0;
  if (column - 1 < columns.size()) return columns[column - 1];
  return static_cast<std::uint32_t>(text.size());
}

auto shown_as_read(std::string_view line) -> bool { return plain_run(line, 0) == line.size(); }

auto visible_line(std::string_view line) -> VisibleLine {
  // Most lines are plain ASCII: shown as read, a column per byte (offset()).
  if (shown_as_read(line)) return VisibleLine{std::string(line), {}};
  VisibleLine out;
  out.text.reserve(line.size());
  out.columns.reserve(line.size() + 1);
  visible_into(line, out.text, true, &out);
  return out;
}

auto json_plain(std::string_view text) -> bool {
  std::uint32_t cp = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80U) {
      if (b == 0x7FU || starts_legacy_command(text, i)) return false;
      ++i;
      continue;
    }
    const std::size_t len = utf8_sequence(text, i, cp);
    if (len == 0 || is_hidden_control(cp)) return false;
    i += len;
  }
  return true;
}

auto json_string_literal(std::string_view text) -> std::string {
  std::string out;
  out.reserve(text.size() + 8);
  out.push_back('"');
  std::uint32_t cp = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t len = utf8_sequence(text, i, cp);
    if (len == 0) {
      out += kReplacement;
      ++i;
      continue;
    }
    switch (cp) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (cp < 0x20U || cp == 0x7FU || is_hidden_control(cp) || starts_legacy_command(text, i)) {
          append_u_escape(out, cp);
        } else {
          out.append(text.substr(i, len));
        }
    }
    i += len;
  }
  out.push_back('"');
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
