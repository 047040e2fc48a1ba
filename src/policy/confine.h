// Where a `$ref` of a team policy may lead (issue 14 item 2b, issue 18): to
// a file in the schema's own folder or below it, and nowhere else. This is
// the lexical half of the confinement, pure and unit-tested
// (tests/unit/policy_confine_test.cc); the caller's fetch adds the file
// system's half (symlinks leaving the folder or the repository).
#ifndef CALLCHECK_POLICY_CONFINE_H_
#define CALLCHECK_POLICY_CONFINE_H_

#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

namespace callcheck::detail {

struct RefTarget {
  std::string file;     // relative to the schema's folder, normal, '/' separators
  std::string pointer;  // the fragment, a JSON Pointer ("" = the file's root), still encoded
  std::string error;    // why the ref is refused; empty when it is allowed
};

// `ref` as written in the schema file `from` (itself relative to the
// schema's folder). Refused: an empty ref or one over 1,024 bytes; any URI
// scheme (`http:`, `https:`, `file:`, `urn:`, a drive letter); absolute
// paths (`/etc/passwd`, `//host/x`); backslashes, queries, `%`-escapes and
// control characters in the path; `..` that climbs above the folder; and
// fragments that are not JSON Pointers (`#anchor`: `$id` is not honoured).
[[nodiscard]] auto confine_ref(std::string_view ref, std::string_view from) -> RefTarget;

// The tokens of a `$ref` fragment, decoded as valijson 1.0 decodes them
// (`~1`, `~0`, then `%XX`; trailing '/' trimmed); nullopt when it is not a
// JSON Pointer or an escape is malformed.
[[nodiscard]] auto fragment_tokens(std::string_view fragment) -> std::optional<std::vector<std::string>>;

}  // namespace callcheck::detail

#endif  // CALLCHECK_POLICY_CONFINE_H_
