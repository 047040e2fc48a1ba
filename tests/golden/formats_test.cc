// Every output format (callcheck/format_table.h) over one fixed set of
// reports, compared with tests/golden/format/report.<its extension>
// (CALLCHECK_UPDATE_GOLDEN=1 rewrites them; review the diff and commit), and
// each machine format checked against its official schema:
//   sarif -> ../shared/corpus/sarif/sarif-schema-2.1.0.json (python3-jsonschema)
//   json  -> schemas/callcheck/report.schema.json              (python3-jsonschema)
//   junit -> shared/corpus/junit/JUnit.xsd                      (xmllint, libxml2-utils)
//   gitlab -> tests/schemas/gitlab-codequality.schema.json      (from GitLab's documentation)
// The reports hold what each format must escape: % : , newline ]]> < & > " '
// and non-ASCII in a message, a path with a space and a colon, an input that
// could not be read, a parse error and a clean file.
#include "document/rapidjson_adapter.h"

#include <gtest/gtest.h>

#include "golden_util.h"
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "callcheck/callcheck.h"
#include "document/document.h"
#include "schema/validate.h"

namespace {

namespace fs = std::filesystem;

void compare(const std::string &name, const std::string &actual) {
  callcheck::golden::compare(fs::path(CALLCHECK_GOLDEN_DIR) / "format" / name, actual);
}

using callcheck::golden::read;

// A payload whose findings carry every special character: the callbackUri
// (CC202) holds % , : and the undeclared member name (CC201) holds a newline,
// ]]>, the XML specials and an é.
const char *const kSpecial = R"({
  "@odata.type": "#microsoft.graph.call",
  "callbackUri": "http://bot.contoso.com/100%,a:b",
  "targets": [
    {
      "@odata.type": "#microsoft.graph.invitationParticipantInfo",
      "identity": { "@odata.type": "#microsoft.graph.identitySet", "user": { "@odata.type": "#microsoft.graph.identity", "id": "8e6d4a36" } }
    }
  ],
  "requestedModalities": ["audio"],
  "mediaConfig": { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig" },
  "x%:,\n]]><&>\"' \u00e9": true
}
)";

const std::string kHostileName =
    "evil\n::error file=x::pwned \x1b[2J\xC2\x9B"
    "1m ##[stop-commands]t.json";
const std::string kHostilePayload =
    "\xEF\xBB\xBF{\n"
    "  \"callbackUri\": \"http://bot.contoso.com/\xC2\x9B"
    "2J/\xE2\x80\xAE"
    "exe.wav/##[add-mask]x\",\n"
    "  \"x\xC2\x85\": 1\n"
    "}\n";

struct Input {
  callcheck::Report report;
  std::string text;
};

auto inputs() -> std::vector<Input> {
  std::vector<Input> out;
  callcheck::Options options;
  out.push_back({callcheck::check(kSpecial, "dir with space/a b:c.json", options), kSpecial});
  // check() keeps control characters out of its messages, but a Report is
  // public data a caller may fill: the renderers must survive raw CR, LF, TAB
  // and C0 controls in a message too.
  callcheck::Diagnostic raw;
  raw.code = "CC202";
  raw.name = "callback-uri-not-https";
  raw.severity = callcheck::Severity::Error;
  raw.message = "line one\r\nline two:\t100%, ]]> ]]]>> <&>\"' \x01\x1b[31m \xC3\xA9";
  raw.pointer = "/callbackUri";
  raw.span = {{3, 18}, {3, 51}};
  raw.help = "a help: with, specials %0A ]]>";
  out.back().report.diagnostics.push_back(raw);
  // The same payload with CC201 lowered to info: a finding below every --fail-on but info.
  callcheck::Options lowered;
  lowered.rule_levels["CC201"] = callcheck::RuleLevel::Info;
  out.push_back({callcheck::check(kSpecial, "lowered.json", lowered), kSpecial});
  const std::string broken = "{\n  \"callbackUri\": \"https://x\",\n  oops\n}\n";
  out.push_back({callcheck::check(broken, "broken.json", options), broken});
  // What the CLI makes of a file it cannot read (src/cli/run_check.cc).
  Input missing;
  missing.report.source = "missing.json";
  missing.report.input_error = true;
  callcheck::Diagnostic d;
  d.code = "CC010";
  d.name = "unreadable-input";
  d.severity = callcheck::Severity::Error;
  d.message = "cannot read `missing.json`: no such file or directory";
  d.span = {{1, 1}, {1, 1}};
  missing.report.diagnostics.push_back(d);
  out.push_back(missing);
  const std::string clean = read(fs::path(CALLCHECK_SAMPLES_DIR) / "valid" / "p2p-service-hosted.json");
  out.push_back({callcheck::check(clean, "samples/valid/p2p-service-hosted.json", options), clean});
  // A hostile repository (issue 18): a file name that holds a newline and a
  // workflow command, ESC and U+009B, and a payload whose raw bytes hold C1,
  // bidi controls, "##[" and a BOM for the code frame to show.
  out.push_back({callcheck::check(kHostilePayload, kHostileName, options), kHostilePayload});
  // Findings past the per-file cap: the first one is kept.
  callcheck::Options capped;
  capped.limits.max_findings = 1;
  out.push_back({callcheck::check(kSpecial, "capped.json", capped), kSpecial});
  return out;
}

