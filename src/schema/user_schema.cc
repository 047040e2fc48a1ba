// Team policies on valijson (issue 14 item 2b): valijson is their engine, as
// it is the oracle of the compiled built-in checker. Each policy is compiled
// once (build_policy, before any worker starts); the sub-schemas used to
// find the node a violation belongs to are compiled on first use, under a
// lock, and validated with one valijson::Validator per thread (its regex
// cache is not shareable; team policies hold no regex anyway).
//
// valijson 1.0 errors carry no schema location, so the violated node is
// found here: at the instance pointer of each leaf error, the schema nodes
// that apply there (from the root through `properties`,
// `additionalProperties`, `items`, `additionalItems`, and in place through
// `$ref`, `allOf` and the `then`/`else` that `if` selects) are validated
// one by one against the value; the most deeply nested failing node that
// carries `$comment`, `description` or `title` (in that order) gives the
// message. With none at that pointer, its parents are tried up to the root;
// with none at all, the message is valijson's. `anyOf`, `oneOf` and `not`
// are not descended into: their own node is the one violated.
#include "schema/user_schema.h"

#include "schema/valijson_adapter.h"

#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <map>      // std::map
#include <mutex>    // std::mutex, std::lock_guard
#include <set>      // std::set
#include <utility>  // std::pair

#include <fmt/format.h>

#include "catalog/cc109_validator_internal_error.h"
#include "catalog/cc110_policy_violation.h"
#include "catalog/policy.h"
#include "document/pointer.h"
#include "schema/validate.h"

