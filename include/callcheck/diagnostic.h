// Diagnostics are plain data: every stage of the pipeline produces them and
// every renderer only reads them.
#ifndef CALLCHECK_DIAGNOSTIC_H_
#define CALLCHECK_DIAGNOSTIC_H_

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint32_t
#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

namespace callcheck {

// Ordered from most to least severe so that `a < b` means "a is worse".
enum class Severity : std::uint8_t {
  Error,    // the request will fail or is not what the author meant
  Warning,  // the docs advise against it, or the service tolerates it today
  Info,     // context only (e.g. a non-request block that was skipped)
};

[[nodiscard]] auto to_string(Severity severity) -> std::string_view;
// "error" / "warning" / "info"; std::nullopt for anything else.
[[nodiscard]] auto parse_severity(std::string_view text) -> std::optional<Severity>;

// 1-based; 0 means unknown. Columns count Unicode code points; a tab is one column.
struct Position {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  friend auto operator==(const Position &a, const Position &b) -> bool {
    return a.line == b.line && a.column == b.column;
  }
  friend auto operator<(const Position &a, const Position &b) -> bool {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  }
};

// `end` is exclusive (the column just after the last code point).
struct Span {
  Position begin;
  Position end;
};

// Whether a rule's fix keeps the payload's meaning (Safe: applied by `--fix`)
// or may change it (Unsafe: only with `--unsafe-fixes`). None: no fix.
enum class FixSafety : std::uint8_t { None, Safe, Unsafe };
[[nodiscard]] auto to_string(FixSafety safety) -> std::string_view;  // "none" / "safe" / "unsafe"

// One replacement of the checked text's bytes [begin, end). `span` is the
// same range in line:column, shifted like the diagnostic's (so it points into
// the containing Markdown/.http file); begin/end are offsets in the text that
// check() was given.
struct Edit {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string replacement;
  Span span;
};

// A fix: edits applied together or not at all, never overlapping each other.
struct Fix {
  FixSafety safety = FixSafety::Safe;
  std::string description;  // imperative, e.g. "delete the trailing comma"
  std::vector<Edit> edits;  // sorted by begin
};

struct Diagnostic {
  std::string code;  // "CC201", stable forever
  std::string name;  // "callback-uri-not-https"
  Severity severity = Severity::Error;
  std::string message;     // one sentence, no trailing period
  std::string pointer;     // RFC 6901; "" = the whole document
  Span span;               // from the SourceMap (0:0 when unknown)
  std::string help;        // what to do instead; "" = none
  std::optional<Fix> fix;  // a mechanical edit that resolves it, if the rule has one
  // Which of the rule's messages this is (RuleMeta::messages, e.g.
  // "not-https"); "" for codes a pipeline stage emits. Not rendered: tests
  // and library callers tell messages apart by it, never by their wording.
  std::string message_id;
};

}  // namespace callcheck

#endif  // CALLCHECK_DIAGNOSTIC_H_
