// The conventions of the rule catalogue (STYLE.md 7), enforced so they never
// depend on memory: codes, names, header files, documentation, samples.
#include "document/rapidjson_adapter.h"

#include <filesystem>   // std::filesystem
#include <map>          // std::map
#include <set>          // std::set
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include <callcheck/check.h>
#include <callcheck/rules.h>
#include <gtest/gtest.h>

#include "rule_test_support.h"

namespace callcheck {
namespace {

namespace fs = std::filesystem;

auto is_digit(char c) -> bool { return c >= '0' && c <= '9'; }

auto valid_code(std::string_view code) -> bool {
  return code.size() == 5 && code.substr(0, 2) == "CC" && is_digit(code[2]) && is_digit(code[3]) && is_digit(code[4]);
}

auto kebab(std::string_view name) -> bool {
  if (name.empty() || name.front() == '-' || name.back() == '-') return false;
  char previous = 'a';
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || is_digit(c) || c == '-';
    if (!ok || (c == '-' && previous == '-')) return false;
    previous = c;
  }
  return true;
}

auto lower(std::string_view text) -> std::string {
  std::string out(text);
  for (char &c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

auto snake(std::string_view name) -> std::string {
  std::string out(name);
  for (char &c : out) {
    if (c == '-') c = '_';
  }
  return out;
}

auto split_commas(std::string_view text) -> std::vector<std::string> {
  std::vector<std::string> out;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    const std::size_t end = std::min(text.find(',', begin), text.size());
    if (end > begin) out.emplace_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  return out;
}

// Codes that no sample payload can produce through check(text, name, options):
// they come from the CLI, the configuration layer or the extractor, or from a
// schema keyword that no schema uses today. Each must still be documented.
const std::map<std::string, std::string> kNoSample{
    {"CC010", "unreadable input: produced by the CLI while reading files"},
    {"CC100", "fallback for unclassified validator errors; every schema keyword in use has its own code"},
    {"CC106", "no schema carries minimum/maximum (the 115 s cap is CC219)"},
    {"CC108", "no schema carries minLength/maxLength"},
    {"CC109", "internal validator error: cannot be provoked by input"},
    {"CC110", "team policies: needs a user schema (tests/unit/user_schema_test.cc, tests/scripts/user_schemas.sh)"},
    {"CC401", "configuration files: the CLI's config loader"},
    {"CC402", "suppressions: the CLI's config loader"},
    {"CC403", "baselines: the CLI"},
    {"CC502", "Markdown/.http extraction: the CLI's extractor"},
    {"CC503", "Markdown/.http extraction: the CLI's extractor"},
};

// The request line a sample's finding is about (it is the input's provenance, not configuration).
auto sample_request_line(std::string_view code) -> std::string_view {
  if (code == "CC501") return "POST https://graph.microsoft.com/beta/app/calls";
  if (code == "CC253") return "POST https://graph.microsoft.com/beta/communications/calls/{id}/answer";
  return {};
}

// Options a sample needs beyond the defaults (granted scopes, a join link, a token's tenant).
auto sample_options(std::string_view code) -> Options {
  Options options;
  if (const RuleMeta *meta = find_rule(code); meta != nullptr && meta->status == Status::Preview)
    options.preview = true;
  if (code == "CC302") options.granted_scopes = std::vector<std::string>{"Calls.Initiate.All"};
  if (code == "CC303") options.granted_scopes = std::vector<std::string>{"Calls.InitiateGroupCalls.All"};
  if (code == "CC304")
    options.granted_scopes = std::vector<std::string>{"Calls.InitiateCall.All", "Calls.Initiate.All"};
  // The join-link rules compare with a link (`--join-url`), the tenant rules with a token's `tid`
  // (tests/scripts/join_url.sh runs the same samples through the CLI).
  const std::string scheduled =
      "https://teams.microsoft.com/l/meetup-join/"
      "19%3ameeting_Win6Ydo4wsMijFjZS00ZGVjLTk5MGUtOTRjNWY2NmNkYTFm%40thread.v2/"
      "0?context=%7b%22Tid%22%3a%22aa67bd4c-8475-432d-bd41-39f255720e0a%22%2c%22Oid%22%3a%225810cede-f3cc-42eb-b2c1-"
      "e9bd5d53ec96%22%7d";
  const std::string channel =
      "https://teams.microsoft.com/l/meetup-join/19%3a2d05e8c5daf34a88b821f43fee5cab00%40thread.skype/1562307724828"
      "?context=%7b%22Tid%22%3a%22aa67bd4c-8475-432d-bd41-39f255720e0a%22%2c%22Oid%22%3a%225810cede-f3cc-42eb-b2c1-"
      "e9bd5d53ec96%22%7d";
  const std::string short_link = "https://teams.microsoft.com/meet/2414128301281?p=Nz8DLMLT8b07DrkwkE";
  if (code == "CC240") options.join_url = "https://teams.live.com/meet/9322118196691?p=Xq3LmT9vRw2K";
  if (code == "CC241" || code == "CC243" || code == "CC244") options.join_url = scheduled;
  if (code == "CC242") options.join_url = channel;
  if (code == "CC245" || code == "CC246") options.join_url = short_link;
  if (code == "CC248" || code == "CC249") options.token_tenant = "97009a52-97e9-4290-8f2c-a8ac8925d978";
  return options;
}

TEST(Catalog, CodesAreValidUniqueAndSorted) {
  const auto &catalog = rule_catalog();
  ASSERT_FALSE(catalog.empty());
  for (std::size_t i = 0; i < catalog.size(); ++i) {
    EXPECT_TRUE(valid_code(catalog[i].code)) << catalog[i].code;
    if (i > 0) {
      EXPECT_LT(catalog[i - 1].code, catalog[i].code) << "codes must be unique and sorted";
    }
  }
}

TEST(Catalog, NamesAreKebabAndUnique) {
  std::set<std::string_view> names;
  for (const RuleMeta &meta : rule_catalog()) {
    EXPECT_TRUE(kebab(meta.name)) << meta.code << " " << meta.name;
    EXPECT_TRUE(names.insert(meta.name).second) << "duplicate name " << meta.name;
    EXPECT_FALSE(meta.summary.empty()) << meta.code;
    EXPECT_EQ(find_rule(meta.code), &meta);
    EXPECT_EQ(find_rule(meta.name), &meta);
  }
}

TEST(Catalog, HeaderFilesMatchCodeAndName) {
  const std::vector<std::string> files = split_commas(CALLCHECK_RULE_FILES);
  std::set<std::string> expected;
  for (const RuleMeta &meta : rule_catalog()) {
    expected.insert(lower(meta.code) + "_" + snake(meta.name) + ".h");
  }
  // rules/ holds the lint rules, catalog/ the codes a pipeline stage emits;
  // a code has one header in one of them.
  std::set<std::string> actual;
  for (const std::string &f : files) {
    const std::string base = f.substr(f.rfind('/') + 1);
    EXPECT_TRUE(f.rfind("rules/", 0) == 0 || f.rfind("catalog/", 0) == 0) << f;
    EXPECT_TRUE(actual.insert(base).second) << base << " exists in both rules/ and catalog/";
  }
  for (const std::string &f : expected) EXPECT_TRUE(actual.count(f) == 1) << "no header " << f;
  for (const std::string &f : actual)
    EXPECT_TRUE(expected.count(f) == 1) << "header " << f << " is not in the catalogue";
}

// A lint rule (rules/ccNNN_*.h) declares its messages (kMessageIds, which
// the catalogue lists): kebab-case, unique within the rule; a code a pipeline
// stage emits (catalog/) has none. Which case reaches each id is checked by
// rules_test.cc and join_rules_test.cc.
TEST(Catalog, LintRulesDeclareTheirMessageIds) {
  std::set<std::string> lint_rules;
  for (const std::string &f : split_commas(CALLCHECK_RULE_FILES)) {
    if (f.rfind("rules/cc", 0) == 0) lint_rules.insert("CC" + f.substr(8, 3));
  }
  ASSERT_GT(lint_rules.size(), 40U);
  std::size_t ids = 0;
  for (const RuleMeta &meta : rule_catalog()) {
    const bool lint = lint_rules.count(std::string(meta.code)) == 1;
    EXPECT_EQ(meta.messages.size > 0, lint) << meta.code << (lint ? " declares no message ids" : " is not a lint rule");
    std::set<std::string_view> seen;
    for (const std::string_view id : meta.messages) {
      ++ids;
      EXPECT_TRUE(kebab(id)) << meta.code << " message `" << id << "`";
      EXPECT_TRUE(seen.insert(id).second) << meta.code << " declares message `" << id << "` twice";
    }
  }
  EXPECT_GE(ids, lint_rules.size());
}

// "## Example" of a CC0xx rule may hold unparsable text (that is the
// finding); every other ```json block, and every "## Use instead", parses.
TEST(Catalog, ExplanationsHaveTheFourHeadingsInOrderAndJsonExamplesParse) {
  for (const RuleMeta &meta : rule_catalog()) {
    const std::string_view text = meta.explanation;
    std::size_t at = 0;
    for (std::string_view heading :
         {"## What it does\n", "## Why is this bad?\n", "## Example\n", "## Use instead\n"}) {
      const std::size_t found = text.find(heading, at);
      EXPECT_NE(found, std::string_view::npos) << meta.code << " lacks (or misorders) " << heading;
      if (found == std::string_view::npos) break;
      at = found + heading.size();
    }
    constexpr std::string_view kOpen = "```json\n";
    for (std::size_t open = text.find(kOpen); open != std::string_view::npos; open = text.find(kOpen, open + 1)) {
      const std::size_t begin = open + kOpen.size();
      const std::size_t close = text.find("\n```", begin - 1);
      ASSERT_NE(close, std::string_view::npos) << meta.code << ": unterminated ```json block";
      const std::string example(text.substr(begin, close + 1 - begin));
      // A parse-layer rule (CC0xx) necessarily shows a body that does not parse.
      if (meta.code.substr(0, 3) == "CC0" && text.rfind("## Use instead", open) == std::string_view::npos) continue;
      rapidjson::Document doc;
      doc.Parse(example.c_str(), example.size());
      EXPECT_FALSE(doc.HasParseError()) << meta.code << ": ```json example does not parse:\n" << example;
    }
  }
}

TEST(Catalog, EveryRuleHasATriggeringSample) {
  const fs::path dir = fs::path(CALLCHECK_SAMPLES_DIR) / "invalid";
  const auto samples = test::files_in(dir, ".json");
  for (const RuleMeta &meta : rule_catalog()) {
    if (meta.status == Status::Removed) continue;
    // CC6xx are `callcheck audit` findings: tests/unit/audit_test.cc audits
    // their samples (any extension) and compares the goldens.
    if (meta.code.substr(0, 3) == "CC6") continue;
    const std::string prefix = lower(meta.code) + "-";
    std::vector<fs::path> mine;
    for (const fs::path &p : samples) {
      if (p.filename().string().rfind(prefix, 0) == 0) mine.push_back(p);
    }
    if (kNoSample.count(std::string(meta.code)) == 1) {
      EXPECT_TRUE(mine.empty()) << meta.code << " is listed as sample-less but has " << mine.front();
      continue;
    }
    ASSERT_FALSE(mine.empty()) << meta.code << " has no samples/invalid/" << prefix << "*.json";
    for (const fs::path &p : mine) {
      const std::string name = p.filename().string();
      EXPECT_EQ(name, prefix + std::string(meta.name) + ".json") << "sample name must be <code>-<name>.json";
      // What users see of each rule is pinned by a golden (tests/golden/golden_test.cc).
      const fs::path golden = fs::path(CALLCHECK_GOLDEN_DIR) / "invalid" / p.filename().replace_extension(".txt");
      EXPECT_TRUE(fs::exists(golden)) << name << " has no golden " << golden << " (CALLCHECK_UPDATE_GOLDEN=1)";
      const Report report =
          check(test::read_bytes(p), Source{name, 0, 0, sample_request_line(meta.code)}, sample_options(meta.code));
      EXPECT_EQ(test::codes_of(report).count(std::string(meta.code)), 1U) << name << " does not produce " << meta.code;
    }
  }
  for (const auto &[code, why] : kNoSample) EXPECT_NE(find_rule(code), nullptr) << code << ": " << why;
}

TEST(Catalog, EverySampleBelongsToARule) {
  for (const fs::path &p : test::files_in(fs::path(CALLCHECK_SAMPLES_DIR) / "invalid", ".json")) {
    const std::string name = p.filename().string();
    EXPECT_NE(find_rule(lower(name.substr(0, 5)) == name.substr(0, 5) ? "CC" + name.substr(2, 3) : ""), nullptr)
        << name;
  }
}

TEST(Catalog, NoRuleFiresOnValidSamples) {
  const auto samples = test::files_in(fs::path(CALLCHECK_SAMPLES_DIR) / "valid", ".json");
  ASSERT_FALSE(samples.empty());
  for (const fs::path &p : samples) {
    const Report report = check(test::read_bytes(p), p.filename().string(), Options{});
    for (const Diagnostic &d : report.diagnostics) {
      ADD_FAILURE() << p.filename().string() << ": " << d.code << " " << d.pointer << " " << d.message;
    }
  }
}

}  // namespace
}  // namespace callcheck
