// callcheck::Source: per-input provenance, apart from the configuration.
#include <callcheck/check.h>

#include <gtest/gtest.h>

#include <string>  // std::string

namespace {

constexpr const char *kBody = "{\n  \"callbackUri\": \"http://bot.contoso.com/api/calls\"\n}";

auto first_of(const callcheck::Report &report, const std::string &code) -> const callcheck::Diagnostic * {
  for (const callcheck::Diagnostic &d : report.diagnostics) {
    if (d.code == code) return &d;
  }
  return nullptr;
}

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
  const callcheck::Report report = callcheck::check(R"({"callbackUri": "https://bot.contoso.com/api/calls"})",
                                                    source, callcheck::Options{});
  EXPECT_EQ(report.request.name, "answer");
  EXPECT_EQ(report.request.decided_by, "request-line");
}

// Provenance is no configuration: Options that differ only in the
// deprecated members compare equal (the CLI caches per configuration).
TEST(Source, DeprecatedProvenanceIsNoConfiguration) {
  callcheck::Options a;
  callcheck::Options b;
  b.line_offset = 3;
  b.column_offset = 2;
  b.request_line = "POST https://graph.microsoft.com/beta/app/calls";
  EXPECT_TRUE(a == b);
  b.preview = true;
  EXPECT_FALSE(a == b);
}

// Callers written before Source keep their behaviour through the old overload.
TEST(Source, OldOverloadReadsTheDeprecatedMembers) {
  callcheck::Options old;
  old.line_offset = 10;
  old.request_line = "POST https://graph.microsoft.com/beta/app/calls";
  callcheck::Source source;
  source.name = "x.json";
  source.line_offset = 10;
  source.request_line = old.request_line;
  const callcheck::Report via_options = callcheck::check(kBody, "x.json", old);
  const callcheck::Report via_source = callcheck::check(kBody, source, callcheck::Options{});
  ASSERT_EQ(via_options.diagnostics.size(), via_source.diagnostics.size());
  for (std::size_t i = 0; i < via_options.diagnostics.size(); ++i) {
    EXPECT_EQ(via_options.diagnostics[i].code, via_source.diagnostics[i].code);
    EXPECT_EQ(via_options.diagnostics[i].span.begin.line, via_source.diagnostics[i].span.begin.line);
  }
  EXPECT_NE(first_of(via_source, "CC501"), nullptr);  // the request line reached the rules
}

}  // namespace
