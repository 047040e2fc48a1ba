#include "util/suggest.h"

#include <algorithm>  // std::min
#include <array>      // std::array
#include <cstdint>    // std::uint16_t

namespace callcheck::detail {

auto edit_distance(std::string_view a, std::string_view b) -> std::size_t {
  // Names are short; anything long is not a typo of a property name.
  constexpr std::size_t kMax = 128;
  if (a.size() > kMax || b.size() > kMax) return a == b ? 0 : 1000;
  // Three rolling rows and the lowered names on the stack: this runs for
  // every undeclared member against every declared name, so no heap and no
  // tolower() per cell (issue 14 item 4).
  std::array<char, kMax> la{};
  std::array<char, kMax> lb{};
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  for (std::size_t i = 0; i < a.size(); ++i) la[i] = lower(a[i]);
  for (std::size_t j = 0; j < b.size(); ++j) lb[j] = lower(b[j]);
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  std::array<std::array<std::uint16_t, kMax + 1>, 3> rows{};
  std::uint16_t *prev2 = rows[0].data();
  std::uint16_t *prev = rows[1].data();
  std::uint16_t *cur = rows[2].data();
  for (std::size_t j = 0; j <= m; ++j) prev[j] = static_cast<std::uint16_t>(j);
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = static_cast<std::uint16_t>(i);
    for (std::size_t j = 1; j <= m; ++j) {
      const std::uint16_t cost = la[i - 1] == lb[j - 1] ? 0 : 1;
      std::uint16_t v = std::min({static_cast<std::uint16_t>(prev[j] + 1), static_cast<std::uint16_t>(cur[j - 1] + 1),
                                  static_cast<std::uint16_t>(prev[j - 1] + cost)});
      if (i > 1 && j > 1 && la[i - 1] == lb[j - 2] && la[i - 2] == lb[j - 1]) {
        v = std::min(v, static_cast<std::uint16_t>(prev2[j - 2] + 1));
      }
      cur[j] = v;
    }
    std::uint16_t *spare = prev2;
    prev2 = prev;
    prev = cur;
    cur = spare;
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
    const std::size_t gap =
        word.size() > candidate.size() ? word.size() - candidate.size() : candidate.size() - word.size();
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
