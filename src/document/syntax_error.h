// RapidJSON reports a parse error as an error code and one byte offset
// (STYLE.md 10: its quirk lives here): this turns them into the CC001/CC007
// finding a user reads, with a span, a pointer and, for trailing commas, a fix.
#ifndef CALLCHECK_DOCUMENT_SYNTAX_ERROR_H_
#define CALLCHECK_DOCUMENT_SYNTAX_ERROR_H_

#include "document/rapidjson_adapter.h"

#include <cstdint>      // std::uint32_t
#include <string>       // std::string
#include <string_view>  // std::string_view

#include "document/document.h"

namespace callcheck::detail {

// `base` is where the JSON text starts in `text` (after a byte order mark);
// `pointer` the innermost container open when the parser stopped.
[[nodiscard]] auto syntax_finding(std::string_view text, std::uint32_t base, const rapidjson::ParseResult &result,
                                  std::string pointer) -> ParseFinding;

}  // namespace callcheck::detail

#endif  // CALLCHECK_DOCUMENT_SYNTAX_ERROR_H_
