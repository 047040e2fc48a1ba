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
  EXPECT_EQ(xml_escape("\x7F"), "&#x7F;");                           // legal in XML 1.0, but a control: a reference
}

TEST(XmlEscape, ReplacesBytesThatAreNotUtf8) {
  EXPECT_EQ(xml_escape("a\xFFz"), "a" + kFffd + "z");
  EXPECT_EQ(xml_escape("\x80"), kFffd);                          // stray continuation byte
  EXPECT_EQ(xml_escape("\xC0\xAF"), kFffd + kFffd);              // overlong '/'
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
  EXPECT_EQ(xml_cdata("a\x01"
                      "b"),
            "<![CDATA[a" + kFffd + "b]]>");
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
  EXPECT_EQ(github_message_escape("\x1B[31mred\x7F"), "\\x1b[31mred\\x7f");
  EXPECT_EQ(github_message_escape("a\tb"), "a b");
  EXPECT_EQ(github_property_escape(std::string("a\0b", 3)), "a\\x00b");
}

TEST(GithubEscape, EscapesC1BidiInvalidBytesAndLegacyCommands) {
  // U+009B (C2 9B) is a one-character CSI; U+202E reverses the text shown.
  EXPECT_EQ(github_message_escape("a\xC2\x9B"
                                  "2Jb"),
            "a\\u009b2Jb");
  EXPECT_EQ(github_message_escape("\xE2\x80\xAEtxt.exe"), "\\u202etxt.exe");
  EXPECT_EQ(github_property_escape("a\xFF.json"), "a\\xff.json");
  // "##[" is a command anywhere in a line for the runner's legacy parser.
  EXPECT_EQ(github_message_escape("x ##[stop-commands]tok"), "x ##\\x5bstop-commands]tok");
  EXPECT_EQ(github_message_escape("# [ #[ ##"), "# [ #[ ##");
}

TEST(GithubEscape, KeepsMultibyteUtf8) {
  EXPECT_EQ(github_message_escape(kUtf8), kUtf8);
  EXPECT_EQ(github_property_escape(kUtf8), kUtf8);
}

TEST(Visible, EscapesEveryTerminalControl) {
  EXPECT_EQ(visible("plain text: 100%, [x]"), "plain text: 100%, [x]");
  EXPECT_EQ(visible("a\nb\rc\td"), "a\\nb\\rc\\td");
  EXPECT_EQ(visible("\x1b[31mred\x1b[0m"), "\\x1b[31mred\\x1b[0m");
  EXPECT_EQ(visible(std::string("a\0b\x7f", 4)), "a\\x00b\\x7f");
  EXPECT_EQ(visible("\xC2\x80\xC2\x9B\xC2\x9F"), "\\u0080\\u009b\\u009f");  // C1
  EXPECT_EQ(visible("\xC2\xA0\xC2\xA9"), "\xC2\xA0\xC2\xA9");               // NBSP, (c): text
  EXPECT_EQ(visible("\xE2\x80\xAE\xE2\x81\xA6\xD8\x9C\xE2\x80\x8F"), "\\u202e\\u2066\\u061c\\u200f");  // bidi
  EXPECT_EQ(visible("a\xE2\x80\xA8"
                    "b\xE2\x80\xA9"),
            "a\\u2028b\\u2029");
  EXPECT_EQ(visible("\xEF\xBB\xBF{"), "\\ufeff{");
  EXPECT_EQ(visible("caf\xE9 \xC0\xAF"), "caf\\xe9 \\xc0\\xaf");
  EXPECT_EQ(visible("##[error]x ###[y"), "##\\x5berror]x ###\\x5by");
  EXPECT_EQ(visible(kUtf8), kUtf8);
}

TEST(Visible, NoOutputByteIsAControl) {
  // Every byte value, alone and after a C2 lead: nothing below 0x20, no DEL,
  // no C2 80..9F survives.
  for (int b = 0; b < 256; ++b) {
    for (const std::string &in :
         {std::string(1, static_cast<char>(b)), "\xC2" + std::string(1, static_cast<char>(b))}) {
      const std::string out = visible(in);
      for (std::size_t i = 0; i < out.size(); ++i) {
        const auto u = static_cast<unsigned char>(out[i]);
        EXPECT_FALSE(u < 0x20U || u == 0x7FU) << b;
        if (u == 0xC2U && i + 1 < out.size()) {
          const auto next = static_cast<unsigned char>(out[i + 1]);
          EXPECT_FALSE(next >= 0x80U && next <= 0x9FU) << b;
        }
      }
    }
  }
}

