#include "schema/validate.h"

#include "schema/valijson_adapter.h"

#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <fmt/format.h>

#include <algorithm>  // std::find
#include <cctype>     // std::tolower
#include <set>        // std::set
#include <utility>    // std::pair

#include "document/pointer.h"
#include "scenario/classify.h"
#include "schema/compiled.h"
#include "schema/navigator.h"
#include "schema/registry.h"
#include "fix/edits.h"
#include "util/suggest.h"
#include "catalog/cc100_schema_violation.h"
#include "catalog/cc101_missing_required_property.h"
#include "catalog/cc102_unknown_property.h"
#include "catalog/cc103_type_mismatch.h"
#include "catalog/cc104_enum_mismatch.h"
#include "catalog/cc105_unknown_odata_type.h"
#include "catalog/cc106_value_out_of_range.h"
#include "catalog/cc107_array_size.h"
#include "catalog/cc108_string_length.h"
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

struct Converter {
  const Document &doc;
  const Navigator &nav;
  std::vector<Finding> &out;
  std::set<std::pair<std::string, std::string>> seen;  // (code, pointer)

  void add(Finding f) {
    if (!seen.emplace(f.rule->code, f.pointer + "\n" + f.message).second) return;
    out.push_back(std::move(f));
  }

  void missing(const std::string &pointer, const std::string &property) {
    const SchemaNode node = nav.at(doc, pointer);
    const std::string_view type = Navigator::type_name(node);
    std::string where = pointer.empty() ? std::string("the payload") : fmt::format("`{}`", display(pointer));
    if (!type.empty()) where += fmt::format(" ({})", type);
    Finding f{catalog::kMissingRequiredProperty, fmt::format("{} is missing required property `{}`", where, property),
              pointer, fmt::format("add `{}`", property), !pointer.empty()};
    add(std::move(f));
  }

