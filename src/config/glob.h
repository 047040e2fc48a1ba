// Path globs for `overrides[].files` and `suppressions[].files` in .callcheck.json.
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
#ifndef CALLCHECK_CONFIG_GLOB_H_
#define CALLCHECK_CONFIG_GLOB_H_

#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

namespace callcheck::detail {

[[nodiscard]] auto glob_match(std::string_view pattern, std::string_view path) -> bool;
// True when any of `patterns` matches.
[[nodiscard]] auto glob_match_any(const std::vector<std::string> &patterns, std::string_view path) -> bool;

}  // namespace callcheck::detail

#endif  // CALLCHECK_CONFIG_GLOB_H_
