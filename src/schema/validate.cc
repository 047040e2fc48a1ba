#include "schema/validate.h"

#include <fmt/format.h>

#include <algorithm>   // std::find
#include <cctype>      // std::tolower
#include <cstdint>     // std::uint32_t
#include <functional>  // std::function
#include <memory>      // std::unique_ptr
#include <set>         // std::set
#include <utility>     // std::pair

#include "document/pointer.h"
#include "scenario/classify.h"
#include "schema/compiled.h"
#include "schema/navigator.h"
#include "schema/node_table.h"
#include "schema/registry.h"
#include "fix/edits.h"
#include "util/suggest.h"
#include "catalog/cc100_schema_violation.h"
#include "catalog/cc101_missing_required_property.h"
#include "catalog/cc102_unknown_property.h"
#include "catalog/cc103_type_mismatch.h"
#include "catalog/cc104_enum_mismatch.h"
#include "catalog/cc105_unknown_odata_type.h"
#include "catalog/cc109_validator_internal_error.h"
#include "catalog/cc229_wrapped_body.h"

namespace callcheck::detail {
namespace {

auto sv(const rapidjson::Value &v) -> std::string_view { return {v.GetString(), v.GetStringLength()}; }

auto json_type(const Value *v) -> std::string_view {
  if (v == nullptr) return "missing";
  if (v->IsNull()) return "null";
  if (v->IsBool()) return "a boolean";
  if (v->IsObject()) return "an object";
  if (v->IsArray()) return "an array";
  if (v->IsString()) return "a string";
  if (v->IsInt() || v->IsInt64() || v->IsUint() || v->IsUint64()) return "an integer";
  return "a number";
}

auto article(std::string_view type) -> std::string {
  if (type == "object" || type == "array" || type == "integer") return fmt::format("an {}", type);
  if (type == "null") return "null";
  return fmt::format("a {}", type);
}

// Display form of a pointer for messages: "/targets/0/identity" -> "targets[0].identity".
auto display(std::string_view pointer) -> std::string {
  const auto tokens = split_pointer(pointer);
  if (!tokens || tokens->empty()) return "the payload";
  std::string out;
  for (const std::string &t : *tokens) {
    if (parse_index(t)) {
      out += "[" + t + "]";
    } else {
      if (!out.empty()) out += ".";
      out += t;
    }
  }
  return out;
}

auto quoted_tail(std::string_view description) -> std::string {
  const auto end = description.rfind('\'');
  if (end == std::string_view::npos || end == 0) return {};
  const auto begin = description.rfind('\'', end - 1);
  if (begin == std::string_view::npos) return {};
  return std::string(description.substr(begin + 1, end - begin - 1));
}

auto scalar_text(const Value *v) -> std::string {
  if (v == nullptr) return "missing";
  if (v->IsString()) {
    std::string_view s = sv(*v);
    if (s.size() > 60) return fmt::format("\"{}...\"", s.substr(0, 57));
    return fmt::format("\"{}\"", s);
  }
  if (v->IsBool()) return v->GetBool() ? "true" : "false";
  if (v->IsNull()) return "null";
  if (v->IsInt64()) return std::to_string(v->GetInt64());
  if (v->IsUint64()) return std::to_string(v->GetUint64());
  if (v->IsNumber()) return fmt::format("{}", v->GetDouble());
  return std::string(json_type(v));
}

// The one allowed value that differs from `v` only in ASCII letter case ("" if none).
auto case_only_match(const Value *v, const std::vector<std::string_view> &allowed) -> std::string_view {
  if (v == nullptr || !v->IsString()) return {};
  const std::string_view text = sv(*v);
  std::string_view found;
  for (const std::string_view a : allowed) {
    if (a.size() != text.size() || a == text) continue;
    bool same = true;
    for (std::size_t i = 0; i < a.size() && same; ++i) {
      same = std::tolower(static_cast<unsigned char>(a[i])) == std::tolower(static_cast<unsigned char>(text[i]));
    }
    if (!same) continue;
    if (!found.empty()) return {};
    found = a;
  }
  return found;
}

// Where the Converter reads the schema. The compiled path reads the type
// name and declared properties of a value (CC101, CC102: most findings) from
// the node table (schema/node_table.h, pinned to the Navigator by
// tests/unit/schema_table_test.cc) and builds a Navigator, which parses the
// embedded schema documents, only for what the table does not hold (types,
// enum values). valijson's path reads the Navigator only, so the oracle's
// findings comparison holds the table to the Navigator too.
class Lookup {
 public:
  using Make = std::function<const Navigator *(std::unique_ptr<Navigator> &)>;
  Lookup(schema_table::NodeId root, Make make) : root_(root), make_(std::move(make)) {}

