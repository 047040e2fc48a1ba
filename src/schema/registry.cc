#include "schema/registry.h"

#include "schema/valijson_adapter.h"

#include <valijson/schema_parser.hpp>

#include <map>          // std::map
#include <memory>       // std::unique_ptr
#include <mutex>        // std::mutex, std::call_once
#include <stdexcept>    // std::runtime_error
#include <vector>       // std::vector
#include <string_view>  // std::string_view

#include "embed/embedded.h"

namespace callcheck::detail {

// valijson 1.0 tells relative from absolute $refs by running a std::regex
// (internal::uri::isUrn) whose compilation alone was a fifth of the CLI's
// cold start; "://" short-circuits it. So every relative file $ref becomes
// absolute under kSchemaBase, which resolve() maps back to the same file.
void absolutize_refs(rapidjson::Document &doc, std::string_view path) {
  const auto slash = path.rfind('/');
  const std::string base =
      std::string(kSchemaBase) + std::string(slash == std::string_view::npos ? "" : path.substr(0, slash + 1));
  std::vector<rapidjson::Value *> stack{&doc};
  while (!stack.empty()) {
    rapidjson::Value *v = stack.back();
    stack.pop_back();
    if (v->IsArray()) {
      for (auto &e : v->GetArray()) stack.push_back(&e);
      continue;
    }
    if (!v->IsObject()) continue;
    for (auto m = v->MemberBegin(); m != v->MemberEnd(); ++m) {
      const std::string_view name(m->name.GetString(), m->name.GetStringLength());
      if (name == "$ref" && m->value.IsString()) {
        const std::string_view ref(m->value.GetString(), m->value.GetStringLength());
        if (!ref.empty() && ref.front() != '#' && ref.find(':') == std::string_view::npos) {
          const std::string absolute = base + std::string(ref);
          m->value.SetString(absolute.data(), static_cast<rapidjson::SizeType>(absolute.size()), doc.GetAllocator());
        }
      } else {
        stack.push_back(&m->value);
      }
    }
  }
}

// An embedded file, parsed on first use: a one-file run needs only the
// profile it checks against, and parsing every embedded file up front was a
// third of the CLI's cold start (bench/RESULTS.md).
struct LazyDocument {
  std::string_view path;
  std::string_view text;
  std::once_flag once;
  std::unique_ptr<rapidjson::Document> doc;

  auto get() -> const rapidjson::Document * {
    std::call_once(once, [this] {
      auto parsed = std::make_unique<rapidjson::Document>();
      parsed->Parse<rapidjson::kParseIterativeFlag>(text.data(), text.size());
      if (parsed->HasParseError()) {
        throw std::runtime_error("embedded schemas/" + std::string(path) + " is not valid JSON");
      }
      absolutize_refs(*parsed, path);
      doc = std::move(parsed);
    });
    return doc.get();
  }
};

struct SchemaRegistry::Impl {
  std::map<std::string, std::unique_ptr<LazyDocument>, std::less<>> documents;
  mutable std::mutex mutex;
  mutable std::map<std::string, std::unique_ptr<valijson::Schema>, std::less<>> compiled;
};

SchemaRegistry::SchemaRegistry() : impl_(new Impl) {
  for (const EmbeddedFile &file : embedded_files()) {
    auto entry = std::make_unique<LazyDocument>();
    entry->path = file.path;
    entry->text = file.text;
    impl_->documents.emplace(std::string(file.path), std::move(entry));
  }
}

SchemaRegistry::~SchemaRegistry() { delete impl_; }

auto SchemaRegistry::instance() -> const SchemaRegistry & {
  static const SchemaRegistry registry;
  return registry;
}

auto SchemaRegistry::document(std::string_view path) const -> const rapidjson::Document * {
  const auto it = impl_->documents.find(path);
  return it == impl_->documents.end() ? nullptr : it->second->get();
}

auto SchemaRegistry::intern(std::string_view path) const -> std::string_view {
  const auto it = impl_->documents.find(path);
  return it == impl_->documents.end() ? std::string_view{} : std::string_view(it->first);
}

auto SchemaRegistry::profile_dir(ApiVersion api) -> std::string {
  return api == ApiVersion::Beta ? "graph/beta/" : "graph/v1.0/";
}

auto SchemaRegistry::resolve(std::string_view ref, std::string_view from) -> std::string {
  const auto hash = ref.find('#');
  if (hash != std::string_view::npos) ref = ref.substr(0, hash);
  if (ref.substr(0, kSchemaBase.size()) == kSchemaBase) return std::string(ref.substr(kSchemaBase.size()));
  if (ref.find(':') != std::string_view::npos || ref.empty() || ref.front() == '/') return {};
  // Relative: against the directory of `from`, without leaving schemas/.
  if (ref.find("..") != std::string_view::npos) return {};
  const auto slash = from.rfind('/');
  std::string out = slash == std::string_view::npos ? std::string() : std::string(from.substr(0, slash + 1));
  out += ref;
  return out;
}

auto SchemaRegistry::paths() const -> std::vector<std::string_view> {
  std::vector<std::string_view> out;
  for (const auto &[path, doc] : impl_->documents) out.emplace_back(path);
  return out;
}

auto SchemaRegistry::compiled(std::string_view path) const -> const valijson::Schema & {
  const std::lock_guard<std::mutex> lock(impl_->mutex);
  if (const auto it = impl_->compiled.find(path); it != impl_->compiled.end()) return *it->second;
  const rapidjson::Document *root = document(path);
  if (root == nullptr) throw std::runtime_error("no embedded schema " + std::string(path));
  auto schema = std::make_unique<valijson::Schema>();
  valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
  valijson::adapters::RapidJsonAdapter adapter(*root);
  // $ref resolves only inside the embedded set: never the network, never disk.
  const std::string from(path);
  auto fetch = [this, from](const std::string &uri) -> const rapidjson::Document * {
    const std::string target = resolve(uri, from);
    const rapidjson::Document *doc = target.empty() ? nullptr : document(target);
    if (doc == nullptr) throw std::runtime_error("$ref outside the embedded schemas: " + uri);
    return doc;
  };
  auto release = [](const rapidjson::Document *) {};  // the registry owns every document
  parser.populateSchema(adapter, *schema, fetch, release);
  const auto &ref = *schema;
  impl_->compiled.emplace(std::string(path), std::move(schema));
  return ref;
}

}  // namespace callcheck::detail
