// suggest (util/suggest.h) beyond edit_distance_test.cc: the length-dependent
// budget of closest() at its edges, its case rules, and join_list().
#include <gtest/gtest.h>

#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include "util/suggest.h"

namespace {

using callcheck::detail::closest;
using callcheck::detail::join_list;

TEST(Suggest, TheBudgetGrowsWithTheWord) {
  // Up to 4 characters: 1 edit; up to 8: 2; longer: 3.
  EXPECT_EQ(closest("tex", {"text"}), "text");
  EXPECT_EQ(closest("tx", {"text"}), "");
  EXPECT_EQ(closest("jsno", {"json"}), "json");  // a transposition is one edit
  EXPECT_EQ(closest("srf", {"sarif"}), "");      // 2 edits, 3 letters: budget 1
  EXPECT_EQ(closest("sarf", {"sarif"}), "sarif");
  EXPECT_EQ(closest("gitlb", {"gitlab"}), "gitlab");
  EXPECT_EQ(closest("gtlb", {"gitlab"}), "");  // 2 edits, 4 letters: budget 1
  EXPECT_EQ(closest("cncise", {"concise"}), "concise");
  EXPECT_EQ(closest("conkise", {"concise"}), "concise");
  EXPECT_EQ(closest("callbakUrl", {"callbackUri"}), "callbackUri");  // 2 edits, 10 letters
  EXPECT_EQ(closest("calbakUrl", {"callbackUri"}), "callbackUri");   // 3 edits, 9 letters
  EXPECT_EQ(closest("cabakUrl", {"callbackUri"}), "");               // 4 edits, 8 letters
}

TEST(Suggest, CaseIsNoEditAndAnExactMatchNoSuggestion) {
  EXPECT_EQ(closest("SARIF", {"sarif"}), "sarif");  // a case slip is suggested (names are case-sensitive)
  EXPECT_EQ(closest("Sarf", {"sarif"}), "sarif");
  EXPECT_EQ(closest("sarif", {"sarif", "sarifs"}), "sarifs");  // the exact one is skipped, not offered
  EXPECT_EQ(closest("x", {}), "");
}

TEST(Suggest, JoinListStopsAtTheLimit) {
  EXPECT_EQ(join_list({}), "");
  EXPECT_EQ(join_list({"text"}), "text");
  EXPECT_EQ(join_list({"text", "json", "sarif"}), "text, json, sarif");
  EXPECT_EQ(join_list({"a", "b", "c"}, 2), "a, b, ...");
  EXPECT_EQ(join_list({"a", "b"}, 2), "a, b");
  const std::vector<std::string_view> many(13, "x");
  EXPECT_EQ(join_list(many), "x, x, x, x, x, x, x, x, x, x, x, x, ...");
}

}  // namespace
