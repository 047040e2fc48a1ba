#include "util/suggest.h"

#include <algorithm>  // std::min
#include <array>      // std::array
#include <cstdint>    // std::uint16_t

namespace callcheck::detail {
namespace {

// Names are short; anything long is not a typo of a property name.
constexpr std::size_t kMax = 128;

auto lower(char c) -> char { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// A name lowered once, on the stack: the word is compared with every
// candidate, so it is not lowered again for each (issue 14).
struct Lowered {
  std::array<char, kMax> text{};
  std::size_t size = 0;
  explicit Lowered(std::string_view s) : size(s.size()) {
    for (std::size_t i = 0; i < s.size(); ++i) text[i] = lower(s[i]);
  }
};

// The distance of `a` and `b` when it is at most `k`, else k + 1. Only the
// cells within k of the diagonal are computed (a path through any other
// costs more than k), values are capped at k + 1 (so a cell outside the
// band reads as k + 1, never as less than its true value's cap), and two
// consecutive rows all above k end it: every later row is above k too (a
// step comes from one of the two rows before). With k the best distance so
// far, a candidate that cannot win costs a few rows, not the whole table
// (issue 14: closest() was most of an invalid payload's suggestion cost).
auto bounded_distance(const Lowered &a, std::string_view b_in, std::size_t k) -> std::size_t {
  const std::size_t n = a.size;
  const std::size_t m = b_in.size();
  const std::size_t gap = n > m ? n - m : m - n;
  if (gap > k) return k + 1;
  const Lowered b(b_in);
  const auto cap = static_cast<std::uint16_t>(k + 1);
  std::array<std::array<std::uint16_t, kMax + 2>, 3> rows;
  std::uint16_t *prev2 = rows[0].data();
  std::uint16_t *prev = rows[1].data();
  std::uint16_t *cur = rows[2].data();
  for (std::size_t j = 0; j <= m; ++j) prev[j] = static_cast<std::uint16_t>(std::min<std::size_t>(j, cap));
  std::uint16_t prev_min = 0;
  for (std::size_t i = 1; i <= n; ++i) {
    const std::size_t lo = i > k ? i - k : 1;
    const std::size_t hi = std::min(m, i + k);
    cur[lo - 1] = lo == 1 ? static_cast<std::uint16_t>(std::min<std::size_t>(i, cap)) : cap;
    std::uint16_t row_min = cur[lo - 1];
    const char ai = a.text[i - 1];
    for (std::size_t j = lo; j <= hi; ++j) {
      const std::uint16_t cost = ai == b.text[j - 1] ? 0 : 1;
      std::uint16_t v = std::min({static_cast<std::uint16_t>(prev[j] + 1), static_cast<std::uint16_t>(cur[j - 1] + 1),
                                  static_cast<std::uint16_t>(prev[j - 1] + cost)});
      if (i > 1 && j > 1 && ai == b.text[j - 2] && a.text[i - 2] == b.text[j - 1]) {
        v = std::min(v, static_cast<std::uint16_t>(prev2[j - 2] + 1));
      }
      v = std::min(v, cap);
      cur[j] = v;
      row_min = std::min(row_min, v);
    }
    if (hi < m) cur[hi + 1] = cap;
    if (row_min > k && prev_min > k) return k + 1;
    prev_min = row_min;
    std::uint16_t *spare = prev2;
    prev2 = prev;
    prev = cur;
    cur = spare;
  }
  return std::min<std::size_t>(prev[m], cap);
}

}  // namespace

auto edit_distance(std::string_view a, std::string_view b) -> std::size_t {
  if (a.size() > kMax || b.size() > kMax) return a == b ? 0 : 1000;
  return bounded_distance(Lowered(a), b, 2 * kMax);  // a band that holds the whole table
}

auto suggest(std::string_view word, const std::vector<std::string_view> &candidates, bool want_unique) -> Suggestion {
  Suggestion out;
  const std::size_t budget = word.size() <= 4 ? 1 : word.size() <= 8 ? 2 : 3;
  if (word.size() > kMax) return out;  // every distance is 1000, beyond any budget
  const Lowered lowered(word);
  std::size_t best = budget + 1;
  bool tie = false;
  bool word_present = false;
  for (const std::string_view candidate : candidates) {
    if (candidate.size() > kMax) continue;  // 1000 away: neither wins nor ties
    if (candidate == word) {
      word_present = true;
      continue;
    }
    // Only a tie with the best needs the exact distance, and only when a
    // unique answer is asked for; anything else is bounded by best - 1.
    const bool ties_matter = want_unique && !out.name.empty();
    if (best == 0 && !ties_matter) continue;  // nothing beats a match in case only
    const std::size_t k = ties_matter ? best : best - 1;
    const std::size_t d = bounded_distance(lowered, candidate, k);
    if (d < best) {
      best = d;
      out.name = candidate;
      tie = false;  // every earlier candidate is farther than this one
    } else if (ties_matter && d == best && candidate != out.name) {
      tie = true;
    }
  }
  // A candidate spelt as the word is at distance 0 from it: it ties with a
  // best that differs from the word in case only.
  out.unique = !out.name.empty() && !tie && !(word_present && best == 0);
  return out;
}

auto closest(std::string_view word, const std::vector<std::string_view> &candidates) -> std::string {
  return std::string(suggest(word, candidates, false).name);
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
