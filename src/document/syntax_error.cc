#include "document/syntax_error.h"

#include <fmt/format.h>

#include "catalog/cc001_invalid_json.h"
#include "catalog/cc007_number_out_of_range.h"

namespace callcheck::detail {
namespace {

auto syntax_message(rapidjson::ParseErrorCode code) -> std::string_view {
  switch (code) {
    case rapidjson::kParseErrorNone: return "no error";
    case rapidjson::kParseErrorDocumentEmpty: return "the document is empty";
    case rapidjson::kParseErrorDocumentRootNotSingular: return "unexpected content after the JSON value";
    case rapidjson::kParseErrorValueInvalid: return "expected a JSON value";
    case rapidjson::kParseErrorObjectMissName: return "expected a member name in double quotes";
    case rapidjson::kParseErrorObjectMissColon: return "expected ':' after the member name";
    case rapidjson::kParseErrorObjectMissCommaOrCurlyBracket: return "expected ',' or '}' after the member value";
    case rapidjson::kParseErrorArrayMissCommaOrSquareBracket: return "expected ',' or ']' after the array element";
    case rapidjson::kParseErrorStringUnicodeEscapeInvalidHex: return "invalid \\u escape: expected four hex digits";
    case rapidjson::kParseErrorStringUnicodeSurrogateInvalid: return "invalid UTF-16 surrogate pair in \\u escape";
    case rapidjson::kParseErrorStringEscapeInvalid:
      return "invalid escape sequence or unescaped control character in string";
    case rapidjson::kParseErrorStringMissQuotationMark: return "unterminated string: missing closing quotation mark";
    case rapidjson::kParseErrorStringInvalidEncoding: return "invalid UTF-8 in string";
    case rapidjson::kParseErrorNumberTooBig:
      return "number is out of range: it does not fit in a 64-bit floating point value";
    case rapidjson::kParseErrorNumberMissFraction: return "invalid number: expected digits after '.'";
    case rapidjson::kParseErrorNumberMissExponent: return "invalid number: expected digits in the exponent";
    case rapidjson::kParseErrorTermination: return "parsing stopped";
    case rapidjson::kParseErrorUnspecificSyntaxError: return "syntax error";
  }
  return "syntax error";
}

auto describe_char(char c) -> std::string {
  const auto u = static_cast<unsigned char>(c);
  if (u >= 0x21U && u < 0x7FU) return fmt::format("'{}'", c);
  if (c == ' ') return "a space";
  if (c == '\t') return "a tab";
  if (c == '\n' || c == '\r') return "the end of the line";
  return fmt::format("byte 0x{:02X}", static_cast<unsigned>(u));
}

}  // namespace

// Turns RapidJSON's error code and byte offset into a precise message.
// Trailing commas get their own wording and point at the comma: 41 of the 84
// request bodies in the Graph docs have one.
auto syntax_finding(std::string_view text, std::uint32_t base, const rapidjson::ParseResult &result,
                    std::string pointer) -> ParseFinding {
  auto offset = static_cast<std::uint32_t>(base + result.Offset());
  if (offset > text.size()) offset = static_cast<std::uint32_t>(text.size());
  const rapidjson::ParseErrorCode code = result.Code();
  ParseFinding f;
  f.rule = &catalog::kInvalidJson;
  f.pointer = std::move(pointer);
  f.begin = offset;
  f.end = offset < text.size() ? offset + 1 : offset;
  if (code == rapidjson::kParseErrorNumberTooBig) {
    f.rule = &catalog::kNumberOutOfRange;
    f.message = std::string(syntax_message(code));
    return f;
  }
  const char here = offset < text.size() ? text[offset] : '\0';
  if ((here == '}' || here == ']') &&
      (code == rapidjson::kParseErrorObjectMissName || code == rapidjson::kParseErrorValueInvalid)) {
    std::uint32_t back = offset;
    while (back > base &&
           (text[back - 1] == ' ' || text[back - 1] == '\t' || text[back - 1] == '\n' || text[back - 1] == '\r')) {
      --back;
    }
    if (back > base && text[back - 1] == ',') {
      f.begin = back - 1;
      f.end = back;
      f.message = fmt::format("trailing comma before '{}': JSON does not allow a comma after the last {}", here,
                              here == '}' ? "member" : "element");
      f.help = "delete this comma";
      // The parser stopped at the closing bracket, so nothing after the comma
      // was read: deleting it is exactly what the author meant.
      f.fix = Fix{FixSafety::Safe, "delete the trailing comma", {Edit{back - 1, back, "", {}}}};
      return f;
    }
  }
  if (offset >= text.size() && code != rapidjson::kParseErrorDocumentEmpty) {
    f.message = fmt::format("{}, but the input ended", syntax_message(code));
    return f;
  }
  if (code == rapidjson::kParseErrorDocumentEmpty || code == rapidjson::kParseErrorStringMissQuotationMark) {
    f.message = std::string(syntax_message(code));
  } else {
    f.message = fmt::format("{}; found {}", syntax_message(code), describe_char(here));
  }
  if (code == rapidjson::kParseErrorValueInvalid && (here == '\'')) {
    f.help = "JSON strings use double quotes";
  }
  return f;
}

}  // namespace callcheck::detail