TEST(Visible, PathCannotStartAWorkflowCommand) {
  EXPECT_EQ(visible_path("a\n::error ::x.json"), "a\\n::error ::x.json");
  EXPECT_EQ(visible_path("::error file=x::y.json"), "\\x3a:error file=x::y.json");
  EXPECT_EQ(visible_path("  ::stop-commands::t"), "  \\x3a:stop-commands::t");
  EXPECT_EQ(visible_path("\xE3\x80\x80\xE2\x80\x83::x"), "\xE3\x80\x80\xE2\x80\x83\\x3a:x");  // U+3000, U+2003
  EXPECT_EQ(visible_path("\t::x"), "\\t::x");  // starts with a backslash now
  EXPECT_EQ(visible_path("dir/a::b.json"), "dir/a::b.json");
  EXPECT_EQ(visible_path(""), "");
}

TEST(Visible, PlainRunsStopAtEveryLegacyCommand) {
  // '[' is plain unless it ends "##[", wherever the run it is in started:
  // after an escape, at the start, at the end.
  EXPECT_EQ(visible("[a] #[b] # [c]"), "[a] #[b] # [c]");
  EXPECT_EQ(visible("\x1b##[x"), "\\x1b##\\x5bx");
  EXPECT_EQ(visible("\xC3\xA9##[x"), "\xC3\xA9##\\x5bx");
  EXPECT_EQ(visible("#\n#[x"), "#\\n#[x");
  EXPECT_EQ(visible("x##["), "x##\\x5b");
  EXPECT_EQ(visible("[##[##["), "[##\\x5b##\\x5b");
}

TEST(Visible, EveryPositionOfALongTextIsChecked) {
  // Plain text is scanned eight bytes at a time: a control, a C1 or bidi
  // character or "##[" is found at every offset, across word boundaries too.
  const std::string plain(24, 'a');
  for (std::size_t at = 0; at <= plain.size(); ++at) {
    const std::string head = plain.substr(0, at);
    const std::string tail = plain.substr(at);
    EXPECT_EQ(visible(head + "\x1b" + tail), head + "\\x1b" + tail) << at;
    EXPECT_EQ(visible(head + "\x7f" + tail), head + "\\x7f" + tail) << at;
    EXPECT_EQ(visible(head + "\xC2\x9B" + tail), head + "\\u009b" + tail) << at;
    EXPECT_EQ(visible(head + "\xE2\x80\xAE" + tail), head + "\\u202e" + tail) << at;
    EXPECT_EQ(visible(head + "##[" + tail), head + "##\\x5b" + tail) << at;
    EXPECT_EQ(visible(head + "[#[" + tail), head + "[#[" + tail) << at;
    EXPECT_EQ(visible_path(head + "\n" + tail), head + "\\n" + tail) << at;
  }
}

TEST(Visible, AppendingEscapesOnlyTheNewText) {
  std::string out = "a\n";
  append_visible(out, "b\x1b");
  EXPECT_EQ(out, "a\nb\\x1b");
  append_visible(out, "plain");
  EXPECT_EQ(out, "a\nb\\x1bplain");
  // The path check looks at where the path starts, not at the buffer's start.
  std::string line = "x";
  append_visible_path(line, " ::error::y");
  EXPECT_EQ(line, "x \\x3a:error::y");
  line = ":";
  append_visible_path(line, "a::b");
  EXPECT_EQ(line, ":a::b");
  append_visible_path(line, "");
  EXPECT_EQ(line, ":a::b");
}

