// The did-you-mean distance (Damerau-Levenshtein, optimal string alignment,
// ASCII case folded) and the suggestion it picks.
#include <gtest/gtest.h>

#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

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

}  // namespace
