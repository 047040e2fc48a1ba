// The third-party quirks of document/rapidjson_adapter.h and
// schema/valijson_adapter.h, pinned: if an upgrade or an include order
// changes them, these fail instead of a release build aborting or silently
// reading past a value.
#include "schema/valijson_adapter.h"

#include <gtest/gtest.h>

#include <stdexcept>  // std::logic_error
#include <string>     // std::string

namespace {

// Our RAPIDJSON_ASSERT, not valijson's and not the standard assert (compiled
// out under NDEBUG): a broken RapidJSON precondition throws, in every build.
TEST(RapidJsonAdapter, AssertionThrowsInEveryBuild) {
  rapidjson::Document doc;
  doc.Parse("42");
  ASSERT_FALSE(doc.HasParseError());
  try {
    (void)doc.GetString();  // RAPIDJSON_ASSERT(IsString())
    FAIL() << "no assertion";
  } catch (const std::logic_error &e) {
    EXPECT_EQ(std::string(e.what()).rfind("RapidJSON assertion failed: ", 0), 0U) << e.what();
  }
}

// The valijson adapter is included after our macro and must leave it alone
// (valijson's own would build a std::string from __FILE__ on every check).
TEST(ValijsonAdapter, KeepsOurAssertion) {
  rapidjson::Document doc;
  doc.Parse("[1]");
  const valijson::adapters::RapidJsonAdapter adapter(doc);
  EXPECT_TRUE(adapter.isArray());
  EXPECT_THROW((void)doc.GetObject(), std::logic_error);
}

TEST(RapidJsonAdapter, StdStringMembersAreOn) {
  rapidjson::Value v("abc");
  EXPECT_EQ(v.GetString(), std::string("abc"));
  const std::string s = "key";
  rapidjson::Document doc;
  doc.SetObject();
  doc.AddMember(rapidjson::Value(s, doc.GetAllocator()), rapidjson::Value(1), doc.GetAllocator());
  EXPECT_TRUE(doc.HasMember(s));  // HasMember(const std::string &) exists only with RAPIDJSON_HAS_STDSTRING
}

}  // namespace