namespace callcheck {

class PolicySchema {
 public:
  struct Node {
    std::size_t file = 0;
    std::string pointer;
    const rapidjson::Value *value = nullptr;  // in `copies`
    long ref = -1;
    std::string annotation;
  };
  std::vector<std::string> names;
  // valijson's view of each file: every $ref absolute (so no std::regex
  // decides what is relative, and nothing resolves against an `id`), no `id`.
  std::vector<std::unique_ptr<rapidjson::Document>> copies;
  std::vector<Node> nodes;
  std::map<const rapidjson::Value *, std::size_t> index;
  valijson::Schema root;
  mutable std::mutex mutex;
  mutable std::map<std::size_t, std::unique_ptr<valijson::Schema>> compiled;
};

namespace detail {
namespace {

constexpr std::string_view kBase = "https://callcheck.invalid/policy/";

auto sv(const rapidjson::Value &v) -> std::string_view { return {v.GetString(), v.GetStringLength()}; }

auto find_in(rapidjson::Value &root, const std::string &pointer) -> rapidjson::Value * {
  rapidjson::Value *at = &root;
  for (const std::string &token : split_pointer(pointer).value_or(std::vector<std::string>{})) {
    rapidjson::Value *next = nullptr;
    if (at->IsObject()) {
      const auto m = at->FindMember(rapidjson::StringRef(token.data(), token.size()));
      if (m != at->MemberEnd()) next = &m->value;
    } else if (at->IsArray()) {
      const auto i = parse_index(token);
      if (i && *i < at->Size()) next = &(*at)[static_cast<rapidjson::SizeType>(*i)];
    }
    if (next == nullptr) throw std::runtime_error("a schema node vanished while preparing the policy");
    at = next;
  }
  return at;
}

// A canonical pointer as a URI fragment valijson decodes back to it.
auto fragment(const std::string &pointer) -> std::string {
  std::string out;
  for (const std::string &token : split_pointer(pointer).value_or(std::vector<std::string>{})) {
    out += '/';
    for (const char c : token) {
      if (c == '~')
        out += "~0";
      else if (c == '/')
        out += "~1";
      else if (c == '%' || c == '#' || static_cast<unsigned char>(c) < 0x21)
        out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
      else
        out += c;
    }
  }
  return out;
}

// One line of at most 200 bytes, no trailing period (STYLE.md 6.1).
auto clean(std::string_view text) -> std::string {
  std::string out;
  for (const char c : text) {
    const bool space = static_cast<unsigned char>(c) < 0x20 || c == ' ' || c == 0x7f;
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (out.size() > 200) {
    std::size_t cut = 200;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out = out.substr(0, cut) + "...";
  }
  if (!out.empty() && out.back() == '.' && (out.size() < 2 || out[out.size() - 2] != '.')) out.pop_back();
  return out;
}

auto annotation_of(const rapidjson::Value &v) -> std::string {
  if (!v.IsObject()) return {};
  for (const char *key : {"$comment", "description", "title"}) {
    const auto m = v.FindMember(key);
    if (m == v.MemberEnd() || !m->value.IsString()) continue;
    std::string text = clean(sv(m->value));
    if (!text.empty()) return text;
  }
  return {};
}

auto parse(const rapidjson::Value &schema_value, valijson::Schema &into, const PolicySchema &p) {
  valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
  const valijson::adapters::RapidJsonAdapter adapter(schema_value);
  auto fetch = [&p](const std::string &uri) -> const rapidjson::Document * {
    if (uri.substr(0, kBase.size()) == kBase) {
      const std::string rest = uri.substr(kBase.size());
      const std::size_t dot = rest.find(".json");
      if (dot != std::string::npos && rest.size() == dot + 5) {
        const std::size_t i = static_cast<std::size_t>(std::stoul(rest.substr(0, dot)));
        if (i < p.copies.size()) return p.copies[i].get();
      }
    }
    throw std::runtime_error("a $ref outside the policy");  // the loader refused these already
  };
  auto release = [](const rapidjson::Document *) {};  // the policy owns every document
  parser.populateSchema(adapter, into, fetch, release);
}

auto validator() -> valijson::Validator & {
  thread_local valijson::Validator v;
  return v;
}

class Attributor {
 public:
  explicit Attributor(const PolicySchema &p) : p_(p) {}

  // The node whose annotation explains a failure at `pointer`, or -1.
  auto at(const Document &doc, const std::string &pointer) -> long {
    const std::vector<std::string> tokens = split_pointer(pointer).value_or(std::vector<std::string>{});
    std::vector<const Value *> values{&doc.root()};
    std::vector<std::vector<std::pair<std::size_t, std::size_t>>> sets{closure({0}, doc.root())};
    for (const std::string &token : tokens) {
      const Value &parent = *values.back();
      const Value *child = nullptr;
      std::size_t index = 0;
      if (parent.IsObject()) {
        const auto m = parent.FindMember(rapidjson::StringRef(token.data(), token.size()));
        if (m != parent.MemberEnd()) child = &m->value;
      } else if (parent.IsArray()) {
        const auto i = parse_index(token);
        if (i && *i < parent.Size()) child = &parent[static_cast<rapidjson::SizeType>(*i)], index = *i;
      }
      if (child == nullptr) break;
      sets.push_back(closure(step(sets.back(), parent, token, index), *child));
      values.push_back(child);
    }
    for (std::size_t level = sets.size(); level-- > 0;) {
      long best = -1;
      std::size_t best_depth = 0;
      for (const auto &[node, depth] : sets[level]) {
        if (p_.nodes[node].annotation.empty() || (best >= 0 && depth <= best_depth)) continue;
        if (!fails(node, *values[level])) continue;
        best = static_cast<long>(node);
        best_depth = depth;
      }
      if (best >= 0) return best;
    }
    return -1;
  }

 private:
  auto node_of(const rapidjson::Value &v) const -> long {
    const auto it = p_.index.find(&v);
    return it == p_.index.end() ? -1 : static_cast<long>(it->second);
  }

  auto member(std::size_t n, const char *key) const -> const rapidjson::Value * {
    const rapidjson::Value &v = *p_.nodes[n].value;
    if (!v.IsObject()) return nullptr;
    const auto m = v.FindMember(key);
    return m == v.MemberEnd() ? nullptr : &m->value;
  }

  void add(std::vector<std::size_t> &out, const rapidjson::Value *v) const {
    if (v == nullptr) return;
    if (const long n = node_of(*v); n >= 0) out.push_back(static_cast<std::size_t>(n));
  }

  // The nodes that apply to `v` in place, with their nesting below `roots`.
  auto closure(const std::vector<std::size_t> &roots, const Value &v)
      -> std::vector<std::pair<std::size_t, std::size_t>> {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    std::set<std::size_t> seen;
    std::vector<std::pair<std::size_t, std::size_t>> stack;
    for (auto it = roots.rbegin(); it != roots.rend(); ++it) stack.emplace_back(*it, 0);
    while (!stack.empty()) {
      const auto [n, depth] = stack.back();
      stack.pop_back();
      if (!seen.insert(n).second) continue;
      out.emplace_back(n, depth);
      std::vector<std::size_t> next;
      if (p_.nodes[n].ref >= 0) {
        next.push_back(static_cast<std::size_t>(p_.nodes[n].ref));
      } else {
        if (const rapidjson::Value *all = member(n, "allOf"); all != nullptr && all->IsArray()) {
          for (const rapidjson::Value &s : all->GetArray()) add(next, &s);
        }
        if (const rapidjson::Value *cond = member(n, "if"); cond != nullptr) {
          const long c = node_of(*cond);
          const bool holds = c < 0 || !fails(static_cast<std::size_t>(c), v);
          add(next, member(n, holds ? "then" : "else"));
        }
      }
      for (auto it = next.rbegin(); it != next.rend(); ++it) stack.emplace_back(*it, depth + 1);
    }
    return out;
  }

  auto step(const std::vector<std::pair<std::size_t, std::size_t>> &set, const Value &parent, const std::string &token,
            std::size_t index) const -> std::vector<std::size_t> {
    std::vector<std::size_t> out;
    for (const auto &entry : set) {
      const std::size_t n = entry.first;
      if (parent.IsObject()) {
        const rapidjson::Value *props = member(n, "properties");
        if (props != nullptr && props->IsObject()) {
          const auto m = props->FindMember(rapidjson::StringRef(token.data(), token.size()));
          if (m != props->MemberEnd()) {
            add(out, &m->value);
            continue;
          }
        }
        add(out, member(n, "additionalProperties"));
      } else if (parent.IsArray()) {
        const rapidjson::Value *items = member(n, "items");
        if (items != nullptr && items->IsArray()) {
          if (index < items->Size()) {
            add(out, &(*items)[static_cast<rapidjson::SizeType>(index)]);
          } else {
            add(out, member(n, "additionalItems"));
          }
        } else {
          add(out, items);
        }
      }
    }
    return out;
  }

  auto fails(std::size_t n, const Value &v) -> bool {
    const rapidjson::Value &schema = *p_.nodes[n].value;
    if (schema.IsBool()) return !schema.GetBool();
    const valijson::Schema *compiled = nullptr;
    {
      const std::lock_guard<std::mutex> lock(p_.mutex);
      auto it = p_.compiled.find(n);
      if (it == p_.compiled.end()) {
        auto s = std::make_unique<valijson::Schema>();
        try {
          parse(schema, *s, p_);
        } catch (const std::exception &) {
          s.reset();  // cannot happen for a node of a policy that compiled; then it explains nothing
        }
        it = p_.compiled.emplace(n, std::move(s)).first;
      }
      compiled = it->second.get();
    }
    if (compiled == nullptr) return false;
    return !validator().validate(*compiled, valijson::adapters::RapidJsonAdapter(v), nullptr);
  }

  const PolicySchema &p_;
};

auto detail_of(std::string_view description) -> std::string {
  std::string out = clean(description);
  if (!out.empty() && out[0] >= 'A' && out[0] <= 'Z') out[0] = static_cast<char>(out[0] - 'A' + 'a');
  return out;
}

void validate_one(const PolicySchema &p, const Document &doc, std::vector<Finding> &out) {
  const valijson::adapters::RapidJsonAdapter target(doc.root());
  if (validator().validate(p.root, target, nullptr)) return;
  valijson::ValidationResults results;
  if (validator().validate(p.root, target, &results)) return;
  Attributor attribute(p);
  std::set<std::pair<std::string, std::string>> seen;  // (pointer, message)
  valijson::ValidationResults::Error error;
  std::string first;
  while (results.popError(error)) {
    if (first.empty()) first = error.description;
    if (classify_valijson_error(error.description) == nullptr) continue;  // a wrapper repeating a nested error
    const std::string pointer = context_to_pointer(doc, error.context);
    const std::string detail = detail_of(error.description);
    const long node = attribute.at(doc, pointer);
    std::string message;
    std::string help;
    if (node >= 0) {
      const PolicySchema::Node &n = p.nodes[static_cast<std::size_t>(node)];
      message = n.annotation;
      help = fmt::format("policy `{}#{}`: {}", p.names[n.file], fragment(n.pointer), detail);
    } else {
      message = fmt::format("{} (policy `{}`)", detail, p.names[0]);
    }
    if (!seen.emplace(pointer, message).second) continue;
    out.emplace_back(catalog::kPolicyViolation, std::move(message), pointer, std::move(help));
  }
  if (seen.empty()) {
    out.emplace_back(catalog::kPolicyViolation, fmt::format("{} (policy `{}`)", detail_of(first), p.names[0]), "");
  }
}

}  // namespace

auto build_policy(const PolicyInput &input, std::string &error) -> std::shared_ptr<const PolicySchema> {
  auto p = std::make_shared<PolicySchema>();
  p->names = input.names;
  for (const Value *root : input.roots) {
    auto copy = std::make_unique<rapidjson::Document>();
    // Not CopyFrom: it would share the strings, which are the parse arena's
    // (document/rapidjson_adapter.h).
    copy_owned(*root, *copy, copy->GetAllocator());
    p->copies.push_back(std::move(copy));
  }
  for (const PolicyGraphNode &n : input.nodes) {
    if (n.ref < 0) continue;
    const PolicyGraphNode &to = input.nodes[static_cast<std::size_t>(n.ref)];
    rapidjson::Document &doc = *p->copies[n.file];
    rapidjson::Value *node = find_in(doc, n.pointer);
    const std::string uri = fmt::format("{}{}.json#{}", kBase, to.file, fragment(to.pointer));
    node->FindMember("$ref")->value.SetString(uri.data(), static_cast<rapidjson::SizeType>(uri.size()),
                                              doc.GetAllocator());
  }
  for (const PolicyGraphNode &n : input.nodes) {
    rapidjson::Value *node = find_in(*p->copies[n.file], n.pointer);
    if (!node->IsObject() || n.ref >= 0) continue;
    for (const char *key : {"id", "$id"}) {
      const auto m = node->FindMember(key);
      if (m != node->MemberEnd() && m->value.IsString()) node->EraseMember(m);
    }
  }
  for (const PolicyGraphNode &n : input.nodes) {
    const rapidjson::Value *node = find_in(*p->copies[n.file], n.pointer);
    p->index.emplace(node, p->nodes.size());
    p->nodes.push_back(PolicySchema::Node{n.file, n.pointer, node, n.ref, annotation_of(*node)});
  }
  try {
    parse(*p->nodes[0].value, p->root, *p);
  } catch (const std::exception &e) {
    error = clean(e.what());
    return nullptr;
  }
  return p;
}

auto validate_policies(const Document &doc, const Options &options) -> std::vector<Finding> {
  std::vector<Finding> out;
  if (options.policies.empty() || !doc.has_dom() || !Policy(options).enabled(catalog::kPolicyViolation)) return out;
  for (const auto &policy : options.policies) {
    if (policy == nullptr) continue;
    try {
      validate_one(*policy, doc, out);
    } catch (const std::exception &e) {
      out.emplace_back(catalog::kValidatorInternalError, fmt::format("the policy validator failed: {}", e.what()), "",
                       "report this payload and policy to the callcheck maintainers");
    }
  }
  return out;
}

}  // namespace detail
}  // namespace callcheck