auto render(callcheck::Format format) -> std::string {
  // The JUnit timestamp is SOURCE_DATE_EPOCH or the epoch: unset, the golden
  // holds the epoch (a test below sets it).
  unsetenv("SOURCE_DATE_EPOCH");
  callcheck::RenderOptions options;
  options.tool_version = "golden";
  auto renderer = callcheck::make_renderer(format, options);
  callcheck::Summary summary;
  std::ostringstream out;
  renderer->begin(out);
  for (const Input &in : inputs()) {
    summary.add(in.report);
    renderer->file(out, in.report, in.text);
  }
  renderer->end(out, summary);
  return out.str();
}

// Output files for the validators live in the build tree, one directory per
// test: ctest runs the tests of this binary in parallel processes.
auto scratch_dir() -> fs::path {
  return fs::path(CALLCHECK_BUILD_DIR) / "format-test" /
         ::testing::UnitTest::GetInstance()->current_test_info()->name();
}

auto scratch(const std::string &name, const std::string &content) -> fs::path {
  const fs::path dir = scratch_dir();
  fs::create_directories(dir);
  const fs::path p = dir / name;
  std::ofstream(p, std::ios::binary) << content;
  return p;
}

auto quote(const fs::path &p) -> std::string { return "'" + p.string() + "'"; }

// Runs a validator; returns its exit status and (through `log`) its output.
auto run(const std::string &command, std::string &log) -> int {
  fs::create_directories(scratch_dir());
  const fs::path out = scratch_dir() / "validator.log";
  const int status = std::system((command + " > " + quote(out) + " 2>&1").c_str());
  log = read(out);
  return status;
}

void validate_json(const fs::path &schema, const fs::path &instance) {
  const fs::path script = fs::path(CALLCHECK_SOURCE_DIR) / "tests" / "scripts" / "validate_json.py";
  std::string log;
  const int status = run("python3 " + quote(script) + " " + quote(schema) + " " + quote(instance), log);
  EXPECT_EQ(status, 0) << instance << " is not valid against " << schema << ":\n" << log;
}

