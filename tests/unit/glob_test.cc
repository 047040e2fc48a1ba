// The Git syntax of config/glob.h (gitignore lines) and excluded_by()
// (--exclude, "exclude"); tests/scripts/gitignore.sh compares whole walks
// with git itself.
#include <gtest/gtest.h>

#include <chrono>  // std::chrono
#include <string>  // std::string

#include "cli/ignore.h"
#include "config/glob.h"

namespace callcheck::detail {
namespace {

auto git(std::string_view pattern, std::string_view path) -> bool { return Glob(pattern, GlobSyntax::Git).match(path); }

TEST(GitGlob, BracketsEscapesAndStars) {
  EXPECT_TRUE(git("tmp[0-9].json", "tmp7.json"));
  EXPECT_FALSE(git("tmp[0-9].json", "tmpa.json"));
  EXPECT_TRUE(git("tmp[!0-9].json", "tmpa.json"));
  EXPECT_TRUE(git("[[:upper:]]ase", "Case"));
  EXPECT_FALSE(git("a[/]b", "a/b"));  // never '/'
  EXPECT_TRUE(git("lit\\*.json", "lit*.json"));
  EXPECT_FALSE(git("lit\\*.json", "litx.json"));
  EXPECT_TRUE(git("a**b", "axxb"));  // not a whole segment: a plain `*`
  EXPECT_FALSE(git("a**b", "ax/xb"));
  EXPECT_TRUE(git("a/**/b", "a/b"));
  EXPECT_TRUE(git("a/**/b", "a/x/y/b"));
  EXPECT_TRUE(git("a/**", "a/x/y"));
  EXPECT_FALSE(git("tmp[0-9", "tmp[0-9"));  // unclosed: matches nothing, as wildmatch
  EXPECT_FALSE(git("[[:nope:]]", "n"));
  // The config syntax keeps `[` literal and `**` crossing folders.
  EXPECT_TRUE(Glob("a[1].json").match("a[1].json"));
  EXPECT_TRUE(Glob("a**b").match("ax/xb"));
}

TEST(GitGlob, HostilePatternsStayLinear) {
  std::string pattern;
  for (int i = 0; i < 300; ++i) pattern += "*a";
  // Both end like the path, so the NFA runs to the end: 300 `a` wanted, 250 there.
  const std::string path = std::string(250, 'a') + "b";
  std::string deep;
  for (int i = 0; i < 300; ++i) deep += "**/";
  std::string folders;
  for (int i = 0; i < 100; ++i) folders += "a/";
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 100; ++i) {
    EXPECT_FALSE(git(pattern + "b", path));
    EXPECT_FALSE(git(deep + "*z*b", folders + "ab"));
    EXPECT_FALSE(Glob(deep + "*z*b").match(folders + "ab"));
  }
  EXPECT_TRUE(git(pattern.substr(0, 400) + "b", path));
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

TEST(ExcludedBy, NamesAnywherePathsFromTheBase) {
  EXPECT_TRUE(excluded_by({"tsconfig.json"}, "web/tsconfig.json"));
  EXPECT_TRUE(excluded_by({"build"}, "a/build/x.json"));
  EXPECT_TRUE(excluded_by({"build/"}, "build/x.json"));
  EXPECT_FALSE(excluded_by({"build"}, "a/builder/x.json"));
  EXPECT_TRUE(excluded_by({"payloads/old"}, "payloads/old/a/b.json"));
  EXPECT_FALSE(excluded_by({"payloads/old"}, "x/payloads/old/a.json"));  // with '/': from the base only
  EXPECT_TRUE(excluded_by({"**/*.gen.json"}, "a/b/c.gen.json"));
  EXPECT_TRUE(excluded_by({"*.gen.json"}, "a/b/c.gen.json"));
  EXPECT_FALSE(excluded_by({"*.gen.json"}, "a/b/c.json"));
  EXPECT_FALSE(excluded_by({".."}, "../x.json"));
}

}  // namespace
}  // namespace callcheck::detail

namespace callcheck::cli {
namespace {

auto chain_of(std::string_view text) -> IgnoreChain {
  return IgnoreChain{std::make_shared<const IgnoreFile>(parse_ignore(text, "/r"))};
}

TEST(Ignore, GitignoreLines) {
  const IgnoreChain c =
      chain_of("# comment\n\n*.log\n!keep.log\n/top.json\nonly/\n\\#hash\n\\!bang\nsp\\ \ntrail   \nd/e\n");
  EXPECT_TRUE(ignored(c, "/r/a/x.log", false));
  EXPECT_FALSE(ignored(c, "/r/a/keep.log", false));
  EXPECT_TRUE(ignored(c, "/r/top.json", false));
  EXPECT_FALSE(ignored(c, "/r/a/top.json", false));  // anchored
  EXPECT_TRUE(ignored(c, "/r/a/only", true));
  EXPECT_FALSE(ignored(c, "/r/a/only", false));  // folders only
  EXPECT_TRUE(ignored(c, "/r/#hash", false));
  EXPECT_TRUE(ignored(c, "/r/!bang", false));
  EXPECT_TRUE(ignored(c, "/r/sp ", false));
  EXPECT_TRUE(ignored(c, "/r/trail", false));
  EXPECT_TRUE(ignored(c, "/r/d/e", false));
  EXPECT_FALSE(ignored(c, "/r/x/d/e", false));      // a middle '/' anchors too
  EXPECT_FALSE(ignored(c, "/other/x.log", false));  // outside the file's folder
}

TEST(Ignore, DeeperFileWins) {
  IgnoreChain c = chain_of("*.json\n");
  c.push_back(std::make_shared<const IgnoreFile>(parse_ignore("!keep.json\n", "/r/sub")));
  EXPECT_TRUE(ignored(c, "/r/sub/a.json", false));
  EXPECT_FALSE(ignored(c, "/r/sub/keep.json", false));
  EXPECT_TRUE(ignored(c, "/r/keep.json", false));
}

TEST(Ignore, BinaryAndHugeLinesDoNotCrash) {
  static constexpr char kLines[] = "\0\xff\n[\n\\\n!\n/\n**/**/**\n";
  std::string text(kLines, sizeof kLines - 1);  // the size, not a count: the text holds a NUL
  text += std::string(kMaxIgnoreLine + 1, '*') + "\n";
  const IgnoreChain c = chain_of(text);
  EXPECT_TRUE(ignored(c, "/r/a", false));  // `**/**/**` ignores everything
}

}  // namespace
}  // namespace callcheck::cli
