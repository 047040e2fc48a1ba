// The did-you-mean distance (Damerau-Levenshtein, optimal string alignment,
// ASCII case folded) and the suggestion it picks.
#include <gtest/gtest.h>

#include <algorithm>    // std::min
#include <random>       // std::mt19937
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include "fix/edits.h"
#include "util/suggest.h"

namespace {

using callcheck::detail::closest;
using callcheck::detail::edit_distance;

TEST(EditDistance, CountsInsertionsDeletionsSubstitutionsAndTranspositions) {
  EXPECT_EQ(edit_distance("", ""), 0U);
  EXPECT_EQ(edit_distance("", "abc"), 3U);
  EXPECT_EQ(edit_distance("abc", ""), 3U);
  EXPECT_EQ(edit_distance("targets", "targets"), 0U);
  EXPECT_EQ(edit_distance("target", "targets"), 1U);
  EXPECT_EQ(edit_distance("targetss", "targets"), 1U);
  EXPECT_EQ(edit_distance("targots", "targets"), 1U);
  EXPECT_EQ(edit_distance("tagrets", "targets"), 1U);  // one transposition
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3U);
  EXPECT_EQ(edit_distance("ca", "abc"), 3U);  // optimal string alignment, not full Damerau
}

TEST(EditDistance, FoldsAsciiCaseOnly) {
  EXPECT_EQ(edit_distance("CallbackUri", "callbackUri"), 0U);
  EXPECT_EQ(edit_distance("MEDIACONFIG", "mediaConfig"), 0U);
  // Bytes outside ASCII are compared as they are.
  EXPECT_EQ(edit_distance("\xC3\x89t\xC3\xA9", "\xC3\xA9t\xC3\xA9"), 1U);
}

TEST(EditDistance, LongWordsAreNeverTypos) {
  const std::string a(128, 'a');
  const std::string b(129, 'a');
  EXPECT_EQ(edit_distance(a, a + ""), 0U);
  EXPECT_EQ(edit_distance(std::string(128, 'a'), std::string(127, 'a') + "b"), 1U);
  EXPECT_EQ(edit_distance(b, b), 0U);
  EXPECT_EQ(edit_distance(b, a), 1000U);
}

TEST(Closest, PicksTheNearestWithinTheBudget) {
  const std::vector<std::string_view> names{"callbackUri", "targets", "mediaConfig", "requestedModalities"};
  EXPECT_EQ(closest("calbackUri", names), "callbackUri");
  EXPECT_EQ(closest("target", names), "targets");
  EXPECT_EQ(closest("requestedModality", names), "requestedModalities");
  EXPECT_EQ(closest("zzz", names), "");      // nothing near
  EXPECT_EQ(closest("targets", names), "");  // an exact match is not a suggestion
  EXPECT_EQ(closest("tar", names), "");      // 4 edits: over a short word's budget of 1
}

TEST(Closest, TheFirstOfEquallyNearCandidatesWins) {
  const std::vector<std::string_view> names{"mute", "muted"};
  EXPECT_EQ(closest("mutes", names), "mute");
}

// The full table, every cell, as the banded and bounded one replaced it.
auto reference_distance(std::string_view a, std::string_view b) -> std::size_t {
  auto low = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) {
    for (std::size_t j = 0; j <= b.size(); ++j) {
      if (i == 0 || j == 0) {
        d[i][j] = i + j;
        continue;
      }
      const std::size_t cost = low(a[i - 1]) == low(b[j - 1]) ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && low(a[i - 1]) == low(b[j - 2]) && low(a[i - 2]) == low(b[j - 1])) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

// closest() and unique_closest() as they were: every candidate's full
// distance, then a second pass for ties.
auto reference_closest(std::string_view word, const std::vector<std::string_view> &candidates) -> std::string {
  const std::size_t budget = word.size() <= 4 ? 1 : word.size() <= 8 ? 2 : 3;
  std::size_t best = budget + 1;
  std::string_view found;
  for (const std::string_view c : candidates) {
    if (c == word) continue;
    const std::size_t d = reference_distance(word, c);
    if (d < best) {
      best = d;
      found = c;
    }
  }
  return std::string(found);
}
auto reference_unique(std::string_view word, const std::vector<std::string_view> &candidates) -> std::string {
  const std::string best = reference_closest(word, candidates);
  if (best.empty()) return best;
  const std::size_t distance = reference_distance(word, best);
  for (const std::string_view c : candidates) {
    if (c != best && reference_distance(word, c) == distance) return {};
  }
  return best;
}

TEST(Closest, AgreesWithTheFullTableOnRandomWords) {
  std::mt19937 rng(14);
  auto word = [&] {
    static constexpr std::string_view kLetters = "abAB-c";
    std::string w(rng() % 11, ' ');
    for (char &c : w) c = kLetters[rng() % kLetters.size()];
    return w;
  };
  for (int round = 0; round < 3000; ++round) {
    std::vector<std::string> owned(rng() % 8);
    for (std::string &o : owned) o = word();
    const std::string w = round % 5 == 0 && !owned.empty() ? owned.front() : word();
    const std::vector<std::string_view> candidates(owned.begin(), owned.end());
    for (const std::string_view c : candidates)
      ASSERT_EQ(edit_distance(w, c), reference_distance(w, c)) << w << " " << c;
    ASSERT_EQ(closest(w, candidates), reference_closest(w, candidates)) << w;
    ASSERT_EQ(callcheck::detail::unique_closest(w, candidates), reference_unique(w, candidates)) << w;
  }
}

}  // namespace
