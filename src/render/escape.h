// Escaping for every output format. Each function takes text from a payload
// or a repository (keys, values, file names: the attacker's bytes) and
// returns text that cannot control what reads it; none of them throws.
//
// What "cannot control" means per consumer (issue 18 item 6):
// - A terminal or a CI log viewer (text format, GitHub messages) acts on C0
//   controls (ESC starts a sequence, CR rewinds the line, LF starts a line
//   that may read `::error ...` or `::stop-commands::...`), on DEL and on C1
//   controls (U+0080-U+009F: U+009B is a one-character CSI in terminals that
//   decode C1 from UTF-8). Bidi controls (U+061C, U+200E/F, U+202A-U+202E,
//   U+2066-U+2069) reorder what is shown (Trojan Source, CVE-2021-42574);
//   U+2028/U+2029 end a line for some viewers; U+FEFF is invisible. The
//   GitHub runner also runs the legacy `##[command]` form found anywhere in a
//   line (actions/runner ActionCommand.TryParse), and every `::command` line,
//   leading whitespace trimmed. These are *shown* as escapes, \xNN for bytes
//   and \uNNNN for code points, lossy but visible: a reader sees that the
//   name holds an ESC, and nothing acts on it. Backslashes are not doubled,
//   so `\x1b` in a file name reads the same as an escaped ESC: the output is
//   for people, not for parsing back.
// - JSON and SARIF are parsed, so their escaping stays lossless: the same
//   characters become \u escapes inside the string (a JSON reader gets the
//   original text back) and no raw control byte is in the file, so a
//   document printed into a log or a terminal is as safe as the text format.
//   Bytes that are not UTF-8 become U+FFFD (a JSON text must be UTF-8).
// - JUnit XML is parsed too: the same characters become character references
//   (&#x9B;) in attributes and text, and inside CDATA the section is closed
//   around the reference. C0 controls XML 1.0 cannot carry at all, U+FFFE,
//   U+FFFF and bytes that are not UTF-8 become U+FFFD.
#ifndef CALLCHECK_RENDER_ESCAPE_H_
#define CALLCHECK_RENDER_ESCAPE_H_

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint32_t
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

namespace callcheck::detail {

// Text for a terminal or a log, as described above: C0 controls and DEL
// become \xNN (TAB, LF and CR \t \n \r), C1, bidi and separator controls and
// U+FEFF \uNNNN, bytes that are not UTF-8 \xNN, and "##[" becomes "##\x5b".
[[nodiscard]] auto visible(std::string_view text) -> std::string;
// visible(text) appended to `out`, so that a renderer fills one buffer.
void append_visible(std::string &out, std::string_view text);

// A path that starts a line of text output: visible(), and a ':' that
// follows only whitespace at the start becomes \x3a, so that no line can
// start with "::" (a workflow command, whitespace trimmed).
[[nodiscard]] auto visible_path(std::string_view path) -> std::string;
void append_visible_path(std::string &out, std::string_view path);

// One source line for a code frame: visible(), except that TAB stays one
// column (a space). `columns[c - 1]` is where column c (1-based, in code
// points as LineIndex counts them) starts in `text`, for c up to one past
// the last column, so a caret lines up with what is shown. `columns` is
// empty when the line is shown as it is (plain ASCII, column c at c - 1).
struct VisibleLine {
  std::string text;
  std::vector<std::uint32_t> columns;
  // Display offset of 1-based `column`; past the end, the end of the text.
  [[nodiscard]] auto offset(std::uint32_t column) const -> std::uint32_t;
};
[[nodiscard]] auto visible_line(std::string_view line) -> VisibleLine;
// True when visible_line(line) would show `line` as it is (printable ASCII,
// no "##["): a code frame then appends the line itself, column c at c - 1,
// without the copy.
[[nodiscard]] auto shown_as_read(std::string_view line) -> bool;
// VisibleLine::offset of a line shown as read, `size` bytes long: column c at
// c - 1, past the end the end.
[[nodiscard]] inline auto offset_as_read(std::uint32_t column, std::size_t size) -> std::uint32_t {
  if (column == 0) return 0;
  return column - 1 < size ? column - 1 : static_cast<std::uint32_t>(size);
}

// `text` with every ill-formed UTF-8 sequence replaced by U+FFFD: payload
// bytes quoted in messages and paths must not make a JSON/SARIF document
// invalid (found by fuzz_extract).
[[nodiscard]] auto well_formed_utf8(std::string_view text) -> std::string;
[[nodiscard]] auto is_well_formed_utf8(std::string_view text) -> bool;

// True when `text` holds nothing json_string_literal() would escape beyond
// what a JSON writer does anyway (no DEL, C1, bidi, separator, U+FEFF or
// "##[", and well-formed UTF-8): the writer's own String() is enough.
[[nodiscard]] auto json_plain(std::string_view text) -> bool;
// A complete JSON string literal, quotes included: " \ and C0 controls as
// RFC 8259 requires, the characters above as \uNNNN, "##[" as "##\u005b",
// ill-formed UTF-8 as U+FFFD.
[[nodiscard]] auto json_string_literal(std::string_view text) -> std::string;

// XML 1.0 character data or attribute value: & < > " ' become entities, CR
// becomes &#13; (a parser would turn a raw CR into LF), and in attributes TAB
// and LF become &#9; / &#10; (a parser would turn them into spaces). DEL,
// C1, bidi, separators and U+FEFF become character references, "##[" is
// "##&#x5B;". Characters XML 1.0 cannot carry at all (C0 controls other than
// TAB/LF/CR, U+FFFE, U+FFFF) and bytes that are not UTF-8 become U+FFFD.
[[nodiscard]] auto xml_escape(std::string_view text, bool attribute = false) -> std::string;

// A complete CDATA section holding `text`. Every "]]>" is split across two
// sections (`]]]]><![CDATA[>`) because nothing inside CDATA can escape it;
// the characters xml_escape() writes as references are written between two
// sections (`]]>&#x9B;<![CDATA[`), "##[" is split as `##]]><![CDATA[[`, and
// characters XML cannot carry become U+FFFD. With `breaks_are_data`, CR and
// LF are references too, so that a line break inside a file name or a
// message cannot start a line of the XML file (`cat report.xml` in a CI log
// would run a `::command` there); the caller puts its own line breaks
// between sections.
[[nodiscard]] auto xml_cdata(std::string_view text, bool breaks_are_data = false) -> std::string;

// The message part of a GitHub Actions workflow command (after `::`):
// % CR LF become %25 %0D %0A so the command stays on one line (the runner
// turns them back into a line break inside the annotation); everything else
// visible() escapes is escaped as there.
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
