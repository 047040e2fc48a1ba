// What the generated schema checkers (tools/schemac, built into
// <build>/src/schema_checks.cc) call: the few value tests where valijson 1.0
// has its own semantics, kept here once so the generated code stays plain.
#ifndef CALLCHECK_SCHEMA_CHECKER_SUPPORT_H_
#define CALLCHECK_SCHEMA_CHECKER_SUPPORT_H_

#include "document/rapidjson_adapter.h"

#include <algorithm>    // std::lower_bound
#include <cstdint>      // std::uint64_t, std::int64_t
#include <cstring>      // std::memcmp
#include <iterator>     // std::begin, std::end
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include "schema/compiled.h"

namespace callcheck::detail {

using rapidjson::SizeType;
using Value = rapidjson::Value;

inline auto always_valid(const Value &) -> bool { return true; }
inline auto never_valid(const Value &) -> bool { return false; }
// valijson's empty subschema, and its always-invalid one (a `false`
// schema), which fails without an error of its own.
inline auto collect_valid(const Value &, SchemaErrors &) -> bool { return true; }
inline auto collect_invalid(const Value &, SchemaErrors &) -> bool { return false; }

// valijson's getNumber()/asDouble(): a double as is, an integer through
// int64_t (a uint64 above INT64_MAX turns negative there, so here too).
inline auto number(const Value &v) -> double {
  if (v.IsDouble()) return v.GetDouble();
  if (v.IsInt64()) return static_cast<double>(v.GetInt64());
  return static_cast<double>(static_cast<std::int64_t>(v.GetUint64()));
}

// valijson's utils::u8_strlen over c_str(): code points up to the first NUL
// (so "a\u0000bc" is one character long), a lead byte taking every
// continuation byte after it. The table index is clamped where valijson's
// would read past its six entries (UB there; such bytes never reach a
// schema check: the parser validates UTF-8).
inline auto utf8_length(const Value &v) -> std::uint64_t {
  static constexpr std::uint32_t kOffsets[6] = {0x00000000UL, 0x00003080UL, 0x000E2080UL,
                                                0x03C82080UL, 0xFA082080UL, 0x82082080UL};
  const auto *s = reinterpret_cast<const unsigned char *>(v.GetString());
  const std::uint64_t n = v.GetStringLength();
  std::uint64_t count = 0;
  std::uint64_t i = 0;
  while (i < n && s[i] != 0) {
    std::uint64_t ch = 0;
    int size = 0;
    do {
      ch <<= 6;
      ch += s[i++];
      ++size;
    } while (i < n && s[i] != 0 && (s[i] & 0xC0) == 0x80);
    ch -= kOffsets[size < 6 ? size - 1 : 5];
    if (ch == 0) break;  // u8_nextchar() returned 0: valijson stops counting
    ++count;
  }
  return count;
}

// valijson's object find(): the first member of an exact name (length and
// bytes).
inline auto first_member(const Value &v, const char *name, SizeType length) -> const Value * {
  for (auto m = v.MemberBegin(); m != v.MemberEnd(); ++m) {
    if (m->name.GetStringLength() == length && std::memcmp(m->name.GetString(), name, length) == 0) return &m->value;
  }
  return nullptr;
}
inline auto has_member(const Value &v, const char *name, SizeType length) -> bool {
  return first_member(v, name, length) != nullptr;
}

}  // namespace callcheck::detail

#endif  // CALLCHECK_SCHEMA_CHECKER_SUPPORT_H_
