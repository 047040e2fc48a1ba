// The language server at the protocol level (issue 16): framing, lifecycle,
// diagnostics on open/change (incremental)/save/close, code actions, hover,
// completion, and errors for malformed messages.
#include "document/rapidjson_adapter.h"

#include <gtest/gtest.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <chrono>
#include <sstream>
#include <string>
#include "server/server.h"

namespace callcheck {
namespace {

using server::Server;

auto parse(const std::string &text) -> rapidjson::Document {
  rapidjson::Document d;
  d.Parse(text.c_str(), text.size());
  EXPECT_FALSE(d.HasParseError()) << text;
  return d;
}

auto make_server() -> Server {
  return Server([](const std::string &) { return server::Resolved{}; });
}

auto json_string(const std::string &s) -> std::string {
  rapidjson::StringBuffer b;
  rapidjson::Writer<rapidjson::StringBuffer> w(b);
  w.String(s.c_str(), static_cast<rapidjson::SizeType>(s.size()));
  return b.GetString();
}

auto open_message(const std::string &uri, const std::string &text) -> std::string {
  return R"({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":")" + uri +
         R"(","languageId":"json","version":1,"text":)" + json_string(text) + "}}}";
}

auto request(int id, const std::string &method, const std::string &params) -> std::string {
  return R"({"jsonrpc":"2.0","id":)" + std::to_string(id) + R"(,"method":")" + method + R"(","params":)" + params + "}";
}

auto initialized() -> Server {
  Server s = make_server();
  const auto replies = s.handle(request(1, "initialize", "{}"));
  EXPECT_EQ(replies.size(), 1U);
  return s;
}

const std::string kBody =
    "{\n"
    "  \"callbackUri\": \"https://bot.contoso.com/callback\",\n"
    "  \"requestedModalities\": [\"Audio\"],\n"
    "}\n";

TEST(Server, InitializeAdvertisesIncrementalSyncAndTheProviders) {
  Server s = make_server();
  const auto replies = s.handle(request(7, "initialize", R"({"capabilities":{}})"));
  ASSERT_EQ(replies.size(), 1U);
  const auto d = parse(replies[0]);
  EXPECT_EQ(d["id"].GetInt(), 7);
  const auto &caps = d["result"]["capabilities"];
  EXPECT_EQ(caps["textDocumentSync"]["change"].GetInt(), 2);
  EXPECT_TRUE(caps["hoverProvider"].GetBool());
  EXPECT_TRUE(caps.HasMember("codeActionProvider"));
  EXPECT_TRUE(caps.HasMember("completionProvider"));
}

TEST(Server, ShutdownThenExit) {
  Server s = initialized();
  const auto r = s.handle(request(2, "shutdown", "null"));
  ASSERT_EQ(r.size(), 1U);
  EXPECT_TRUE(parse(r[0])["result"].IsNull());
  EXPECT_TRUE(s.handle(R"({"jsonrpc":"2.0","method":"exit"})").empty());
  EXPECT_TRUE(s.exited());
  EXPECT_EQ(s.exit_code(), 0);
  Server t = initialized();
  (void)t.handle(R"({"jsonrpc":"2.0","method":"exit"})");
  EXPECT_EQ(t.exit_code(), 1);  // exit without shutdown
}