  auto nav() -> const Navigator & {
    if (nav_ == nullptr) nav_ = make_(owned_);
    return *nav_;
  }
  struct Shape {
    std::string_view type;
    std::vector<std::string_view> properties;
  };
  auto shape(const Document &doc, const std::string &pointer, bool with_properties) -> Shape {
    Shape out;
    if (root_ != schema_table::kNoNode) {
      if (const schema_table::Node *n = schema_table::node(schema_table::at(root_, doc, pointer))) {
        out.type = n->title;
        if (with_properties) {
          for (std::uint32_t i = 0; i < n->property_count; ++i) out.properties.push_back(n->property(i).name);
        }
      }
      return out;
    }
    const SchemaNode node = nav().at(doc, pointer);
    out.type = Navigator::type_name(node);
    if (with_properties) out.properties = Navigator::property_names(node);
    return out;
  }

 private:
  schema_table::NodeId root_;
  Make make_;
  std::unique_ptr<Navigator> owned_;
  const Navigator *nav_ = nullptr;
};

struct Converter {
  const Document &doc;
  Lookup &lookup;
  std::vector<Finding> &out;
  std::set<std::pair<std::string, std::string>> seen;  // (code, pointer)

  void add(Finding f) {
    if (!seen.emplace(f.rule->code, f.pointer + "\n" + f.message).second) return;
    out.push_back(std::move(f));
  }

  void missing(const std::string &pointer, const std::string &property) {
    const std::string_view type = lookup.shape(doc, pointer, false).type;
    std::string where = pointer.empty() ? std::string("the payload") : fmt::format("`{}`", display(pointer));
    if (!type.empty()) where += fmt::format(" ({})", type);
    Finding f{catalog::kMissingRequiredProperty, fmt::format("{} is missing required property `{}`", where, property),
              pointer, fmt::format("add `{}`", property), !pointer.empty()};
    add(std::move(f));
  }

  void additional(const std::string &pointer) {
    const Value *object = doc.find(pointer);
    if (object == nullptr || !object->IsObject()) return;
    const Lookup::Shape shape = lookup.shape(doc, pointer, true);
    const std::vector<std::string_view> &names = shape.properties;
    const std::string_view type = shape.type;
    for (auto it = object->MemberBegin(); it != object->MemberEnd(); ++it) {
      const std::string_view name = sv(it->name);
      if (std::find(names.begin(), names.end(), name) != names.end()) continue;
      if (name == "tenantId") {
        // Never "remove it" (issue 10): the call's tenant matters, it is
        // only read elsewhere.
        add(Finding{catalog::kUnknownProperty,
                    fmt::format("`tenantId` is not a property of {}",
                                type.empty() ? std::string("this object") : fmt::format("`{}`", type)),
                    join_pointer(pointer, name),
                    "the service reads the call's tenant from the top-level `tenantId` (and a join's "
                    "`meetingInfo.organizer.user.tenantId`); put it there",
                    true});
        continue;
      }
      // One pass gives the suggestion and whether a fix may rename to it.
      const Suggestion suggested = suggest(name, names, true);
      const std::string suggestion(suggested.name);
      Finding f{catalog::kUnknownProperty,
                fmt::format("`{}` is not a property of {}", name,
                            type.empty() ? std::string("this object") : fmt::format("`{}`", type)),
                join_pointer(pointer, name),
                suggestion.empty() ? fmt::format("remove it; {} accepts: {}", type, join_list(names))
                                   : fmt::format("did you mean `{}`?", suggestion),
                true};
      // Renamed only to a unique closest name the object does not hold yet
      // (a second `displayName` would be a duplicate key).
      const std::string rename = suggested.unique ? suggestion : std::string();
      if (!rename.empty() && !object->HasMember(rename.c_str())) {
        f.fix = make_fix(FixSafety::Unsafe, fmt::format("rename `{}` to `{}`", name, rename),
                         {rename_member(doc, f.pointer, rename)});
      }
      add(std::move(f));
    }
  }

