// Lint of the embedded schemas against what crashes or hangs valijson 1.0
// (RELIABILITY.md F2, F4, F5, F12, R8, R9): no `$ref` cycle between files, no
// self-reference, every `$ref` resolves inside the embedded set (fragment
// included), no `multipleOf` <= 0, no `pattern`/`patternProperties`/`format`
// (valijson runs them through recursive std::regex), `uniqueItems` only with
// `maxItems` <= 100. Plus a source grep: no std::regex in src/, and RapidJSON
// parsing/serialising only where the input is bounded or trusted.
#include "document/rapidjson_adapter.h"

#include <rapidjson/pointer.h>

#include <gtest/gtest.h>

#include <filesystem>  // std::filesystem
#include <functional>  // std::function
#include <map>         // std::map
#include <regex>       // std::regex: the test greps trusted source files, never payloads
#include <set>         // std::set
#include <sstream>     // std::istringstream
#include <string>      // std::string
#include <vector>      // std::vector

#include "embed/embedded.h"
#include "schema/registry.h"
#include "test_util.h"

namespace {
namespace fs = std::filesystem;
using callcheck::detail::SchemaRegistry;

// Members whose children are names or data, not subschemas.
const std::set<std::string> kNameMaps = {"properties", "patternProperties", "definitions", "$defs", "dependencies"};
const std::set<std::string> kData = {"enum", "const", "examples", "default", "required", "description", "title"};

struct Ref {
  std::string target;    // schemas/ path, "" when it leaves the embedded set
  std::string fragment;  // without '#'
  std::string at;        // where the $ref is, for messages
};

// Walks one schema document (iteratively: the lint itself must not recurse
// without bound) and collects keyword problems and `$ref`s.
auto lint(const rapidjson::Value &root, const std::string &path, std::vector<Ref> &refs) -> std::vector<std::string> {
  std::vector<std::string> problems;
  struct Item {
    const rapidjson::Value *value;
    std::string at;
    bool schema;  // a subschema (keywords) rather than a map of names
  };
  std::vector<Item> stack{{&root, "", true}};
  while (!stack.empty()) {
    const Item item = stack.back();
    stack.pop_back();
    const rapidjson::Value &v = *item.value;
    if (v.IsArray()) {
      for (rapidjson::SizeType i = 0; i < v.Size(); ++i)
        stack.push_back({&v[i], item.at + "/" + std::to_string(i), true});
      continue;
    }
    if (!v.IsObject()) continue;
    if (!item.schema) {  // {"name": subschema, ...}
      for (auto m = v.MemberBegin(); m != v.MemberEnd(); ++m) {
        stack.push_back({&m->value, item.at + "/" + m->name.GetString(), true});
      }
      continue;
    }
    const std::string where = path + "#" + item.at;
    for (auto m = v.MemberBegin(); m != v.MemberEnd(); ++m) {
      const std::string key = m->name.GetString();
      const rapidjson::Value &value = m->value;
      if (key == "pattern" || key == "patternProperties" || key == "format") {
        problems.push_back(where + ": `" + key + "` runs std::regex in valijson 1.0 (RELIABILITY.md R8)");
      }
      if (key == "multipleOf" && (!value.IsNumber() || value.GetDouble() <= 0)) {
        problems.push_back(where + ": multipleOf must be > 0 (0 is SIGFPE in valijson)");
      }
      if (key == "uniqueItems" && value.IsTrue()) {
        const auto max = v.FindMember("maxItems");
        if (max == v.MemberEnd() || !max->value.IsNumber() || max->value.GetDouble() > 100) {
          problems.push_back(where + ": uniqueItems needs maxItems <= 100 (valijson compares every pair)");
        }
      }
      if (key == "$ref") {
        if (!value.IsString()) {
          problems.push_back(where + ": $ref is not a string");
          continue;
        }
        const std::string ref = value.GetString();
        const auto hash = ref.find('#');
        Ref r;
        r.at = where;
        r.fragment = hash == std::string::npos ? "" : ref.substr(hash + 1);
        r.target = hash == 0 ? path : SchemaRegistry::resolve(ref, path);
        refs.push_back(r);
        continue;
      }
      if (kData.count(key) > 0) continue;
      stack.push_back({&value, item.at + "/" + key, kNameMaps.count(key) == 0});
    }
  }
  return problems;
}

auto parse(std::string_view text) -> rapidjson::Document {
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseIterativeFlag>(text.data(), text.size());
  return doc;
}

// The value at a JSON Pointer fragment ("" = root), or nullptr.
auto at_fragment(const rapidjson::Value &root, const std::string &fragment) -> const rapidjson::Value * {
  if (fragment.empty()) return &root;
  if (fragment.front() != '/') return nullptr;
  const rapidjson::Pointer pointer(fragment.c_str(), fragment.size());
  return pointer.IsValid() ? pointer.Get(root) : nullptr;
}

// Lints a set of schema files (path -> text): keyword problems, unresolved
// refs, and cycles in the graph of files.
auto lint_set(const std::map<std::string, std::string> &files) -> std::vector<std::string> {
  std::vector<std::string> problems;
  std::map<std::string, rapidjson::Document> docs;
  for (const auto &[path, text] : files) {
    docs[path] = parse(text);
    if (docs[path].HasParseError()) problems.push_back(path + ": does not parse");
  }
  std::map<std::string, std::set<std::string>> edges;
  for (const auto &[path, doc] : docs) {
    if (doc.HasParseError()) continue;
    std::vector<Ref> refs;
    for (std::string &p : lint(doc, path, refs)) problems.push_back(std::move(p));
    for (const Ref &r : refs) {
      const auto target = docs.find(r.target);
      if (r.target.empty() || target == docs.end()) {
        problems.push_back(r.at + ": $ref leaves the embedded set");
        continue;
      }
      if (at_fragment(target->second, r.fragment) == nullptr) {
        problems.push_back(r.at + ": $ref fragment #" + r.fragment + " does not exist in " + r.target);
        continue;
      }
      // A reference to a whole document: {"$ref": "#"} or another file's root.
      if (r.target == path && r.fragment.empty()) problems.push_back(r.at + ": $ref to its own document (recursion)");
      if (r.target != path) edges[path].insert(r.target);
    }
  }
  // Cycles between files: depth-first search with colours, iteratively.
  std::map<std::string, int> colour;  // 0 new, 1 on the path, 2 done
  for (const auto &[start, unused] : edges) {
    if (colour[start] != 0) continue;
    std::vector<std::pair<std::string, std::vector<std::string>>> path;
    auto enter = [&](const std::string &node) {
      colour[node] = 1;
      const auto &next = edges[node];
      path.emplace_back(node, std::vector<std::string>(next.begin(), next.end()));
    };
    enter(start);
    while (!path.empty()) {
      auto &[node, todo] = path.back();
      if (todo.empty()) {
        colour[node] = 2;
        path.pop_back();
        continue;
      }
      const std::string next = todo.back();
      todo.pop_back();
      if (colour[next] == 1) {
        problems.push_back("$ref cycle through " + node + " -> " + next);
      } else if (colour[next] == 0) {
        enter(next);
      }
    }
  }
  return problems;
}

auto is_schema(std::string_view path) -> bool {
  return path.size() > 12 && path.substr(path.size() - 12) == ".schema.json";
}

TEST(SchemaLint, EmbeddedSchemasPass) {
  std::map<std::string, std::string> files;
  for (const auto &f : callcheck::detail::embedded_files()) {
    if (is_schema(f.path)) files.emplace(std::string(f.path), std::string(f.text));
  }
  ASSERT_GT(files.size(), 20U);
  const std::vector<std::string> problems = lint_set(files);
  for (const std::string &p : problems) ADD_FAILURE() << p;
}

// The lint must be able to fail: one fixture per rule.
TEST(SchemaLint, FixturesAreCaught) {
  const std::map<std::string, std::string> cases = {
      {"pattern", R"({"type":"string","pattern":"^a+$"})"},
      {"patternProperties", R"({"patternProperties":{"^x-":{}}})"},
      {"format", R"({"properties":{"start":{"type":"string","format":"date-time"}}})"},
      {"multipleOf", R"({"multipleOf":0})"},
      {"uniqueItems", R"({"type":"array","uniqueItems":true})"},
      {"uniqueItems-large", R"({"type":"array","uniqueItems":true,"maxItems":10000})"},
      {"self", R"({"$ref":"#"})"},
      {"missing-file", R"({"$ref":"nope.schema.json"})"},
      {"outside", R"({"$ref":"https://example.com/x.schema.json"})"},
      {"missing-fragment", R"({"$ref":"#/definitions/nope"})"},
  };
  for (const auto &[name, text] : cases) {
    EXPECT_FALSE(lint_set({{"graph/v1.0/fixture.schema.json", text}}).empty()) << name;
  }
  // A property *named* format or pattern is fine; so are bounded uniqueItems and local refs.
  EXPECT_TRUE(lint_set({{"graph/v1.0/fixture.schema.json",
                         R"({"properties":{"format":{"type":"string"},"pattern":{"$ref":"#/definitions/p"}},
                             "definitions":{"p":{"type":"array","uniqueItems":true,"maxItems":20}},
                             "enum":[{"format":"x"}]})"}})
                  .empty());
  EXPECT_FALSE(lint_set({{"graph/v1.0/a.schema.json", R"({"$ref":"b.schema.json"})"},
                         {"graph/v1.0/b.schema.json", R"({"properties":{"x":{"$ref":"a.schema.json"}}})"}})
                   .empty());
}

// ---------------------------------------------------------------------------
// Source grep over src/.

auto strip_comment(const std::string &line) -> std::string {
  const auto at = line.find("//");
  return at == std::string::npos ? line : line.substr(0, at);
}

auto source_files() -> std::vector<fs::path> {
  std::vector<fs::path> out;
  for (const auto &e : fs::recursive_directory_iterator(fs::path(CALLCHECK_SOURCE_DIR) / "src")) {
    const std::string ext = e.path().extension().string();
    if (e.is_regular_file() && (ext == ".cc" || ext == ".h")) out.push_back(e.path());
  }
  return out;
}

auto source_relative(const fs::path &p) -> std::string {
  return p.lexically_relative(CALLCHECK_SOURCE_DIR).generic_string();
}

TEST(SourceLint, NoStdRegexInSrc) {
  const std::regex banned(R"(std::regex|#\s*include\s*<regex>)");
  const auto files = source_files();
  ASSERT_GT(files.size(), 50U);
  for (const fs::path &f : files) {
    std::istringstream in(callcheck::test::read_text(f));
    int n = 0;
    for (std::string line; std::getline(in, line);) {
      ++n;
      if (std::regex_search(strip_comment(line), banned))
        ADD_FAILURE() << source_relative(f) << ":" << n << ": " << line;
    }
  }
}

TEST(SourceLint, RapidJsonParsesAndSerialisesOnlyBoundedOrTrustedText) {
  // Parse( is RapidJSON's recursive parser (F1) and Accept( its recursive
  // serialiser (F3): payloads go through document.cc's iterative, limited
  // parse and are never re-serialised. registry.cc and permissions.cc parse
  // the embedded (trusted) schemas and table; renderers use Writer methods only.
  // server.cc parses LSP messages iteratively, capped in size by serve().
  const std::set<std::string> allowed = {"src/document/document.cc", "src/schema/registry.cc",
                                         "src/permissions/permissions.cc", "src/server/server.cc"};
  const std::regex banned(R"((^|[^A-Za-z_])(Parse\s*[(<]|ParseStream|Accept\s*\())");
  for (const fs::path &f : source_files()) {
    if (allowed.count(source_relative(f)) > 0) continue;
    std::istringstream in(callcheck::test::read_text(f));
    int n = 0;
    for (std::string line; std::getline(in, line);) {
      ++n;
      if (std::regex_search(strip_comment(line), banned))
        ADD_FAILURE() << source_relative(f) << ":" << n << ": " << line;
    }
  }
}

}  // namespace
