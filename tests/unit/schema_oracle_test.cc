// valijson as the oracle of the compiled schema checkers (issue 14 item 2a):
// every corpus body, sample and fuzz regression that parses, against every
// embedded schema, must get the same verdict from both and the same errors
// (pointer and description, in order); against every request root type of
// both profiles, the same findings (code, pointer, message, help, fix).
// Objects inside the bodies are checked against every Graph type schema too,
// so the nested schemas meet real values, not only what survives a root
// mismatch.
#include "schema/valijson_adapter.h"

#include <gtest/gtest.h>
#include <valijson/utils/utf8_utils.hpp>
#include <valijson/validator.hpp>

#include <algorithm>   // std::count
#include <filesystem>  // std::filesystem
#include <fstream>     // std::ifstream
#include <map>         // std::map
#include <iterator>    // std::istreambuf_iterator
#include <string>      // std::string
#include <vector>      // std::vector

#include "document/document.h"
#include "schema/checker_support.h"
#include "schema/compiled.h"
#include "schema/registry.h"
#include "schema_oracle.h"

namespace callcheck::detail {
namespace {

namespace fs = std::filesystem;

auto read_bytes(const fs::path &path) -> std::string {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

auto corpus_files() -> std::vector<fs::path> {
  const fs::path shared = fs::path(CALLCHECK_SHARED_DIR) / "corpus";
  const fs::path source(CALLCHECK_SOURCE_DIR);
  std::vector<fs::path> out;
  for (const fs::path &dir :
       {shared / "graph-docs", shared / "graph-docs-actions", shared / "jsontestsuite",
        source / "tests" / "corpus" / "field", source / "samples", source / "tests" / "fuzz" / "regressions"}) {
    if (!fs::is_directory(dir)) continue;
    for (const fs::directory_entry &e : fs::recursive_directory_iterator(dir)) {
      if (e.is_regular_file()) out.push_back(e.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

void objects_in(const Value &v, std::vector<const Value *> &out) {
  if (v.IsObject()) {
    out.push_back(&v);
    for (auto m = v.MemberBegin(); m != v.MemberEnd(); ++m) objects_in(m->value, out);
  } else if (v.IsArray()) {
    for (const Value &e : v.GetArray()) objects_in(e, out);
  }
}

TEST(SchemaOracle, CompiledCheckersAgreeWithValijsonOnTheCorpus) {
  const std::vector<fs::path> files = corpus_files();
  ASSERT_GT(files.size(), 500U) << "the corpora are missing (CALLCHECK_SHARED_DIR)";
  const std::vector<std::string_view> paths = compiled_paths();
  // Every embedded schema has a checker, and nothing else does.
  std::vector<std::string_view> schemas;
  for (const std::string_view p : SchemaRegistry::instance().paths()) {
    if (p.size() > 12 && p.substr(p.size() - 12) == ".schema.json") schemas.push_back(p);
  }
  ASSERT_EQ(paths, schemas);
  std::vector<std::string_view> types;  // graph/<profile>/<type>.schema.json, requests apart
  for (const std::string_view p : paths) {
    if (p.rfind("graph/", 0) == 0 && p.find("/requests/") == std::string_view::npos) types.push_back(p);
  }
  std::size_t compared = 0;
  std::size_t errors_compared = 0;
  std::size_t parsed = 0;
  std::map<std::string_view, std::pair<std::size_t, std::size_t>> verdicts;  // path -> (valid, invalid)
  for (const fs::path &file : files) {
    const std::string text = read_bytes(file);
    const Document doc = Document::parse(text, Limits{});
    if (!doc.has_dom()) continue;
    ++parsed;
    for (const std::string_view path : paths) {
      const OracleVerdict v = oracle_verdict(path, doc.root());
      ASSERT_EQ(v.compiled, v.valijson) << path << " on " << file << ": compiled says "
                                        << (v.compiled ? "valid" : "invalid");
      if (!v.valijson) {
        const OracleTexts e = oracle_errors(path, doc.root());
        ASSERT_EQ(e.compiled, e.valijson) << path << " on " << file;
        ++errors_compared;
      }
      (v.valijson ? verdicts[path].first : verdicts[path].second) += 1;
      ++compared;
    }
    std::vector<const Value *> objects;
    objects_in(doc.root(), objects);
    for (std::size_t i = 1; i < objects.size(); ++i) {
      for (const std::string_view path : types) {
        const OracleVerdict v = oracle_verdict(path, *objects[i]);
        ASSERT_EQ(v.compiled, v.valijson) << path << " on object #" << i << " of " << file;
        if (!v.valijson) {
          const OracleTexts e = oracle_errors(path, *objects[i]);
          ASSERT_EQ(e.compiled, e.valijson) << path << " on object #" << i << " of " << file;
          ++errors_compared;
        }
        (v.valijson ? verdicts[path].first : verdicts[path].second) += 1;
        ++compared;
      }
    }
  }
  EXPECT_GT(parsed, 400U);
  // Not a comparison of two always-"invalid" answers: the schemas the
  // corpus is about see both verdicts.
  for (const std::string_view path :
       {"graph/v1.0/call.schema.json", "graph/beta/call.schema.json", "graph/v1.0/identitySet.schema.json",
        "graph/v1.0/requests/answer.schema.json", "graph/beta/mediaInfo.schema.json"}) {
    EXPECT_GT(verdicts[path].first, 0U) << path << " never valid";
    EXPECT_GT(verdicts[path].second, 0U) << path << " never invalid";
  }
  RecordProperty("compared", static_cast<int>(compared));
  RecordProperty("errors_compared", static_cast<int>(errors_compared));
  EXPECT_GT(errors_compared, compared / 4);
}

// What users see: the findings of the schema stage, made of the compiled
// checker's errors and of valijson's, for every request root of both
// profiles, on every corpus body.
TEST(SchemaOracle, FindingsAgreeWithValijsonOnTheCorpus) {
  const std::vector<fs::path> files = corpus_files();
  ASSERT_GT(files.size(), 500U);
  std::size_t compared = 0;
  std::size_t with_findings = 0;
  std::map<std::string, std::size_t> codes;
  for (const ApiVersion api : {ApiVersion::V1, ApiVersion::Beta}) {
    const std::vector<std::string> roots = oracle_roots(api);
    ASSERT_GT(roots.size(), 20U);
    for (const fs::path &file : files) {
      const std::string text = read_bytes(file);
      const Document doc = Document::parse(text, Limits{});
      if (!doc.has_dom()) continue;
      for (const std::string &root : roots) {
        const OracleTexts f = oracle_findings(doc, api, root);
        ASSERT_EQ(f.compiled, f.valijson)
            << root << (api == ApiVersion::Beta ? " (beta)" : " (v1.0)") << " on " << file;
        ++compared;
        if (!f.compiled.empty()) ++with_findings;
        for (const Finding &x : validate_schema(doc, api, root)) ++codes[std::string(x.rule->code)];
      }
    }
  }
  EXPECT_GT(with_findings, compared / 4);
  // Each code the Converter makes from a call-body schema is met, so each of
  // its paths is compared (the Graph schemas hold no number or length bound:
  // CC106 and CC108 are EmbeddedSchemaFindingsAgreeWithValijson's).
  for (const char *code : {"CC101", "CC102", "CC103", "CC104", "CC105", "CC107"}) {
    EXPECT_GT(codes[code], 0U) << code << " never made";
  }
  RecordProperty("compared", static_cast<int>(compared));
}

// validate_against (the configuration, baseline and table schemas): every
// corpus body against each callcheck/ schema, and documents that reach the
// bounds, lengths and oneOf the Graph schemas lack.
TEST(SchemaOracle, EmbeddedSchemaFindingsAgreeWithValijson) {
  std::vector<std::string> texts;
  for (const fs::path &file : corpus_files()) texts.push_back(read_bytes(file));
  const std::vector<std::string> crafted = {
      R"({"version": 1, "entries": [{"path": "", "code": "CC101", "pointer": "", "count": 0}]})",
      R"({"version": 2, "entries": [{"path": "a", "code": 1, "pointer": "", "count": 1.5, "extra": 1}], "x": 1})",
      R"({"scopes": [""], "app": ["", "a"]})",
      R"({"scopes": {}, "scenarios": {}, "aliases": {}})",
      R"({"scopes": {"a": {}}, "scenarios": {"unknown": {"when": [{"pointer": "/a"}]}}, "aliases": {}})",
      R"({"scopes": {"a": {}}, "scenarios": {"unknown": {"when": [{"pointer": "/a", "present": true,
          "equals": "x"}]}}, "aliases": {}})"};
  texts.insert(texts.end(), crafted.begin(), crafted.end());
  std::vector<std::string_view> schemas;
  for (const std::string_view p : compiled_paths()) {
    if (p.rfind("callcheck/", 0) == 0) schemas.push_back(p);
  }
  ASSERT_GT(schemas.size(), 4U);
  std::map<std::string, std::size_t> codes;
  for (const std::string &text : texts) {
    const Document doc = Document::parse(text, Limits{});
    if (!doc.has_dom()) continue;
    for (const std::string_view path : schemas) {
      const std::vector<Finding> compiled = validate_against(doc, path);
      const std::string valijson = oracle_text(validate_against_with_valijson(doc, path));
      ASSERT_EQ(oracle_text(compiled), valijson) << path << " on " << text.substr(0, 200);
      for (const Finding &f : compiled) ++codes[std::string(f.rule->code)];
    }
  }
  for (const char *code : {"CC100", "CC101", "CC102", "CC103", "CC104", "CC106", "CC108"}) {
    EXPECT_GT(codes[code], 0U) << code << " never made";
  }
}

// The error comparison can fail: a lost wrapper, a reordered leaf or a
// different pointer is a different text.
TEST(SchemaOracle, TheErrorComparisonCanFail) {
  const Document doc = Document::parse(R"({"callbackUri": 1, "targets": [{"identity": 3}]})", Limits{});
  ASSERT_TRUE(doc.has_dom());
  std::vector<SchemaError> errors = schema_errors("graph/v1.0/call.schema.json", doc.root());
  ASSERT_GT(errors.size(), 2U);
  const OracleTexts e = oracle_errors("graph/v1.0/call.schema.json", doc.root());
  EXPECT_EQ(e.compiled, e.valijson);
  EXPECT_EQ(oracle_text(errors), e.valijson);
  std::swap(errors.front(), errors.back());
  EXPECT_NE(oracle_text(errors), e.valijson);
  errors.pop_back();
  EXPECT_NE(oracle_text(errors), e.valijson);
}

// The places valijson keeps or drops a branch's errors, each against a
// schema that has that shape (a miss here is a wrapper rule the generator
// got wrong, seen before the corpus would show it).
TEST(SchemaOracle, WrapperSemanticsAreValijsons) {
  const auto same = [](std::string_view path, const char *json) {
    const Document doc = Document::parse(json, Limits{});
    ASSERT_TRUE(doc.has_dom()) << json;
    const OracleTexts e = oracle_errors(path, doc.root());
    EXPECT_EQ(e.compiled, e.valijson) << path << " " << json;
    EXPECT_FALSE(e.valijson.empty()) << path << " " << json;
  };
  // if/then (a discriminated mediaConfig), items, nested properties.
  same("graph/v1.0/call.schema.json",
       R"({"callbackUri": "https://a", "mediaConfig": {"@odata.type": "#microsoft.graph.appHostedMediaConfig"},
           "targets": [{"identity": {"user": {"id": 1}}}, 7], "requestedModalities": ["audio", "smell"]})");
  // additionalProperties false, with a repeated declared name.
  same("graph/v1.0/chatInfo.schema.json", R"({"threadId": "a", "threadId": "b"})");
  same("graph/v1.0/chatInfo.schema.json", R"({"threadId": 1, "nope": 2, "nada": 3})");
  // A bound and a string length.
  same("graph/v1.0/toneInfo.schema.json", R"({"sequenceId": 1.5, "tone": "eleven"})");
  // Every kind of root type mismatch.
  for (const char *json : {"[]", "1", "\"x\"", "null", "true", "1.5"}) same("graph/beta/call.schema.json", json);
}

// The outlines are the schemas' own top level, read at build time.
TEST(SchemaOutline, MatchesTheEmbeddedSchema) {
  std::size_t with_properties = 0;
  for (const std::string_view path : compiled_paths()) {
    SCOPED_TRACE(std::string(path));
    const rapidjson::Document *doc = SchemaRegistry::instance().document(path);
    const SchemaOutline *outline = compiled_outline(path);
    ASSERT_NE(doc, nullptr);
    ASSERT_NE(outline, nullptr);
    std::vector<std::string_view> properties;
    std::vector<std::string_view> required;
    if (const auto p = doc->FindMember("properties"); p != doc->MemberEnd() && p->value.IsObject()) {
      for (auto m = p->value.MemberBegin(); m != p->value.MemberEnd(); ++m) {
        properties.emplace_back(m->name.GetString(), m->name.GetStringLength());
      }
    }
    if (const auto r = doc->FindMember("required"); r != doc->MemberEnd() && r->value.IsArray()) {
      for (const Value &v : r->value.GetArray()) required.emplace_back(v.GetString(), v.GetStringLength());
    }
    std::vector<std::string_view> outlined;
    for (std::size_t i = 0; i < outline->property_count; ++i) outlined.push_back(outline->property(i));
    EXPECT_EQ(outlined, properties);
    std::vector<std::string_view> outlined_required;
    for (std::size_t i = 0; i < outline->required_count; ++i) outlined_required.push_back(outline->required_name(i));
    EXPECT_EQ(outlined_required, required);
    // The lookup (a sorted copy of the names) finds each and nothing else.
    for (const std::string_view name : properties) {
      EXPECT_TRUE(outline->has_property(name)) << path << ": " << name;
      const std::string longer = std::string(name) + "x";
      EXPECT_EQ(outline->has_property(longer), std::count(properties.begin(), properties.end(), longer) > 0)
          << path << ": " << longer;
    }
    EXPECT_EQ(outline->has_property(""), std::count(properties.begin(), properties.end(), "") > 0) << path;
    EXPECT_EQ(outline->body_unknown, doc->HasMember("x-callcheck-bodyUnknown"));
    with_properties += properties.empty() ? 0 : 1;
  }
  EXPECT_GT(with_properties, 100U);
  EXPECT_EQ(compiled_outline("graph/v1.0/no-such.schema.json"), nullptr);
  EXPECT_EQ(compiled_check("graph/v1.0/no-such.schema.json"), nullptr);
}

// The oracle itself can disagree: a checker that says "valid" to everything
// is caught on the first invalid payload.
TEST(SchemaOracle, TheComparisonCanFail) {
  const Document doc = Document::parse(R"({"callbackUri": 1})", Limits{});
  ASSERT_TRUE(doc.has_dom());
  const OracleVerdict v = oracle_verdict("graph/v1.0/call.schema.json", doc.root());
  EXPECT_FALSE(v.valijson);
  EXPECT_FALSE(v.compiled);
  EXPECT_NE(always_valid(doc.root()), v.valijson);
}

// Where valijson 1.0 departs from JSON Schema, the compiled checker departs
// the same way; each case is one the generator had to be taught.
TEST(SchemaOracle, ValijsonQuirksAreKept) {
  const auto verdict = [](std::string_view path, const char *json) {
    const Document doc = Document::parse(json, Limits{});
    EXPECT_TRUE(doc.has_dom()) << json;
    const OracleVerdict v = oracle_verdict(path, doc.root());
    EXPECT_EQ(v.compiled, v.valijson) << path << " " << json;
    return v.valijson;
  };
  // A repeated declared name counts as an additional property ...
  EXPECT_FALSE(verdict("graph/v1.0/chatInfo.schema.json", R"({"threadId": "a", "threadId": "b"})"));
  EXPECT_TRUE(verdict("graph/v1.0/chatInfo.schema.json", R"({"threadId": "a"})"));
  // ... and only its first member is checked against its schema.
  EXPECT_TRUE(verdict("graph/v1.0/communicationsGuestIdentity.schema.json", R"({"id": "a", "id": 1})"));
  EXPECT_FALSE(verdict("graph/v1.0/communicationsGuestIdentity.schema.json", R"({"id": 1, "id": "a"})"));
  // 1.0 is a number, not an integer.
  EXPECT_FALSE(verdict("graph/v1.0/toneInfo.schema.json", R"({"sequenceId": 1.0})"));
  EXPECT_TRUE(verdict("graph/v1.0/toneInfo.schema.json", R"({"sequenceId": 1})"));
}

// minLength/maxLength count as valijson's u8_strlen does: up to the first NUL.
TEST(SchemaOracle, StringLengthIsValijsonsU8Strlen) {
  for (const std::string_view s : {std::string_view(""), std::string_view("abc"), std::string_view("a\0bc", 4),
                                   std::string_view("\xc3\xa9t\xc3\xa9"), std::string_view("\xf0\x9f\x98\x80!"),
                                   std::string_view("\xed\xb0\x80"), std::string_view("\0", 1)}) {
    const Value v(rapidjson::StringRef(s.data(), static_cast<rapidjson::SizeType>(s.size())));
    const std::string copy(s);
    EXPECT_EQ(utf8_length(v), valijson::utils::u8_strlen(copy.c_str())) << copy;
  }
  EXPECT_EQ(utf8_length(Value(rapidjson::StringRef("a\0bc", 4))), 1U);
}

}  // namespace
}  // namespace callcheck::detail