TEST(VisibleLine, ColumnsFollowTheEscapes) {
  // Columns as LineIndex counts them: one per code point, TAB one column.
  const VisibleLine plain = visible_line("\t\"a\": 1");
  EXPECT_EQ(plain.text, " \"a\": 1");
  for (std::uint32_t c = 1; c <= 8; ++c) EXPECT_EQ(plain.offset(c), c - 1);
  // A plain line is shown as read: column c at c - 1, the end past the last.
  const VisibleLine ascii = visible_line("{\"a\": [1]}");
  EXPECT_EQ(ascii.text, "{\"a\": [1]}");
  for (std::uint32_t c = 1; c <= 11; ++c) EXPECT_EQ(ascii.offset(c), c - 1);
  EXPECT_EQ(ascii.offset(0), 0U);
  EXPECT_EQ(ascii.offset(99), 10U);
  EXPECT_EQ(visible_line("").offset(1), 0U);
  // What a code frame appends as read is exactly what visible_line shows as read.
  for (const std::string_view l : {"{\"a\": [1]}", "", "\t\"a\"", "##[x", "a\x80", "caf\xC3\xA9", "x~", "x\x7f"}) {
    EXPECT_EQ(shown_as_read(l), visible_line(l).columns.empty() && visible_line(l).text == l) << l;
  }
  EXPECT_EQ(visible_line("##[x").text, "##\\x5bx");
  const VisibleLine bom = visible_line("\xEF\xBB\xBF{\"\xC3\xA9\x1b\":1}");
  EXPECT_EQ(bom.text, "\\ufeff{\"\xC3\xA9\\x1b\":1}");
  EXPECT_EQ(bom.offset(1), 0U);   // the BOM
  EXPECT_EQ(bom.offset(2), 6U);   // {
  EXPECT_EQ(bom.offset(4), 8U);   // é (two bytes)
  EXPECT_EQ(bom.offset(5), 10U);  // ESC, shown in four
  EXPECT_EQ(bom.offset(6), 14U);  // "
  EXPECT_EQ(bom.offset(10), static_cast<std::uint32_t>(bom.text.size()));
  EXPECT_EQ(bom.offset(99), static_cast<std::uint32_t>(bom.text.size()));
  // A stray continuation byte has the column of what follows (LineIndex
  // counts only lead bytes), and is shown first.
  const VisibleLine stray = visible_line(
      "a\x80"
      "b");
  EXPECT_EQ(stray.text, "a\\x80b");
  EXPECT_EQ(stray.offset(2), 1U);
  EXPECT_EQ(stray.offset(3), 6U);
}

TEST(JsonString, PlainTextNeedsNoLiteral) {
  EXPECT_TRUE(json_plain("plain \"quoted\" \\ \n\t and " + kUtf8));
  EXPECT_FALSE(json_plain("\x7f"));
  EXPECT_FALSE(json_plain("a\xC2\x9B"));
  EXPECT_FALSE(json_plain("\xE2\x80\xAE"));
  EXPECT_FALSE(json_plain("\xEF\xBB\xBF"));
  EXPECT_FALSE(json_plain("##[error]"));
  EXPECT_FALSE(json_plain("\xFF"));
}

TEST(JsonString, LiteralEscapesLosslessly) {
  EXPECT_EQ(json_string_literal("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(json_string_literal(std::string("\b\f\n\r\t\x01\0", 7)), "\"\\b\\f\\n\\r\\t\\u0001\\u0000\"");
  EXPECT_EQ(json_string_literal("\x7f\xC2\x9B\xE2\x80\xAE\xEF\xBB\xBF"), "\"\\u007f\\u009b\\u202e\\ufeff\"");
  EXPECT_EQ(json_string_literal("##[x]"), "\"##\\u005bx]\"");
  EXPECT_EQ(json_string_literal("a\xFFz"), "\"a" + kFffd + "z\"");
  EXPECT_EQ(json_string_literal(kUtf8), "\"" + kUtf8 + "\"");
}

TEST(XmlEscape, WritesControlsAsReferences) {
  EXPECT_EQ(xml_escape("a\xC2\x9B"
                       "b"),
            "a&#x9B;b");
  EXPECT_EQ(xml_escape("\xE2\x80\xAE\xEF\xBB\xBF", true), "&#x202E;&#xFEFF;");
  EXPECT_EQ(xml_escape("##[x]"), "##&#x5B;x]");
  EXPECT_EQ(xml_cdata("a\xC2\x9B"
                      "b"),
            "<![CDATA[a]]>&#x9B;<![CDATA[b]]>");
  EXPECT_EQ(xml_cdata("##[x"), "<![CDATA[##]]>&#x5B;<![CDATA[x]]>");
  // Line breaks that are data: references, so no line of the file starts
  // with what followed them.
  EXPECT_EQ(xml_cdata("a\n::error ::x\r", true), "<![CDATA[a]]>&#xA;<![CDATA[::error ::x]]>&#xD;<![CDATA[]]>");
  EXPECT_EQ(xml_cdata("a\nb"), "<![CDATA[a\nb]]>");
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
  EXPECT_EQ(well_formed_utf8("a\xFF"
                             "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(well_formed_utf8("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");                  // overlong
  EXPECT_EQ(well_formed_utf8("\xED\xB0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
  EXPECT_EQ(well_formed_utf8("\xE2\x82"), "\xEF\xBF\xBD\xEF\xBF\xBD");                  // truncated
  EXPECT_EQ(well_formed_utf8("caf\xC3\xA9"), "caf\xC3\xA9");
}
