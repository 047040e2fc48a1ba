// Needs against declarations (CALLS-API.md 3.3):
//   1. each audited payload is a requirement: an OR of permission sets, the
//      least-privileged one first, then its documented alternatives (RSC);
//   2. the declared set is every entry that grants what it names: the right
//      id for its type, for Microsoft Graph (Entra side), or an RSC name in a
//      Teams manifest;
//   3. a requirement no set satisfies is missing what its closest set lacks
//      (CC601); a declared Calls.* permission in no satisfied or closest set is
//      excess (CC602). Both tenant-wide and RSC grants are accepted where the
//      permission table offers both: which one to use is a product decision
//      (CC611 only says a join could use RSC).
// Non-Calls.* permissions cannot be derived from call bodies: they are checked
// for their spelling and type, then listed as not evaluated.
#include "json.h"

#include "audit/evaluate.h"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>  // std::sort, std::unique, std::find
#include <map>        // std::map
#include <set>        // std::set
#include <tuple>      // std::tie

#include <fmt/format.h>

#include "audit/permission_ids.h"
#include "catalog/policy.h"
#include "callcheck/rules.h"
#include "catalog/diagnostic.h"
#include "catalog/cc001_invalid_json.h"
#include "catalog/cc003_invalid_encoding.h"
#include "catalog/cc004_limit_exceeded.h"
#include "catalog/cc005_nul_character.h"
#include "catalog/cc007_number_out_of_range.h"
#include "catalog/cc601_missing_permission.h"
#include "catalog/cc602_excess_permission.h"
#include "catalog/cc603_delegated_permission_as_role.h"
#include "catalog/cc604_application_permission_as_scope.h"
#include "catalog/cc605_unknown_permission_id.h"
#include "catalog/cc606_permission_id_name_mismatch.h"
#include "catalog/cc607_unknown_permission_name.h"
#include "catalog/cc608_rsc_permission_in_app_registration.h"
#include "catalog/cc609_tenant_permission_in_teams_manifest.h"
#include "catalog/cc610_calling_not_enabled.h"
#include "catalog/cc611_join_could_use_rsc.h"
#include "catalog/cc613_permission_under_other_resource.h"
#include "catalog/cc614_teams_app_id_mismatch.h"
#include "catalog/cc615_payload_not_audited.h"

