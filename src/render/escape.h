// Escaping for the machine formats. Each function takes UTF-8 text from a
// payload (keys, values, file names) and returns text that the consumer reads
// back unchanged, or as close as its format allows; none of them throws.
#ifndef CALLCHECK_RENDER_ESCAPE_H_
#define CALLCHECK_RENDER_ESCAPE_H_

#include <string>       // std::string
#include <string_view>  // std::string_view

namespace callcheck::detail {

// XML 1.0 character data or attribute value: & < > " ' become entities, CR
// becomes &#13; (a parser would turn a raw CR into LF), and in attributes TAB
// and LF become &#9; / &#10; (a parser would turn them into spaces).
// Characters XML 1.0 cannot carry at all (C0 controls other than TAB/LF/CR,
// U+FFFE, U+FFFF) and bytes that are not UTF-8 become U+FFFD.
// `text` with every ill-formed UTF-8 sequence replaced by U+FFFD: payload
// bytes quoted in messages and paths must not make a JSON/SARIF document
// invalid (found by fuzz_extract).
[[nodiscard]] auto well_formed_utf8(std::string_view text) -> std::string;
[[nodiscard]] auto is_well_formed_utf8(std::string_view text) -> bool;
[[nodiscard]] auto xml_escape(std::string_view text, bool attribute = false) -> std::string;

// A complete CDATA section holding `text`. Every "]]>" is split across two
// sections (`]]]]><![CDATA[>`) because nothing inside CDATA can escape it;
// characters XML cannot carry become U+FFFD as in xml_escape().
[[nodiscard]] auto xml_cdata(std::string_view text) -> std::string;

// The message part of a GitHub Actions workflow command (after `::`):
// % CR LF become %25 %0D %0A so the command stays on one line. Other control
// characters become '?': they would reach the log viewer as terminal escapes.
[[nodiscard]] auto github_message_escape(std::string_view text) -> std::string;

// A property value of a workflow command (`file=`, `title=`): as the message,
// and additionally ':' and ',' become %3A and %2C, which end a property.
[[nodiscard]] auto github_property_escape(std::string_view text) -> std::string;

// A relative path as a URI reference (RFC 3986): '/' separators are kept,
// every byte outside the unreserved set (A-Z a-z 0-9 - . _ ~) is
// percent-encoded, so spaces, ':', '#', '%', '\' and non-ASCII (as UTF-8
// bytes) cannot be misread as a scheme, fragment or escape.
[[nodiscard]] auto uri_encode(std::string_view path) -> std::string;

}  // namespace callcheck::detail

#endif  // CALLCHECK_RENDER_ESCAPE_H_
