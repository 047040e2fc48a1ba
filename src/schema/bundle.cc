#include "document/rapidjson_adapter.h"

#include "schema/bundle.h"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <deque>  // std::deque
#include <map>    // std::map
#include <set>    // std::set

#include "schema/registry.h"

namespace callcheck::detail {
namespace {

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

auto sv(const rapidjson::Value &v) -> std::string_view { return {v.GetString(), v.GetStringLength()}; }

// "graph/v1.0/identitySet.schema.json" -> "identitySet"
auto stem(std::string_view path) -> std::string {
  const auto slash = path.rfind('/');
  std::string_view file = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const auto dot = file.find('.');
  return std::string(dot == std::string_view::npos ? file : file.substr(0, dot));
}

auto fragment_of(std::string_view ref) -> std::string_view {
  const auto hash = ref.find('#');
  return hash == std::string_view::npos ? std::string_view{} : ref.substr(hash + 1);
}

class Bundler {
 public:
  Bundler(const SchemaRegistry &registry, std::string root) : registry_(registry), root_(std::move(root)) {}

  // Every file reachable from the root through $ref, in a stable order.
  void collect() {
    std::deque<std::string> queue{root_};
    seen_.insert(root_);
    while (!queue.empty()) {
      const std::string path = queue.front();
      queue.pop_front();
      order_.push_back(path);
      const rapidjson::Document *doc = registry_.document(path);
      if (doc != nullptr) refs_of(*doc, path, queue);
    }
  }

  auto write() -> std::string {
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    w.SetIndent(' ', 2);
    const rapidjson::Document &root = *registry_.document(root_);
    w.StartObject();
    key(w, "$schema");
    w.String("http://json-schema.org/draft-07/schema#");
    for (auto m = root.MemberBegin(); m != root.MemberEnd(); ++m) {
      const std::string_view name = sv(m->name);
      if (name == "$schema" || name == "$id" || name == "definitions" || dropped(name)) continue;
      key(w, name);
      value(w, m->value, root_, name);
    }
    key(w, "definitions");
    w.StartObject();
    if (const auto own = root.FindMember("definitions"); own != root.MemberEnd() && own->value.IsObject()) {
      for (auto m = own->value.MemberBegin(); m != own->value.MemberEnd(); ++m) {
        key(w, sv(m->name));
        value(w, m->value, root_, "");
      }
    }
    for (const std::string &path : order_) {
      if (path == root_) continue;
      key(w, definition_name(path));
      const rapidjson::Document *doc = registry_.document(path);
      w.StartObject();
      for (auto m = doc->MemberBegin(); m != doc->MemberEnd(); ++m) {
        const std::string_view name = sv(m->name);
        if (name == "$schema" || name == "$id" || dropped(name)) continue;
        key(w, name);
        value(w, m->value, path, name);
      }
      w.EndObject();
    }
    w.EndObject();
    w.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
  }

 private:
  static auto dropped(std::string_view name) -> bool { return name.rfind("x-callcheck", 0) == 0; }

  static void key(Writer &w, std::string_view k) { w.Key(k.data(), static_cast<rapidjson::SizeType>(k.size())); }

  // The root's own definitions keep their names; a file whose stem collides
  // with one gets a suffix (none does today; the bundle stays valid if one does).
  auto definition_name(const std::string &path) -> std::string {
    std::string name = stem(path);
    const rapidjson::Document &root = *registry_.document(root_);
    const auto own = root.FindMember("definitions");
    if (own != root.MemberEnd() && own->value.IsObject() && own->value.HasMember(name.c_str())) name += ".schema";
    return name;
  }

  void refs_of(const rapidjson::Value &v, const std::string &from, std::deque<std::string> &queue) {
    if (v.IsObject()) {
      for (auto m = v.MemberBegin(); m != v.MemberEnd(); ++m) {
        if (sv(m->name) == "$ref" && m->value.IsString()) {
          const std::string target = target_of(sv(m->value), from);
          if (!target.empty() && registry_.document(target) != nullptr && seen_.insert(target).second) {
            queue.push_back(target);
          }
        } else {
          refs_of(m->value, from, queue);
        }
      }
    } else if (v.IsArray()) {
      for (const auto &e : v.GetArray()) refs_of(e, from, queue);
    }
  }

  static auto target_of(std::string_view ref, const std::string &from) -> std::string {
    const auto hash = ref.find('#');
    if (hash == 0) return from;  // "#/definitions/x" inside `from`
    return SchemaRegistry::resolve(ref, from);
  }

  auto local_ref(std::string_view ref, const std::string &from) -> std::string {
    const std::string target = target_of(ref, from);
    const std::string_view fragment = fragment_of(ref);
    if (target == root_) return "#" + std::string(fragment);
    return "#/definitions/" + definition_name(target) + std::string(fragment);
  }

  void value(Writer &w, const rapidjson::Value &v, const std::string &from, std::string_view member) {
    switch (v.GetType()) {
      case rapidjson::kNullType: w.Null(); return;
      case rapidjson::kFalseType: w.Bool(false); return;
      case rapidjson::kTrueType: w.Bool(true); return;
      case rapidjson::kNumberType:
        if (v.IsInt64()) {
          w.Int64(v.GetInt64());
        } else if (v.IsUint64()) {
          w.Uint64(v.GetUint64());
        } else {
          w.Double(v.GetDouble());
        }
        return;
      case rapidjson::kStringType: {
        std::string text(sv(v));
        if (member == "$ref") text = local_ref(text, from);
        if (member == "description") text = public_description(text);
        w.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
        return;
      }
      case rapidjson::kArrayType:
        w.StartArray();
        for (const auto &e : v.GetArray()) value(w, e, from, "");
        w.EndArray();
        return;
      case rapidjson::kObjectType:
        w.StartObject();
        for (auto m = v.MemberBegin(); m != v.MemberEnd(); ++m) {
          const std::string_view name = sv(m->name);
          // Inside `properties` a member is a property name, never a keyword.
          if (member != "properties" && (dropped(name) || name == "$id")) continue;
          key(w, name);
          value(w, m->value, from, member == "properties" ? std::string_view{} : name);
        }
        w.EndObject();
        return;
    }
  }

  const SchemaRegistry &registry_;
  std::string root_;
  std::set<std::string> seen_;
  std::vector<std::string> order_;
};

auto mentions_internal_source(std::string_view remark) -> bool {
  for (const std::string_view marker : {"GRAPH.md", "CALLS-API.md", "CSDL", "callcheck", "CUR-", "issue "}) {
    if (remark.find(marker) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace

auto public_description(std::string_view text) -> std::string {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '(') {
      const auto close = text.find(')', i);
      if (close != std::string_view::npos && mentions_internal_source(text.substr(i, close - i + 1))) {
        while (!out.empty() && out.back() == ' ') out.pop_back();
        i = close + 1;
        continue;
      }
    }
    out.push_back(text[i]);
    ++i;
  }
  return out;
}

auto bundle_schema(std::string_view name, ApiVersion api) -> std::string {
  const SchemaRegistry &registry = SchemaRegistry::instance();
  const std::string root = SchemaRegistry::profile_dir(api) + std::string(name) + ".schema.json";
  if (name.empty() || name.find('/') != std::string_view::npos || registry.document(root) == nullptr) return {};
  Bundler bundler(registry, root);
  bundler.collect();
  return bundler.write();
}

}  // namespace callcheck::detail
