// The strict parser and its source map: positions of keys and values,
// pointers, tabs, CRLF, multi-byte characters, parse-error positions.
#include <gtest/gtest.h>

#include "document/document.h"
#include "document/pointer.h"

namespace {

using callcheck::Limits;
using callcheck::detail::Document;

auto codes(const Document &doc) -> std::vector<std::string> {
  std::vector<std::string> out;
  for (const auto &f : doc.findings()) out.emplace_back(f.rule->code);
  return out;
}

TEST(SourceMap, ValueAndKeySpans) {
  const std::string text = "{\n  \"a\": 1,\n  \"b\": {\"c\": [true, \"x\"]}\n}";
  const Document doc = Document::parse(text, Limits{});
  ASSERT_TRUE(doc.has_dom());
  EXPECT_EQ(doc.span("/a").begin.line, 2U);
  EXPECT_EQ(doc.span("/a").begin.column, 8U);
  EXPECT_EQ(doc.span("/a", true).begin.column, 3U);
  EXPECT_EQ(doc.span("/a", true).end.column, 6U);
  EXPECT_EQ(doc.span("/b/c/1").begin.line, 3U);
  EXPECT_EQ(doc.span("/b/c/1").begin.column, 21U);
  EXPECT_EQ(doc.span("/b/c/1").end.column, 24U);
  EXPECT_EQ(doc.span("/b").end.line, 3U);
  EXPECT_EQ(doc.span("").begin.line, 1U);
  EXPECT_EQ(doc.span("").end.line, 4U);
}

TEST(SourceMap, MissingMemberFallsBackToParentKey) {
  const Document doc = Document::parse(R"({"mediaConfig": {"x": 1}})", Limits{});
  const auto span = doc.span("/mediaConfig/blob");
  EXPECT_EQ(span.begin.column, 2U);  // the "mediaConfig" key
}

TEST(SourceMap, TabsCrlfAndMultibyteCountAsOneColumn) {
  const std::string text = "{\r\n\t\"s\": \"\xC3\xA9\xE2\x82\xAC\", \"t\": 2}";
  const Document doc = Document::parse(text, Limits{});
  ASSERT_TRUE(doc.has_dom());
  EXPECT_EQ(doc.span("/s").begin.line, 2U);
  EXPECT_EQ(doc.span("/s").begin.column, 7U);
  EXPECT_EQ(doc.span("/t", true).begin.column, 13U);  // after "é€" (2 code points)
}

TEST(SourceMap, EscapedPointerTokens) {
  const Document doc = Document::parse(R"({"a/b": {"m~n": [0, 42]}})", Limits{});
  ASSERT_NE(doc.find("/a~1b/m~0n/1"), nullptr);
  EXPECT_EQ(doc.find("/a~1b/m~0n/1")->GetInt(), 42);
  EXPECT_EQ(doc.span("/a~1b/m~0n/1").begin.column, 21U);
  EXPECT_EQ(doc.find("/a~1b/m~0n/2"), nullptr);
  EXPECT_EQ(doc.find("/a~2b"), nullptr);
}

TEST(SourceMap, ArrayIndexVersusMemberNamedZero) {
  const Document doc = Document::parse(R"({"0": [5, 6], "x": {"0": 7}})", Limits{});
  EXPECT_EQ(doc.find("/0/1")->GetInt(), 6);
  EXPECT_EQ(doc.find("/x/0")->GetInt(), 7);
}

TEST(Parse, TrailingCommaPointsAtTheComma) {
  const Document doc = Document::parse("{\n  \"a\": 1,\n}", Limits{});
  ASSERT_FALSE(doc.has_dom());
  ASSERT_EQ(codes(doc), std::vector<std::string>{"CC001"});
  const auto span = doc.span_of_bytes(doc.findings()[0].begin, doc.findings()[0].end);
  EXPECT_EQ(span.begin.line, 2U);
  EXPECT_EQ(span.begin.column, 9U);
}

TEST(Parse, SyntaxErrorPositions) {
  const Document doc = Document::parse("{\"a\" 1}", Limits{});
  ASSERT_EQ(codes(doc), std::vector<std::string>{"CC001"});
  EXPECT_EQ(doc.findings()[0].begin, 5U);
  EXPECT_EQ(Document::parse("", Limits{}).findings()[0].rule->code, "CC001");
  EXPECT_EQ(Document::parse("{} {}", Limits{}).findings()[0].rule->code, "CC001");
}

TEST(Parse, DuplicateKeysAreFoundAtTheSecondKey) {
  const Document doc = Document::parse(R"({"a": {"k": 1, "k": 2}, "b": {"k": 3}})", Limits{});
  ASSERT_TRUE(doc.has_dom());
  ASSERT_EQ(codes(doc), std::vector<std::string>{"CC002"});
  EXPECT_EQ(doc.findings()[0].pointer, "/a/k");
  EXPECT_EQ(doc.findings()[0].begin, 15U);
}

TEST(Parse, ARepeatedNameIsOneFindingWithItsCount) {
  const std::string text = "{\n  \"k\": 1,\n  \"x\": 0,\n  \"k\": 2,\n  \"k\": 3\n}";
  const Document doc = Document::parse(text, Limits{});
  ASSERT_EQ(codes(doc), std::vector<std::string>{"CC002"});
  const auto &f = doc.findings()[0];
  EXPECT_EQ(f.pointer, "/k");
  EXPECT_EQ(doc.span_of_bytes(f.begin, f.end).begin.line, 4U);  // the second "k"
  EXPECT_EQ(f.message,
            "duplicate member name \"k\" (3 times in this object); first defined at line 2, column 3: parsers "
            "disagree on which value wins");
  EXPECT_EQ(f.help, "keep one of the 3 members");
  // Two names, each repeated: one finding each, in the order of their second occurrence.
  const Document two = Document::parse(R"({"a":1,"b":1,"b":2,"a":2,"a":3,"b":3})", Limits{});
  ASSERT_EQ(two.findings().size(), 2U);
  EXPECT_EQ(two.findings()[0].pointer, "/b");
  EXPECT_EQ(two.findings()[1].pointer, "/a");
}

TEST(Parse, DuplicatePositionsComeFromTheLineIndex) {
  // Multi-byte characters before the first occurrence: columns in code points.
  const Document doc = Document::parse("{\"\xC3\xA9\": 1,\n \"k\": \"\xE2\x82\xAC\", \"k\": 2}", Limits{});
  ASSERT_EQ(codes(doc), std::vector<std::string>{"CC002"});
  EXPECT_NE(doc.findings()[0].message.find("first defined at line 2, column 2:"), std::string::npos)
      << doc.findings()[0].message;
  EXPECT_EQ(doc.span_of_bytes(doc.findings()[0].begin, doc.findings()[0].end).begin.column,
            12U);  // after "€" (one column)
}

TEST(Parse, ControlCharactersInDuplicateNamesAreEscaped) {
  // C0, DEL and C1 (U+009B is a one-character CSI) never reach a message raw.
  const Document doc = Document::parse(R"({"a\u001b[2J\u007f\u009bb": 1, "a\u001b[2J\u007f\u009bb": 2})", Limits{});
  ASSERT_EQ(codes(doc), std::vector<std::string>{"CC002"});
  const std::string &m = doc.findings()[0].message;
  EXPECT_NE(m.find("\"a\\u001b[2J\\u007f\\u009bb\""), std::string::npos) << m;
  EXPECT_EQ(m.find('\x1b'), std::string::npos);
  EXPECT_EQ(m.find("\xC2\x9B"), std::string::npos);
}

TEST(SourceMap, WideContainersAreIndexed) {
  // Past kIndexedWidth children a lookup goes through the child index; both
  // paths must agree, and a repeated name resolves to its first occurrence.
  std::string text = "{\"arr\": [";
  for (int i = 0; i < 40; ++i) text += (i ? "," : "") + std::string("{\"v\": ") + std::to_string(i) + "}";
  text += "], \"obj\": {";
  for (int i = 0; i < 40; ++i)
    text += (i ? "," : "") + std::string("\"m") + std::to_string(i) + "\": [" + std::to_string(i) + "]";
  text += ", \"m7\": 99}}";
  const Document doc = Document::parse(text, Limits{});
  ASSERT_TRUE(doc.has_dom());
  for (int i = 0; i < 40; ++i) {
    const std::string element = "/arr/" + std::to_string(i) + "/v";
    const callcheck::detail::SourceNode *n = doc.node(element);
    ASSERT_NE(n, nullptr) << element;
    EXPECT_EQ(text.substr(n->begin, n->end - n->begin), std::to_string(i)) << element;
    const std::string member = "/obj/m" + std::to_string(i) + "/0";
    n = doc.node(member);
    ASSERT_NE(n, nullptr) << member;
    EXPECT_EQ(text.substr(n->begin, n->end - n->begin), std::to_string(i)) << member;
  }
  EXPECT_EQ(doc.node("/obj/m40"), nullptr);
  EXPECT_EQ(doc.node("/arr/40"), nullptr);
  EXPECT_EQ(doc.find("/obj/m7/0")->GetInt(), 7);
}

TEST(Parse, EscapedDuplicateKeysAreStillDuplicates) {
  const Document doc = Document::parse(R"({"ab": 1, "\u0061b": 2})", Limits{});
  EXPECT_EQ(codes(doc), std::vector<std::string>{"CC002"});
}

TEST(Parse, PolicyFindings) {
  EXPECT_EQ(codes(Document::parse(R"({"a\u0000": 1})", Limits{})), std::vector<std::string>{"CC005"});
  EXPECT_EQ(codes(Document::parse(R"(["\udc00"])", Limits{})), std::vector<std::string>{"CC003"});
  EXPECT_EQ(codes(Document::parse("[1.8e308]", Limits{})), std::vector<std::string>{"CC007"});
  EXPECT_EQ(codes(Document::parse("[1e400]", Limits{})), std::vector<std::string>{"CC007"});
  EXPECT_EQ(codes(Document::parse("[12345678901234567890]", Limits{})), std::vector<std::string>{"CC008"});
  const Document bom = Document::parse("\xEF\xBB\xBF{}", Limits{});
  EXPECT_TRUE(bom.has_dom());
  EXPECT_EQ(codes(bom), std::vector<std::string>{"CC006"});
  EXPECT_EQ(codes(Document::parse(std::string("{}\0x", 4), Limits{})), std::vector<std::string>{"CC005"});
  EXPECT_EQ(codes(Document::parse("[\"\xC0\xAF\"]", Limits{})), std::vector<std::string>{"CC003"});
  EXPECT_EQ(codes(Document::parse(std::string("{\0\"\0a\0\"\0", 8), Limits{})), std::vector<std::string>{"CC003"});
}

TEST(Parse, LimitsStopAtTheCrossingPoint) {
  Limits limits;
  limits.max_depth = 3;
  EXPECT_TRUE(Document::parse("[[[]]]", limits).has_dom());
  const Document deep = Document::parse("[[[[]]]]", limits);
  ASSERT_FALSE(deep.has_dom());
  ASSERT_EQ(codes(deep), std::vector<std::string>{"CC004"});
  EXPECT_EQ(deep.findings()[0].begin, 3U);
  limits = Limits{};
  limits.max_string_bytes = 4;
  EXPECT_TRUE(Document::parse(R"(["abcd"])", limits).has_dom());
  EXPECT_EQ(codes(Document::parse(R"(["abcde"])", limits)), std::vector<std::string>{"CC004"});
  limits = Limits{};
  limits.max_elements = 2;
  EXPECT_TRUE(Document::parse("[1,2]", limits).has_dom());
  EXPECT_EQ(codes(Document::parse("[1,2,3]", limits)), std::vector<std::string>{"CC004"});
  limits = Limits{};
  limits.max_members = 1;
  EXPECT_EQ(codes(Document::parse(R"({"a":1,"b":2})", limits)), std::vector<std::string>{"CC004"});
  limits = Limits{};
  limits.max_bytes = 4;
  EXPECT_TRUE(Document::parse("[12]", limits).has_dom());
  EXPECT_EQ(codes(Document::parse("[123]", limits)), std::vector<std::string>{"CC004"});
}

// No UTF-8 pass runs before the parse; when the parse does not read to the
// end, validate_utf8 says why first, and what the parse found before the
// bad byte goes, exactly as when the bytes were checked before parsing.
TEST(Parse, EncodingFindingsComeFirstWhateverTheParseFoundBefore) {
  using Codes = std::vector<std::string>;
  EXPECT_EQ(codes(Document::parse("{\"a\":1,\"a\":2,\"b\":\"\xC0\xAF\"}", Limits{})), Codes{"CC003"});
  EXPECT_EQ(codes(Document::parse("[1,}\xFF", Limits{})), Codes{"CC003"});           // after a syntax error
  EXPECT_EQ(codes(Document::parse("{\"k\":1}\xE2\x82", Limits{})), Codes{"CC003"});  // after the root value
  Limits shallow;
  shallow.max_depth = 1;
  EXPECT_EQ(codes(Document::parse(std::string("[[1]] \0", 7), shallow)), Codes{"CC005"});  // after a limit
  const Document bom = Document::parse("\xEF\xBB\xBF[\"\xED\xA0\x80\"]", Limits{});
  EXPECT_FALSE(bom.has_dom());
  ASSERT_EQ(codes(bom), (Codes{"CC006", "CC003"}));
  EXPECT_EQ(bom.findings()[1].begin, 5U);
  EXPECT_EQ(bom.findings()[1].message, "invalid UTF-8: UTF-16 surrogate (U+D800..U+DFFF) encoded as UTF-8 (byte 0xED)");
  // Valid multi-byte text parses, positions in code points.
  const Document ok = Document::parse("{\"\xE2\x82\xAC\": \"\xF0\x9F\x98\x80\", \"b\": 1}", Limits{});
  ASSERT_TRUE(ok.has_dom());
  EXPECT_TRUE(ok.findings().empty());
  EXPECT_EQ(ok.span("/b", true).begin.column, 12U);
}

// Positions come from where the reader is at each event (no rescan of the
// whitespace between values): every kind of value, pretty-printed and
// minified, with escapes and after a BOM.
TEST(SourceMap, EveryValueKindIsLocatedByItsFirstAndLastByte) {
  for (const std::string prefix : {"", "\xEF\xBB\xBF"}) {
    const std::string body =
        "{\n  \"n\" :\t-1.5e3 ,\r\n  \"t\": true, \"f\":false,\"z\":null,\n  \"s\\u0041\": \"x\\\"y\",\n"
        "  \"a\": [ 0, [], {} ,\"\"]\n}";
    const std::string text = prefix + body;
    const Document doc = Document::parse(text, Limits{});
    ASSERT_TRUE(doc.has_dom()) << text;
    auto value = [&](const std::string &pointer) {
      const callcheck::detail::SourceNode *n = doc.node(pointer);
      return n == nullptr ? std::string("?") : text.substr(n->begin, n->end - n->begin);
    };
    auto key = [&](const std::string &pointer) {
      const callcheck::detail::SourceNode *n = doc.node(pointer);
      return n == nullptr ? std::string("?") : text.substr(n->key_begin, n->key_end - n->key_begin);
    };
    EXPECT_EQ(value(""), body);
    EXPECT_EQ(value("/n"), "-1.5e3");
    EXPECT_EQ(key("/n"), "\"n\"");
    EXPECT_EQ(value("/t"), "true");
    EXPECT_EQ(value("/f"), "false");
    EXPECT_EQ(value("/z"), "null");
    EXPECT_EQ(value("/sA"), "\"x\\\"y\"");
    EXPECT_EQ(key("/sA"), "\"s\\u0041\"");
    EXPECT_EQ(value("/a"), "[ 0, [], {} ,\"\"]");
    EXPECT_EQ(value("/a/0"), "0");
    EXPECT_EQ(value("/a/1"), "[]");
    EXPECT_EQ(value("/a/2"), "{}");
    EXPECT_EQ(value("/a/3"), "\"\"");
  }
}

TEST(Pointer, EscapeAndSplit) {
  std::string p;
  callcheck::detail::append_token(p, "a/b~c");
  EXPECT_EQ(p, "/a~1b~0c");
  const auto tokens = callcheck::detail::split_pointer("/a~1b~0c//x");
  ASSERT_TRUE(tokens);
  EXPECT_EQ(*tokens, (std::vector<std::string>{"a/b~c", "", "x"}));
  EXPECT_FALSE(callcheck::detail::split_pointer("a"));
  EXPECT_FALSE(callcheck::detail::split_pointer("/~2"));
  EXPECT_EQ(callcheck::detail::parent_pointer("/a/b"), "/a");
  EXPECT_EQ(callcheck::detail::last_token("/a/m~1n"), "m/n");
  EXPECT_FALSE(callcheck::detail::parse_index("01"));
  EXPECT_EQ(callcheck::detail::parse_index("10").value_or(0), 10U);
}

}  // namespace
