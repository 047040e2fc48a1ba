// The string scan of Document::parse's reader. Every translation unit that
// runs a Reader on an InsituStream (document.cc, adapter_test.cc) includes
// this header before it parses: an explicit specialization must be seen
// wherever the member it replaces would be instantiated.
#ifndef CALLCHECK_DOCUMENT_INSITU_VALIDATE_H_
#define CALLCHECK_DOCUMENT_INSITU_VALIDATE_H_

#include "document/rapidjson_adapter.h"

#include <cstdint>  // std::uint64_t
#include <cstring>  // std::memcpy

RAPIDJSON_NAMESPACE_BEGIN
// One character of a string, for the validating in-situ reader: RapidJSON
// calls this per character once it has seen that the next byte is no quote,
// backslash or control byte, and took ~20 instructions a byte for ASCII (the
// long-strings hostile shape, and most of a request body's bytes: issue 14).
// An ASCII byte is copied with the run of plain ASCII after it, eight bytes a
// step (InsituBuffer's padding keeps the reads inside); a lead byte is
// checked as RapidJSON's UTF8::Validate does (the strict RFC 3629 automaton
// adapter_test pins).
template <>
template <>
inline auto UTF8<char>::Validate(callcheck::detail::InsituStream &is, callcheck::detail::InsituStream &os) -> bool {
  char *src = is.src_;
  if (static_cast<unsigned char>(*src) < 0x80U) {
    char *dst = os.dst_;
    *dst++ = *src++;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
    constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
    for (;;) {
      std::uint64_t w = 0;
      std::memcpy(&w, src, sizeof w);
      // A byte >= 0x80, < 0x20, '"' or '\\' anywhere in the word (the
      // bit-hacks hasless/haszero tests, exact as a yes/no).
      const std::uint64_t quote = w ^ (kOnes * '"');
      const std::uint64_t backslash = w ^ (kOnes * '\\');
      const std::uint64_t special =
          (w | ((w - kOnes * 0x20U) & ~w) | ((quote - kOnes) & ~quote) | ((backslash - kOnes) & ~backslash)) & kHigh;
      if (special != 0) break;
      std::memcpy(dst, &w, sizeof w);  // dst <= src: the bytes written were read already
      src += 8;
      dst += 8;
    }
#endif
    for (;;) {
      const auto c = static_cast<unsigned char>(*src);
      if (c < 0x20U || c >= 0x80U || c == '"' || c == '\\') break;
      *dst++ = *src++;
    }
    is.src_ = src;
    os.dst_ = dst;
    return true;
  }
#define CALLCHECK_COPY() os.Put(c = is.Take())
#define CALLCHECK_TRANS(mask) result &= ((GetRange(static_cast<unsigned char>(c)) & (mask)) != 0)
#define CALLCHECK_TAIL() \
  CALLCHECK_COPY();      \
  CALLCHECK_TRANS(0x70)
  Ch c = 0;
  is.non_ascii = true;
  CALLCHECK_COPY();
  bool result = true;
  switch (GetRange(static_cast<unsigned char>(c))) {
    case 2: CALLCHECK_TAIL(); return result;
    case 3:
      CALLCHECK_TAIL();
      CALLCHECK_TAIL();
      return result;
    case 4:
      CALLCHECK_COPY();
      CALLCHECK_TRANS(0x50);
      CALLCHECK_TAIL();
      return result;
    case 5:
      CALLCHECK_COPY();
      CALLCHECK_TRANS(0x10);
      CALLCHECK_TAIL();
      CALLCHECK_TAIL();
      return result;
    case 6:
      CALLCHECK_TAIL();
      CALLCHECK_TAIL();
      CALLCHECK_TAIL();
      return result;
    case 10:
      CALLCHECK_COPY();
      CALLCHECK_TRANS(0x20);
      CALLCHECK_TAIL();
      return result;
    case 11:
      CALLCHECK_COPY();
      CALLCHECK_TRANS(0x60);
      CALLCHECK_TAIL();
      CALLCHECK_TAIL();
      return result;
    default: return false;
  }
#undef CALLCHECK_COPY
#undef CALLCHECK_TRANS
#undef CALLCHECK_TAIL
}

RAPIDJSON_NAMESPACE_END

#endif  // CALLCHECK_DOCUMENT_INSITU_VALIDATE_H_
