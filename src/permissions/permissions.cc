// Scenario -> permissions. The table is data (schemas/callcheck/permissions.json,
// compiled into constant C++ by tools/permc, permission_table.h); this file
// evaluates its fixed predicates (present / equals / in over a JSON Pointer)
// and compares granted names.
#include "document/rapidjson_adapter.h"

#include "permissions/permissions.h"
#include "permissions/permission_table.h"

#include <algorithm>  // std::sort, std::find
#include <cctype>     // std::tolower, std::isspace
#include <set>        // std::set
#include <utility>    // std::move

#include <fmt/format.h>

#include "catalog/cc302_missing_scope.h"
#include "catalog/cc303_scope_alias.h"
#include "catalog/cc304_unknown_scope.h"

namespace callcheck::detail {
namespace {

using permission_table::Alternative;
using permission_table::Entry;
using permission_table::Key;
using permission_table::kTable;
using permission_table::Op;
using permission_table::Rule;
using permission_table::Slice;

auto find_rule(Slice<Rule> rules, std::string_view name) -> const Rule * {
  const Rule *it =
      std::lower_bound(rules.begin(), rules.end(), name, [](const Rule &r, std::string_view n) { return r.name < n; });
  return it != rules.end() && it->name == name ? it : nullptr;
}

auto holds(const Entry &e, const Document &doc) -> bool {
  if (e.op == Op::Always) return true;
  const Value *value = doc.find(e.pointer);
  switch (e.op) {
    case Op::Always: return true;
    case Op::Present: return (value != nullptr) == e.present;
    case Op::Equals:
    case Op::In: {
      if (value == nullptr || !value->IsString()) return false;
      const std::string_view text(value->GetString(), value->GetStringLength());
      return std::find(e.values.begin(), e.values.end(), text) != e.values.end();
    }
  }
  return false;
}

auto applicable(Slice<Entry> entries, const Document &doc) -> std::vector<Scope> {
  // The entries that apply are picked first (a per-thread list), so the
  // result is allocated once at its size, or not at all when none applies
  // (most alternatives): growing it was a third of a clean payload's
  // allocations (issue 14).
  thread_local std::vector<const Entry *> picked;
  picked.clear();
  for (const Entry &e : entries) {
    if (!holds(e, doc)) continue;
    if (std::none_of(picked.begin(), picked.end(), [&](const Entry *p) { return p->scope == e.scope; })) {
      picked.push_back(&e);
    }
  }
  std::vector<Scope> out;
  if (picked.empty()) return out;
  std::sort(picked.begin(), picked.end(), [](const Entry *a, const Entry *b) { return a->scope < b->scope; });
  out.reserve(picked.size());
  for (const Entry *e : picked) out.push_back(Scope{e->scope, e->reason});
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

auto evaluate(const Rule &rule, const Document &doc, ApiVersion api) -> ScopeRequirement {
  ScopeRequirement result;
  result.note = rule.note;
  if (!doc.has_dom()) return result;
  result.required = applicable(rule.required, doc);
  for (const Alternative &alt : rule.alternatives) {
    if (!alt.apis.empty() && std::find(alt.apis.begin(), alt.apis.end(), to_string(api)) == alt.apis.end()) continue;
    ScopeAlternative out{applicable(alt.scopes, doc), alt.note};
    if (out.scopes.empty()) continue;
    // At most one allocation for the list, not one per growth step.
    if (result.alternatives.empty()) result.alternatives.reserve(rule.alternatives.size);
    result.alternatives.push_back(std::move(out));
  }
  return result;
}

}  // namespace

auto required_scopes(const Scenario &scenario, const Document &doc, ApiVersion api) -> ScopeRequirement {
  const Rule *rule = find_rule(kTable.scenarios, to_string(scenario.kind));
  if (rule == nullptr) {
    ScopeRequirement result;
    result.note = "no permission table entry for this scenario";
    return result;
  }
  return evaluate(*rule, doc, api);
}

auto request_scopes(std::string_view request, const Document &doc, ApiVersion api) -> ScopeRequirement {
  const Rule *rule = find_rule(kTable.requests, request);
  if (rule == nullptr) {
    ScopeRequirement result;
    result.note = "no permission table entry for this request";
    return result;
  }
  return evaluate(*rule, doc, api);
}

auto request_permission_names() -> std::vector<std::string> {
  std::vector<std::string> out;
  for (const Rule &rule : kTable.requests) out.emplace_back(rule.name);
  return out;
}

auto canonical_scope(std::string_view name) -> std::optional<std::string> {
  const std::string folded = fold_scope_name(name);
  const Key *it = std::lower_bound(kTable.keys.begin(), kTable.keys.end(), std::string_view(folded),
                                   [](const Key &k, std::string_view f) { return k.folded < f; });
  if (it != kTable.keys.end() && std::string_view(it->folded) == folded) return std::string(it->canonical);
  return std::nullopt;
}

auto known_scopes() -> std::vector<std::string> {
  std::set<std::string> names;
  for (const Key &key : kTable.keys) names.emplace(key.canonical);
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
        lint.findings.push_back(Finding{
            catalog::kUnknownScope,
            fmt::format("`{}` is no known Calls.* application permission; known: {}", name, join(known_scopes(), ", ")),
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
  std::set<std::string, std::less<>> have;  // known Calls.* permissions only
  for (const std::string &name : lint.canonical) {
    if (canonical_scope(name)) have.insert(name);
  }

  if (requirement.required.empty()) return;
  auto missing_of = [&](const std::vector<Scope> &scopes) {
    std::vector<std::string> missing;
    for (const Scope &s : scopes) {
      if (have.count(s.name) == 0) missing.emplace_back(s.name);
    }
    return missing;
  };
  const std::vector<std::string> missing = missing_of(requirement.required);
  if (missing.empty()) return;
  for (const ScopeAlternative &alt : requirement.alternatives) {
    if (missing_of(alt.scopes).empty()) return;  // satisfied another documented way
  }

  std::string message = request.empty()
                            ? fmt::format("this {} needs {}", kind_phrase(scenario.kind), join(missing, " and "))
                            : fmt::format("this {} request needs {}", request, join(missing, " and "));
  std::vector<std::string> alternatives;
  for (const ScopeAlternative &alt : requirement.alternatives) {
    std::vector<std::string> names;
    for (const Scope &s : alt.scopes) names.emplace_back(s.name);
    alternatives.push_back(fmt::format("{} ({})", join(names, " + "), alt.note));
  }
  if (!alternatives.empty()) message += fmt::format(" (or {})", join(alternatives, ", or "));
  message +=
      fmt::format("; granted: {}", have.empty() ? std::string("no Calls.* permission")
                                                : join(std::vector<std::string>(have.begin(), have.end()), ", "));
  std::string help = fmt::format(
      "grant the application permission{} {} (admin consent); a broader Calls.* "
      "permission does not replace it",
      missing.size() == 1 ? "" : "s", join(missing, " and "));
  // Point at what makes the scope necessary: the media configuration when
  // only the media add-on is missing, else the property that decided the kind.
  const bool only_media = std::all_of(missing.begin(), missing.end(),
                                      [](const std::string &name) { return name.rfind("Calls.AccessMedia.", 0) == 0; });
  const std::string &pointer =
      only_media && !scenario.media_evidence.empty() ? scenario.media_evidence : scenario.evidence;
  out.push_back(Finding{catalog::kMissingScope, std::move(message), pointer, std::move(help), false});
}

}  // namespace callcheck::detail
