// compile_policy (callcheck/policy.h): reads a team policy through the
// caller's fetch, parses each file strictly, walks every schema node
// valijson would compile and refuses, each as one located CC401, what could
// crash, hang or leave the folder (RELIABILITY.md F2, F4, F5, F12; issue 18):
//  - `$ref` outside the schema's folder (policy/confine.h), unresolvable, or
//    closing a cycle (valijson 1.0 crashes loading `{"$ref":"#"}` and a->b->a,
//    and recursion through `properties` is refused too: it is how F4's
//    quadratic blow-up is written, and no calls-API body is recursive);
//  - `pattern`, `patternProperties` and `format` (valijson runs them through
//    std::regex: stack overflow and catastrophic backtracking on hostile
//    strings, R8); `uniqueItems` without `maxItems` <= 256 (O(n^2), F5);
//    `multipleOf` <= 0 (SIGFPE, F12);
//  - a `$schema` other than draft-07 (no meta-schema is ever fetched);
//  - more than kMaxPolicyNodes nodes or kMaxPolicyDepth levels once every
//    `$ref` is expanded (a diamond of refs is exponential without a cycle).
// `$ref` siblings are ignored, as draft-07 and valijson do; `$id`/`id` are
// ignored (refs resolve against the file they are written in).
#include "document/rapidjson_adapter.h"

#include "callcheck/policy.h"

#include <algorithm>  // std::min, std::max
#include <map>        // std::map
#include <memory>     // std::unique_ptr
#include <utility>    // std::move

#include <fmt/format.h>

#include "catalog/cc401_invalid_config.h"
#include "catalog/diagnostic.h"
#include "document/document.h"
#include "document/pointer.h"
#include "policy/confine.h"
#include "schema/user_schema.h"

namespace callcheck {
namespace {

using detail::Document;
using detail::PolicyGraphNode;
using detail::Value;

auto sv(const Value &v) -> std::string_view { return {v.GetString(), v.GetStringLength()}; }

struct LoadedFile {
  LoadedFile(std::string p, std::string t)
      : path(std::move(p)), text(std::move(t)), doc(Document::parse(text, Limits{})) {}
  std::string path;  // relative to the schema's folder
  std::string text;  // never modified: `doc` refers to it
  Document doc;
};

// Keywords whose value is one schema, and those whose value holds several.
constexpr std::string_view kOneSchema[] = {
    "additionalProperties", "additionalItems", "contains", "propertyNames", "not", "if", "then", "else"};
constexpr std::string_view kSchemaArray[] = {"allOf", "anyOf", "oneOf"};
constexpr std::string_view kRegexKeywords[] = {"pattern", "patternProperties", "format"};

auto is_schema(const Value &v) -> bool { return v.IsObject() || v.IsBool(); }

class Loader {
 public:
  Loader(const PolicyFetch &fetch, std::string_view prefix, PolicyLoad &out)
      : fetch_(fetch), prefix_(prefix), out_(out) {}

  auto run(std::string_view main_file) -> bool {
    const RefTarget main = detail::confine_ref(main_file, "");
    if (!main.error.empty() || !main.pointer.empty()) {
      whole(fmt::format("the schema path is refused: {}", main.error.empty() ? "it has a fragment" : main.error));
      return false;
    }
    const long file = load(main.file, nullptr, "");
    if (file < 0) return false;
    walk(static_cast<std::size_t>(file));
    if (!out_.errors.empty()) return false;
    return graph_ok();
  }

  auto input() -> detail::PolicyInput {
    detail::PolicyInput in;
    for (const auto &f : files_) {
      in.names.push_back(std::string(prefix_) + f->path);
      in.roots.push_back(&f->doc.root());
    }
    in.nodes = nodes_;
    return in;
  }

 private:
  using RefTarget = detail::RefTarget;

  void whole(std::string message) {
    out_.errors.push_back(
        PolicyError{"", detail::make_diagnostic(catalog::kInvalidConfig, std::move(message), "", Span{})});
  }

  void error(std::size_t file, std::string message, const std::string &pointer, bool at_key = false,
             std::string help = {}) {
    const Document &doc = files_[file]->doc;
    out_.errors.push_back(
        PolicyError{files_[file]->path, detail::make_diagnostic(catalog::kInvalidConfig, std::move(message), pointer,
                                                                doc.span(pointer, at_key), std::move(help))});
  }

