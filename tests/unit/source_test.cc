// callcheck::Source: per-input provenance, apart from the configuration.
#include <callcheck/check.h>

#include <gtest/gtest.h>

#include <string>  // std::string

namespace {

constexpr const char *kBody = "{\n  \"callbackUri\": \"http://bot.contoso.com/api/calls\"\n}";

TEST(Source, OffsetsShiftEveryPosition) {
  const callcheck::Options options;
  const callcheck::Report plain = callcheck::check(kBody, "a.json", options);
  callcheck::Source source;
  source.name = "page.md";
  source.line_offset = 40;
  source.column_offset = 3;
  const callcheck::Report shifted = callcheck::check(kBody, source, options);
  EXPECT_EQ(shifted.source, "page.md");
  ASSERT_EQ(plain.diagnostics.size(), shifted.diagnostics.size());
  ASSERT_FALSE(plain.diagnostics.empty());
  for (std::size_t i = 0; i < plain.diagnostics.size(); ++i) {
    const callcheck::Span &a = plain.diagnostics[i].span;
    const callcheck::Span &b = shifted.diagnostics[i].span;
    EXPECT_EQ(b.begin.line, a.begin.line + 40) << plain.diagnostics[i].code;
    EXPECT_EQ(b.begin.column, a.begin.column + 3) << plain.diagnostics[i].code;
  }
}

TEST(Source, RequestLineDecidesTheRequest) {
  callcheck::Source source;
  source.name = "a.http";
  source.request_line = "POST https://graph.microsoft.com/v1.0/communications/calls/abc/answer";
  const callcheck::Report report =
      callcheck::check(R"({"callbackUri": "https://bot.contoso.com/api/calls"})", source, callcheck::Options{});
  EXPECT_EQ(report.request.name, "answer");
  EXPECT_EQ(report.request.decided_by, "request-line");
}

// The name-only overload is Source{name}: no offsets, no request line.
TEST(Source, NameOnlyOverloadIsAPlainSource) {
  const callcheck::Report by_name = callcheck::check(kBody, "x.json", callcheck::Options{});
  callcheck::Source source;
  source.name = "x.json";
  const callcheck::Report by_source = callcheck::check(kBody, source, callcheck::Options{});
  ASSERT_EQ(by_name.diagnostics.size(), by_source.diagnostics.size());
  ASSERT_FALSE(by_name.diagnostics.empty());
  for (std::size_t i = 0; i < by_name.diagnostics.size(); ++i) {
    EXPECT_EQ(by_name.diagnostics[i].code, by_source.diagnostics[i].code);
    EXPECT_EQ(by_name.diagnostics[i].span.begin.line, by_source.diagnostics[i].span.begin.line);
  }
  EXPECT_EQ(by_name.request.decided_by, by_source.request.decided_by);
}

}  // namespace
