// The text predicates several lint rules agree on (rules/text_predicates.h):
// placeholders (CC204), GUIDs (CC205, CC211), https URLs (CC202, CC217) and
// the value excerpts messages show. Pinned here so that a rule's cases are
// not the only thing standing between a predicate edit and every rule using it.
#include <gtest/gtest.h>

#include <string>  // std::string

#include "rules/text_predicates.h"

namespace {

namespace support = callcheck::rules::support;

TEST(RulePredicates, PlaceholdersAreTheDocumentationsTemplates) {
  // The three spellings the Graph pages use (GRAPH.md 2.4).
  EXPECT_TRUE(support::is_placeholder("tenantId-value"));
  EXPECT_TRUE(support::is_placeholder("<media config blob>"));
  EXPECT_TRUE(support::is_placeholder("{tenantId}"));
  EXPECT_TRUE(support::is_placeholder("https://bot.contoso.com/{botId}/callback"));
  // Ordinary values that look a little like them.
  EXPECT_FALSE(support::is_placeholder("-value"));                          // nothing before the suffix
  EXPECT_FALSE(support::is_placeholder("a value-value"));                   // a blank: prose, not an identifier
  EXPECT_FALSE(support::is_placeholder("<a href=\"x\">"));                  // markup
  EXPECT_FALSE(support::is_placeholder("{\"mpUri\":\"net.tcp://a:1/\"}"));  // a JSON blob
  EXPECT_FALSE(support::is_placeholder("{}"));
  EXPECT_FALSE(support::is_placeholder("a <b> value"));
  EXPECT_FALSE(support::is_placeholder(""));
}

TEST(RulePredicates, GuidsAreDashedOrThirtyTwoHexDigits) {
  EXPECT_TRUE(support::is_guid("8a34a46b-3d17-4adc-8dce-dc4e7d572698"));
  EXPECT_TRUE(support::is_guid("8A34A46B-3D17-4ADC-8DCE-DC4E7D572698"));
  EXPECT_TRUE(support::is_guid("57DAB8B1894C409AB240BD8BEAE78896"));       // the "N" format
  EXPECT_FALSE(support::is_guid("8a34a46b-3d17-4adc-8dce-dc4e7d57269"));   // 35 characters
  EXPECT_FALSE(support::is_guid("8a34a46b3-d17-4adc-8dce-dc4e7d572698"));  // a dash out of place
  EXPECT_FALSE(support::is_guid("86dc81db-c112-4228-9222-63f3esaa1edb"));  // 's' is no hex digit
  EXPECT_FALSE(support::is_guid("57DAB8B1894C409AB240BD8BEAE7889G"));
  EXPECT_FALSE(support::is_guid("{8a34a46b-3d17-4adc-8dce-dc4e7d572698}"));  // braces are not accepted
  EXPECT_FALSE(support::is_guid(""));
}

TEST(RulePredicates, LooksLikeGuidIsAMistypedGuidNotAName) {
  EXPECT_TRUE(support::looks_like_guid("86dc81db-c112-4228-9222-63f3esaa1edb"));  // one bad digit
  EXPECT_TRUE(support::looks_like_guid("d17646-3110-40b1-bae6-e9ac6c3f74"));      // groups too short
  EXPECT_FALSE(support::looks_like_guid("tenantId-value"));                       // too short, not hex
  EXPECT_FALSE(support::looks_like_guid("contoso-onmicrosoft-tenant-id"));        // mostly not hex
  EXPECT_FALSE(support::looks_like_guid("8:acs:aa67bd4c-8475-432d-bd41"));        // ':' is no GUID character
  EXPECT_FALSE(support::looks_like_guid("aa67bd4c8475432dbd4139f255720e0a"));     // one group
  EXPECT_FALSE(support::looks_like_guid(std::string(49, 'a')));
}

TEST(RulePredicates, HttpsUrlsNeedAHostAndNoBlanks) {
  std::size_t path = 0;
  EXPECT_TRUE(support::is_https_url("https://bot.contoso.com/callback", &path));
  EXPECT_EQ(path, 23U);  // where "/callback" starts
  EXPECT_TRUE(support::is_https_url("HTTPS://bot.contoso.com:8443/callback?x=1"));
  EXPECT_TRUE(support::is_https_url("https://user@bot.contoso.com"));
  path = 99;
  EXPECT_TRUE(support::is_https_url("https://bot.contoso.com", &path));
  EXPECT_EQ(path, 23U);  // no path: the end
  EXPECT_FALSE(support::is_https_url("http://bot.contoso.com/callback"));
  EXPECT_FALSE(support::is_https_url("https://"));
  EXPECT_FALSE(support::is_https_url("https:///callback"));
  EXPECT_FALSE(support::is_https_url("https://:8443/callback"));
  EXPECT_FALSE(support::is_https_url("https://user@/callback"));
  EXPECT_FALSE(support::is_https_url("https://bot.contoso.com/call back"));
  EXPECT_FALSE(support::is_https_url("https://bot.contoso.com/\x7f"));
  EXPECT_FALSE(support::is_https_url("/callback"));
}

TEST(RulePredicates, SchemeOfIsOnlyAValidScheme) {
  EXPECT_EQ(support::scheme_of("http://x"), "http");
  EXPECT_EQ(support::scheme_of("net.tcp://a:1/"), "net.tcp");
  EXPECT_EQ(support::scheme_of("/callback"), "");
  EXPECT_EQ(support::scheme_of(":x"), "");
  EXPECT_EQ(support::scheme_of("a b:c"), "");  // a blank is no scheme character
}

TEST(RulePredicates, ShownCutsAndMasksControls) {
  EXPECT_EQ(support::shown("abc"), "abc");
  EXPECT_EQ(support::shown("a\nb\x7f"), "a?b?");
  EXPECT_EQ(support::shown(std::string(81, 'x')), std::string(80, 'x') + "...");
  EXPECT_EQ(support::shown(std::string(80, 'x')), std::string(80, 'x'));
  EXPECT_EQ(support::shown("abcdef", 3), "abc...");
}

TEST(RulePredicates, CaseFoldingIsAsciiOnly) {
  EXPECT_TRUE(support::iequals("CallbackUri", "callbackURI"));
  EXPECT_FALSE(support::iequals("callbackUri", "callbackUrl"));
  EXPECT_EQ(support::lower("A\xC3\x89Z"), "a\xC3\x89z");  // UTF-8 bytes untouched
  EXPECT_TRUE(support::starts_with("https://x", "https://"));
  EXPECT_FALSE(support::starts_with("http", "https://"));
  EXPECT_TRUE(support::ends_with("prompt.wav", ".wav"));
  EXPECT_FALSE(support::ends_with("wav", ".wav"));
}

}  // namespace