TEST(Server, DiagnosticsOnOpenChangeAndClose) {
  Server s = initialized();
  auto r = s.handle(open_message("file:///nowhere/a.json", kBody));
  ASSERT_EQ(r.size(), 1U);
  auto d = parse(r[0]);
  EXPECT_STREQ(d["method"].GetString(), "textDocument/publishDiagnostics");
  const auto &diags = d["params"]["diagnostics"];
  ASSERT_EQ(diags.Size(), 1U);  // the trailing comma stops the parser
  EXPECT_STREQ(diags[0]["code"].GetString(), "CC001");
  EXPECT_EQ(diags[0]["range"]["start"]["line"].GetInt(), 2);
  EXPECT_EQ(diags[0]["range"]["start"]["character"].GetInt(), 34);
  EXPECT_EQ(diags[0]["severity"].GetInt(), 1);
  // Incremental: delete the comma (line 2, character 34..35).
  r = s.handle(
      R"({"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///nowhere/a.json","version":2},"contentChanges":[{"range":{"start":{"line":2,"character":34},"end":{"line":2,"character":35}},"text":""}]}})");
  ASSERT_EQ(r.size(), 1U);
  d = parse(r[0]);
  EXPECT_EQ(d["params"]["version"].GetInt(), 2);
  bool enum_case = false;
  for (const auto &x : d["params"]["diagnostics"].GetArray()) {
    EXPECT_STRNE(x["code"].GetString(), "CC001");
    if (std::string(x["code"].GetString()) == "CC104") {
      enum_case = true;
      EXPECT_EQ(x["range"]["start"]["line"].GetInt(), 2);
      EXPECT_EQ(x["range"]["start"]["character"].GetInt(), 26);
    }
  }
  EXPECT_TRUE(enum_case);
  r = s.handle(
      R"({"jsonrpc":"2.0","method":"textDocument/didClose","params":{"textDocument":{"uri":"file:///nowhere/a.json"}}})");
  ASSERT_EQ(r.size(), 1U);
  EXPECT_EQ(parse(r[0])["params"]["diagnostics"].Size(), 0U);
}

TEST(Server, Utf16PositionsAfterAnAstralCharacter) {
  Server s = initialized();
  // U+1F600 is two UTF-16 units (one code point, four bytes): the comma is at 10.
  const auto r = s.handle(open_message("file:///x/e.json", "{\"a\": \"\xF0\x9F\x98\x80\",}"));
  const auto d = parse(r[0]);
  ASSERT_EQ(d["params"]["diagnostics"].Size(), 1U);
  EXPECT_EQ(d["params"]["diagnostics"][0]["range"]["start"]["character"].GetInt(), 10);
}

TEST(Server, CodeActionsFromFixesAndFixAllSafe) {
  Server s = initialized();
  (void)s.handle(open_message("file:///nowhere/a.json", kBody));
  auto r = s.handle(request(
      3, "textDocument/codeAction",
      R"({"textDocument":{"uri":"file:///nowhere/a.json"},"range":{"start":{"line":2,"character":34},"end":{"line":2,"character":34}},"context":{"diagnostics":[]}})"));
  ASSERT_EQ(r.size(), 1U);
  const auto d = parse(r[0]);
  const auto &actions = d["result"];
  ASSERT_EQ(actions.Size(), 2U);
  EXPECT_STREQ(actions[0]["kind"].GetString(), "quickfix");
  EXPECT_STREQ(actions[0]["title"].GetString(), "CC001: delete the trailing comma");
  const auto &edit = actions[0]["edit"]["changes"]["file:///nowhere/a.json"][0];
  EXPECT_EQ(edit["range"]["start"]["character"].GetInt(), 34);
  EXPECT_EQ(edit["range"]["end"]["character"].GetInt(), 35);
  EXPECT_STREQ(edit["newText"].GetString(), "");
  // Fix all: the comma, then (second round) the enum case.
  EXPECT_STREQ(actions[1]["kind"].GetString(), "source.fixAll.callcheck");
  const auto &all = actions[1]["edit"]["changes"]["file:///nowhere/a.json"][0];
  EXPECT_EQ(std::string(all["newText"].GetString()),
            "{\n  \"callbackUri\": \"https://bot.contoso.com/callback\",\n  \"requestedModalities\": [\"audio\"]\n}\n");
}

TEST(Server, HoverShowsRuleDocsOnAFindingAndSchemaOnAMember) {
  Server s = initialized();
  (void)s.handle(open_message(
      "file:///nowhere/b.json",
      "{\n  \"callbackUri\": \"http://bot.contoso.com/callback\",\n  \"requestedModalities\": [\"audio\"]\n}\n"));
  auto r =
      s.handle(request(4, "textDocument/hover",
                       R"({"textDocument":{"uri":"file:///nowhere/b.json"},"position":{"line":1,"character":20}})"));
  auto d = parse(r[0]);
  ASSERT_TRUE(d["result"].IsObject()) << r[0];
  std::string text = d["result"]["contents"]["value"].GetString();
  EXPECT_NE(text.find("CC202"), std::string::npos) << text;
  EXPECT_NE(text.find("## Why is this bad?"), std::string::npos);
  r = s.handle(request(5, "textDocument/hover",
                       R"({"textDocument":{"uri":"file:///nowhere/b.json"},"position":{"line":2,"character":5}})"));
  d = parse(r[0]);
  ASSERT_TRUE(d["result"].IsObject()) << r[0];
  text = d["result"]["contents"]["value"].GetString();
  EXPECT_EQ(text.rfind("`requestedModalities`", 0), 0U) << text;
  EXPECT_GT(text.size(), std::string("`requestedModalities`").size() + 4) << "no description: " << text;
}

auto labels(const std::string &reply) -> std::vector<std::string> {
  const auto d = parse(reply);
  std::vector<std::string> out;
  for (const auto &i : d["result"]["items"].GetArray()) out.emplace_back(i["label"].GetString());
  return out;
}

auto contains(const std::vector<std::string> &v, const std::string &s) -> bool {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST(Server, CompletesMemberNamesAndEnumValuesWhileTyping) {
  Server s = initialized();
  (void)s.handle(open_message("file:///nowhere/c.json", "{\n  \"callbackUri\": \"https://x\",\n  \"\n}\n"));
  auto r =
      s.handle(request(6, "textDocument/completion",
                       R"({"textDocument":{"uri":"file:///nowhere/c.json"},"position":{"line":2,"character":3}})"));
  auto names = labels(r[0]);
  EXPECT_TRUE(contains(names, "requestedModalities"));
  EXPECT_TRUE(contains(names, "mediaConfig"));
  EXPECT_FALSE(contains(names, "callbackUri"));  // already there
  (void)s.handle(open_message("file:///nowhere/e.json",
                              "{\n  \"mediaConfig\": {\"@odata.type\": "
                              "\"#microsoft.graph.serviceHostedMediaConfig\"},\n  \"direction\": \"\n}\n"));
  r = s.handle(request(8, "textDocument/completion",
                       R"({"textDocument":{"uri":"file:///nowhere/e.json"},"position":{"line":2,"character":16}})"));
  names = labels(r[0]);
  EXPECT_TRUE(contains(names, "outgoing")) << r[0];
  EXPECT_TRUE(contains(names, "incoming"));
}

TEST(Server, MalformedMessagesGetErrorsNotCrashes) {
  Server s = make_server();
  auto r = s.handle("{not json");
  ASSERT_EQ(r.size(), 1U);
  EXPECT_EQ(parse(r[0])["error"]["code"].GetInt(), -32700);
  r = s.handle("[1,2]");
  EXPECT_EQ(parse(r[0])["error"]["code"].GetInt(), -32600);
  r = s.handle(request(1, "textDocument/hover", "{}"));
  EXPECT_EQ(parse(r[0])["error"]["code"].GetInt(), -32002);  // not initialized
  (void)s.handle(request(2, "initialize", "{}"));
  r = s.handle(request(3, "textDocument/hover",
                       R"({"textDocument":{"uri":"file:///never/opened.json"},"position":{"line":0,"character":0}})"));
  EXPECT_EQ(parse(r[0])["error"]["code"].GetInt(), -32602);
  r = s.handle(request(4, "workspace/symbol", R"({"query":""})"));
  EXPECT_EQ(parse(r[0])["error"]["code"].GetInt(), -32601);
  // Notifications are never answered, even when wrong.
  EXPECT_TRUE(s.handle(R"({"jsonrpc":"2.0","method":"textDocument/didChange","params":{}})").empty());
  // Out-of-range positions are clamped.
  (void)s.handle(open_message("file:///nowhere/f.json", "{}"));
  r = s.handle(
      R"({"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///nowhere/f.json","version":2},"contentChanges":[{"range":{"start":{"line":99,"character":99},"end":{"line":0,"character":0}},"text":"x"}]}})");
  ASSERT_EQ(r.size(), 1U);
}

TEST(Server, FramingSkipsBadHeadersAndOversizedMessages) {
  Server s = make_server();
  const std::string init = request(1, "initialize", "{}");
  const std::string big(100, ' ');
  std::string input = "Content-Length: nope\r\n\r\n";
  input += "Content-Length: " + std::to_string(big.size()) + "\r\n\r\n" + big;
  input +=
      "Content-Length: " + std::to_string(init.size()) + "\r\nContent-Type: application/vscode-jsonrpc\r\n\r\n" + init;
  const std::string exit_message = R"({"jsonrpc":"2.0","method":"exit"})";
  input += "Content-Length: " + std::to_string(exit_message.size()) + "\r\n\r\n" + exit_message;
  std::istringstream in(input);
  std::ostringstream out;
  EXPECT_EQ(server::serve(in, out, s, 80), 1);  // exit without shutdown
  const std::string replies = out.str();
  EXPECT_NE(replies.find("valid Content-Length"), std::string::npos) << replies;
  EXPECT_NE(replies.find("over the limit of 80"), std::string::npos) << replies;
  EXPECT_NE(replies.find("\"capabilities\""), std::string::npos) << replies;
}

TEST(Server, AHugeDocumentIsOneLimitFindingNotAStall) {
  Server s = initialized();
  std::string huge = "{\"a\": \"" + std::string(3U << 20U, 'x') + "\"}";
  const auto start = std::chrono::steady_clock::now();
  auto r = s.handle(open_message("file:///nowhere/huge.json", huge));
  ASSERT_EQ(r.size(), 1U);
  const auto d = parse(r[0]);
  ASSERT_EQ(d["params"]["diagnostics"].Size(), 1U);
  EXPECT_STREQ(d["params"]["diagnostics"][0]["code"].GetString(), "CC004");
  r = s.handle(
      request(9, "textDocument/completion",
              R"({"textDocument":{"uri":"file:///nowhere/huge.json"},"position":{"line":0,"character":3000000}})"));
  EXPECT_EQ(parse(r[0])["result"]["items"].Size(), 0U);
  r = s.handle(
      request(10, "textDocument/hover",
              R"({"textDocument":{"uri":"file:///nowhere/huge.json"},"position":{"line":0,"character":3000000}})"));
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
}

TEST(Server, MarkdownAndHttpDocumentsGetTheCliFindingsAtFilePositions) {
  Server s = initialized();
  const std::string md =
      "# Page\n\n```http\nPOST https://graph.microsoft.com/v1.0/communications/calls\n\n"
      "{\"callbackUri\": \"https://bot.contoso.com/cb\", \"requestedModalities\": [\"audio\",]}\n```\n";
  auto r = s.handle(open_message("file:///nowhere/page.md", md));
  auto d = parse(r[0]);
  ASSERT_EQ(d["params"]["diagnostics"].Size(), 1U) << r[0];
  EXPECT_STREQ(d["params"]["diagnostics"][0]["code"].GetString(), "CC001");
  EXPECT_EQ(d["params"]["diagnostics"][0]["range"]["start"]["line"].GetInt(), 5);
  EXPECT_EQ(d["params"]["diagnostics"][0]["range"]["start"]["character"].GetInt(), 77);
  r = s.handle(request(
      11, "textDocument/codeAction",
      R"({"textDocument":{"uri":"file:///nowhere/page.md"},"range":{"start":{"line":5,"character":77},"end":{"line":5,"character":77}},"context":{"diagnostics":[]}})"));
  d = parse(r[0]);
  ASSERT_GE(d["result"].Size(), 1U);
  const auto &edit = d["result"][0]["edit"]["changes"]["file:///nowhere/page.md"][0];
  EXPECT_EQ(edit["range"]["start"]["line"].GetInt(), 5);
  EXPECT_EQ(edit["range"]["start"]["character"].GetInt(), 77);
}

TEST(Server, ADeeplyNestedMessageDoesNotExhaustTheStack) {
  Server s = initialized();
  const std::string deep = R"({"jsonrpc":"2.0","id":5,"method":"textDocument/hover","params":)" +
                           std::string(200000, '[') + std::string(200000, ']') + "}";
  const auto r = s.handle(deep);
  ASSERT_EQ(r.size(), 1U);
  EXPECT_EQ(parse(r[0])["error"]["code"].GetInt(), -32602);
}

TEST(Server, FileUris) {
  EXPECT_EQ(server::uri_to_path("file:///home/a%20b/c.json"), "/home/a b/c.json");
  EXPECT_EQ(server::uri_to_path("file://localhost/x.json"), "/x.json");
  EXPECT_EQ(server::uri_to_path("untitled:Untitled-1"), "");
  EXPECT_EQ(server::uri_to_path("file:///a%00b"), "");
}

}  // namespace
}  // namespace callcheck
