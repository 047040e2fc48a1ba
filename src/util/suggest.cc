#include "util/suggest.h"

#include <algorithm>  // std::min
#include <cctype>     // std::tolower

namespace callcheck::detail {

auto edit_distance(std::string_view a, std::string_view b) -> std::size_t {
  // Names are short; anything long is not a typo of a property name.
  if (a.size() > 128 || b.size() > 128) return a == b ? 0 : 1000;
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  std::vector<std::size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
  auto lower = [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); };
  for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1])) {
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      }
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[m];
}

auto closest(std::string_view word, const std::vector<std::string_view> &candidates) -> std::string {
  const std::size_t budget = word.size() <= 4 ? 1 : word.size() <= 8 ? 2 : 3;
  std::size_t best = budget + 1;
  std::string_view found;
  for (const std::string_view candidate : candidates) {
    if (candidate == word) continue;
    // The distance is at least the difference in length: most candidates
    // are ruled out without the O(n*m) table (a fifth of fuzz_check's time,
    // and most of a wide object's cost, went to tables that could not win).
    const std::size_t gap = word.size() > candidate.size() ? word.size() - candidate.size()
                                                           : candidate.size() - word.size();
    if (gap >= best) continue;
    const std::size_t d = edit_distance(word, candidate);
    if (d < best) {
      best = d;
      found = candidate;
    }
  }
  return std::string(found);
}

auto join_list(const std::vector<std::string_view> &items, std::size_t limit) -> std::string {
  std::string out;
  for (std::size_t i = 0; i < items.size() && i < limit; ++i) {
    if (i > 0) out += ", ";
    out += items[i];
  }
  if (items.size() > limit) out += ", ...";
  return out;
}

}  // namespace callcheck::detail
