// The third-party quirks of document/rapidjson_adapter.h and
// schema/valijson_adapter.h, pinned: if an upgrade or an include order
// changes them, these fail instead of a release build aborting or silently
// reading past a value.
#include "schema/valijson_adapter.h"

#include <gtest/gtest.h>

#include <stdexcept>    // std::logic_error
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include "document/document.h"
#include "document/insitu_validate.h"
#include "document/utf8.h"

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

// ---- Document::parse's reader (kStrictParseFlags, InsituStream, InsituBuffer) ----

// Records where the stream is at each event, and where each decoded string
// starts in the buffer.
struct Recorder : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, Recorder> {
  const callcheck::detail::InsituStream *stream = nullptr;
  const callcheck::detail::InsituBuffer *buffer = nullptr;
  std::vector<std::string> events;
  std::vector<std::string> strings;
  auto at(const char *what) -> bool {
    events.push_back(std::string(what) + "@" + std::to_string(stream->Tell()));
    return true;
  }
  auto Default() -> bool { return at("scalar"); }
  auto StartObject() -> bool { return at("{"); }
  auto EndObject(rapidjson::SizeType) -> bool { return at("}"); }
  auto StartArray() -> bool { return at("["); }
  auto EndArray(rapidjson::SizeType) -> bool { return at("]"); }
  auto String(const char *s, rapidjson::SizeType n, bool copy) -> bool {
    strings.emplace_back(s, n);
    EXPECT_FALSE(copy);  // in situ: the DOM keeps pointing into the buffer
    return at(("string" + std::to_string(buffer->quote_of(s))).c_str());
  }
  auto Key(const char *s, rapidjson::SizeType n, bool copy) -> bool { return String(s, n, copy); }
};

struct Parsed {
  bool ok = false;
  bool to_end = false;
  std::vector<std::string> events;
  std::vector<std::string> strings;
};

auto strict_parse(std::string_view text) -> Parsed {
  callcheck::detail::InsituBuffer buffer;
  callcheck::detail::InsituStream stream(buffer.load(text));
  Recorder recorder;
  recorder.stream = &stream;
  recorder.buffer = &buffer;
  rapidjson::Reader reader;
  const bool ok = !reader.Parse<callcheck::detail::kStrictParseFlags>(stream, recorder).IsError();
  return Parsed{ok, buffer.parsed_to_end(stream), recorder.events, recorder.strings};
}

// StrictHandler takes every position from these (no rescan of the text): the
// iterative reader reports brackets before it takes them, strings after the
// closing quote with the decoded bytes one past the opening quote, other
// scalars just past their last byte.
TEST(RapidJsonAdapter, EventPositions) {
  const Parsed p = strict_parse(R"({"a": [1, true, "x\n"]})");
  ASSERT_TRUE(p.ok);
  EXPECT_TRUE(p.to_end);
  EXPECT_EQ(p.events, (std::vector<std::string>{"{@0", "string1@4", "[@6", "scalar@8", "scalar@14", "string16@21",
                                                "]@21", "}@22"}));
  EXPECT_EQ(p.strings, (std::vector<std::string>{"a", "x\n"}));
}

// A NUL byte ends the text for RapidJSON, without an error when a value may
// end there: only parsed_to_end tells.
TEST(RapidJsonAdapter, ANulByteEndsTheParseWithoutAnError) {
  const Parsed p = strict_parse(std::string_view("{} \0garbage", 11));
  EXPECT_TRUE(p.ok);
  EXPECT_FALSE(p.to_end);
  EXPECT_FALSE(strict_parse(std::string_view("[\"a\0\"]", 6)).ok);
  const Parsed whole = strict_parse("{} ");
  EXPECT_TRUE(whole.ok && whole.to_end);
}

