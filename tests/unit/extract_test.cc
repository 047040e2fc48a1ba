// Extraction of request bodies from Markdown, .http/.rest and NDJSON, and the
// positions they report in the containing file.
#include "document/rapidjson_adapter.h"

#include "extract/extract.h"

#include <gtest/gtest.h>

#include <fstream>   // std::ifstream
#include <iterator>  // std::istreambuf_iterator

namespace callcheck::detail {
namespace {

auto read_text(const std::string &path) -> std::string {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

auto seed() -> std::string {
  return read_text(std::string(CALLCHECK_SHARED_DIR) + "/corpus/seed/create-call-beta-2019.pt-BR.md");
}

auto of_kind(const std::vector<ExtractedBody> &bodies, BodyKind kind) -> std::vector<ExtractedBody> {
  std::vector<ExtractedBody> out;
  for (const ExtractedBody &b : bodies) {
    if (b.kind == kind) out.push_back(b);
  }
  return out;
}

auto codes(const Report &r) -> std::vector<std::string> {
  std::vector<std::string> out;
  for (const Diagnostic &d : r.diagnostics) out.push_back(d.code);
  return out;
}

TEST(ExtractMarkdown, SeedPageHasSixRequestBodiesAtTheirLines) {
  const std::string text = seed();
  ASSERT_FALSE(text.empty());
  const auto bodies = extract_markdown(text, ApiVersion::Beta);
  const auto requests = of_kind(bodies, BodyKind::Request);
  ASSERT_EQ(requests.size(), 6U);
  // The first body sits inside the ```http block, after its POST line and headers.
  const std::vector<std::uint32_t> lines{67, 236, 286, 352, 408, 464};
  for (std::size_t i = 0; i < requests.size(); ++i) {
    EXPECT_EQ(requests[i].line, lines[i]) << i;
    EXPECT_EQ(requests[i].column, 1U) << i;
    EXPECT_EQ(requests[i].text.front(), '{') << i;
    EXPECT_EQ(requests[i].text.back(), '}') << i;
    EXPECT_EQ(requests[i].request_line, "POST https://graph.microsoft.com/beta/app/calls") << i;
  }
  EXPECT_EQ(requests[0].origin, "POST https://graph.microsoft.com/beta/app/calls");
  EXPECT_EQ(requests[1].origin, "```json");
}

TEST(ExtractMarkdown, SeedPageTellsTheResponseAndNotificationsApart) {
  const auto bodies = extract_markdown(seed(), ApiVersion::Beta);
  const auto responses = of_kind(bodies, BodyKind::Response);
  ASSERT_EQ(responses.size(), 1U);
  EXPECT_EQ(responses[0].line, 121U);
  EXPECT_EQ(responses[0].origin, "HTTP/1.1 201 Created");
  const auto notifications = of_kind(bodies, BodyKind::Notification);
  ASSERT_EQ(notifications.size(), 2U);
  EXPECT_EQ(notifications[0].line, 175U);
  EXPECT_EQ(notifications[1].line, 203U);
  EXPECT_EQ(bodies.size(), 9U);  // nothing else: the "ignored" block is skipped
}

TEST(ExtractMarkdown, SkippedBlocksAreOneInfoNotABadRequest) {
  const auto bodies = extract_markdown(seed(), ApiVersion::Beta);
  for (const ExtractedBody &b : bodies) {
    if (b.kind == BodyKind::Request) continue;
    const Report r = check_body(b, "page.md", Options{});
    ASSERT_EQ(codes(r), std::vector<std::string>{"CC502"}) << b.line;
    EXPECT_EQ(r.diagnostics[0].severity, Severity::Info);
    EXPECT_EQ(r.diagnostics[0].span.begin.line, b.line);
  }
}

TEST(ExtractMarkdown, PositionsLandOnTheMarkdownLine) {
  const auto requests = of_kind(extract_markdown(seed(), ApiVersion::Beta), BodyKind::Request);
  Options options;
  options.api = ApiVersion::Beta;
  const Report r = check_body(requests[0], "page.md", options);
  EXPECT_EQ(r.origin, "POST https://graph.microsoft.com/beta/app/calls");
  bool found = false;
  for (const Diagnostic &d : r.diagnostics) {
    if (d.pointer != "/tenantId") continue;
    found = true;
    EXPECT_EQ(d.span.begin.line, 103U);  //   "tenantId": "tenantId-value"
    EXPECT_TRUE(d.span.begin.column == 3U || d.span.begin.column == 15U) << d.span.begin.column;
  }
  EXPECT_TRUE(found);
}

TEST(ExtractMarkdown, BlockquotedAndIndentedBlocksKeepColumns) {
  const std::string text =
      "> ```http\n"
      "> POST https://graph.microsoft.com/v1.0/communications/calls\n"
      "> ```\n"
      "> ```json\n"
      "> {\n"
      ">   \"callbackUri\": 7\n"
      "> }\n"
      "> ```\n";
  const auto bodies = extract_markdown(text, ApiVersion::V1);
  ASSERT_EQ(bodies.size(), 1U);
  EXPECT_EQ(bodies[0].line, 5U);
  EXPECT_EQ(bodies[0].column, 3U);
  const Report r = check_body(bodies[0], "q.md", Options{});
  bool found = false;
  for (const Diagnostic &d : r.diagnostics) {
    if (d.pointer == "/callbackUri" && d.code == "CC103") {
      found = true;
      EXPECT_EQ(d.span.begin.line, 6U);
      EXPECT_EQ(d.span.begin.column, 20U);  // the 7, counted in the .md line
    }
  }
  EXPECT_TRUE(found);
}

TEST(ExtractMarkdown, AnnotationMarksARequestAndOtherRequestsAreIgnored) {
  const std::string text =
      "<!-- { \"blockType\": \"request\", \"name\": \"x\" } -->\n"
      "```json\n{\"callbackUri\": \"https://a.example/cb\"}\n```\n"
      "```http\nPOST https://graph.microsoft.com/v1.0/communications/calls/abc/answer\n```\n"
      "```json\n{\"callbackUri\": 1}\n```\n"
      "```json\n{\"unrelated\": true}\n```\n";
  const auto bodies = extract_markdown(text, ApiVersion::V1);
  // Since issue 12 the answer request is a request too (checked as answer);
  // the unannotated block after it is still ignored.
  ASSERT_EQ(bodies.size(), 2U);
  EXPECT_EQ(bodies[0].kind, BodyKind::Request);
  EXPECT_EQ(bodies[0].line, 3U);
  EXPECT_EQ(bodies[0].request_line, "");
  EXPECT_EQ(bodies[1].kind, BodyKind::Request);
  EXPECT_EQ(bodies[1].line, 9U);
  EXPECT_EQ(bodies[1].request_line, "POST https://graph.microsoft.com/v1.0/communications/calls/abc/answer");
  EXPECT_EQ(check_body(bodies[1], "a.md", Options{}).request.name, "answer");
}

TEST(ExtractMarkdown, NotificationShapeWithoutAnnotation) {
  const std::string text =
      "```http\nPOST https://bot.contoso.com/api/calls\n```\n"
      "```json\n{\"value\": [{\"changeType\": \"updated\", \"resourceUrl\": \"/communications/calls/1\"}]}\n```\n";
  const auto bodies = extract_markdown(text, ApiVersion::V1);
  ASSERT_EQ(bodies.size(), 1U);
  EXPECT_EQ(bodies[0].kind, BodyKind::Notification);
  // Valid against the commsNotifications schema: no schema remark in the note.
  EXPECT_EQ(bodies[0].note.find("schema"), std::string::npos) << bodies[0].note;
}

TEST(ExtractHttp, RequestsHeadersCommentsAndVariables) {
  const std::string text =
      "@host = https://graph.microsoft.com\n"                 // 1
      "# a comment\n"                                         // 2
      "GET {{host}}/v1.0/communications/calls/abc\n"          // 3
      "Authorization: Bearer {{token}}\n"                     // 4
      "\n"                                                    // 5
      "###\n"                                                 // 6
      "// create a call\n"                                    // 7
      "POST {{host}}/v1.0/communications/calls HTTP/1.1\n"    // 8
      "Content-Type: application/json\n"                      // 9
      "Authorization: Bearer {{token}}\n"                     // 10
      "\n"                                                    // 11
      "{\n"                                                   // 12
      "  \"callbackUri\": \"{{callback}}\",\n"                // 13
      "  \"tenantId\": {{tenant}}\n"                          // 14
      "}\n"                                                   // 15
      "\n"                                                    // 16
      "### second\n"                                          // 17
      "POST https://graph.microsoft.com/beta/app/calls\n"     // 18
      "\n"                                                    // 19
      "{\"callbackUri\": \"https://bot.contoso.com/cb\"}\n";  // 20
  const auto bodies = extract_http(text, ApiVersion::V1);
  ASSERT_EQ(bodies.size(), 3U);
  EXPECT_EQ(bodies[0].kind, BodyKind::OtherRequest);
  EXPECT_EQ(bodies[0].line, 3U);
  EXPECT_EQ(bodies[1].kind, BodyKind::Request);
  EXPECT_EQ(bodies[1].line, 12U);
  EXPECT_EQ(bodies[1].request_line, "POST {{host}}/v1.0/communications/calls HTTP/1.1");
  EXPECT_NE(bodies[1].text.find("\"{{callback}}\""), std::string::npos);  // left as written
  EXPECT_EQ(bodies[2].kind, BodyKind::Request);
  EXPECT_EQ(bodies[2].line, 20U);
  EXPECT_EQ(bodies[2].origin, "POST https://graph.microsoft.com/beta/app/calls");

  // {{tenant}} outside a string is not JSON: reported at its .http position.
  const Report r = check_body(bodies[1], "calls.http", Options{});
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_EQ(r.diagnostics[0].code, "CC001");
  EXPECT_EQ(r.diagnostics[0].span.begin.line, 14U);
  EXPECT_EQ(codes(check_body(bodies[0], "calls.http", Options{})), std::vector<std::string>{"CC502"});
}

TEST(ExtractHttp, PostWithoutBodyAndFileBodies) {
  const std::string text =
      "POST https://graph.microsoft.com/v1.0/communications/calls\n"
      "###\n"
      "POST https://graph.microsoft.com/v1.0/communications/calls\n"
      "Content-Type: application/json\n"
      "\n"
      "< ./call.json\n";
  const auto bodies = extract_http(text, ApiVersion::V1);
  ASSERT_EQ(bodies.size(), 2U);
  EXPECT_EQ(bodies[0].kind, BodyKind::Request);
  EXPECT_EQ(bodies[0].line, 1U);
  EXPECT_EQ(codes(check_body(bodies[0], "a.http", Options{})), std::vector<std::string>{"CC001"});
  EXPECT_EQ(bodies[1].kind, BodyKind::OtherRequest);
}

TEST(ExtractHttp, CallsUrl) {
  EXPECT_TRUE(is_calls_url("https://graph.microsoft.com/v1.0/communications/calls"));
  EXPECT_TRUE(is_calls_url("https://graph.microsoft.com/beta/app/calls/"));
  EXPECT_TRUE(is_calls_url("{{base}}/calls?x=1"));
  EXPECT_FALSE(is_calls_url("https://graph.microsoft.com/v1.0/communications/calls/abc/answer"));
  EXPECT_FALSE(is_calls_url("https://graph.microsoft.com/v1.0/communications/onlineMeetings"));
}

TEST(ExtractNdjson, LinePositions) {
  EXPECT_FALSE(ndjson_body("   ", 3).has_value());
  const auto body = ndjson_body("{\"callbackUri\": 5}\r", 7);
  ASSERT_TRUE(body.has_value());
  EXPECT_EQ(body->text, "{\"callbackUri\": 5}");
  const Report r = check_body(*body, "calls.ndjson", Options{});
  bool found = false;
  for (const Diagnostic &d : r.diagnostics) {
    if (d.pointer != "/callbackUri") continue;
    found = true;
    EXPECT_EQ(d.span.begin.line, 7U);
    EXPECT_EQ(d.span.begin.column, 17U);
  }
  EXPECT_TRUE(found);
}

TEST(ExtractReport, NoRequestFoundHonoursIgnore) {
  const auto r = no_request_report("a.md", "Markdown file", Options{});
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(codes(*r), std::vector<std::string>{"CC503"});
  EXPECT_EQ(r->diagnostics[0].severity, Severity::Warning);
  Options ignoring;
  ignoring.ignore = {"no-request-found"};
  EXPECT_FALSE(no_request_report("a.md", "Markdown file", ignoring).has_value());
}

}  // namespace
}  // namespace callcheck::detail
