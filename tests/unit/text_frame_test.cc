// The code frame of the text format (src/render/text.cc): which lines get
// one. A line with text exists without indexing the whole input, so only an
// empty line asks how many there are: a blank line still gets its frame, a
// line past the end none.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "callcheck/callcheck.h"

namespace callcheck {
namespace {

auto frame_at(std::string_view text, std::uint32_t line, std::uint32_t column) -> std::string {
  Report report;
  report.source = "a.json";
  Diagnostic d;
  d.code = "CC000";
  d.name = "test";
  d.message = "here";
  d.span.begin = {line, column};
  d.span.end = {line, column + 2};
  report.diagnostics.push_back(d);
  auto renderer = make_renderer(Format::Text, RenderOptions{});
  std::ostringstream out;
  renderer->file(out, report, text);
  const std::string all = out.str();
  const std::size_t first = all.find('\n');
  const std::size_t docs = all.find("  = docs:");
  return all.substr(first + 1, (docs == std::string::npos ? all.size() : docs) - first - 1);
}

TEST(TextFrame, ShownForLinesWithTextAndBlankLinesOnly) {
  const std::string text = "{\n\n  \"a\": 1\n}";
  EXPECT_EQ(frame_at(text, 3, 3), "3 |   \"a\": 1\n  |   ^~\n");
  EXPECT_EQ(frame_at(text, 2, 1), "2 | \n  | ^\n");   // blank, but there
  EXPECT_EQ(frame_at(text, 4, 1), "4 | }\n  | ^\n");  // the last, no newline
  EXPECT_EQ(frame_at(text, 5, 1), "");                // past the end
  EXPECT_EQ(frame_at(text, 99, 1), "");
}

}  // namespace
}  // namespace callcheck
