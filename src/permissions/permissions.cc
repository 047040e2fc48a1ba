// Scenario -> permissions. The table is data (schemas/callcheck/permissions.json,
// embedded); this file only loads it, evaluates its fixed predicates
// (present / equals / in over a JSON Pointer) and compares granted names.
#include "document/rapidjson_adapter.h"

#include "permissions/permissions.h"

#include <algorithm>  // std::sort, std::find
#include <cctype>     // std::tolower, std::isspace
#include <cstdint>    // std::uint8_t
#include <map>        // std::map
#include <set>        // std::set
#include <stdexcept>  // std::runtime_error
#include <utility>    // std::move

#include <fmt/format.h>

#include "embed/embedded.h"
#include "catalog/cc302_missing_scope.h"
#include "catalog/cc303_scope_alias.h"
#include "catalog/cc304_unknown_scope.h"

namespace callcheck::detail {
namespace {

struct Condition {
  enum class Op : std::uint8_t { Present, Equals, In };
  std::string pointer;
  Op op = Op::Present;
  bool present = true;
  std::vector<std::string> values;  // Equals: one value; In: the set
};

struct Entry {
  std::string scope;
  std::string reason;
  std::optional<Condition> when;
};

struct Alternative {
  std::string note;
  std::vector<std::string> apis;  // empty: every API version
  std::vector<Entry> scopes;
};

struct KindRule {
  std::string note;
  std::vector<Entry> required;
  std::vector<Alternative> alternatives;
};

struct Table {
  std::map<std::string, KindRule, std::less<>> kinds;
  std::map<std::string, KindRule, std::less<>> requests;  // mid-call requests (issue 12)
  std::map<std::string, std::string, std::less<>> by_key;  // folded spelling -> canonical
};

auto str(const rapidjson::Value &object, const char *name) -> std::string {
  if (!object.IsObject()) return {};
  const auto it = object.FindMember(name);
  if (it == object.MemberEnd() || !it->value.IsString()) return {};
  return {it->value.GetString(), it->value.GetStringLength()};
}

auto member(const rapidjson::Value &object, const char *name) -> const rapidjson::Value * {
  if (!object.IsObject()) return nullptr;
  const auto it = object.FindMember(name);
  return it == object.MemberEnd() ? nullptr : &it->value;
}

auto load_entry(const rapidjson::Value &json) -> Entry {
  Entry entry{str(json, "scope"), str(json, "reason"), std::nullopt};
  if (const rapidjson::Value *when = member(json, "when"); when != nullptr && when->IsObject()) {
    Condition c;
    c.pointer = str(*when, "pointer");
    if (const rapidjson::Value *v = member(*when, "present"); v != nullptr && v->IsBool()) {
      c.op = Condition::Op::Present;
      c.present = v->GetBool();
    } else if (const rapidjson::Value *e = member(*when, "equals"); e != nullptr && e->IsString()) {
      c.op = Condition::Op::Equals;
      c.values.emplace_back(e->GetString(), e->GetStringLength());
    } else if (const rapidjson::Value *in = member(*when, "in"); in != nullptr && in->IsArray()) {
      c.op = Condition::Op::In;
      for (const rapidjson::Value &item : in->GetArray()) {
        if (item.IsString()) c.values.emplace_back(item.GetString(), item.GetStringLength());
      }
    }
    entry.when = std::move(c);
  }
  return entry;
}

auto load_entries(const rapidjson::Value *array) -> std::vector<Entry> {
  std::vector<Entry> out;
  if (array == nullptr || !array->IsArray()) return out;
  for (const rapidjson::Value &item : array->GetArray()) out.push_back(load_entry(item));
  return out;
}

auto load_table() -> Table {
  const std::string_view text = embedded_file("callcheck/permissions.json");
  rapidjson::Document json;
  json.Parse(text.data(), text.size());
  // A build defect, not bad input: tests/unit/permissions_test.cc validates the file.
  if (json.HasParseError() || !json.IsObject()) throw std::runtime_error("embedded callcheck/permissions.json is broken");
  Table table;
  if (const rapidjson::Value *scopes = member(json, "scopes"); scopes != nullptr && scopes->IsObject()) {
    for (const auto &m : scopes->GetObject()) {
      const std::string name(m.name.GetString(), m.name.GetStringLength());
      table.by_key.emplace(fold_scope_name(name), name);
    }
  }
  if (const rapidjson::Value *aliases = member(json, "aliases"); aliases != nullptr && aliases->IsObject()) {
    for (const auto &m : aliases->GetObject()) {
      table.by_key.emplace(fold_scope_name(std::string_view(m.name.GetString(), m.name.GetStringLength())),
                           str(m.value, "canonical"));
    }
  }
  for (const char *section : {"scenarios", "requests"}) {
    const rapidjson::Value *kinds = member(json, section);
    if (kinds == nullptr || !kinds->IsObject()) continue;
    auto &into = std::string_view(section) == "requests" ? table.requests : table.kinds;
    for (const auto &m : kinds->GetObject()) {
      KindRule rule;
      rule.note = str(m.value, "note");
      rule.required = load_entries(member(m.value, "required"));
      if (const rapidjson::Value *alts = member(m.value, "alternatives"); alts != nullptr && alts->IsArray()) {
        for (const rapidjson::Value &a : alts->GetArray()) {
          Alternative alt;
          alt.note = str(a, "note");
          alt.scopes = load_entries(member(a, "scopes"));
          if (const rapidjson::Value *apis = member(a, "api"); apis != nullptr && apis->IsArray()) {
            for (const rapidjson::Value &api : apis->GetArray()) {
              if (api.IsString()) alt.apis.emplace_back(api.GetString(), api.GetStringLength());
            }
          }
          rule.alternatives.push_back(std::move(alt));
        }
      }
      into.emplace(std::string(m.name.GetString(), m.name.GetStringLength()), std::move(rule));
    }
  }
  return table;
}

auto table() -> const Table & {
  static const Table instance = load_table();
  return instance;
}

auto holds(const Condition &c, const Document &doc) -> bool {
  const Value *value = doc.find(c.pointer);
  switch (c.op) {
    case Condition::Op::Present: return (value != nullptr) == c.present;
    case Condition::Op::Equals:
    case Condition::Op::In: {
      if (value == nullptr || !value->IsString()) return false;
      const std::string_view text(value->GetString(), value->GetStringLength());
      return std::find(c.values.begin(), c.values.end(), text) != c.values.end();
    }
  }
  return false;
}

auto applicable(const std::vector<Entry> &entries, const Document &doc) -> std::vector<Scope> {
  std::vector<Scope> out;
  for (const Entry &e : entries) {
    if (e.when && !holds(*e.when, doc)) continue;
    if (std::none_of(out.begin(), out.end(), [&](const Scope &s) { return s.name == e.scope; })) {
      out.push_back(Scope{e.scope, e.reason});
    }
  }
  std::sort(out.begin(), out.end(), [](const Scope &a, const Scope &b) { return a.name < b.name; });
  return out;
}

auto kind_phrase(CallKind kind) -> std::string_view {
  switch (kind) {
    case CallKind::Unknown: return "payload";
    case CallKind::PeerToPeer: return "peer-to-peer call";
    case CallKind::PeerToPeerPstn: return "PSTN call";
    case CallKind::GroupCall: return "group call";
    case CallKind::JoinMeeting: return "meeting join";
    case CallKind::JoinMeetingById: return "meeting join by id";
    case CallKind::JoinMeetingAsGuest: return "guest meeting join";
    case CallKind::Ambiguous: return "ambiguous call";
  }
  return "payload";
}

auto join(const std::vector<std::string> &names, std::string_view separator) -> std::string {
  std::string out;
  for (const std::string &n : names) {
    if (!out.empty()) out += separator;
    out += n;
  }
  return out;
}

auto starts_with_calls(std::string_view name) -> bool {
  constexpr std::string_view kPrefix = "calls.";
  if (name.size() < kPrefix.size()) return false;
  for (std::size_t i = 0; i < kPrefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(name[i])) != kPrefix[i]) return false;
  }
  return true;
}

}  // namespace

