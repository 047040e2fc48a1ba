// "Did you mean" suggestions for misspelt names and values.
#ifndef CALLCHECK_UTIL_SUGGEST_H_
#define CALLCHECK_UTIL_SUGGEST_H_

#include <cstddef>      // std::size_t
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

namespace callcheck::detail {

// Case-insensitive Damerau-Levenshtein distance (optimal string alignment).
[[nodiscard]] auto edit_distance(std::string_view a, std::string_view b) -> std::size_t;
// The closest candidate within a length-dependent budget ("" when none is
// close enough; ties go to the earlier candidate) and, when
// `want_unique` is set, whether no other candidate is as close (what a fix
// may rename to: fix/edits.h unique_closest).
struct Suggestion {
  std::string_view name;  // one of the candidates
  bool unique = false;    // set only when asked for
};
[[nodiscard]] auto suggest(std::string_view word, const std::vector<std::string_view> &candidates, bool want_unique)
    -> Suggestion;
// suggest(...).name as a string.
[[nodiscard]] auto closest(std::string_view word, const std::vector<std::string_view> &candidates) -> std::string;
// "a, b, c" (at most `limit` items, then ", ...").
[[nodiscard]] auto join_list(const std::vector<std::string_view> &items, std::size_t limit = 12) -> std::string;

}  // namespace callcheck::detail

#endif  // CALLCHECK_UTIL_SUGGEST_H_