  // The file `path`, fetched and parsed once; -1 after reporting why not
  // (at the `$ref` in `from`, or for the policy as a whole).
  auto load(const std::string &path, const std::size_t *from, const std::string &ref_pointer) -> long {
    if (const auto it = index_.find(path); it != index_.end()) return it->second;
    auto fail = [&](std::string why) -> long {
      if (from == nullptr) {
        whole(fmt::format("cannot read the schema `{}{}`: {}", prefix_, path, why));
      } else {
        error(*from, fmt::format("cannot read `{}` that this `$ref` names: {}", path, why), ref_pointer);
      }
      return -1;
    };
    if (files_.size() >= kMaxPolicyFiles)
      return fail(fmt::format("a policy may span at most {} files", kMaxPolicyFiles));
    PolicyFile got = fetch_(path);
    if (!got.ok) return fail(got.error);
    if (got.text.size() > kMaxPolicyFileBytes) {
      return fail(
          fmt::format("it is {} bytes; a schema file is limited to {} bytes", got.text.size(), kMaxPolicyFileBytes));
    }
    files_.push_back(std::make_unique<LoadedFile>(path, std::move(got.text)));
    const std::size_t at = files_.size() - 1;
    index_[path] = static_cast<long>(at);
    const Document &doc = files_[at]->doc;
    // Every parse finding (syntax, duplicate keys, limits) makes the schema
    // ambiguous; the message is the parser's, never the file's text.
    for (const detail::ParseFinding &f : doc.findings()) {
      out_.errors.push_back(
          PolicyError{path, detail::make_diagnostic(catalog::kInvalidConfig,
                                                    fmt::format("not a JSON Schema: {} ({})", f.message, f.rule->code),
                                                    f.pointer, doc.span_of_bytes(f.begin, f.end))});
    }
    if (!doc.findings().empty()) return -1;
    if (!is_schema(doc.root())) {
      error(at, "a schema file must hold an object (or a boolean)", "");
      return -1;
    }
    if (doc.root().IsObject()) {
      const auto s = doc.root().FindMember("$schema");
      if (s != doc.root().MemberEnd()) {
        const bool draft7 = s->value.IsString() && (sv(s->value) == "http://json-schema.org/draft-07/schema#" ||
                                                    sv(s->value) == "http://json-schema.org/draft-07/schema");
        if (!draft7) {
          error(at,
                "`$schema` must be draft-07 (`http://json-schema.org/draft-07/schema#`); callcheck never fetches a "
                "meta-schema",
                "/$schema");
          return -1;
        }
      }
    }
    return static_cast<long>(at);
  }

  auto node_of(const Value *v, std::size_t file, std::string pointer) -> std::size_t {
    if (const auto it = node_index_.find(v); it != node_index_.end()) return it->second;
    nodes_.push_back(PolicyGraphNode{file, std::move(pointer), v, -1});
    node_index_[v] = nodes_.size() - 1;
    pending_.push_back(nodes_.size() - 1);
    edges_.emplace_back();
    return nodes_.size() - 1;
  }

  void walk(std::size_t main) {
    node_of(&files_[main]->doc.root(), main, "");
    while (!pending_.empty()) {
      const std::size_t n = pending_.back();
      pending_.pop_back();
      visit(n);
    }
  }

  void visit(std::size_t n) {
    const std::size_t file = nodes_[n].file;
    const std::string pointer = nodes_[n].pointer;  // copied: nodes_ grows below
    const Value &v = *nodes_[n].value;
    if (v.IsBool()) return;
    auto child = [&](const Value &c, const std::string &at, bool applies) {
      if (!is_schema(c)) return;  // valijson reports the wrong type when it compiles
      const std::size_t m = node_of(&c, file, at);
      if (applies) edges_[n].push_back(m);
    };
    if (const auto ref = v.FindMember("$ref"); ref != v.MemberEnd()) {
      const std::string at = detail::join_pointer(pointer, "$ref");
      if (!ref->value.IsString()) return error(file, "`$ref` must be a string", at);
      const RefTarget target = detail::confine_ref(sv(ref->value), files_[file]->path);
      if (!target.error.empty()) {
        return error(file, fmt::format("this `$ref` is refused: {}", target.error), at, false,
                     "refer to a file in the schema's folder or below it, e.g. \"defs.json#/definitions/x\"");
      }
      const long tf = load(target.file, &file, at);
      if (tf < 0) return;
      const Value *to = &files_[static_cast<std::size_t>(tf)]->doc.root();
      std::string to_pointer;
      const std::vector<std::string> tokens =
          detail::fragment_tokens(target.pointer).value_or(std::vector<std::string>{});
      for (const std::string &token : tokens) {
        const Value *next = nullptr;
        if (to->IsObject()) {
          const auto m = to->FindMember(rapidjson::StringRef(token.data(), token.size()));
          if (m != to->MemberEnd()) next = &m->value;
        } else if (to->IsArray()) {
          const auto i = detail::parse_index(token);
          if (i && *i < to->Size()) next = &(*to)[static_cast<rapidjson::SizeType>(*i)];
        }
        if (next == nullptr) return error(file, "this `$ref` does not resolve: its target does not exist", at);
        to = next;
        to_pointer = detail::join_pointer(to_pointer, token);
      }
      if (!is_schema(*to)) return error(file, "this `$ref` names a value that is not a schema", at);
      const std::size_t m = node_of(to, static_cast<std::size_t>(tf), to_pointer);
      nodes_[n].ref = static_cast<long>(m);
      edges_[n].push_back(m);
      return;  // siblings of $ref are not compiled (draft-07)
    }
    for (auto it = v.MemberBegin(); it != v.MemberEnd(); ++it) {
      const std::string_view key = sv(it->name);
      const Value &value = it->value;
      const std::string at = detail::join_pointer(pointer, key);
      for (const std::string_view k : kRegexKeywords) {
        if (key == k) {
          error(file,
                fmt::format("`{}` is not supported in team policies: valijson 1.0 runs it through the standard "
                            "library's backtracking regex engine, which a hostile string can crash or hang",
                            k),
                at, true, "use `enum`, `const`, `minLength`/`maxLength` instead");
        }
      }
      if (key == "uniqueItems" && value.IsTrue()) {
        const auto max = v.FindMember("maxItems");
        if (max == v.MemberEnd() || !max->value.IsUint64() || max->value.GetUint64() > 256) {
          error(file, "`uniqueItems` needs `maxItems` of at most 256 beside it: it compares every pair of items", at,
                true);
        }
      }
      if (key == "multipleOf" && value.IsNumber() && !(value.GetDouble() > 0)) {
        error(file, "`multipleOf` must be greater than 0", at);
      }
      if ((key == "properties" || key == "definitions" || key == "dependencies") && value.IsObject()) {
        for (auto m = value.MemberBegin(); m != value.MemberEnd(); ++m) {
          child(m->value, detail::join_pointer(at, sv(m->name)), key != "definitions");
        }
      } else if (key == "items" && value.IsArray()) {
        for (rapidjson::SizeType i = 0; i < value.Size(); ++i) child(value[i], at + "/" + std::to_string(i), true);
      } else if (key == "items") {
        child(value, at, true);
      }
      for (const std::string_view k : kSchemaArray) {
        if (key != k || !value.IsArray()) continue;
        for (rapidjson::SizeType i = 0; i < value.Size(); ++i) child(value[i], at + "/" + std::to_string(i), true);
      }
      for (const std::string_view k : kOneSchema) {
        if (key == k) child(value, at, true);
      }
    }
  }

