// The lexical confinement of team-policy `$ref`s (policy/confine.h): a ref
// reaches a file in the schema's folder or below it, or is refused. The file
// system's half (symlinks) is tests/scripts/user_schemas.sh.
#include <gtest/gtest.h>

#include "policy/confine.h"

namespace callcheck::detail {
namespace {

auto file_of(std::string_view ref, std::string_view from = "policy.json") -> std::string {
  const RefTarget t = confine_ref(ref, from);
  EXPECT_TRUE(t.error.empty()) << ref << ": " << t.error;
  return t.file;
}

auto refused(std::string_view ref, std::string_view from = "policy.json") -> bool {
  return !confine_ref(ref, from).error.empty();
}

TEST(PolicyConfine, RelativeFilesInsideTheFolder) {
  EXPECT_EQ(file_of("defs.json"), "defs.json");
  EXPECT_EQ(file_of("./defs.json"), "defs.json");
  EXPECT_EQ(file_of("sub/defs.json#/definitions/x"), "sub/defs.json");
  EXPECT_EQ(confine_ref("sub/defs.json#/definitions/x", "policy.json").pointer, "/definitions/x");
  EXPECT_EQ(file_of("../defs.json", "sub/a.json"), "defs.json");  // back up, still inside
  EXPECT_EQ(file_of("x/../defs.json"), "defs.json");
  EXPECT_EQ(file_of("b.json", "sub/a.json"), "sub/b.json");  // relative to the referring file
}

TEST(PolicyConfine, SameFileFragments) {
  EXPECT_EQ(file_of("#/definitions/x", "sub/a.json"), "sub/a.json");
  EXPECT_EQ(file_of("#", "a.json"), "a.json");
  EXPECT_EQ(confine_ref("#", "a.json").pointer, "");
  EXPECT_TRUE(refused("#anchor"));  // plain-name fragments need $id, which is not honoured
  EXPECT_TRUE(refused("#/a~2b"));   // not a JSON Pointer escape
  EXPECT_TRUE(refused("#/a%zz"));   // malformed %-escape
}

TEST(PolicyConfine, EscapesAreRefused) {
  EXPECT_TRUE(refused("../outside.json"));
  EXPECT_TRUE(refused("../../etc/passwd"));
  EXPECT_TRUE(refused("sub/../../outside.json"));
  EXPECT_TRUE(refused("../../outside.json", "sub/a.json"));
  EXPECT_TRUE(refused("/etc/passwd"));
  EXPECT_TRUE(refused("//host/share/x.json"));
  EXPECT_TRUE(refused("..\\outside.json"));
  EXPECT_TRUE(refused("%2e%2e/outside.json"));
  EXPECT_TRUE(refused("sub/"));
  EXPECT_TRUE(refused("."));
  EXPECT_TRUE(refused(""));
  EXPECT_TRUE(refused(std::string(1025, 'a')));
  EXPECT_TRUE(refused(std::string("a\nb.json")));
}

TEST(PolicyConfine, SchemesAreRefused) {
  for (const char *ref :
       {"http://example.com/s.json", "https://example.com/s.json#/x", "file:///etc/passwd", "file:defs.json",
        "urn:uuid:1234", "C:/x.json", "data:application/json,{}", "defs.json?x=1", "HTTP://EXAMPLE.COM/"}) {
    EXPECT_TRUE(refused(ref)) << ref;
  }
}

TEST(PolicyConfine, FragmentTokensDecodeLikeValijson) {
  const auto tokens = fragment_tokens("/a~1b/c~0d/e%25f/");
  ASSERT_TRUE(tokens);
  EXPECT_EQ(*tokens, (std::vector<std::string>{"a/b", "c~d", "e%f"}));
  EXPECT_TRUE(fragment_tokens("")->empty());
  EXPECT_FALSE(fragment_tokens("x"));
}

}  // namespace
}  // namespace callcheck::detail