  void wrong_type(const std::string &pointer) {
    const Navigator &nav = lookup.nav();
    const SchemaNode node = nav.at(doc, pointer);
    const auto types = Navigator::types(Navigator::deref(node));
    std::string expected;
    for (std::size_t i = 0; i < types.size(); ++i) {
      if (i > 0) expected += i + 1 == types.size() ? " or " : ", ";
      expected += article(types[i]);
    }
    const Value *v = doc.find(pointer);
    // An object serialised twice (`"applicationInstance": "{\"id\": …}"`,
    // microsoft-graph-docs#16084, answered 9999) deserves the real fix.
    const bool json_text = v != nullptr && v->IsString() && v->GetStringLength() > 0 && v->GetString()[0] == '{' &&
                           std::find(types.begin(), types.end(), "object") != types.end();
    add(Finding{catalog::kTypeMismatch,
                fmt::format("`{}` is {}; expected {}", display(pointer), json_type(v),
                            expected.empty() ? std::string("another type") : expected),
                pointer,
                json_text ? "this is JSON text inside a string (the object was serialised twice); send the object "
                            "itself"
                          : "",
                false});
  }

  void bad_enum(const std::string &pointer) {
    const Navigator &nav = lookup.nav();
    const Value *v = doc.find(pointer);
    const std::string name = last_token(pointer);
    if (name == "@odata.type") {
      const std::string parent(parent_pointer(pointer));
      const Value *slot_value = doc.find(parent);
      // The slot's schema (before the discriminator is applied).
      SchemaNode slot = nav.root();
      if (!parent.empty()) {
        const std::string grand(parent_pointer(parent));
        const Value *owner = doc.find(grand);
        const SchemaNode owner_node = grand.empty() ? nav.root() : nav.at(doc, grand);
        if (owner != nullptr && owner->IsObject()) slot = nav.member(owner_node, *owner, last_token(parent));
      }
      (void)slot_value;
      auto allowed = Navigator::discriminator_values(slot);
      std::vector<std::string_view> canonical;
      for (const auto a : allowed) {
        if (!a.empty() && a.front() == '#') canonical.push_back(a);
      }
      const std::string suggestion = v != nullptr && v->IsString() ? closest(sv(*v), allowed) : std::string();
      add(Finding{catalog::kUnknownOdataType,
                  fmt::format("`{}` is {}; `{}` must be one of {}", display(pointer), scalar_text(v), display(parent),
                              join_list(canonical)),
                  pointer, suggestion.empty() ? "" : fmt::format("did you mean `{}`?", suggestion), false});
      return;
    }
    const SchemaNode node = nav.at(doc, pointer);
    const auto allowed = Navigator::enum_values(Navigator::deref(node));
    const std::string suggestion = v != nullptr && v->IsString() ? closest(sv(*v), allowed) : std::string();
    Finding f{
        catalog::kEnumMismatch,
        allowed.empty()
            ? fmt::format("`{}` is {}, which is not an allowed value", display(pointer), scalar_text(v))
            : fmt::format("`{}` is {}; expected one of {}", display(pointer), scalar_text(v), join_list(allowed, 16)),
        pointer, suggestion.empty() ? "" : fmt::format("did you mean `{}`?", suggestion), false};
    if (const std::string_view cased = case_only_match(v, allowed); !cased.empty()) {
      f.fix =
          make_fix(FixSafety::Safe, fmt::format("write `{}`", cased), {replace_value(doc, pointer, json_quote(cased))});
    }
    add(std::move(f));
  }

