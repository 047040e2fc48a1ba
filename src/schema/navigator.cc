#include "schema/navigator.h"

#include <unordered_map>  // std::unordered_map

#include "document/pointer.h"
#include "schema/node_table.h"
#include "schema/registry.h"

namespace callcheck::detail {
namespace {

auto sv(const rapidjson::Value &v) -> std::string_view { return {v.GetString(), v.GetStringLength()}; }

auto get(const rapidjson::Value *object, const char *name) -> const rapidjson::Value * {
  if (object == nullptr || !object->IsObject()) return nullptr;
  const auto it = object->FindMember(name);
  return it == object->MemberEnd() ? nullptr : &it->value;
}

auto find_member(const Value &value, std::string_view name) -> const Value * {
  for (auto it = value.MemberBegin(); it != value.MemberEnd(); ++it) {
    if (sv(it->name) == name) return &it->value;
  }
  return nullptr;
}

// The subset of `if` used by our schemas: `required` and `properties` whose
// subschemas are `enum`/`const` over strings.
auto if_matches(const rapidjson::Value &cond, const Value &value) -> bool {
  if (!value.IsObject()) return false;
  if (const auto *required = get(&cond, "required"); required != nullptr && required->IsArray()) {
    for (const auto &name : required->GetArray()) {
      if (!name.IsString() || find_member(value, sv(name)) == nullptr) return false;
    }
  }
  if (const auto *props = get(&cond, "properties"); props != nullptr && props->IsObject()) {
    for (auto it = props->MemberBegin(); it != props->MemberEnd(); ++it) {
      const Value *member = find_member(value, sv(it->name));
      if (member == nullptr) continue;
      bool ok = false;
      if (const auto *values = get(&it->value, "enum"); values != nullptr && values->IsArray()) {
        for (const auto &v : values->GetArray()) ok = ok || (v == *member);
      } else if (const auto *c = get(&it->value, "const")) {
        ok = (*c == *member);
      } else {
        ok = true;
      }
      if (!ok) return false;
    }
  }
  return true;
}

// The keywords the walk needs, found in one pass over a schema object.
struct Keywords {
  const rapidjson::Value *ref = nullptr;
  const rapidjson::Value *all_of = nullptr;
  const rapidjson::Value *properties = nullptr;
  const rapidjson::Value *additional = nullptr;
  const rapidjson::Value *items = nullptr;
  SchemaNode ref_target;  // `ref` resolved (schema nullptr when unresolvable)
};

// The rule pass asks for these at every value of every rule's walk, and
// FindMember by name over each schema object was a third of its
// instructions. Schemas are the registry's immutable documents, alive for
// the whole process, so a node's keywords are looked up once per thread
// (no lock) and reused; the cache is bounded by the size of the schemas.
auto keywords(const rapidjson::Value *schema, std::string_view file) -> const Keywords & {
  thread_local std::unordered_map<const rapidjson::Value *, Keywords> cache;
  auto [it, inserted] = cache.try_emplace(schema);
  Keywords &k = it->second;
  if (!inserted || schema == nullptr || !schema->IsObject()) return k;
  for (auto m = schema->MemberBegin(); m != schema->MemberEnd(); ++m) {
    const std::string_view name = sv(m->name);
    if (name == "$ref")
      k.ref = &m->value;
    else if (name == "allOf")
      k.all_of = &m->value;
    else if (name == "properties")
      k.properties = &m->value;
    else if (name == "additionalProperties")
      k.additional = &m->value;
    else if (name == "items")
      k.items = &m->value;
  }
  if (k.ref != nullptr && k.ref->IsString()) {
    std::string target = SchemaRegistry::resolve(sv(*k.ref), file);
    const auto *doc = target.empty() ? nullptr : SchemaRegistry::instance().document(target);
    k.ref_target = SchemaNode{doc, SchemaRegistry::instance().intern(target)};
  }
  return k;
}

}  // namespace

Navigator::Navigator(ApiVersion api, std::string_view root_type) {
  const std::string path = SchemaRegistry::profile_dir(api) + std::string(root_type) + ".schema.json";
  // The table's copy of the path is as stable as the registry's, and a
  // check that never parses a schema need not build the registry at all
  // (its construction and teardown were a tenth of a one-file run).
  table_root_ = schema_table::root(path);
  file_ = table_root_ != schema_table::kNoNode ? std::string_view(schema_table::kNodes[table_root_].file)
                                               : SchemaRegistry::instance().intern(path);
  root_.file = file_;
}

Navigator::Navigator(SchemaNode root) : file_(root.file), root_(root) {
  const rapidjson::Document *doc = file_.empty() ? nullptr : SchemaRegistry::instance().document(file_);
  table_root_ = doc != nullptr && root_.schema == doc ? schema_table::root(file_) : schema_table::kNoNode;
  std::call_once(parsed_, [] {});
}

auto Navigator::root() const -> const SchemaNode & {
  std::call_once(parsed_, [this] {
    if (!file_.empty()) root_.schema = SchemaRegistry::instance().document(file_);
  });
  return root_;
}

auto Navigator::for_call(ApiVersion api) -> const Navigator & {
  // Separate branches: a v1.0 run never parses the beta schema.
  if (api == ApiVersion::Beta) {
    static const Navigator beta(ApiVersion::Beta);
    return beta;
  }
  static const Navigator v1(ApiVersion::V1);
  return v1;
}

auto Navigator::deref(SchemaNode node) -> SchemaNode {
  for (int hops = 0; hops < 16 && node.schema != nullptr; ++hops) {
    const Keywords &k = keywords(node.schema, node.file);
    if (k.ref == nullptr || !k.ref->IsString()) return node;
    node = k.ref_target;
  }
  return node;
}

auto Navigator::effective(SchemaNode node, const Value &value) const -> SchemaNode {
  node = deref(std::move(node));
  for (int rounds = 0; rounds < 8 && node.schema != nullptr; ++rounds) {
    const auto *all_of = keywords(node.schema, node.file).all_of;
    if (all_of == nullptr || !all_of->IsArray()) return node;
    SchemaNode next;
    for (const auto &branch : all_of->GetArray()) {
      const auto *cond = get(&branch, "if");
      const auto *then = get(&branch, "then");
      if (cond != nullptr && then != nullptr && if_matches(*cond, value)) {
        next = deref(SchemaNode{then, node.file});
        break;
      }
    }
    if (!next) return node;
    node = std::move(next);
  }
  return node;
}

auto Navigator::member(const SchemaNode &node, const Value &value, std::string_view name) const -> SchemaNode {
  const SchemaNode eff = effective(node, value);
  if (!eff) return {};
  const Keywords &k = keywords(eff.schema, eff.file);
  if (const auto *props = k.properties; props != nullptr && props->IsObject()) {
    for (auto it = props->MemberBegin(); it != props->MemberEnd(); ++it) {
      if (sv(it->name) == name) return SchemaNode{&it->value, eff.file};
    }
  }
  if (const auto *extra = k.additional; extra != nullptr && extra->IsObject()) {
    return SchemaNode{extra, eff.file};
  }
  return {};
}

auto Navigator::element(const SchemaNode &node, const Value &value) const -> SchemaNode {
  const SchemaNode eff = effective(node, value);
  if (!eff) return {};
  if (const auto *items = keywords(eff.schema, eff.file).items; items != nullptr && items->IsObject()) {
    return SchemaNode{items, eff.file};
  }
  return {};
}

auto Navigator::at(const Document &doc, std::string_view pointer) const -> SchemaNode {
  if (!doc.has_dom()) return {};
  const auto tokens = split_pointer(pointer);
  if (!tokens) return {};
  const Value *value = &doc.root();
  SchemaNode node = root();
  for (const std::string &token : *tokens) {
    if (value->IsObject()) {
      const Value *next = find_member(*value, token);
      if (next == nullptr) return {};
      node = member(node, *value, token);
      value = next;
    } else if (value->IsArray()) {
      const auto index = parse_index(token);
      if (!index || *index >= value->Size()) return {};
      node = element(node, *value);
      value = &(*value)[static_cast<rapidjson::SizeType>(*index)];
    } else {
      return {};
    }
    if (!node) return {};
  }
  return effective(node, *value);
}

auto Navigator::type_name(const SchemaNode &node) -> std::string_view {
  const auto *title = get(node.schema, "title");
  return title != nullptr && title->IsString() ? sv(*title) : std::string_view{};
}

auto Navigator::property_names(const SchemaNode &node) -> std::vector<std::string_view> {
  std::vector<std::string_view> out;
  if (const auto *props = get(node.schema, "properties"); props != nullptr && props->IsObject()) {
    for (auto it = props->MemberBegin(); it != props->MemberEnd(); ++it) out.push_back(sv(it->name));
  }
  return out;
}

auto Navigator::has_property(const SchemaNode &node, std::string_view name) -> bool {
  if (const auto *props = get(node.schema, "properties"); props != nullptr && props->IsObject()) {
    for (auto it = props->MemberBegin(); it != props->MemberEnd(); ++it) {
      if (sv(it->name) == name) return true;
    }
  }
  return false;
}

auto Navigator::is_open(const SchemaNode &node) -> bool {
  const auto *open = get(node.schema, "x-callcheck-open");
  if (open != nullptr && open->IsBool()) return open->GetBool();
  const auto *extra = get(node.schema, "additionalProperties");
  return !(extra != nullptr && extra->IsBool() && !extra->GetBool());
}

auto Navigator::enum_values(const SchemaNode &node) -> std::vector<std::string_view> {
  std::vector<std::string_view> out;
  if (const auto *values = get(node.schema, "enum"); values != nullptr && values->IsArray()) {
    for (const auto &v : values->GetArray()) {
      if (v.IsString()) out.push_back(sv(v));
    }
  } else if (const auto *c = get(node.schema, "const"); c != nullptr && c->IsString()) {
    out.push_back(sv(*c));
  }
  return out;
}

auto Navigator::types(const SchemaNode &node) -> std::vector<std::string_view> {
  std::vector<std::string_view> out;
  const auto *type = get(node.schema, "type");
  if (type == nullptr) return out;
  if (type->IsString()) out.push_back(sv(*type));
  if (type->IsArray()) {
    for (const auto &t : type->GetArray()) {
      if (t.IsString()) out.push_back(sv(t));
    }
  }
  return out;
}

auto Navigator::discriminator_values(const SchemaNode &node) -> std::vector<std::string_view> {
  std::vector<std::string_view> out;
  const SchemaNode d = deref(node);
  const auto *all_of = get(d.schema, "allOf");
  if (all_of == nullptr || !all_of->IsArray()) return out;
  for (const auto &branch : all_of->GetArray()) {
    const auto *type = get(get(get(&branch, "if"), "properties"), "@odata.type");
    const auto *values = get(type, "enum");
    if (values == nullptr || !values->IsArray()) continue;
    for (const auto &v : values->GetArray()) {
      if (v.IsString()) out.push_back(sv(v));
    }
  }
  return out;
}

}  // namespace callcheck::detail
