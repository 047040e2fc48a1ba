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
// The closest candidate within a length-dependent budget, or "" when none is
// close enough. Ties go to the earlier candidate.
[[nodiscard]] auto closest(std::string_view word, const std::vector<std::string_view> &candidates) -> std::string;
// "a, b, c" (at most `limit` items, then ", ...").
[[nodiscard]] auto join_list(const std::vector<std::string_view> &items, std::size_t limit = 12) -> std::string;

}  // namespace callcheck::detail

#endif  // CALLCHECK_UTIL_SUGGEST_H_
