// Path globs for `overrides[].files`, `suppressions[].files` and `exclude` in
// .callcheck.json, for --exclude, and (in the Git syntax) .gitignore lines.
//
// A pattern is matched against the whole path, relative to the configuration
// file's folder, with '/' separators ("calls/p2p.json"):
//   `*`   any run of characters except '/'
//   `?`   one character except '/'
//   `**`  any run of characters including '/'; as a whole segment ("**/")
//         it also matches no folder at all, so "**/*.json" matches "a.json"
// Everything else is literal (no character classes, no braces, no escapes),
// and a leading "./" in the pattern is ignored. No std::regex: patterns come
// from users and std::regex backtracks without bound.
//
// GlobSyntax::Git adds what gitignore(5) patterns have over that (git's
// wildmatch with WM_PATHNAME): `\x` is a literal x; `[...]` a bracket
// expression (ranges, `!`/`^` negation, `[:alpha:]`-style classes; never
// '/'); `**` that is not a whole segment is a plain `*`.
//
// Matching is O(pattern x path) whatever the pattern (an NFA over its
// tokens, not backtracking): glibc's fnmatch(3) backtracks on each `*` and
// is exponential in their number, which a hostile .gitignore would use.
#ifndef CALLCHECK_CONFIG_GLOB_H_
#define CALLCHECK_CONFIG_GLOB_H_

#include <bitset>       // std::bitset
#include <cstdint>      // std::uint8_t
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

namespace callcheck::detail {

enum class GlobSyntax : std::uint8_t { Config, Git };

// A pattern compiled once, matched against many paths.
class Glob {
 public:
  explicit Glob(std::string_view pattern, GlobSyntax syntax = GlobSyntax::Config);
  [[nodiscard]] auto match(std::string_view path) const -> bool;

 private:
  enum class Op : std::uint8_t {
    Literal,     // one character, itself
    AnyOne,      // `?`: one character except '/'
    Class,       // `[...]`: one character of classes_[index], never '/'
    Star,        // `*`: any run without '/'
    DoubleStar,  // `**`: any run
    // Before a whole-segment `**/`, matches nothing: it also lets the match
    // skip the `**/` (no folder at all). Separate from the `**` state, which
    // loops, so that the skip is only taken before `**` consumed anything.
    SegmentEntry,
  };
  struct Token {
    Op op;
    unsigned char c;      // Literal
    std::uint32_t index;  // Class
  };
  std::vector<Token> tokens_;
  std::vector<std::bitset<256>> classes_;  // of the bracket expressions
  // What every match starts and ends with (the literal tokens before the
  // first and after the last other one): most paths are rejected on these
  // in O(1), before the NFA runs.
  std::string prefix_;
  std::string suffix_;
};

[[nodiscard]] auto glob_match(std::string_view pattern, std::string_view path) -> bool;
// True when any of `patterns` matches.
[[nodiscard]] auto glob_match_any(const std::vector<std::string> &patterns, std::string_view path) -> bool;

// `exclude` and --exclude: whether `patterns` exclude `relative_path` ('/'
// separators, relative to the patterns' base folder). A pattern without '/'
// is matched against every component of the path ("build" excludes
// "a/build/x.json", "tsconfig.json" any file of that name); one with '/'
// against the path and each of its parent folders ("payloads/tmp" excludes
// "payloads/tmp/a.json"). A path outside the base ("../x") matches none
// with '/'.
[[nodiscard]] auto excluded_by(const std::vector<std::string> &patterns, std::string_view relative_path) -> bool;

}  // namespace callcheck::detail

#endif  // CALLCHECK_CONFIG_GLOB_H_