namespace callcheck::detail {
namespace {

constexpr std::size_t kPayloadsInMessage = 3;

// A finding before the policy gives it a severity.
struct Raw {
  const RuleMeta *rule = nullptr;
  std::string message;
  std::string help;
  Span span;
  std::string pointer;
  std::optional<Severity> severity;
};

struct Judged {
  std::size_t file = 0;
  const RawPermission *raw = nullptr;
  const PermissionInfo *permission = nullptr;
  std::string type;  // "Role", "Scope", "RSC", "unknown"
  bool counted = false;
  bool rsc = false;
};

struct Option {
  std::vector<Scope> scopes;
  std::string note;
};

struct Requirement {
  std::size_t payload = 0;  // index into the payload reports
  std::vector<Option> options;
};

auto plural(std::size_t n, std::string_view one, std::string_view many) -> std::string {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

auto where(const Report &r, Position p) -> std::string {
  if (p.line == 0) return r.source;
  return fmt::format("{}:{}:{}", r.source, p.line, p.column);
}

class Evaluator {
 public:
  Evaluator(const std::vector<AppFile> &apps, const std::vector<Report> &payloads, const AuditOptions &options)
      : apps_(apps), payloads_(payloads), options_(options), table_(PermissionIds::builtin()) {
    findings_.resize(apps.size());
    payload_findings_.resize(payloads.size());
  }

  auto run() -> AuditOutcome {
    for (std::size_t i = 0; i < apps_.size(); ++i) {
      for (const AppFinding &f : apps_[i].findings) {
        findings_[i].push_back(Raw{f.rule, f.message, f.help, f.span, f.pointer, f.severity});
      }
      for (const RawPermission &p : apps_[i].permissions) judge(i, p);
    }
    for (const Judged &j : judged_) {
      if (!j.counted) continue;
      (j.rsc ? declared_rsc_ : declared_role_).insert(j.permission->name);
    }
    requirements();
    solve();
    missing_findings();
    excess_findings();
    rsc_hint();
    teams_findings();
    return outcome();
  }

 private:
  // ---- judging declared entries ------------------------------------------

  void add(std::size_t file, const RuleMeta &rule, std::string message, std::string help, const RawPermission &p,
           Span span, std::optional<Severity> severity = std::nullopt) {
    findings_[file].push_back(Raw{&rule, std::move(message), std::move(help), span, p.pointer, severity});
  }

  auto id_help(const PermissionInfo &p, bool role) const -> std::string {
    const std::string &id = role ? p.application : p.delegated;
    if (id.empty()) return {};
    return fmt::format("`{}`'s {} id is `{}`", p.name, role ? "application (Role)" : "delegated (Scope)", id);
  }

  // A name that is not exact: a documentation spelling, other case, a typo,
  // or a name Microsoft's data lists without an id.
  auto name_problem(std::string_view name) const -> std::pair<std::string, std::string> {
    if (const PermissionInfo *meant = table_.meant(name)) {
      return {fmt::format("`{}` is not the name of a Microsoft Graph permission: Entra knows it only as `{}`", name,
                          meant->name),
              fmt::format("write `{}`", meant->name)};
    }
    const std::string suggestion = table_.suggest(name);
    const std::string why = table_.without_id(name)
                                ? " (Microsoft's permission data lists it without any id: no app can be granted it)"
                                : "";
    return {fmt::format("`{}` is no Microsoft Graph permission{}", name, why),
            suggestion.empty() ? "see the permissions reference (learn.microsoft.com/graph/permissions-reference)"
                               : fmt::format("did you mean `{}`?", suggestion)};
  }

  void judge(std::size_t file, const RawPermission &p) {
    if (p.in_comment) {  // a stray Calls.* name in a comment or echoed text
      const auto [message, help] = name_problem(p.name);
      add(file, catalog::kUnknownPermissionName, message + " (in a comment or text)", help, p, p.span, Severity::Warning);
      return;
    }
    if (p.type == DeclaredType::RscApplication || p.type == DeclaredType::RscDelegated) {
      judge_rsc(file, p);
      return;
    }
    const std::string resource = normal_guid(p.resource);
    const bool other_resource = !resource.empty() && resource != kGraphAppId;
    if (!p.id.empty()) {
      judge_id(file, p, other_resource);
    } else if (!p.name.empty()) {
      if (other_resource) return;  // another API's permission: not audited
      judge_name(file, p);
    }
  }

  void record(std::size_t file, const RawPermission &p, const PermissionInfo *permission, std::string type,
              bool counted, bool rsc = false) {
    if (!p.declares) return;
    judged_.push_back(Judged{file, &p, permission, std::move(type), counted && permission != nullptr, rsc});
  }

  void judge_rsc(std::size_t file, const RawPermission &p) {
    const PermissionInfo *permission = table_.by_name(p.name);
    if (permission == nullptr) {
      // Microsoft's data does not carry every RSC permission (delegated ones
      // such as MeetingStage.Write.Chat are missing): only names that mean
      // another permission, and Calls.* names, are findings.
      if (table_.meant(p.name) != nullptr || p.name.rfind("Calls.", 0) == 0 || table_.without_id(p.name)) {
        const auto [message, help] = name_problem(p.name);
        add(file, catalog::kUnknownPermissionName, message, help, p, p.span);
      }
      record(file, p, nullptr, "RSC", false, true);
      return;
    }
    if (!permission->rsc) {
      add(file, catalog::kTenantPermissionInTeamsManifest,
          fmt::format("`{}` is a tenant-wide permission, not a resource-specific one: the Teams manifest cannot "
                      "grant it",
                      p.name),
          fmt::format("declare `{}` in the Entra app registration (requiredResourceAccess, type Role){}", p.name,
                      permission->calls() && p.name == "Calls.JoinGroupCall.All"
                          ? ", or use the RSC permission `Calls.JoinGroupCalls.Chat` here"
                          : ""),
          p, p.span);
      record(file, p, permission, "RSC", false, true);
      return;
    }
    if (p.type == DeclaredType::RscDelegated && permission->delegated.empty() && !permission->application.empty()) {
      add(file, catalog::kApplicationPermissionAsScope,
          fmt::format("`{}` is an application RSC permission, declared with `\"type\": \"{}\"`", p.name, p.type_text),
          "write `\"type\": \"Application\"`: a calling bot acts without a signed-in user", p, p.span);
      record(file, p, permission, "RSC", false, true);
      return;
    }
    record(file, p, permission, "RSC", true, true);
  }

  void judge_id(std::size_t file, const RawPermission &p, bool other_resource) {
    const std::string guid = normal_guid(p.id);
    const PermissionInfo *labelled = p.label.empty() ? nullptr : label_permission(p.label);
    if (guid.empty()) {
      if (other_resource) return;
      const PermissionInfo *named = table_.by_name(p.id);
      add(file, catalog::kUnknownPermissionId, fmt::format("`{}` is not a GUID: a permission is declared by its id", p.id),
          named != nullptr ? id_help(*named, p.type != DeclaredType::Scope)
                           : "use the permission's id from the permissions reference",
          p, p.span);
      record(file, p, nullptr, "unknown", false);
      return;
    }
    const std::vector<IdMatch> matches = table_.by_id(guid);
    if (other_resource) {
      if (!matches.empty()) {
        add(file, catalog::kPermissionUnderOtherResource,
            fmt::format("`{}` is the Microsoft Graph permission `{}`, declared under resourceAppId `{}`", guid,
                        matches.front().permission->name, p.resource),
            fmt::format("move it under resourceAppId `{}` (Microsoft Graph)", kGraphAppId), p, p.span);
      }
      return;  // another API's own permission: not audited
    }
    if (matches.empty()) {
      std::string help = "use the id from the Microsoft Graph permissions reference";
      if (labelled != nullptr) {
        const std::string known = id_help(*labelled, p.type != DeclaredType::Scope);
        help = known.empty() ? fmt::format("the name next to it (line {}) is `{}`; check which id is meant",
                                           p.label_span.begin.line, labelled->name)
                             : fmt::format("the name next to it (line {}): {}", p.label_span.begin.line, known);
      }
      add(file, catalog::kUnknownPermissionId, fmt::format("`{}` is no Microsoft Graph permission id{}", guid,
                                     p.label.empty() ? "" : fmt::format(" (it is written for `{}`)", p.label)),
          help, p, p.span);
      record(file, p, nullptr, "unknown", false);
      return;
    }
    auto find = [&](IdScheme scheme) -> const PermissionInfo * {
      for (const IdMatch &m : matches) {
        if (m.scheme == scheme || (scheme == IdScheme::Delegated && m.scheme == IdScheme::Personal)) return m.permission;
      }
      return nullptr;
    };
    const PermissionInfo *application = find(IdScheme::Application);
    const PermissionInfo *delegated = find(IdScheme::Delegated);
    const PermissionInfo *permission = application != nullptr ? application : delegated;
    std::string type = p.type == DeclaredType::Role ? "Role" : p.type == DeclaredType::Scope ? "Scope" : "unknown";
    bool counted = true;
    bool rsc = false;
    const bool as_role = p.type == DeclaredType::Role || p.type == DeclaredType::Unknown ||
                         p.type == DeclaredType::Other;
    if (p.type == DeclaredType::Role && application == nullptr) {
      permission = delegated;
      add(file, catalog::kDelegatedPermissionAsRole,
          fmt::format("`{}` is the delegated permission `{}` (a Scope id), declared as `Role`{}", guid, delegated->name,
                      p.type_evidence.empty() ? "" : " (type " + p.type_evidence + ")"),
          delegated->application.empty()
              ? fmt::format("`{}` has no application permission: an app-only bot cannot use it", delegated->name)
              : fmt::format("for the application permission use its Role id `{}`; or declare this id with `type: "
                            "Scope`",
                            delegated->application),
          p, p.span);
      counted = false;
    } else if (p.type == DeclaredType::Scope && delegated == nullptr) {
      permission = application;
      add(file, catalog::kApplicationPermissionAsScope,
          fmt::format("`{}` is the application permission `{}` (a Role id), declared as `Scope`", guid,
                      application->name),
          application->calls() ? std::string("write `type: Role`: Calls.* permissions exist only as application "
                                             "permissions (delegated calling is not supported)")
                               : fmt::format("write `type: Role`{}", application->delegated.empty()
                                                                         ? std::string()
                                                                         : fmt::format(", or use its delegated id `{}`",
                                                                                       application->delegated)),
          p, p.span);
      counted = false;
    } else if (p.type == DeclaredType::Scope) {
      permission = delegated;
    } else if (as_role && application != nullptr && application->rsc) {
      add(file, catalog::kRscPermissionInAppRegistration,
          fmt::format("`{}` is the resource-specific consent permission `{}`: requiredResourceAccess cannot grant it",
                      guid, application->name),
          fmt::format("declare it by name in the Teams app manifest (`authorization.permissions.resourceSpecific`: "
                      "{{\"name\": \"{}\", \"type\": \"Application\"}}) and remove it here",
                      application->name),
          p, p.span);
      counted = false;
      rsc = false;
    } else if (as_role && application == nullptr) {
      // Scanned without a type, and the id is a delegated one.
      type = "unknown";
      permission = delegated;
      counted = true;
    }
    if (counted && p.type != DeclaredType::Role && p.type != DeclaredType::Scope) type = "unknown";
    if (permission != nullptr && !p.label.empty()) check_label(file, p, *permission, labelled);
    record(file, p, permission, type, counted, rsc);
  }

  auto label_permission(std::string_view label) const -> const PermissionInfo * {
    if (const PermissionInfo *p = table_.by_name(label)) return p;
    return table_.meant(label);
  }

  void check_label(std::size_t file, const RawPermission &p, const PermissionInfo &actual,
                   const PermissionInfo *labelled) {
    if (labelled == nullptr) {
      if (p.label.rfind("Calls.", 0) == 0) {
        const auto [message, help] = name_problem(p.label);
        add(file, catalog::kUnknownPermissionName, message, help, p, p.label_span, Severity::Warning);
      }
      return;
    }
    if (labelled != &actual) {
      const bool role = p.type != DeclaredType::Scope;
      add(file, catalog::kPermissionIdNameMismatch,
          fmt::format("`{}` is `{}`, but it is written for `{}` (line {})", normal_guid(p.id), actual.name, p.label,
                      p.label_span.begin.line),
          id_help(*labelled, role).empty()
              ? fmt::format("`{}` has no {} id: check which permission is meant", labelled->name,
                            role ? "application" : "delegated")
              : id_help(*labelled, role) + "; use the id of the permission you mean",
          p, p.span);
      return;
    }
    if (p.label != actual.name) {
      const auto [message, help] = name_problem(p.label);
      add(file, catalog::kUnknownPermissionName, message, help, p, p.label_span, Severity::Warning);
    }
  }

  void judge_name(std::size_t file, const RawPermission &p) {
    const PermissionInfo *permission = table_.by_name(p.name);
    if (permission == nullptr) {
      const auto [message, help] = name_problem(p.name);
      add(file, catalog::kUnknownPermissionName, message, help, p, p.span);
      record(file, p, nullptr, p.type == DeclaredType::Scope ? "Scope" : "Role", false);
      return;
    }
    if (p.type == DeclaredType::Role && permission->application.empty()) {
      add(file, catalog::kDelegatedPermissionAsRole,
          fmt::format("`{}` is a delegated permission only, declared as an application role ({})", p.name,
                      p.type_evidence.empty() ? "Role" : p.type_evidence),
          "an app-only bot cannot use a delegated permission; use an application permission", p, p.span);
      record(file, p, permission, "Role", false);
      return;
    }
    if (p.type == DeclaredType::Scope && permission->delegated.empty() && permission->personal.empty()) {
      add(file, catalog::kApplicationPermissionAsScope,
          fmt::format("`{}` is an application permission only, declared as a delegated scope ({})", p.name,
                      p.type_evidence.empty() ? "Scope" : p.type_evidence),
          permission->calls() ? "Calls.* permissions exist only as application permissions: declare it as a role "
                                "(app_role_ids)"
                              : "declare it as a role (app_role_ids)",
          p, p.span);
      record(file, p, permission, "Scope", false);
      return;
    }
    if (permission->rsc && p.type == DeclaredType::Role) {
      add(file, catalog::kRscPermissionInAppRegistration,
          fmt::format("`{}` is a resource-specific consent permission: the app registration cannot grant it", p.name),
          fmt::format("declare it in the Teams app manifest ({{\"name\": \"{}\", \"type\": \"Application\"}})",
                      p.name),
          p, p.span);
      record(file, p, permission, "Role", false);
      return;
    }
    record(file, p, permission, p.type == DeclaredType::Scope ? "Scope" : "Role", true);
  }

  // ---- requirements -----------------------------------------------------------

  void requirements() {
    for (std::size_t i = 0; i < payloads_.size(); ++i) {
      const Report &r = payloads_[i];
      if (r.input_error) continue;
      const CallKind kind = r.scenario.kind;
      // "Neither targets nor meetingInfo, media not recognised" is any JSON
      // object that is not a call body (a manifest next to the payloads).
      const bool call_like = !r.scenario.evidence.empty() || r.scenario.media != MediaHosting::Unknown;
      if (kind == CallKind::Ambiguous && !call_like) continue;
      if (kind == CallKind::Ambiguous) {
        payload_findings_[i].push_back(Raw{&catalog::kPayloadNotAudited,
                                           "this body matches no single create-call scenario (CC301): the "
                                           "permissions it needs are not derived, so the audit cannot count it",
                                           "make the body one documented scenario (`callcheck check` says which)",
                                           r.scenario.evidence_span.begin.line != 0   ? r.scenario.evidence_span
                                           : r.scenario.media_evidence_span.begin.line != 0 ? r.scenario.media_evidence_span
                                                                                          : Span{Position{1, 1}, Position{1, 1}},
                                           r.scenario.evidence.empty() ? r.scenario.media_evidence : r.scenario.evidence,
                                           std::nullopt});
        ++unaudited_;
        continue;
      }
      // A mid-call request (answer, redirect, recordResponse, ...) has no
      // create-call scenario; what its page says it needs is its own
      // requirement (most need nothing beyond the create: none is counted).
      const bool mid_call = !r.request.name.empty() && r.request.name != "create";
      if (kind == CallKind::Unknown && !mid_call) {
        // Not a call body (a response, another JSON file in the folder) —
        // unless it could not be read as JSON at all.
        for (const Diagnostic &d : r.diagnostics) {
          if (d.code == catalog::kInvalidJson.code || d.code == catalog::kInvalidEncoding.code || d.code == catalog::kLimitExceeded.code || d.code == catalog::kNulCharacter.code || d.code == catalog::kNumberOutOfRange.code) {
            payload_findings_[i].push_back(
                Raw{&catalog::kPayloadNotAudited,
                    fmt::format("this input is not usable JSON ({} {}): if it is a request body, the permissions it "
                                "needs are not counted",
                                d.code, d.name),
                    "fix it (`callcheck check` shows where), or leave it out of the audited paths", d.span, "",
                    std::nullopt});
            ++unaudited_;
            break;
          }
        }
        continue;
      }
      if (r.required_scopes.empty()) continue;
      Requirement req;
      req.payload = i;
      req.options.push_back(Option{r.required_scopes, ""});
      for (const ScopeAlternative &alt : r.alternatives) req.options.push_back(Option{alt.scopes, alt.note});
      requirements_.push_back(std::move(req));
    }
  }

  auto declared(const std::string &name) const -> bool {
    return declared_role_.count(name) > 0 || declared_rsc_.count(name) > 0;
  }

  auto missing_of(const Option &o) const -> std::vector<std::string> {
    std::vector<std::string> out;
    for (const Scope &s : o.scopes) {
      if (!declared(s.name)) out.push_back(s.name);
    }
    return out;
  }

  void need(const std::string &name, const Requirement &req, const Scope &scope) {
    const Report &r = payloads_[req.payload];
    Position at = scope.name.rfind("Calls.AccessMedia.", 0) == 0 && r.scenario.media_evidence_span.begin.line != 0
                      ? r.scenario.media_evidence_span.begin
                      : r.scenario.evidence_span.begin;
    if (at.line == 0) at = Position{1, 1};  // a mid-call body: no scenario evidence, the body itself
    auto &n = needs_[name];
    n.name = name;
    if (const PermissionInfo *p = table_.by_name(name)) n.rsc = p->rsc;
    n.needed_by.push_back(AuditPayload{r.source, r.origin, at, scope.reason});
  }

  void solve() {
    for (const Requirement &req : requirements_) {
      std::size_t chosen = req.options.size();
      for (std::size_t k = 0; k < req.options.size(); ++k) {
        if (!missing_of(req.options[k]).empty()) continue;
        for (const Scope &s : req.options[k].scopes) used_.insert(s.name);
        if (chosen == req.options.size()) chosen = k;
      }
      if (chosen == req.options.size()) {
        std::size_t best = 0;
        for (std::size_t k = 1; k < req.options.size(); ++k) {
          if (missing_of(req.options[k]).size() < missing_of(req.options[best]).size()) best = k;
        }
        chosen = best;
        for (const Scope &s : req.options[best].scopes) {
          if (declared(s.name)) {
            used_.insert(s.name);
          } else {
            missing_[s.name].push_back(&req);
          }
        }
      }
      chosen_.push_back(chosen);
      for (const Scope &s : req.options[chosen].scopes) need(s.name, req, s);
    }
  }

  // ---- findings over the whole repository ----------------------------------------

  // Where a missing permission is reported: the Teams manifest for RSC
  // names, else the first Entra-side declaration, else the first file.
  auto anchor_file(bool rsc) const -> std::size_t {
    for (std::size_t i = 0; i < apps_.size(); ++i) {
      if (apps_[i].input_error) continue;
      if (rsc == apps_[i].teams.has_value()) return i;
    }
    for (std::size_t i = 0; i < apps_.size(); ++i) {
      if (!apps_[i].input_error) return i;
    }
    return 0;
  }

  auto payload_list(const std::string &name, std::size_t limit) const -> std::string {
    const auto it = needs_.find(name);
    if (it == needs_.end()) return {};
    std::string out;
    const auto &by = it->second.needed_by;
    for (std::size_t i = 0; i < by.size() && i < limit; ++i) {
      if (!out.empty()) out += ", ";
      std::string at = by[i].position.line == 0
                           ? by[i].source
                           : fmt::format("{}:{}:{}", by[i].source, by[i].position.line, by[i].position.column);
      out += fmt::format("{} ({})", at, by[i].reason);
    }
    if (by.size() > limit) out += fmt::format(" and {} more", by.size() - limit);
    return out;
  }

  // Without every app file's declarations a missing or excess verdict is
  // about the wrong thing (the run exits 2 anyway).
  auto all_read() const -> bool {
    return !apps_.empty() && std::none_of(apps_.begin(), apps_.end(), [](const AppFile &a) { return a.input_error; });
  }

  void missing_findings() {
    if (!all_read()) return;
    for (const auto &entry : missing_) {
      // Named, not a structured binding: clang 14 (the fuzz and sanitizer
      // builds) cannot capture a binding in a lambda before C++20.
      const std::string &name = entry.first;
      const auto &reqs = entry.second;
      const PermissionInfo *p = table_.by_name(name);
      const bool rsc = p != nullptr && p->rsc;
      const std::size_t file = anchor_file(rsc);
      const std::size_t count = needs_[name].needed_by.size();
      std::string message =
          fmt::format("`{}` is not declared, but {} need{} it: {}", name, plural(count, "payload", "payloads"),
                      count == 1 ? "s" : "", payload_list(name, kPayloadsInMessage));
      // The other ways the same payloads could be satisfied.
      std::set<std::string> others;
      for (const Requirement *req : reqs) {
        for (const Option &o : req->options) {
          if (std::any_of(o.scopes.begin(), o.scopes.end(), [&](const Scope &s) { return s.name == name; })) continue;
          std::string names;
          bool all_rsc = true;
          for (const Scope &s : o.scopes) {
            names += (names.empty() ? "`" : " + `") + s.name + "`";
            const PermissionInfo *info = table_.by_name(s.name);
            all_rsc = all_rsc && info != nullptr && info->rsc;
          }
          others.insert(all_rsc ? names + " (resource-specific consent, in the Teams manifest)" : names);
        }
      }
      if (!others.empty()) {
        std::string list;
        for (const std::string &o : others) list += (list.empty() ? "" : "; or ") + o;
        message += "; or instead: " + list;
      }
      std::string help;
      if (rsc) {
        help = fmt::format("add {{\"name\": \"{}\", \"type\": \"Application\"}} to the Teams manifest's "
                           "authorization.permissions.resourceSpecific",
                           name);
      } else if (p != nullptr && !p->application.empty()) {
        help = fmt::format("add {{\"id\": \"{}\", \"type\": \"Role\"}} to the Microsoft Graph entry of "
                           "requiredResourceAccess (an application permission: admin consent)",
                           p->application);
      }
      const AppFile &a = apps_[file];
      if (!rsc && a.teams) {
        help += "; no --app file is an Entra app registration: audit it together with this manifest";
      }
      findings_[file].push_back(Raw{&catalog::kMissingPermission, std::move(message), std::move(help), a.anchor, a.anchor_pointer,
                                    std::nullopt});
    }
  }

  void excess_findings() {
    if (!all_read()) return;
    for (const Judged &j : judged_) {
      if (!j.counted || !j.permission->calls() || used_.count(j.permission->name) > 0) continue;
      const RawPermission &p = *j.raw;
      add(j.file, catalog::kExcessPermission,
          fmt::format("`{}` is declared, but no audited request body needs it ({} audited)", j.permission->name,
                      requirements_.size()),
          options_.strict ? "remove it (least privilege: an admin consents to every declared permission)"
                          : "remove it, unless code the audit does not see needs it (`--strict` makes this an error)",
          p, p.span, options_.strict ? std::optional<Severity>(Severity::Error) : std::nullopt);
      excess_.insert(j.permission->name);
    }
  }

  // A tenant-wide join permission that only meeting joins with an RSC
  // alternative use (CC611).
  void rsc_hint() {
    for (const char *tenant_wide : {"Calls.JoinGroupCall.All"}) {
      const auto entry = std::find_if(judged_.begin(), judged_.end(), [&](const Judged &j) {
        return j.counted && !j.rsc && j.permission->name == tenant_wide;
      });
      if (entry == judged_.end()) continue;
      std::size_t joins = 0;
      std::set<std::string> rsc_names;
      bool all_have_rsc = true;
      bool rsc_satisfied = false;
      for (std::size_t r = 0; r < requirements_.size(); ++r) {
        const Requirement &req = requirements_[r];
        const Option &chosen = req.options[chosen_[r]];
        if (std::none_of(chosen.scopes.begin(), chosen.scopes.end(),
                         [&](const Scope &s) { return s.name == tenant_wide; })) {
          continue;
        }
        ++joins;
        bool has_rsc = false;
        for (const Option &o : req.options) {
          const bool all_rsc = std::all_of(o.scopes.begin(), o.scopes.end(), [&](const Scope &s) {
            const PermissionInfo *p = table_.by_name(s.name);
            return p != nullptr && p->rsc;
          });
          if (!all_rsc || o.scopes.empty()) continue;
          has_rsc = true;
          if (missing_of(o).empty()) rsc_satisfied = true;
          for (const Scope &s : o.scopes) rsc_names.insert(s.name);
        }
        if (!has_rsc) all_have_rsc = false;
      }
      if (joins == 0 || !all_have_rsc || rsc_satisfied) continue;
      std::string names;
      for (const std::string &n : rsc_names) names += (names.empty() ? "`" : " + `") + n + "`";
      add(entry->file, catalog::kJoinCouldUseRsc,
          fmt::format("the {} that need{} `{}` could use resource-specific consent instead: {} in the Teams "
                      "manifest",
                      plural(joins, "meeting join", "meeting joins"), joins == 1 ? "s" : "", tenant_wide, names),
          "RSC is granted per meeting or chat by its owner when the app is added there, with no tenant-wide admin "
          "consent; keep the tenant-wide permission if the bot joins meetings it is not installed in",
          *entry->raw, entry->raw->span);
    }
  }

  void teams_findings() {
    std::set<std::string> app_ids;
    for (const AppFile &a : apps_) {
      const std::string id = normal_guid(a.app_id);
      if (!a.teams && !id.empty() && !resource_or_placeholder_id(id)) app_ids.insert(id);
    }
    for (std::size_t i = 0; i < apps_.size(); ++i) {
      const AppFile &a = apps_[i];
      if (!a.teams) continue;
      const TeamsApp &t = *a.teams;
      // A documentation fragment without bots says nothing about calling.
      if (!requirements_.empty() && !t.supports_calling && (t.has_bots || t.complete)) {
        const Report &first = payloads_[requirements_.front().payload];
        findings_[i].push_back(Raw{
            &catalog::kCallingNotEnabled,
            fmt::format("{}, but the audited request bodies create or join calls ({}, e.g. {})",
                        t.has_bots ? "no bot of this manifest sets `supportsCalling: true`"
                                   : "this manifest has no bot, so none with `supportsCalling: true`",
                        requirements_.size(), where(first, first.scenario.evidence_span.begin)),
            t.has_bots ? "set `\"supportsCalling\": true` on the calling bot (and `supportsVideo` if it uses video)"
                       : "add the calling bot to `bots` with `\"supportsCalling\": true`",
            t.bots_span, t.bots_pointer, std::nullopt});
      }
      const std::string web = normal_guid(t.web_app_id);
      if (!web.empty() && !app_ids.empty() && app_ids.count(web) == 0) {
        findings_[i].push_back(Raw{
            &catalog::kTeamsAppIdMismatch,
            fmt::format("`webApplicationInfo.id` is `{}`, but the app registration audited with it is `{}`", web,
                        *app_ids.begin()),
            "webApplicationInfo.id must be the Entra application (client) id whose permissions the bot uses; RSC "
            "is granted to that app",
            t.web_app_span, t.web_app_pointer, std::nullopt});
      }
    }
  }

  // ---- output -------------------------------------------------------------------------

  auto diagnostic(const Raw &raw) const -> std::optional<Diagnostic> {
    std::optional<Diagnostic> d =
        make_diagnostic(Policy(options_.options), *raw.rule, raw.message, raw.pointer, raw.span, raw.help);
    if (!d) return std::nullopt;
    const bool configured = options_.options.rule_levels.count(std::string(raw.rule->code)) > 0;
    if (raw.severity && (!configured || raw.rule == &catalog::kExcessPermission)) d->severity = *raw.severity;
    return d;
  }

  static void sort(std::vector<Diagnostic> &list) {
    auto key = [](const Diagnostic &d) {
      return std::tie(d.span.begin.line, d.span.begin.column, d.code, d.pointer, d.message);
    };
    std::sort(list.begin(), list.end(), [&](const Diagnostic &a, const Diagnostic &b) { return key(a) < key(b); });
    list.erase(std::unique(list.begin(), list.end(),
                           [&](const Diagnostic &a, const Diagnostic &b) { return key(a) == key(b); }),
               list.end());
  }

  auto minimal() const -> std::string {
    std::set<std::pair<std::string, std::string>> access;  // (type, id)
    std::set<std::string> done;
    for (std::size_t r = 0; r < requirements_.size(); ++r) {
      for (const Scope &s : requirements_[r].options[chosen_[r]].scopes) {
        const PermissionInfo *p = table_.by_name(s.name);
        if (p != nullptr && !p->rsc && !p->application.empty()) access.emplace("Role", p->application);
      }
    }
    // Declared permissions the payloads cannot judge are kept as declared.
    for (const Judged &j : judged_) {
      if (!j.counted || j.rsc || j.permission->calls()) continue;
      const PermissionInfo &p = *j.permission;
      const bool scope = j.type == "Scope" || (j.type == "unknown" && p.application.empty());
      const std::string &id = scope ? (p.delegated.empty() ? p.personal : p.delegated) : p.application;
      if (!id.empty()) access.emplace(scope ? "Scope" : "Role", id);
    }
    rapidjson::StringBuffer buffer;
    rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buffer);
    w.SetIndent(' ', 2);
    w.StartObject();
    w.Key("requiredResourceAccess");
    w.StartArray();
    w.StartObject();
    w.Key("resourceAppId");
    w.String(kGraphAppId.data(), static_cast<rapidjson::SizeType>(kGraphAppId.size()));
    w.Key("resourceAccess");
    w.StartArray();
    // Role entries first, each group in name order (stable, readable diffs).
    std::vector<std::tuple<std::string, std::string, std::string>> rows;
    for (const auto &[type, id] : access) {
      const std::vector<IdMatch> m = table_.by_id(id);
      rows.emplace_back(type == "Role" ? "0" : "1", m.empty() ? id : m.front().permission->name, id);
    }
    std::sort(rows.begin(), rows.end());
    for (const auto &[order, name, id] : rows) {
      (void)name;
      w.StartObject();
      w.Key("id");
      w.String(id.c_str(), static_cast<rapidjson::SizeType>(id.size()));
      w.Key("type");
      w.String(order == "0" ? "Role" : "Scope");
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    w.EndArray();
    w.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
  }

  auto outcome() -> AuditOutcome {
    AuditOutcome out;
    for (std::size_t i = 0; i < apps_.size(); ++i) {
      Report r;
      r.source = apps_[i].source;
      r.input_error = apps_[i].input_error;
      for (const Raw &raw : findings_[i]) {
        if (auto d = diagnostic(raw)) r.diagnostics.push_back(std::move(*d));
      }
      sort(r.diagnostics);
      out.app_reports.push_back(std::move(r));
    }
    out.payload_findings.resize(payloads_.size());
    for (std::size_t i = 0; i < payloads_.size(); ++i) {
      for (const Raw &raw : payload_findings_[i]) {
        if (auto d = diagnostic(raw)) out.payload_findings[i].push_back(std::move(*d));
      }
    }

    AuditSummary &s = out.summary;
    std::set<std::string> required;
    for (std::size_t r = 0; r < requirements_.size(); ++r) {
      for (const Scope &sc : requirements_[r].options[chosen_[r]].scopes) required.insert(sc.name);
    }
    std::set<std::string> declared_names;
    std::set<std::string> not_evaluated;
    for (const Judged &j : judged_) {
      if (!j.counted) continue;
      declared_names.insert(j.permission->name);
      if (!j.permission->calls()) not_evaluated.insert(j.permission->name);
    }
    s.required.assign(required.begin(), required.end());
    s.declared.assign(declared_names.begin(), declared_names.end());
    if (all_read()) {  // else there is no verdict (see all_read)
      for (const auto &[name, reqs] : missing_) s.missing.push_back(name);
      s.excess.assign(excess_.begin(), excess_.end());
    }
    s.not_evaluated.assign(not_evaluated.begin(), not_evaluated.end());
    for (const auto &[name, n] : needs_) s.needs.push_back(n);
    for (const AppFile &a : apps_) {
      AuditDeclaration d;
      d.source = a.source;
      d.format = a.format;
      d.method = std::string(to_string(a.method));
      d.note = a.note;
      d.entries = static_cast<std::size_t>(std::count_if(judged_.begin(), judged_.end(), [&](const Judged &j) {
        return &apps_[j.file] == &a;
      }));
      s.declarations.push_back(std::move(d));
    }
    for (const Judged &j : judged_) {
      const AppFile &a = apps_[j.file];
      const RawPermission &p = *j.raw;
      AuditEntry e;
      e.source = a.source;
      e.position = p.span.begin;
      e.id = normal_guid(p.id).empty() ? p.id : normal_guid(p.id);
      e.name = j.permission != nullptr ? j.permission->name : "";
      e.written = !p.name.empty() ? p.name : p.label;
      e.type = j.type;
      e.method = std::string(to_string(a.method));
      e.application = p.application;
      e.counted = j.counted;
      s.entries.push_back(std::move(e));
    }
    s.payloads = requirements_.size();
    s.unaudited = unaudited_;
    s.table_version = table_.version();
    out.minimal = minimal();
    return out;
  }

  const std::vector<AppFile> &apps_;
  const std::vector<Report> &payloads_;
  const AuditOptions &options_;
  const PermissionIds &table_;
  std::vector<std::vector<Raw>> findings_;
  std::vector<std::vector<Raw>> payload_findings_;
  std::vector<Judged> judged_;
  std::set<std::string> declared_role_;
  std::set<std::string> declared_rsc_;
  std::vector<Requirement> requirements_;
  std::vector<std::size_t> chosen_;
  std::set<std::string> used_;
  std::map<std::string, std::vector<const Requirement *>> missing_;
  std::map<std::string, AuditNeed> needs_;
  std::set<std::string> excess_;
  std::size_t unaudited_ = 0;
};

}  // namespace

auto evaluate_audit(const std::vector<AppFile> &apps, const std::vector<Report> &payloads,
                    const AuditOptions &options) -> AuditOutcome {
  return Evaluator(apps, payloads, options).run();
}

}  // namespace callcheck::detail
