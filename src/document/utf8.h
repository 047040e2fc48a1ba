// Strict RFC 3629 UTF-8 validation, run over the whole input before parsing
// (RapidJSON 1.1.0 lets invalid UTF-8 through by default and stores escaped
// lone low surrogates as invalid UTF-8 even with validation on:
// RELIABILITY.md F8, Tencent/rapidjson#1738).
#ifndef CALLCHECK_DOCUMENT_UTF8_H_
#define CALLCHECK_DOCUMENT_UTF8_H_

#include <cstddef>      // std::size_t
#include <string_view>  // std::string_view

namespace callcheck::detail {

enum class Utf8Error {
  None,
  Nul,  // a NUL byte
  UnexpectedContinuation,
  Overlong,
  Surrogate,    // U+D800..U+DFFF encoded in UTF-8
  TooLarge,     // above U+10FFFF
  InvalidByte,  // 0xF5..0xFF
  Truncated,    // a sequence cut short
};

struct Utf8Result {
  Utf8Error error = Utf8Error::None;
  std::size_t offset = 0;  // of the first offending byte
  bool ascii = true;       // no byte >= 0x80 (valid inputs only)
};

[[nodiscard]] auto validate_utf8(std::string_view bytes, bool nul_is_error) -> Utf8Result;
[[nodiscard]] auto describe(Utf8Error error) -> std::string_view;

}  // namespace callcheck::detail

#endif  // CALLCHECK_DOCUMENT_UTF8_H_
