// `check --fix` without the I/O: one file's text in, the fixed text out.
// Fixes are applied in rounds (a fix can uncover the next: the parser stops
// at the first trailing comma), and the result is only offered when it still
// parses, so a fixer bug can never turn a readable file into a broken one.
#ifndef CALLCHECK_FIX_FIX_FILE_H_
#define CALLCHECK_FIX_FIX_FILE_H_

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t
#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include "callcheck/check.h"
#include "callcheck/report.h"

namespace callcheck::detail {

enum class FixInput : std::uint8_t { Json, Markdown, Http };

struct FixResult {
  std::string text;                // the fixed text (the input itself when nothing applied)
  std::size_t fixed = 0;           // fixes applied, over all rounds
  bool parses = true;              // false: the fixed text would not parse; do not write it
  std::vector<std::string> codes;  // code of every fix applied, in order (for tests and --show-fixes)
};

// The fixes of `reports` allowed by `unsafe` (safe ones always), as file
// edits: for JSON the edits' own offsets; for extracted bodies their spans,
// mapped back onto `text` (the body lines' prefixes are not part of a body).
// `fix` with its edits' begin/end moved onto `text` (see applicable());
// nullopt when a span does not fall inside `text`.
[[nodiscard]] auto map_fix(const Fix &fix, std::string_view text, FixInput kind) -> std::optional<Fix>;

struct CodedFix {
  std::string code;
  Fix fix;
};
[[nodiscard]] auto applicable(const std::vector<Report> &reports, std::string_view text, FixInput kind, bool unsafe)
    -> std::vector<CodedFix>;

// The reports check() (JSON) or check_body() (Markdown/.http) gives for `text`.
[[nodiscard]] auto check_input(std::string_view text, FixInput kind, std::string_view source, const Options &options)
    -> std::vector<Report>;

[[nodiscard]] auto fix_text(std::string_view text, FixInput kind, std::string_view source, const Options &options,
                            bool unsafe) -> FixResult;

// A unified diff (`--- a/path`, `+++ b/path`, three lines of context) of
// `before` -> `after`; "" when they are equal.
[[nodiscard]] auto unified_diff(std::string_view before, std::string_view after, std::string_view path) -> std::string;

}  // namespace callcheck::detail

#endif  // CALLCHECK_FIX_FIX_FILE_H_
