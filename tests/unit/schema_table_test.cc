// The build-time node table of the rule walk (schema/node_table.h) against
// the runtime Navigator it replaced there: on every corpus body, sample and
// fuzz regression, walked from every Graph root schema, each visited value
// gets the same declared and effective node (the same schema object of the
// same embedded file) and the same facts the rules read. This pins the data
// schemac generates to the engine that still serves the diagnostics.
#include "document/rapidjson_adapter.h"

#include <gtest/gtest.h>
#include <rapidjson/pointer.h>

#include <algorithm>   // std::sort
#include <filesystem>  // std::filesystem
#include <string>      // std::string
#include <vector>      // std::vector

#include "document/document.h"
#include "document/pointer.h"
#include "schema/navigator.h"
#include "schema/node_table.h"
#include "schema/registry.h"
#include "test_util.h"

namespace callcheck::detail {
namespace {

namespace fs = std::filesystem;
namespace table = schema_table;

auto corpus_files() -> std::vector<fs::path> {
  const fs::path shared = fs::path(CALLCHECK_SHARED_DIR) / "corpus";
  const fs::path source(CALLCHECK_SOURCE_DIR);
  std::vector<fs::path> out;
  for (const fs::path &dir :
       {shared / "graph-docs", shared / "graph-docs-actions", source / "tests" / "corpus" / "field", source / "samples",
        source / "tests" / "fuzz" / "regressions"}) {
    if (!fs::is_directory(dir)) continue;
    for (const fs::directory_entry &e : fs::recursive_directory_iterator(dir)) {
      if (e.is_regular_file()) out.push_back(e.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The schema object a table node names, found in the registry's document.
auto resolve(table::NodeId id) -> const rapidjson::Value * {
  static std::vector<const rapidjson::Value *> cache(table::kNodeCount, nullptr);
  if (id == table::kNoNode) return nullptr;
  if (cache[id] == nullptr) {
    const table::Node &n = table::kNodes[id];
    const std::string_view file = n.file;
    const std::string_view at = n.pointer;
    const rapidjson::Document *doc = SchemaRegistry::instance().document(file);
    EXPECT_NE(doc, nullptr) << file;
    if (doc == nullptr) return nullptr;
    const rapidjson::Pointer pointer(at.data(), at.size());
    EXPECT_TRUE(pointer.IsValid()) << at;
    cache[id] = pointer.Get(*doc);
    EXPECT_NE(cache[id], nullptr) << file << "#" << at;
  }
  return cache[id];
}

auto flag(const SchemaNode &node, const char *name) -> bool {
  if (node.schema == nullptr || !node.schema->IsObject()) return false;
  const auto it = node.schema->FindMember(name);
  return it != node.schema->MemberEnd() && it->value.IsBool() && it->value.GetBool();
}

class Comparison {
 public:
  Comparison(const Navigator &nav, const Document &doc, std::string where)
      : nav_(nav), doc_(doc), where_(std::move(where)) {
    const std::string_view root = nav.root_file();
    check_at_ = root.size() > 17 && root.substr(root.size() - 17) == "/call.schema.json";
  }

  std::size_t values = 0;
  std::size_t governed = 0;

  // Walks as rules/run.cc does, and as it did with the Navigator.
  void walk(const Value &value, const SchemaNode &declared, table::NodeId t_declared, const std::string &pointer) {
    ++values;
    same(declared, t_declared, "declared", pointer);
    const SchemaNode schema = declared ? nav_.effective(declared, value) : SchemaNode{};
    const table::NodeId t_schema = table::effective(t_declared, value);
    same(schema, t_schema, "effective", pointer);
    if (::testing::Test::HasFailure()) return;
    if (schema) ++governed;
    if (const table::Node *n = table::node(t_declared)) {
      EXPECT_EQ(n->read_only, flag(declared, "x-callcheck-readOnly")) << where_ << " at " << pointer;
    }
    if (const table::Node *n = table::node(t_schema)) {
      EXPECT_EQ(std::string_view(n->title), Navigator::type_name(schema)) << where_ << " at " << pointer;
      EXPECT_EQ(n->open, Navigator::is_open(schema)) << where_ << " at " << pointer;
      EXPECT_EQ(n->body_unknown, flag(schema, "x-callcheck-bodyUnknown")) << where_ << " at " << pointer;
      std::vector<std::string_view> names;
      for (std::uint32_t i = 0; i < n->property_count; ++i) names.push_back(n->property(i).name);
      EXPECT_EQ(names, Navigator::property_names(schema)) << where_ << " at " << pointer;
      if (value.IsObject()) {
        for (auto it = value.MemberBegin(); it != value.MemberEnd(); ++it) {
          const std::string_view name(it->name.GetString(), it->name.GetStringLength());
          EXPECT_EQ(table::has_property(*n, name), Navigator::has_property(schema, name))
              << where_ << " at " << pointer << " member " << name;
        }
      }
    }
    // The lookup the v1.0 rules make in the beta schema, from the root.
    if (check_at_) same(nav_.at(doc_, pointer), table::at(nav_.table_root(), doc_, pointer), "at", pointer);
    if (value.IsObject()) {
      for (auto it = value.MemberBegin(); it != value.MemberEnd(); ++it) {
        const std::string_view key(it->name.GetString(), it->name.GetStringLength());
        std::string child = pointer;
        append_token(child, key);
        walk(it->value, schema ? nav_.member(schema, value, key) : SchemaNode{}, table::member(t_schema, key), child);
      }
    } else if (value.IsArray()) {
      const SchemaNode element = schema ? nav_.element(schema, value) : SchemaNode{};
      const table::NodeId t_element = table::element(t_schema);
      std::size_t index = 0;
      for (const Value &v : value.GetArray()) {
        std::string child = pointer;
        append_index(child, index++);
        walk(v, element, t_element, child);
      }
    }
  }

 private:
  void same(const SchemaNode &node, table::NodeId id, const char *what, const std::string &pointer) {
    ASSERT_EQ(node.schema, resolve(id)) << where_ << ": " << what << " node at " << pointer << " is "
                                        << (id == table::kNoNode ? std::string("none")
                                                                 : std::string(table::kNodes[id].file) + "#" +
                                                                       std::string(table::kNodes[id].pointer));
    if (id != table::kNoNode) {
      ASSERT_EQ(node.file, std::string_view(table::kNodes[id].file)) << where_ << " at " << pointer;
    }
  }

  const Navigator &nav_;
  const Document &doc_;
  std::string where_;
  bool check_at_ = false;
};

TEST(SchemaTable, AgreesWithTheNavigatorOnTheCorpus) {
  const std::vector<fs::path> files = corpus_files();
  ASSERT_GT(files.size(), 500U) << "the corpora are missing (CALLCHECK_SHARED_DIR)";
  std::vector<std::string_view> roots;  // every Graph schema a rule walk may start from
  for (const std::string_view p : SchemaRegistry::instance().paths()) {
    if (p.rfind("graph/", 0) == 0 && p.size() > 12 && p.substr(p.size() - 12) == ".schema.json") roots.push_back(p);
  }
  ASSERT_GT(roots.size(), 50U);
  std::vector<std::unique_ptr<Navigator>> navigators;
  for (const std::string_view r : roots) {
    ASSERT_NE(table::root(r), table::kNoNode) << r;
    navigators.push_back(std::make_unique<Navigator>(SchemaNode{SchemaRegistry::instance().document(r), r}));
    ASSERT_EQ(navigators.back()->table_root(), table::root(r)) << r;
  }
  std::size_t values = 0;
  std::size_t governed = 0;
  std::size_t parsed = 0;
  for (const fs::path &file : files) {
    const std::string text = test::read_text(file);
    const Document doc = Document::parse(text, Limits{});
    if (!doc.has_dom()) continue;
    ++parsed;
    for (std::size_t i = 0; i < roots.size(); ++i) {
      Comparison c(*navigators[i], doc, file.string() + " from " + std::string(roots[i]));
      c.walk(doc.root(), navigators[i]->root(), navigators[i]->table_root(), "");
      ASSERT_FALSE(::testing::Test::HasFailure());
      values += c.values;
      governed += c.governed;
    }
  }
  EXPECT_GT(parsed, 400U);
  EXPECT_GT(governed, 10000U);  // not a comparison of two "no schema" answers
  RecordProperty("values", static_cast<int>(values));
}

// The root of a create-call body and what the rules read there.
TEST(SchemaTable, TheCallRootHoldsTheRulesFacts) {
  const table::Node *call = table::node(table::root("graph/v1.0/call.schema.json"));
  ASSERT_NE(call, nullptr);
  EXPECT_EQ(std::string_view(call->title), "call");
  EXPECT_TRUE(call->open);
  EXPECT_TRUE(table::has_property(*call, "callbackUri"));
  EXPECT_FALSE(table::has_property(*call, "callbackUrl"));
  EXPECT_FALSE(table::has_property(*call, "ringingTimeoutInSeconds"));  // beta only
  EXPECT_TRUE(table::has_property(*table::node(table::root("graph/beta/call.schema.json")), "ringingTimeoutInSeconds"));
  EXPECT_EQ(table::root("graph/v1.0/no-such.schema.json"), table::kNoNode);
  // Sorted lookup over every node: each declared name is found, in place.
  for (std::uint32_t id = 0; id < table::kNodeCount; ++id) {
    const table::Node &n = table::kNodes[id];
    for (std::uint32_t i = 0; i < n.property_count; ++i) {
      EXPECT_EQ(table::find_property(n, n.property(i).name), &n.property(i))
          << std::string_view(n.file) << "#" << std::string_view(n.pointer);
    }
  }
}

// The discriminator picks the branch by @odata.type, as the Navigator does.
TEST(SchemaTable, TheDiscriminatorSelectsTheBranch) {
  const Document doc = Document::parse(
      R"({"mediaConfig": {"@odata.type": "#microsoft.graph.appHostedMediaConfig", "blob": "x"}})", Limits{});
  ASSERT_TRUE(doc.has_dom());
  const table::NodeId root = table::root("graph/v1.0/call.schema.json");
  const table::Node *media = table::node(table::at(root, doc, "/mediaConfig"));
  ASSERT_NE(media, nullptr);
  EXPECT_EQ(std::string_view(media->title), "appHostedMediaConfig");
  EXPECT_TRUE(table::has_property(*media, "blob"));
  EXPECT_EQ(table::at(root, doc, "/nothing"), table::kNoNode);
}

}  // namespace
}  // namespace callcheck::detail