  void convert(const std::string &pointer, const std::string &description) {
    const RuleMeta *rule = classify_valijson_error(description);
    if (rule == nullptr) return;
    if (rule == &catalog::kMissingRequiredProperty) return missing(pointer, quoted_tail(description));
    if (rule == &catalog::kUnknownProperty) return additional(pointer);
    if (rule == &catalog::kTypeMismatch) return wrong_type(pointer);
    if (rule == &catalog::kEnumMismatch) return bad_enum(pointer);
    const Value *v = doc.find(pointer);
    std::string detail = description;
    if (!detail.empty() && detail.back() == '.') detail.pop_back();
    if (!detail.empty()) detail[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(detail[0])));
    add(Finding{*rule, fmt::format("`{}` is {}: {}", display(pointer), scalar_text(v), detail), pointer, "", false});
  }
};

auto findings(const Document &doc, const std::vector<SchemaError> &errors, Lookup &lookup) -> std::vector<Finding> {
  std::vector<Finding> out;
  Converter converter{doc, lookup, out, {}};
  for (const SchemaError &e : errors) converter.convert(e.pointer, e.description);
  // Only wrappers, or a `false` schema that fails without an error: the
  // first description is all there is to say.
  if (out.empty()) {
    out.push_back(Finding{catalog::kSchemaViolation, errors.empty() ? std::string() : errors.front().description,
                          errors.empty() ? std::string() : errors.front().pointer, "", false});
  }
  return out;
}

// The compiled checker (tools/schemac) decides the verdict in one pass; only
// an invalid payload is walked a second time, by the collecting function,
// which reports valijson's own errors (its leaves and wrappers, descriptions
// and places), so the findings made of them are the ones valijson's errors
// made. No valijson schema is compiled on this path (two thirds of the CLI's
// cold start, and 6.6 M instructions for the first invalid payload of a
// thread); tests/unit/schema_oracle_test.cc and fuzz_schema hold the two
// engines to the same findings. `make` builds the Navigator, on the invalid
// path only, when a finding needs it (Lookup).
//
// CC109 means the compiled checker contradicted itself (the verdict said
// invalid, the collection found the value valid) or threw (out of memory):
// a defect in callcheck, reported rather than passed silently.
template <typename Make>
auto run(const Document &doc, CompiledCheck check, CompiledCollect collect, schema_table::NodeId table_root,
         Make &&make) -> std::vector<Finding> {
  if (!doc.has_dom() || check(doc.root())) return {};
  try {
    SchemaErrors errors;
    if (collect(doc.root(), errors)) {
      return {Finding{catalog::kValidatorInternalError,
                      "the schema validator failed: the compiled schema checker rejected the payload but found no "
                      "error in it",
                      "", "report this payload to the callcheck maintainers", false}};
    }
    Lookup lookup(table_root, std::forward<Make>(make));
    return findings(doc, std::move(errors).errors(), lookup);
  } catch (const std::exception &e) {
    return {Finding{catalog::kValidatorInternalError, fmt::format("the schema validator failed: {}", e.what()), "",
                    "report this payload to the callcheck maintainers", false}};
  }
}

}  // namespace

auto schema_findings(const Document &doc, const std::vector<SchemaError> &errors, const Navigator &nav)
    -> std::vector<Finding> {
  Lookup lookup(schema_table::kNoNode, [&nav](std::unique_ptr<Navigator> &) { return &nav; });
  return findings(doc, errors, lookup);
}

namespace {

// A call body wrapped in one member (`{"Call": {…}}`: the beta create-call
// page's JavaScript snippet posts `{Call : Call}`) fails at the root for want of
// `callbackUri` and `mediaConfig`. Those CC101s are replaced here, where they
// are made, by the one error that names the cause (CC229): a rule could add
// the error but not withdraw another stage's findings, and classify() uses
// the same wrapper_key() to recognise no scenario. CC201 then sees the
// wrapper member already reported and stays quiet.
}  // namespace

