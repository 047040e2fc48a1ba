// RFC 6901 JSON Pointers. Everything after the parser talks in pointers.
#ifndef CALLCHECK_DOCUMENT_POINTER_H_
#define CALLCHECK_DOCUMENT_POINTER_H_

#include <cstddef>      // std::size_t
#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

namespace callcheck::detail {

// Appends "/" + the escaped token ("~" -> "~0", "/" -> "~1").
void append_token(std::string &pointer, std::string_view token);
void append_index(std::string &pointer, std::size_t index);
[[nodiscard]] auto join_pointer(std::string_view base, std::string_view token) -> std::string;
// Splits and unescapes; nullopt when the pointer is malformed (no leading '/', bad '~').
[[nodiscard]] auto split_pointer(std::string_view pointer) -> std::optional<std::vector<std::string>>;
// The parent pointer ("" for "" and for "/a").
[[nodiscard]] auto parent_pointer(std::string_view pointer) -> std::string_view;
// The unescaped last token ("" for the root).
[[nodiscard]] auto last_token(std::string_view pointer) -> std::string;
// A member name as a JSON string body would spell it: C0 controls, DEL and
// C1 controls (U+0080-U+009F, e.g. U+009B, a one-character CSI) become
// \u escapes, so a message quoting it carries no terminal control.
[[nodiscard]] auto printable_name(std::string_view key) -> std::string;
// Parses a decimal array index token without leading zeros.
[[nodiscard]] auto parse_index(std::string_view token) -> std::optional<std::size_t>;

}  // namespace callcheck::detail

#endif  // CALLCHECK_DOCUMENT_POINTER_H_