  void additional(const std::string &pointer) {
    const Value *object = doc.find(pointer);
    const SchemaNode node = nav.at(doc, pointer);
    if (object == nullptr || !object->IsObject()) return;
    const auto names = Navigator::property_names(node);
    const std::string_view type = Navigator::type_name(node);
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
      const std::string suggestion = closest(name, names);
      Finding f{catalog::kUnknownProperty,
                fmt::format("`{}` is not a property of {}", name,
                            type.empty() ? std::string("this object") : fmt::format("`{}`", type)),
                join_pointer(pointer, name),
                suggestion.empty() ? fmt::format("remove it; {} accepts: {}", type, join_list(names))
                                   : fmt::format("did you mean `{}`?", suggestion),
                true};
      // Renamed only to a unique closest name the object does not hold yet
      // (a second `displayName` would be a duplicate key).
      const std::string rename = unique_closest(name, names);
      if (!rename.empty() && !object->HasMember(rename.c_str())) {
        f.fix = make_fix(FixSafety::Unsafe, fmt::format("rename `{}` to `{}`", name, rename),
                         {rename_member(doc, f.pointer, rename)});
      }
      add(std::move(f));
    }
  }

  void wrong_type(const std::string &pointer) {
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

  void convert(const std::vector<std::string> &context, const std::string &description) {
    const std::string pointer = context_to_pointer(doc, context);
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

// The compiled checker (tools/schemac) decides the verdict in one pass; only
// an invalid payload meets valijson, which then collects the errors the
// findings are made of, so their codes, pointers and messages are valijson's
// by construction. `schema` and `nav` are built on that path only: a clean
// run never compiles a valijson schema (two thirds of the CLI's cold start).
// valijson's verdict is the one acted on: tests/unit/schema_oracle_test.cc
// and fuzz_schema hold the two to the same answers.
template <typename Schema, typename Nav>
auto run(const Document &doc, CompiledCheck check, Schema &&schema, Nav &&nav) -> std::vector<Finding> {
  std::vector<Finding> out;
  if (!doc.has_dom()) return out;
  if (check != nullptr && check(doc.root())) return out;
  const valijson::Schema &compiled = schema();
  // One validator per thread, reused: valijson keeps a regex cache in it
  // that is not safe to share (PERFORMANCE.md 7.1).
  thread_local valijson::Validator validator;
  const valijson::adapters::RapidJsonAdapter target(doc.root());
  try {
    // Without a compiled verdict, fail fast first; only invalid payloads
    // pay for collecting errors.
    if (check == nullptr && validator.validate(compiled, target, nullptr)) return out;
    valijson::ValidationResults results;
    if (validator.validate(compiled, target, &results)) return out;
    decltype(auto) navigator = nav();
    Converter converter{doc, navigator, out, {}};
    valijson::ValidationResults::Error error;
    std::string first_description;
    std::vector<std::string> first_context;
    while (results.popError(error)) {
      if (first_description.empty()) {
        first_description = error.description;
        first_context = error.context;
      }
      converter.convert(error.context, error.description);
    }
    if (out.empty()) {
      out.push_back(
          Finding{catalog::kSchemaViolation, first_description, context_to_pointer(doc, first_context), "", false});
    }
  } catch (const std::exception &e) {
    out.push_back(Finding{catalog::kValidatorInternalError, fmt::format("the schema validator failed: {}", e.what()),
                          "", "report this payload to the callcheck maintainers", false});
  }
  return out;
}

}  // namespace

auto classify_valijson_error(std::string_view d) -> const RuleMeta * {
  auto starts = [&](std::string_view prefix) { return d.substr(0, prefix.size()) == prefix; };
  // Wrappers: valijson repeats a nested failure at every enclosing level.
  if (starts("Failed to validate against any schemas allowed by anyOf")) return nullptr;
  if (starts("Failed to validate against a conditional schema")) return nullptr;
  if (starts("Failed to validate item #")) return nullptr;
  if (starts("Cannot validate item #")) return nullptr;
  if (starts("Failed to validate against schema associated with property name")) return nullptr;
  if (starts("Failed to validate against schema associated with pattern")) return nullptr;
  if (starts("Failed to validate against child schema #")) return nullptr;
  if (starts("Failed to validate against additional properties schema")) return nullptr;
  if (starts("Failed to validate against dependent schema")) return nullptr;
  // Leaves.
  if (starts("Missing required property '")) return &catalog::kMissingRequiredProperty;
  if (starts("Object contains a property that could not be validated")) return &catalog::kUnknownProperty;
  if (starts("Value type not permitted by 'type' constraint")) return &catalog::kTypeMismatch;
  if (starts("Failed to match against any enum values")) return &catalog::kEnumMismatch;
  if (starts("Failed to match expected value set by 'const' constraint")) return &catalog::kEnumMismatch;
  if (starts("Expected number")) return &catalog::kValueOutOfRange;
  if (starts("Array should contain no") || starts("Array contains more items than allowed"))
    return &catalog::kArraySize;
  if (starts("String should be no")) return &catalog::kStringLength;
  return &catalog::kSchemaViolation;
}

auto context_to_pointer(const Document &doc, const std::vector<std::string> &context) -> std::string {
  std::string pointer;
  const Value *current = doc.has_dom() ? &doc.root() : nullptr;
  for (const std::string &part : context) {
    if (part == "<root>") continue;
    std::string token = part;
    if (token.size() >= 2 && token.front() == '[' && token.back() == ']') token = token.substr(1, token.size() - 2);
    if (current != nullptr && current->IsArray()) {
      const auto index = parse_index(token);
      append_index(pointer, index.value_or(0));
      current = index && *index < current->Size() ? &(*current)[static_cast<rapidjson::SizeType>(*index)] : nullptr;
    } else {
      append_token(pointer, token);
      const Value *next = nullptr;
      if (current != nullptr && current->IsObject()) {
        for (auto it = current->MemberBegin(); it != current->MemberEnd(); ++it) {
          if (sv(it->name) == token) {
            next = &it->value;
            break;
          }
        }
      }
      current = next;
    }
  }
  return pointer;
}

namespace {

// The create-call schema of each profile, looked up once per process: the
// registry's path building and mutex are not for the per-payload path. Each
// profile compiles on its first use only (a one-file run needs one).
auto compiled_call(ApiVersion api) -> const valijson::Schema & {
  if (api == ApiVersion::Beta) {
    static const valijson::Schema &beta = SchemaRegistry::instance().compiled("graph/beta/call.schema.json");
    return beta;
  }
  static const valijson::Schema &v1 = SchemaRegistry::instance().compiled("graph/v1.0/call.schema.json");
  return v1;
}

// A call body wrapped in one member (`{"Call": {…}}`: the beta create-call
// page's JavaScript snippet posts `{Call : Call}`) fails at the root for want of
// `callbackUri` and `mediaConfig`. Those CC101s are replaced here, where they
// are made, by the one error that names the cause (CC229): a rule could add
// the error but not withdraw another stage's findings, and classify() uses
// the same wrapper_key() to recognise no scenario. CC201 then sees the
// wrapper member already reported and stays quiet.
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

}  // namespace

auto validate_schema(const Document &doc, ApiVersion api, std::string_view root_type) -> std::vector<Finding> {
  if (root_type == "call") {
    static const CompiledCheck v1 = compiled_check("graph/v1.0/call.schema.json");
    static const CompiledCheck beta = compiled_check("graph/beta/call.schema.json");
    return explain_wrapper(doc, run(
                                    doc, api == ApiVersion::Beta ? beta : v1,
                                    [api]() -> const valijson::Schema & { return compiled_call(api); },
                                    [api]() -> const Navigator & { return Navigator::for_call(api); }));
  }
  const std::string path = SchemaRegistry::profile_dir(api) + std::string(root_type) + ".schema.json";
  const CompiledCheck check = compiled_check(path);
  // No compiled checker means no such embedded schema: the registry throws
  // for it, as it did before the checkers existed.
  if (check == nullptr) (void)SchemaRegistry::instance().compiled(path);
  return run(
      doc, check, [&path]() -> const valijson::Schema & { return SchemaRegistry::instance().compiled(path); },
      [api, root_type]() { return Navigator(api, root_type); });
}

auto validate_against(const Document &doc, std::string_view schema_path) -> std::vector<Finding> {
  const CompiledCheck check = compiled_check(schema_path);
  if (check == nullptr) (void)SchemaRegistry::instance().compiled(schema_path);
  return run(
      doc, check,
      [schema_path]() -> const valijson::Schema & { return SchemaRegistry::instance().compiled(schema_path); },
      [schema_path]() {
        const auto *root = SchemaRegistry::instance().document(schema_path);
        return Navigator(SchemaNode{root, SchemaRegistry::instance().intern(schema_path)});
      });
}

}  // namespace callcheck::detail
