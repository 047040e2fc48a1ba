// The escaping helpers of the machine formats (src/render/escape.h): every
// character each format treats specially, and UTF-8 passing through intact.
#include <gtest/gtest.h>

#include "render/escape.h"

namespace callcheck::detail {
namespace {

const std::string kUtf8 = "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x93\x9E";  // café € 📞
const std::string kFffd = "\xEF\xBF\xBD";

TEST(XmlEscape, EscapesTheFiveSpecialCharacters) {
  EXPECT_EQ(xml_escape("a&b<c>d\"e'f"), "a&amp;b&lt;c&gt;d&quot;e&apos;f");
  EXPECT_EQ(xml_escape("&amp;"), "&amp;amp;");
}

TEST(XmlEscape, KeepsWhitespaceInTextAndEncodesItInAttributes) {
  EXPECT_EQ(xml_escape("a\tb\nc\rd"), "a\tb\nc&#13;d");
  EXPECT_EQ(xml_escape("a\tb\nc\rd", true), "a&#9;b&#10;c&#13;d");
}

TEST(XmlEscape, ReplacesCharactersXmlCannotCarry) {
  EXPECT_EQ(xml_escape(std::string("a\0b", 3)), "a" + kFffd + "b");
  EXPECT_EQ(xml_escape("\x01\x08\x0B\x0C\x0E\x1F"), kFffd + kFffd + kFffd + kFffd + kFffd + kFffd);
  EXPECT_EQ(xml_escape("\x1B[31m"), kFffd + "[31m");
  EXPECT_EQ(xml_escape("\xEF\xBF\xBE\xEF\xBF\xBF"), kFffd + kFffd);  // U+FFFE, U+FFFF
  EXPECT_EQ(xml_escape("\x7F"), "\x7F");                               // legal in XML 1.0
}

TEST(XmlEscape, ReplacesBytesThatAreNotUtf8) {
  EXPECT_EQ(xml_escape("a\xFFz"), "a" + kFffd + "z");
  EXPECT_EQ(xml_escape("\x80"), kFffd);                  // stray continuation byte
  EXPECT_EQ(xml_escape("\xC0\xAF"), kFffd + kFffd);      // overlong '/'
  EXPECT_EQ(xml_escape("\xED\xA0\x80"), kFffd + kFffd + kFffd);  // surrogate U+D800
  EXPECT_EQ(xml_escape("ab\xE2\x82"), "ab" + kFffd + kFffd);     // truncated
}

TEST(XmlEscape, KeepsMultibyteUtf8) {
  EXPECT_EQ(xml_escape(kUtf8), kUtf8);
  EXPECT_EQ(xml_escape(kUtf8, true), kUtf8);
}

TEST(XmlCdata, WrapsText) {
  EXPECT_EQ(xml_cdata(""), "<![CDATA[]]>");
  EXPECT_EQ(xml_cdata("<&>\"'"), "<![CDATA[<&>\"']]>");
}

TEST(XmlCdata, SplitsEveryTerminator) {
  EXPECT_EQ(xml_cdata("]]>"), "<![CDATA[]]]]><![CDATA[>]]>");
  EXPECT_EQ(xml_cdata("a]]>b]]>c"), "<![CDATA[a]]]]><![CDATA[>b]]]]><![CDATA[>c]]>");
  EXPECT_EQ(xml_cdata("]]>]]>"), "<![CDATA[]]]]><![CDATA[>]]]]><![CDATA[>]]>");
  EXPECT_EQ(xml_cdata("]]]>>"), "<![CDATA[]]]]]><![CDATA[>>]]>");
  EXPECT_EQ(xml_cdata("]] >"), "<![CDATA[]] >]]>");
  // Reading the sections back (as an XML parser does) gives the original.
  for (const std::string text : {"x]]>]]]>>]]>", "]]>]]>]]>", "]]", ">", "a]]b>"}) {
    const std::string out = xml_cdata(text);
    std::string back;
    std::size_t i = 0;
    while ((i = out.find("<![CDATA[", i)) != std::string::npos) {
      const std::size_t start = i + 9;
      const std::size_t end = out.find("]]>", start);
      ASSERT_NE(end, std::string::npos) << out;
      back += out.substr(start, end - start);
      i = end + 3;
    }
    EXPECT_EQ(back, text) << out;
  }
}

TEST(XmlCdata, ReplacesIllegalCharactersAndKeepsUtf8) {
  EXPECT_EQ(xml_cdata("a\x01" "b"), "<![CDATA[a" + kFffd + "b]]>");
  EXPECT_EQ(xml_cdata(kUtf8), "<![CDATA[" + kUtf8 + "]]>");
  EXPECT_EQ(xml_cdata("a\tb\nc"), "<![CDATA[a\tb\nc]]>");
}

TEST(GithubEscape, MessageEscapesPercentCrLf) {
  EXPECT_EQ(github_message_escape("100%"), "100%25");
  EXPECT_EQ(github_message_escape("%0A"), "%250A");
  EXPECT_EQ(github_message_escape("a\r\nb"), "a%0D%0Ab");
  EXPECT_EQ(github_message_escape("a:b,c"), "a:b,c");
  EXPECT_EQ(github_message_escape("::error::x"), "::error::x");  // harmless: never at the start of a line
}

TEST(GithubEscape, PropertyAlsoEscapesColonAndComma) {
  EXPECT_EQ(github_property_escape("a:b,c"), "a%3Ab%2Cc");
  EXPECT_EQ(github_property_escape("%\r\n:,"), "%25%0D%0A%3A%2C");
  EXPECT_EQ(github_property_escape("dir/a b.json"), "dir/a b.json");
}

TEST(GithubEscape, NeutralisesOtherControlCharacters) {
  EXPECT_EQ(github_message_escape("\x1B[31mred\x7F"), "?[31mred?");
  EXPECT_EQ(github_message_escape("a\tb"), "a b");
  EXPECT_EQ(github_property_escape(std::string("a\0b", 3)), "a?b");
}

TEST(GithubEscape, KeepsMultibyteUtf8) {
  EXPECT_EQ(github_message_escape(kUtf8), kUtf8);
  EXPECT_EQ(github_property_escape(kUtf8), kUtf8);
}

TEST(UriEncode, KeepsUnreservedAndSlashes) {
  EXPECT_EQ(uri_encode("samples/valid/p2p-app_hosted.v1~x.json"), "samples/valid/p2p-app_hosted.v1~x.json");
}

TEST(UriEncode, EncodesEverythingElse) {
  EXPECT_EQ(uri_encode("a b"), "a%20b");
  EXPECT_EQ(uri_encode("c:d.json"), "c%3Ad.json");  // would otherwise read as a scheme
  EXPECT_EQ(uri_encode("%#?[]@!$&'()*+,;="), "%25%23%3F%5B%5D%40%21%24%26%27%28%29%2A%2B%2C%3B%3D");
  EXPECT_EQ(uri_encode("a\\b"), "a%5Cb");
  EXPECT_EQ(uri_encode("<stdin>"), "%3Cstdin%3E");
}

TEST(UriEncode, EncodesUtf8BytesEach) {
  EXPECT_EQ(uri_encode("caf\xC3\xA9.json"), "caf%C3%A9.json");
  EXPECT_EQ(uri_encode("\xF0\x9F\x93\x9E"), "%F0%9F%93%9E");
}

}  // namespace
}  // namespace callcheck::detail

TEST(WellFormedUtf8, ReplacesEveryIllFormedSequence) {
  using callcheck::detail::is_well_formed_utf8;
  using callcheck::detail::well_formed_utf8;
  EXPECT_TRUE(is_well_formed_utf8("plain \xC3\xA9 \xF0\x9F\x93\x9E"));
  EXPECT_FALSE(is_well_formed_utf8("\xFF"));
  EXPECT_EQ(well_formed_utf8("a\xFF" "b"), "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(well_formed_utf8("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");          // overlong
  EXPECT_EQ(well_formed_utf8("\xED\xB0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
  EXPECT_EQ(well_formed_utf8("\xE2\x82"), "\xEF\xBF\xBD\xEF\xBF\xBD");          // truncated
  EXPECT_EQ(well_formed_utf8("caf\xC3\xA9"), "caf\xC3\xA9");
}