auto fold_scope_name(std::string_view name) -> std::string {
  std::string out;
  out.reserve(name.size());
  for (const char c : name) {
    if (std::isspace(static_cast<unsigned char>(c)) != 0) continue;
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

namespace {

auto evaluate(const KindRule &rule, const Document &doc, ApiVersion api) -> ScopeRequirement {
  ScopeRequirement result;
  result.note = rule.note;
  if (!doc.has_dom()) return result;
  result.required = applicable(rule.required, doc);
  for (const Alternative &alt : rule.alternatives) {
    if (!alt.apis.empty() && std::find(alt.apis.begin(), alt.apis.end(), to_string(api)) == alt.apis.end()) continue;
    ScopeAlternative out{applicable(alt.scopes, doc), alt.note};
    if (!out.scopes.empty()) result.alternatives.push_back(std::move(out));
  }
  return result;
}

}  // namespace

auto required_scopes(const Scenario &scenario, const Document &doc, ApiVersion api) -> ScopeRequirement {
  const auto it = table().kinds.find(to_string(scenario.kind));
  if (it == table().kinds.end()) {
    ScopeRequirement result;
    result.note = "no permission table entry for this scenario";
    return result;
  }
  return evaluate(it->second, doc, api);
}

auto request_scopes(std::string_view request, const Document &doc, ApiVersion api) -> ScopeRequirement {
  const auto it = table().requests.find(request);
  if (it == table().requests.end()) {
    ScopeRequirement result;
    result.note = "no permission table entry for this request";
    return result;
  }
  return evaluate(it->second, doc, api);
}

auto request_permission_names() -> std::vector<std::string> {
  std::vector<std::string> out;
  for (const auto &[name, rule] : table().requests) out.push_back(name);
  return out;
}

auto canonical_scope(std::string_view name) -> std::optional<std::string> {
  const auto &keys = table().by_key;
  if (const auto it = keys.find(fold_scope_name(name)); it != keys.end()) return it->second;
  return std::nullopt;
}

auto known_scopes() -> std::vector<std::string> {
  std::set<std::string> names;
  for (const auto &[key, canonical] : table().by_key) names.insert(canonical);
  return {names.begin(), names.end()};
}

auto lint_granted(const std::vector<std::string> &granted) -> GrantedLint {
  GrantedLint lint;
  std::set<std::string> reported;  // raw names already reported (CC303/CC304 once each)
  for (std::size_t i = 0; i < granted.size(); ++i) {
    std::string_view name = granted[i];
    while (!name.empty() && std::isspace(static_cast<unsigned char>(name.front())) != 0) name.remove_prefix(1);
    while (!name.empty() && std::isspace(static_cast<unsigned char>(name.back())) != 0) name.remove_suffix(1);
    if (name.empty()) continue;
    if (const std::optional<std::string> canonical = canonical_scope(name)) {
      lint.canonical.push_back(*canonical);
      if (name != *canonical && reported.insert(std::string(name)).second) {
        lint.findings.push_back(Finding{catalog::kScopeAlias,
                                        fmt::format("`{}` is a documentation spelling of `{}`; the service and the "
                                                    "app registration know it only as `{}`",
                                                    name, *canonical, *canonical),
                                        "", fmt::format("write `{}`", *canonical), false});
        lint.index.push_back(i);
      }
    } else if (starts_with_calls(name)) {
      if (reported.insert(std::string(name)).second) {
        lint.findings.push_back(Finding{catalog::kUnknownScope,
                                        fmt::format("`{}` is no known Calls.* application permission; known: {}", name,
                                                    join(known_scopes(), ", ")),
                                        "", "", false});
        lint.index.push_back(i);
      }
    } else {
      lint.canonical.emplace_back(name);
    }
  }
  return lint;
}

void check_granted(const std::vector<std::string> &granted, const Scenario &scenario,
                   const ScopeRequirement &requirement, std::vector<Finding> &out, std::string_view request) {
  GrantedLint lint = lint_granted(granted);
  out.insert(out.end(), lint.findings.begin(), lint.findings.end());
  std::set<std::string> have;  // known Calls.* permissions only
  for (const std::string &name : lint.canonical) {
    if (canonical_scope(name)) have.insert(name);
  }

  if (requirement.required.empty()) return;
  auto missing_of = [&](const std::vector<Scope> &scopes) {
    std::vector<std::string> missing;
    for (const Scope &s : scopes) {
      if (have.count(s.name) == 0) missing.push_back(s.name);
    }
    return missing;
  };
  const std::vector<std::string> missing = missing_of(requirement.required);
  if (missing.empty()) return;
  for (const ScopeAlternative &alt : requirement.alternatives) {
    if (missing_of(alt.scopes).empty()) return;  // satisfied another documented way
  }

  std::string message =
      request.empty() ? fmt::format("this {} needs {}", kind_phrase(scenario.kind), join(missing, " and "))
                      : fmt::format("this {} request needs {}", request, join(missing, " and "));
  std::vector<std::string> alternatives;
  for (const ScopeAlternative &alt : requirement.alternatives) {
    std::vector<std::string> names;
    for (const Scope &s : alt.scopes) names.push_back(s.name);
    alternatives.push_back(fmt::format("{} ({})", join(names, " + "), alt.note));
  }
  if (!alternatives.empty()) message += fmt::format(" (or {})", join(alternatives, ", or "));
  message += fmt::format("; granted: {}", have.empty() ? std::string("no Calls.* permission")
                                                       : join(std::vector<std::string>(have.begin(), have.end()), ", "));
  std::string help = fmt::format("grant the application permission{} {} (admin consent); a broader Calls.* "
                                 "permission does not replace it",
                                 missing.size() == 1 ? "" : "s", join(missing, " and "));
  // Point at what makes the scope necessary: the media configuration when
  // only the media add-on is missing, else the property that decided the kind.
  const bool only_media = std::all_of(missing.begin(), missing.end(), [](const std::string &name) {
    return name.rfind("Calls.AccessMedia.", 0) == 0;
  });
  const std::string &pointer =
      only_media && !scenario.media_evidence.empty() ? scenario.media_evidence : scenario.evidence;
  out.push_back(Finding{catalog::kMissingScope, std::move(message), pointer, std::move(help), false});
}

}  // namespace callcheck::detail