auto explain_wrapper(const Document &doc, std::vector<Finding> findings) -> std::vector<Finding> {
  const std::string_view key = wrapper_key(doc);
  if (key.empty()) return findings;
  std::vector<Finding> out;
  std::string pointer;
  append_token(pointer, key);
  // At most 60 bytes, cut before a UTF-8 continuation byte, no controls.
  std::size_t cut = key.size() <= 60 ? key.size() : 60;
  while (cut > 0 && cut < key.size() && (static_cast<unsigned char>(key[cut]) & 0xC0) == 0x80) --cut;
  std::string shown(key.substr(0, cut));
  for (char &c : shown) c = static_cast<unsigned char>(c) < 0x20 || c == '`' ? '?' : c;
  if (cut < key.size()) shown += "...";
  out.push_back(Finding{catalog::kWrappedBody,
                        fmt::format("the call body is wrapped in `{}`: the service reads `callbackUri`, "
                                    "`mediaConfig` and the rest at the top level of the body, so it finds no call",
                                    shown),
                        pointer, fmt::format("send the object inside `{}` as the request body itself", shown), true});
  for (Finding &f : findings) {
    if ((f.rule == &catalog::kMissingRequiredProperty || f.rule == &catalog::kSchemaViolation) && f.pointer.empty())
      continue;
    out.push_back(std::move(f));
  }
  return out;
}

auto validate_schema(const Document &doc, ApiVersion api, std::string_view root_type) -> std::vector<Finding> {
  if (root_type == "call") {
    static const CompiledCheck v1 = compiled_check("graph/v1.0/call.schema.json");
    static const CompiledCheck beta = compiled_check("graph/beta/call.schema.json");
    static const CompiledCollect v1_errors = compiled_collect("graph/v1.0/call.schema.json");
    static const CompiledCollect beta_errors = compiled_collect("graph/beta/call.schema.json");
    const bool is_beta = api == ApiVersion::Beta;
    static const schema_table::NodeId v1_table = schema_table::root("graph/v1.0/call.schema.json");
    static const schema_table::NodeId beta_table = schema_table::root("graph/beta/call.schema.json");
    return explain_wrapper(
        doc, run(doc, is_beta ? beta : v1, is_beta ? beta_errors : v1_errors, is_beta ? beta_table : v1_table,
                 [api](std::unique_ptr<Navigator> &) { return &Navigator::for_call(api); }));
  }
  const std::string path = SchemaRegistry::profile_dir(api) + std::string(root_type) + ".schema.json";
  const CompiledCheck check = compiled_check(path);
  // No compiled checker means no such embedded schema: valijson's registry
  // throws for it, as it did before the checkers existed.
  if (check == nullptr) return validate_schema_with_valijson(doc, api, root_type);
  return run(doc, check, compiled_collect(path), schema_table::root(path),
             [api, root_type](std::unique_ptr<Navigator> &owned) {
               owned = std::make_unique<Navigator>(api, root_type);
               return owned.get();
             });
}

auto validate_against(const Document &doc, std::string_view schema_path) -> std::vector<Finding> {
  const CompiledCheck check = compiled_check(schema_path);
  if (check == nullptr) return validate_against_with_valijson(doc, schema_path);
  return run(doc, check, compiled_collect(schema_path), schema_table::root(schema_path),
             [schema_path](std::unique_ptr<Navigator> &owned) {
               const auto *root = SchemaRegistry::instance().document(schema_path);
               owned = std::make_unique<Navigator>(SchemaNode{root, SchemaRegistry::instance().intern(schema_path)});
               return owned.get();
             });
}

auto against_navigator(std::string_view schema_path) -> Navigator {
  const auto *root = SchemaRegistry::instance().document(schema_path);
  return Navigator(SchemaNode{root, SchemaRegistry::instance().intern(schema_path)});
}

auto schema_errors(std::string_view path, const Value &value) -> std::vector<SchemaError> {
  const CompiledCollect collect = compiled_collect(path);
  SchemaErrors errors;
  if (collect != nullptr) (void)collect(value, errors);
  return std::move(errors).errors();
}

}  // namespace callcheck::detail