// The SARIF golden holds the rule catalogue as a count: every rule's
// documentation is checked by its own tests, and a catalogue edit should not
// rewrite this file. The rules themselves are checked here instead.
auto without_rule_docs(const std::string &sarif) -> std::string {
  rapidjson::Document doc;
  doc.Parse(sarif.c_str(), sarif.size());
  EXPECT_FALSE(doc.HasParseError());
  if (doc.HasParseError()) return sarif;
  rapidjson::Value &rules = doc["runs"][0]["tool"]["driver"]["rules"];
  const auto &catalog = callcheck::rule_catalog();
  EXPECT_EQ(rules.Size(), catalog.size());
  for (rapidjson::SizeType i = 0; i < rules.Size() && i < catalog.size(); ++i) {
    EXPECT_EQ(std::string(rules[i]["id"].GetString()), catalog[i].code);
    EXPECT_EQ(std::string(rules[i]["help"]["markdown"].GetString()), catalog[i].explanation);
  }
  rules.SetString("<the rule catalogue>", doc.GetAllocator());
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> writer(buffer);
  writer.SetIndent(' ', 2);
  doc.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

// One golden per row of callcheck/format_table.h, named after the format
// (Table/FormatGolden.Render/sarif): a new format is a new test with no edit here.
class FormatGolden : public ::testing::TestWithParam<callcheck::FormatInfo> {};

TEST_P(FormatGolden, Render) {
  const callcheck::FormatInfo &f = GetParam();
  const std::string out = render(f.format);
  compare("report." + std::string(f.extension), f.format == callcheck::Format::Sarif ? without_rule_docs(out) : out);
}

INSTANTIATE_TEST_SUITE_P(Table, FormatGolden, ::testing::ValuesIn(callcheck::kFormats),
                         [](const ::testing::TestParamInfo<callcheck::FormatInfo> &info) {
                           return std::string(info.param.name);
                         });

// The table is the only list: names and enum agree and round-trip, and
// every golden under tests/golden/format/ belongs to a row.
TEST(Formats, TableRoundTripsAndOwnsEveryGolden) {
  std::size_t i = 0;
  for (const callcheck::FormatInfo &f : callcheck::kFormats) {
    EXPECT_EQ(static_cast<std::size_t>(f.format), i++) << f.name;
    EXPECT_EQ(callcheck::parse_format(f.name), f.format) << f.name;
    EXPECT_EQ(callcheck::to_string(f.format), f.name);
    EXPECT_EQ(&callcheck::format_info(f.format), &f);
  }
  EXPECT_FALSE(callcheck::parse_format("sarf").has_value());
  EXPECT_FALSE(callcheck::parse_format("").has_value());
  for (const auto &entry : fs::directory_iterator(fs::path(CALLCHECK_GOLDEN_DIR) / "format")) {
    const std::string ext = entry.path().extension().string().substr(1);
    const bool owned = std::any_of(std::begin(callcheck::kFormats), std::end(callcheck::kFormats),
                                   [&](const callcheck::FormatInfo &f) { return f.extension == ext; });
    EXPECT_TRUE(owned) << entry.path() << " is the golden of no format in callcheck/format_table.h";
  }
}

TEST(Formats, GitlabMatchesTheCodeQualityShape) {
  validate_json(fs::path(CALLCHECK_SOURCE_DIR) / "tests" / "schemas" / "gitlab-codequality.schema.json",
                scratch("report.gitlab.json", render(callcheck::Format::Gitlab)));
}

// GitLab matches a merge request's findings with the target branch's by
// fingerprint: each must be unique in a report, and must not change when the
// finding only moves to another line (lines added above it).
auto gitlab_fingerprints(const std::string &out) -> std::vector<std::string> {
  rapidjson::Document doc;
  doc.Parse(out.c_str(), out.size());
  EXPECT_TRUE(doc.IsArray());
  std::vector<std::string> prints;
  if (!doc.IsArray()) return prints;
  for (const auto &issue : doc.GetArray()) prints.emplace_back(issue["fingerprint"].GetString());
  return prints;
}

auto gitlab_of(const std::string &payload, const std::string &name) -> std::string {
  callcheck::RenderOptions options;
  auto renderer = callcheck::make_renderer(callcheck::Format::Gitlab, options);
  std::ostringstream out;
  callcheck::Summary summary;
  renderer->begin(out);
  const callcheck::Report report = callcheck::check(payload, name, callcheck::Options{});
  summary.add(report);
  renderer->file(out, report, payload);
  renderer->end(out, summary);
  return out.str();
}

TEST(Formats, GitlabFingerprintsAreUniqueAndSurviveMovedLines) {
  const std::vector<std::string> all = gitlab_fingerprints(render(callcheck::Format::Gitlab));
  std::vector<std::string> sorted = all;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(std::adjacent_find(sorted.begin(), sorted.end()), sorted.end()) << "two findings share a fingerprint";
  EXPECT_GE(all.size(), 5U);
  // The same findings, two lines further down, and under "./".
  const std::string moved = "\n\n" + std::string(kSpecial);
  const auto before = gitlab_fingerprints(gitlab_of(kSpecial, "a.json"));
  ASSERT_FALSE(before.empty());
  EXPECT_EQ(gitlab_fingerprints(gitlab_of(moved, "a.json")), before);
  EXPECT_EQ(gitlab_fingerprints(gitlab_of(kSpecial, "./a.json")), before);
  // Another file or another finding is another fingerprint.
  EXPECT_NE(gitlab_fingerprints(gitlab_of(kSpecial, "b.json")), before);
  // Two identical findings in one file (a member repeated in two targets)
  // still get two fingerprints.
  const std::string twice = R"({"callbackUri": "https://bot.contoso.com/cb", "x": {"y": 1}, "z": {"y": 1}})";
  const auto prints = gitlab_fingerprints(gitlab_of(twice, "t.json"));
  std::vector<std::string> unique = prints;
  std::sort(unique.begin(), unique.end());
  EXPECT_EQ(std::unique(unique.begin(), unique.end()), unique.end());
}

// Every finding is one line: a message cannot continue on the next.
TEST(Formats, ConciseIsOneLinePerFinding) {
  const std::string out = render(callcheck::Format::Concise);
  std::size_t findings = 0;
  for (const Input &in : inputs()) findings += in.report.diagnostics.size() + (in.report.omitted > 0 ? 1 : 0);
  std::size_t lines = 0;
  for (const char c : out) lines += c == '\n' ? 1 : 0;
  EXPECT_EQ(lines, findings + 1);  // and the summary line
}

// Each rule's page: SARIF helpUri, JSON url and the text `= docs:` line are
// the same URL, which names docs/rules/<page> (tests/scripts/rule_docs.sh
// checks the pages exist and are current).
TEST(Formats, RuleUrlsNameTheirPage) {
  for (const callcheck::RuleMeta &meta : callcheck::rule_catalog()) {
    const std::string url = callcheck::rule_url(meta.code);
    const std::string page = callcheck::rule_page(meta);
    ASSERT_EQ(url.rfind("https://", 0), 0U) << url;
    EXPECT_EQ(url.substr(url.rfind('/') + 1) + ".md", page) << meta.code;
    EXPECT_EQ(callcheck::rule_url(meta.name), url);
  }
  EXPECT_EQ(callcheck::rule_url("CC999"), "");
  const std::string sarif = render(callcheck::Format::Sarif);
  EXPECT_NE(sarif.find("\"helpUri\": \"" + callcheck::rule_url("CC202") + "\""), std::string::npos);
  EXPECT_NE(render(callcheck::Format::Json).find("\"url\": \"" + callcheck::rule_url("CC202") + "\""),
            std::string::npos);
  EXPECT_NE(render(callcheck::Format::Text).find("  = docs: " + callcheck::rule_url("CC202") + "\n"),
            std::string::npos);
}

TEST(Formats, JsonMatchesTheReportSchema) {
  validate_json(fs::path(CALLCHECK_SCHEMAS_DIR) / "callcheck" / "report.schema.json",
                scratch("report.json", render(callcheck::Format::Json)));
}

// The same contract through the embedded copy and valijson, which is what a
// C++ consumer of the library would use.
TEST(Formats, JsonMatchesTheEmbeddedReportSchema) {
  const std::string out = render(callcheck::Format::Json);
  const auto doc = callcheck::detail::Document::parse(out, callcheck::Limits{});
  ASSERT_TRUE(doc.has_dom());
  const auto findings = callcheck::detail::validate_against(doc, "callcheck/report.schema.json");
  for (const auto &f : findings) ADD_FAILURE() << f.pointer << ": " << f.message;
  // And the schema does reject what json.cc must not print.
  const auto bad = callcheck::detail::Document::parse(R"({"version": 2, "files": [], "summary": {}, "extra": 1})",
                                                      callcheck::Limits{});
  EXPECT_FALSE(callcheck::detail::validate_against(bad, "callcheck/report.schema.json").empty());
}

TEST(Formats, SarifMatchesTheOasisSchema) {
  validate_json(fs::path(CALLCHECK_SHARED_DIR) / "corpus" / "sarif" / "sarif-schema-2.1.0.json",
                scratch("report.sarif", render(callcheck::Format::Sarif)));
}

TEST(Formats, JunitMatchesTheAntSchema) {
  const fs::path xsd = fs::path(CALLCHECK_SHARED_DIR) / "corpus" / "junit" / "JUnit.xsd";
  const fs::path xml = scratch("report.xml", render(callcheck::Format::Junit));
  std::string log;
  const int status = run("xmllint --noout --schema " + quote(xsd) + " " + quote(xml), log);
  EXPECT_EQ(status, 0) << xml << " is not valid against " << xsd << " (xmllint is in libxml2-utils):\n" << log;
}

// Nothing from a payload may start a second workflow command or end one early.
TEST(Formats, GithubKeepsEveryCommandOnOneLine) {
  const std::string out = render(callcheck::Format::Github);
  std::istringstream lines(out);
  std::string line;
  std::size_t commands = 0;
  const std::regex command(
      R"(::(error|warning|notice) file=[^,:]+(,(line|col|endLine|endColumn)=[1-9][0-9]*)*,title=(CC[0-9]{3} [a-z0-9-]+|callcheck omitted-findings)::.*)");
  while (std::getline(lines, line)) {
    if (line.rfind("::", 0) != 0) {
      EXPECT_EQ(line.rfind("callcheck: ", 0), 0U) << line;
      continue;
    }
    ++commands;
    EXPECT_TRUE(std::regex_match(line, command)) << line;
  }
  std::size_t findings = 0;
  for (const Input &in : inputs()) findings += in.report.diagnostics.size() + (in.report.omitted > 0 ? 1 : 0);
  EXPECT_EQ(commands, findings);
  EXPECT_NE(out.find("file=dir with space/a b%3Ac.json"), std::string::npos);
  EXPECT_NE(out.find("x%25:,%0A]]><&>\"' \xC3\xA9"), std::string::npos) << out;
}

// What every format must never print, whatever the file name and payload
// hold (issue 18 item 6): a raw C0 control other than LF (and TAB, CR where
// the format carries them as data), DEL, a C1 control, a bidi control, a
// line that starts a workflow command, or the runner's legacy "##[" prefix.
void expect_no_controls(callcheck::Format format, const std::string &out) {
  const std::string name(callcheck::to_string(format));
  std::istringstream lines(out);
  std::string line;
  std::size_t number = 0;
  while (std::getline(lines, line)) {
    ++number;
    const std::string where = name + " line " + std::to_string(number) + ": " + line;
    std::size_t start = line.find_first_not_of(" \t");
    if (start == std::string::npos) start = line.size();
    const bool command = line.compare(start, 2, "::") == 0;
    if (format == callcheck::Format::Github) {
      EXPECT_TRUE(command || line.rfind("callcheck: ", 0) == 0) << where;
    } else {
      EXPECT_FALSE(command) << where;
    }
    EXPECT_EQ(line.find("##["), std::string::npos) << where;
    for (std::size_t i = 0; i < line.size(); ++i) {
      const auto u = static_cast<unsigned char>(line[i]);
      EXPECT_FALSE((u < 0x20U && u != '\t') || u == 0x7FU) << where << " (byte " << static_cast<int>(u) << ")";
      const auto next = i + 1 < line.size() ? static_cast<unsigned char>(line[i + 1]) : 0U;
      const auto third = i + 2 < line.size() ? static_cast<unsigned char>(line[i + 2]) : 0U;
      EXPECT_FALSE(u == 0xC2U && next >= 0x80U && next <= 0x9FU) << where << " (C1)";
      EXPECT_FALSE(u == 0xE2U && next == 0x80U && third >= 0xAAU && third <= 0xAEU) << where << " (bidi)";
      EXPECT_FALSE(u == 0xEFU && next == 0xBBU && third == 0xBFU) << where << " (BOM)";
    }
  }
}

TEST(Formats, NoFormatPrintsAControlOrACommand) {
  for (const callcheck::FormatInfo &f : callcheck::kFormats) expect_no_controls(f.format, render(f.format));
}

TEST(Formats, HostileFileNameIsShownEscaped) {
  const std::string text = render(callcheck::Format::Text);
  EXPECT_NE(text.find("evil\\n::error file=x::pwned \\x1b[2J\\u009b1m ##\\x5bstop-commands]t.json:2:18: error CC202"),
            std::string::npos)
      << text;
  // The code frame shows the C1 and bidi bytes escaped and keeps the caret
  // under the value (column 18: after the escapes shifted nothing before it).
  EXPECT_NE(text.find("2 |   \"callbackUri\": \"http://bot.contoso.com/\\u009b2J/\\u202eexe.wav/##\\x5badd-mask]x\",\n"
                      "  |                  ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n"),
            std::string::npos)
      << text;
  const std::string json = render(callcheck::Format::Json);
  EXPECT_NE(json.find(R"("path": "evil\n::error file=x::pwned \u001b[2J\u009b1m ##\u005bstop-commands]t.json")"),
            std::string::npos)
      << json;
}

TEST(Formats, OmittedFindingsAreShownAndCounted) {
  const std::string text = render(callcheck::Format::Text);
  EXPECT_NE(text.find("\ncapped.json: 1 more finding omitted\n"), std::string::npos) << text;
  EXPECT_NE(text.find("; 1 more omitted\n"), std::string::npos) << text;
  EXPECT_NE(render(callcheck::Format::Json).find("\"omitted\": 1"), std::string::npos);
  EXPECT_NE(render(callcheck::Format::Sarif).find("\"text\": \"1 more finding omitted\""), std::string::npos);
  EXPECT_NE(render(callcheck::Format::Junit).find("<property name=\"omitted\" value=\"1\"/>"), std::string::npos);
  EXPECT_NE(render(callcheck::Format::Github).find("title=callcheck omitted-findings::1 more finding omitted"),
            std::string::npos);
}

// Byte-identical output for the same input: nothing from the clock, the
// host or the process (issue 18); JUnit's timestamp follows SOURCE_DATE_EPOCH.
TEST(Formats, OutputIsDeterministic) {
  for (const callcheck::FormatInfo &f : callcheck::kFormats) {
    EXPECT_EQ(render(f.format), render(f.format)) << f.name;
  }
  EXPECT_NE(render(callcheck::Format::Junit).find("timestamp=\"1970-01-01T00:00:00\""), std::string::npos);
}

TEST(Formats, JunitTimestampIsSourceDateEpoch) {
  auto junit = [](const char *epoch) {
    setenv("SOURCE_DATE_EPOCH", epoch, 1);
    callcheck::RenderOptions options;
    auto renderer = callcheck::make_renderer(callcheck::Format::Junit, options);
    std::ostringstream out;
    callcheck::Report report;
    report.source = "a.json";
    renderer->begin(out);
    renderer->file(out, report, "");
    renderer->end(out, callcheck::Summary{});
    unsetenv("SOURCE_DATE_EPOCH");
    return out.str();
  };
  EXPECT_NE(junit("1700000000").find("timestamp=\"2023-11-14T22:13:20\""), std::string::npos);
  // Not a number of seconds: the epoch, never the clock.
  for (const char *bad : {"", "-5", "12x", "1e9", "99999999999999999999"}) {
    EXPECT_NE(junit(bad).find("timestamp=\"1970-01-01T00:00:00\""), std::string::npos) << bad;
  }
}

// Every "]]>" from a message is split; the document stays well formed (the
// schema test) and the text reads back unchanged.
TEST(Formats, JunitSplitsCdataTerminators) {
  const std::string out = render(callcheck::Format::Junit);
  EXPECT_NE(out.find("]]]]><![CDATA[>"), std::string::npos);
  EXPECT_NE(out.find("name=\"dir with space/a b:c.json\""), std::string::npos);
  EXPECT_NE(out.find("<error message=\"cannot read `missing.json`"), std::string::npos);
  // The clean file is one passing testcase named after it.
  EXPECT_NE(out.find("<testcase name=\"samples/valid/p2p-service-hosted.json\" "
                     "classname=\"samples/valid/p2p-service-hosted.json\" time=\"0\"/>"),
            std::string::npos);
}

TEST(Formats, SarifLocationsAreEncodedRelativeUris) {
  const std::string out = render(callcheck::Format::Sarif);
  EXPECT_NE(out.find("\"uri\": \"dir%20with%20space/a%20b%3Ac.json\""), std::string::npos);
  EXPECT_NE(out.find("\"uriBaseId\": \"%SRCROOT%\""), std::string::npos);
  EXPECT_NE(out.find("\"executionSuccessful\": false"), std::string::npos);
}

}  // namespace
