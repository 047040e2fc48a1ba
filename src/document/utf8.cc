#include "document/utf8.h"

#include <cstdint>  // std::uint8_t, std::uint64_t
#include <cstring>  // std::memcpy

namespace callcheck::detail {
namespace {

auto is_cont(std::uint8_t byte) -> bool { return (byte & 0xC0U) == 0x80U; }

// Eight bytes at a time: any high bit, or any zero byte, leaves the fast path.
auto plain_ascii_word(const char *p) -> bool {
  std::uint64_t word = 0;
  std::memcpy(&word, p, sizeof word);
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  const bool has_zero = ((word - kOnes) & ~word & kHigh) != 0;
  return (word & kHigh) == 0 && !has_zero;
}

}  // namespace

auto validate_utf8(std::string_view bytes, bool nul_is_error) -> Utf8Result {
  Utf8Result result;
  const auto *data = reinterpret_cast<const std::uint8_t *>(bytes.data());
  const std::size_t size = bytes.size();
  std::size_t i = 0;
  auto fail = [&](Utf8Error error, std::size_t at) {
    result.error = error;
    result.offset = at;
    return result;
  };
  while (i < size) {
    if (i + 8 <= size && plain_ascii_word(bytes.data() + i)) {
      i += 8;
      continue;
    }
    const std::uint8_t b = data[i];
    if (b < 0x80U) {
      if (b == 0 && nul_is_error) return fail(Utf8Error::Nul, i);
      ++i;
      continue;
    }
    result.ascii = false;
    std::size_t need = 0;
    std::uint8_t lo = 0x80U;
    std::uint8_t hi = 0xBFU;
    if (b < 0xC0U) return fail(Utf8Error::UnexpectedContinuation, i);
    if (b < 0xC2U) return fail(Utf8Error::Overlong, i);
    if (b < 0xE0U) {
      need = 1;
    } else if (b < 0xF0U) {
      need = 2;
      if (b == 0xE0U) lo = 0xA0U;
      if (b == 0xEDU) hi = 0x9FU;
    } else if (b < 0xF5U) {
      need = 3;
      if (b == 0xF0U) lo = 0x90U;
      if (b == 0xF4U) hi = 0x8FU;
    } else {
      return fail(Utf8Error::InvalidByte, i);
    }
    if (i + 1 >= size || !is_cont(data[i + 1])) return fail(Utf8Error::Truncated, i);
    const std::uint8_t second = data[i + 1];
    if (second < lo) return fail(Utf8Error::Overlong, i);
    if (second > hi) return fail(b == 0xEDU ? Utf8Error::Surrogate : Utf8Error::TooLarge, i);
    for (std::size_t k = 2; k <= need; ++k) {
      if (i + k >= size || !is_cont(data[i + k])) return fail(Utf8Error::Truncated, i);
    }
    i += need + 1;
  }
  return result;
}

auto describe(Utf8Error error) -> std::string_view {
  switch (error) {
    case Utf8Error::None: return "valid UTF-8";
    case Utf8Error::Nul: return "NUL byte";
    case Utf8Error::UnexpectedContinuation: return "invalid UTF-8: continuation byte without a lead byte";
    case Utf8Error::Overlong: return "invalid UTF-8: overlong encoding";
    case Utf8Error::Surrogate: return "invalid UTF-8: UTF-16 surrogate (U+D800..U+DFFF) encoded as UTF-8";
    case Utf8Error::TooLarge: return "invalid UTF-8: code point above U+10FFFF";
    case Utf8Error::InvalidByte: return "invalid UTF-8: byte 0xF5..0xFF never appears in UTF-8";
    case Utf8Error::Truncated: return "invalid UTF-8: truncated multi-byte sequence";
  }
  return "invalid UTF-8";
}

}  // namespace callcheck::detail