  // No cycle anywhere; the expansion from the root within the limits.
  auto graph_ok() -> bool {
    const std::size_t n = nodes_.size();
    std::vector<int> colour(n, 0);  // 0 new, 1 on the stack, 2 done
    std::vector<std::size_t> size(n, 1);
    std::vector<std::size_t> depth(n, 1);
    for (std::size_t start = 0; start < n; ++start) {
      if (colour[start] != 0) continue;
      std::vector<std::pair<std::size_t, std::size_t>> stack{{start, 0}};  // node, next edge
      colour[start] = 1;
      while (!stack.empty()) {
        auto &[node, next] = stack.back();
        if (next < edges_[node].size()) {
          const std::size_t to = edges_[node][next++];
          if (colour[to] == 1) {
            const PolicyGraphNode &at = nodes_[node];
            error(at.file, "this `$ref` closes a cycle: team policies cannot be recursive",
                  at.ref >= 0 ? detail::join_pointer(at.pointer, "$ref") : at.pointer, false,
                  "spell the nested levels out (payloads are at most 64 levels deep)");
            return false;
          }
          if (colour[to] == 0) {
            colour[to] = 1;
            stack.emplace_back(to, 0);
          }
          continue;
        }
        const std::size_t done = node;
        for (const std::size_t to : edges_[done]) {
          size[done] = std::min(size[done] + size[to], kMaxPolicyNodes + 1);
          depth[done] = std::max(depth[done], depth[to] + 1);
        }
        colour[done] = 2;
        stack.pop_back();
      }
    }
    if (size[0] > kMaxPolicyNodes) {
      error(0,
            fmt::format("this schema expands to more than {} schema nodes once its `$ref`s are followed",
                        kMaxPolicyNodes),
            "");
      return false;
    }
    if (depth[0] > kMaxPolicyDepth) {
      error(0, fmt::format("this schema nests more than {} levels deep once its `$ref`s are followed", kMaxPolicyDepth),
            "");
      return false;
    }
    return true;
  }

  const PolicyFetch &fetch_;
  std::string_view prefix_;
  PolicyLoad &out_;
  std::vector<std::unique_ptr<LoadedFile>> files_;
  std::map<std::string, long> index_;
  std::vector<PolicyGraphNode> nodes_;
  std::map<const Value *, std::size_t> node_index_;
  std::vector<std::vector<std::size_t>> edges_;
  std::vector<std::size_t> pending_;
};

}  // namespace

auto compile_policy(std::string_view main_file, const PolicyFetch &fetch, std::string_view display_prefix)
    -> PolicyLoad {
  PolicyLoad out;
  try {
    Loader loader(fetch, display_prefix, out);
    if (!loader.run(main_file)) return out;
    std::string error;
    out.schema = detail::build_policy(loader.input(), error);
    if (!out.schema) {
      out.errors.push_back(PolicyError{
          "", detail::make_diagnostic(catalog::kInvalidConfig,
                                      fmt::format("not a valid JSON Schema (draft-07): {}", error), "", Span{})});
    }
  } catch (const std::exception &e) {
    // A bug or an allocation failure: a configuration error, never a crash.
    out.schema.reset();
    out.errors.push_back(
        PolicyError{"", detail::make_diagnostic(catalog::kInvalidConfig,
                                                fmt::format("cannot load the policy: {}", e.what()), "", Span{})});
  }
  return out;
}

}  // namespace callcheck
