// LineIndex (document/line_index.h): byte offset -> 1-based line:column,
// columns counting code points (a TAB one column), for every position
// callcheck reports.
#include <gtest/gtest.h>

#include <string>  // std::string
#include <vector>  // std::vector

#include "document/line_index.h"

namespace {

using callcheck::Position;
using callcheck::detail::LineIndex;

auto at(const LineIndex &index, std::uint32_t offset) -> std::pair<std::uint32_t, std::uint32_t> {
  const Position p = index.position(offset);
  return {p.line, p.column};
}

using LC = std::pair<std::uint32_t, std::uint32_t>;

TEST(LineIndex, AsciiLinesAndColumns) {
  const LineIndex index("ab\ncd\n\nx");
  EXPECT_EQ(index.line_count(), 4U);
  EXPECT_EQ(at(index, 0), LC(1, 1));
  EXPECT_EQ(at(index, 2), LC(1, 3));  // the newline ends line 1
  EXPECT_EQ(at(index, 3), LC(2, 1));
  EXPECT_EQ(at(index, 6), LC(3, 1));  // the empty line
  EXPECT_EQ(at(index, 7), LC(4, 1));
  EXPECT_EQ(at(index, 8), LC(4, 2));     // the end of the text
  EXPECT_EQ(at(index, 1000), LC(4, 2));  // past it: clamped
}

TEST(LineIndex, EmptyTextIsOneLine) {
  const LineIndex index("");
  EXPECT_EQ(index.line_count(), 1U);
  EXPECT_EQ(at(index, 0), LC(1, 1));
  EXPECT_EQ(index.line_text(1), "");
  EXPECT_EQ(index.line_text(0), "");
  EXPECT_EQ(index.line_text(2), "");
}

TEST(LineIndex, CrlfAndTabs) {
  const std::string text = "{\r\n\t\"a\": 1\r\n}";
  const LineIndex index(text);
  EXPECT_EQ(index.line_count(), 3U);
  EXPECT_EQ(at(index, 3), LC(2, 1));            // the TAB
  EXPECT_EQ(at(index, 4), LC(2, 2));            // one column for it
  EXPECT_EQ(index.line_text(2), "\t\"a\": 1");  // without its CR LF
  EXPECT_EQ(index.line_text(3), "}");
}

TEST(LineIndex, ColumnsCountCodePoints) {
  // "é" is 2 bytes, "€" 3, "😀" 4: each one column.
  const std::string text = "\"\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\" x";
  const LineIndex index(text);
  EXPECT_EQ(at(index, 1), LC(1, 2));
  EXPECT_EQ(at(index, 3), LC(1, 3));   // after é
  EXPECT_EQ(at(index, 6), LC(1, 4));   // after €
  EXPECT_EQ(at(index, 10), LC(1, 5));  // after the emoji: the closing quote
  EXPECT_EQ(at(index, 12), LC(1, 7));  // x
}

TEST(LineIndex, CodePointsAcrossBlocksAndLines) {
  // The per-block count of continuation bytes (256-byte blocks) must give
  // the same column as counting from the line start, on a line that spans
  // blocks and on a line that starts inside one.
  std::string text;
  for (int i = 0; i < 300; ++i) text += "\xC3\xA9";  // 600 bytes, 300 code points
  text += "x\n";
  for (int i = 0; i < 100; ++i) text += "\xE2\x82\xAC";
  text += "y";
  const LineIndex index(text);
  EXPECT_EQ(at(index, 600), LC(1, 301));  // x
  EXPECT_EQ(at(index, 602), LC(2, 1));
  EXPECT_EQ(at(index, 602 + 300), LC(2, 101));  // y
  for (std::uint32_t k = 0; k <= 300; ++k) EXPECT_EQ(at(index, 2 * k), LC(1, k + 1)) << k;
}

TEST(LineIndex, AStrayContinuationByteIsNotAColumn) {
  // Invalid UTF-8 is reported elsewhere (CC003); its positions still advance sanely.
  const std::string text =
      "a\x80"
      "b";
  const LineIndex index(text);
  EXPECT_EQ(at(index, 1), LC(1, 2));
  EXPECT_EQ(at(index, 2), LC(1, 2));  // the stray byte takes no column of its own
  EXPECT_EQ(at(index, 3), LC(1, 3));
}

// The index is built only as far as it is asked (a clean payload locates a
// property or two near the top): whatever order the queries come in, the
// answers are those of counting from byte 0.
TEST(LineIndex, AnswersDoNotDependOnTheOrderOfQueries) {
  std::string text(700, 'a');  // ASCII blocks first, then multi-byte ones
  for (int i = 0; i < 300; ++i) text += i % 7 == 0 ? "\xC3\xA9\n" : (i % 5 == 0 ? "\xE2\x82\xAC\t" : "ab");
  text += "\n\n";
  std::vector<LC> expected;
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    expected.emplace_back(line, column);
    if (i == text.size()) break;
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0U) != 0x80U) {
      ++column;  // a continuation byte adds no column
    }
  }
  const LineIndex forward(text);
  for (std::uint32_t i = 0; i <= text.size(); ++i) ASSERT_EQ(at(forward, i), expected[i]) << i;
  const LineIndex backward(text);
  for (std::uint32_t i = static_cast<std::uint32_t>(text.size()) + 1; i-- > 0;) {
    ASSERT_EQ(at(backward, i), expected[i]) << i;
  }
  const LineIndex lines(text);
  EXPECT_EQ(lines.line_text(2), "abababab\xE2\x82\xAC\tab\xC3\xA9");  // before any position was asked
  EXPECT_EQ(at(lines, 3), LC(1, 4));
  EXPECT_EQ(lines.line_count(), line);
  EXPECT_EQ(lines.line_text(line), "");
  EXPECT_EQ(lines.line_text(line + 1), "");
}

}  // namespace