// StrictHandler skips the post-unescape checks of a string whose decoded
// length is its raw length: that holds only if every escape is longer than
// what it decodes to.
TEST(RapidJsonAdapter, EveryEscapeDecodesToFewerBytes) {
  for (const std::string escape :
       {R"(\")", R"(\\)", R"(\/)", R"(\b)", R"(\f)", R"(\n)", R"(\r)", R"(\t)", R"(\u0000)", R"(\u0041)", R"(\u00e9)",
        R"(\u07ff)", R"(\u0800)", R"(\u20ac)", R"(\uffff)", R"(\udc00)", R"(\ud800\udc00)", R"(\udbff\udfff)"}) {
    const Parsed p = strict_parse("[\"" + escape + "\"]");
    ASSERT_TRUE(p.ok) << escape;
    ASSERT_EQ(p.strings.size(), 1U);
    EXPECT_LT(p.strings[0].size(), escape.size()) << escape;
  }
}

// The post-unescape check exists for this: RapidJSON 1.1.0 decodes an
// escaped lone low surrogate to ED B0 80 (not UTF-8) even when validating
// (Tencent/rapidjson#1738).
TEST(RapidJsonAdapter, AnEscapedLoneLowSurrogateBecomesInvalidUtf8) {
  const Parsed p = strict_parse(R"(["\udc00"])");
  ASSERT_TRUE(p.ok);
  EXPECT_EQ(p.strings, (std::vector<std::string>{"\xED\xB0\x80"}));
}

// Document::parse has no UTF-8 pass of its own when the parse reads to the
// end: that is sound only if the validating reader rejects every string
// validate_utf8 rejects. Every two-byte sequence, and three- and four-byte
// ones around every boundary, inside a string and at the end of the text
// (where the in-situ reader reads past the text into InsituBuffer's padding).
TEST(RapidJsonAdapter, ReaderRejectsWhatValidateUtf8Rejects) {
  std::vector<std::string> sequences;
  for (int a = 0x80; a <= 0xFF; ++a) {
    sequences.push_back(std::string(1, static_cast<char>(a)));
    for (int b = 0x20; b <= 0xFF; ++b) {
      if (b == '"' || b == '\\') continue;
      sequences.push_back({static_cast<char>(a), static_cast<char>(b)});
    }
  }
  const int edges[] = {0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF};
  for (int a = 0xE0; a <= 0xF7; ++a) {
    for (int b = 0x80; b <= 0xBF; ++b) {
      for (const int c : edges) {
        sequences.push_back({static_cast<char>(a), static_cast<char>(b), static_cast<char>(c)});
        for (const int d : edges) {
          sequences.push_back({static_cast<char>(a), static_cast<char>(b), static_cast<char>(c), static_cast<char>(d)});
        }
      }
    }
  }
  for (const std::string &s : sequences) {
    const bool valid = callcheck::detail::validate_utf8(s, true).error == callcheck::detail::Utf8Error::None;
    const Parsed quoted = strict_parse("[\"" + s + "\"]");
    EXPECT_EQ(quoted.ok && quoted.to_end, valid) << testing::PrintToString(s);
    const Parsed open = strict_parse("\"" + s);  // the text ends inside the sequence
    EXPECT_FALSE(open.ok && open.to_end) << testing::PrintToString(s);
  }
}

// The DOM's strings are the parse arena's (in situ): CopyFrom shares them,
// so a value kept after its Document is copied with copy_owned.
TEST(RapidJsonAdapter, CopyFromSharesParsedStringsCopyOwnedDoesNot) {
  const callcheck::detail::Document doc =
      callcheck::detail::Document::parse(R"({"k": "longer than any short string"})", callcheck::Limits{});
  ASSERT_TRUE(doc.has_dom());
  rapidjson::Document shared;
  shared.CopyFrom(doc.root(), shared.GetAllocator());
  EXPECT_EQ(shared["k"].GetString(), doc.root()["k"].GetString());
  rapidjson::Document owned;
  callcheck::detail::copy_owned(doc.root(), owned, owned.GetAllocator());
  EXPECT_NE(owned["k"].GetString(), doc.root()["k"].GetString());
  EXPECT_STREQ(owned["k"].GetString(), "longer than any short string");
}

}  // namespace
