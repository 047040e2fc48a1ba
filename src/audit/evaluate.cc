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
#include "audit/evaluator.h"

namespace callcheck::detail::audit {

auto Evaluator::run() -> AuditOutcome {
  for (std::size_t i = 0; i < apps_.size(); ++i) {
    for (const AppFinding &f : apps_[i].findings) {
      findings_[i].push_back(Raw{f.rule, f.message, f.help, f.span, f.pointer, f.severity});
    }
    for (const RawPermission &p : apps_[i].permissions) judge(i, p);
  }
  for (const Judged &j : judged_) {
    if (!j.counted) continue;
    (j.rsc ? declared_rsc_ : declared_role_).emplace(j.permission->name);
  }
  requirements();
  solve();
  missing_findings();
  excess_findings();
  rsc_hint();
  teams_findings();
  return outcome();
}

void Evaluator::add(std::size_t file, const RuleMeta &rule, std::string message, std::string help,
                    const RawPermission &p, Span span, std::optional<Severity> severity) {
  findings_[file].push_back(Raw{&rule, std::move(message), std::move(help), span, p.pointer, severity});
}

auto Evaluator::id_help(const PermissionInfo &p, bool role) const -> std::string {
  const std::string_view id = role ? p.application : p.delegated;
  if (id.empty()) return {};
  return fmt::format("`{}`'s {} id is `{}`", p.name, role ? "application (Role)" : "delegated (Scope)", id);
}

auto Evaluator::name_problem(std::string_view name) const -> std::pair<std::string, std::string> {
  if (const PermissionInfo *meant = table_.meant(name)) {
    return {fmt::format("`{}` is not the name of a Microsoft Graph permission: Entra knows it only as `{}`", name,
                        meant->name),
            fmt::format("write `{}`", meant->name)};
  }
  const std::string suggestion = table_.suggest(name);
  const std::string why =
      table_.without_id(name) ? " (Microsoft's permission data lists it without any id: no app can be granted it)" : "";
  return {fmt::format("`{}` is no Microsoft Graph permission{}", name, why),
          suggestion.empty() ? "see the permissions reference (learn.microsoft.com/graph/permissions-reference)"
                             : fmt::format("did you mean `{}`?", suggestion)};
}

void Evaluator::judge(std::size_t file, const RawPermission &p) {
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

void Evaluator::record(std::size_t file, const RawPermission &p, const PermissionInfo *permission, std::string type,
                       bool counted, bool rsc) {
  if (!p.declares) return;
  judged_.push_back(Judged{file, &p, permission, std::move(type), counted && permission != nullptr, rsc});
}

void Evaluator::judge_rsc(std::size_t file, const RawPermission &p) {
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

void Evaluator::judge_id(std::size_t file, const RawPermission &p, bool other_resource) {
  const std::string guid = normal_guid(p.id);
  const PermissionInfo *labelled = p.label.empty() ? nullptr : label_permission(p.label);
  if (guid.empty()) {
    if (other_resource) return;
    const PermissionInfo *named = table_.by_name(p.id);
    add(file, catalog::kUnknownPermissionId,
        fmt::format("`{}` is not a GUID: a permission is declared by its id", p.id),
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
    add(file, catalog::kUnknownPermissionId,
        fmt::format("`{}` is no Microsoft Graph permission id{}", guid,
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
  const bool as_role = p.type == DeclaredType::Role || p.type == DeclaredType::Unknown || p.type == DeclaredType::Other;
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
                             : fmt::format("write `type: Role`{}",
                                           application->delegated.empty()
                                               ? std::string()
                                               : fmt::format(", or use its delegated id `{}`", application->delegated)),
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

auto Evaluator::label_permission(std::string_view label) const -> const PermissionInfo * {
  if (const PermissionInfo *p = table_.by_name(label)) return p;
  return table_.meant(label);
}

void Evaluator::check_label(std::size_t file, const RawPermission &p, const PermissionInfo &actual,
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
        id_help(*labelled, role).empty() ? fmt::format("`{}` has no {} id: check which permission is meant",
                                                       labelled->name, role ? "application" : "delegated")
                                         : id_help(*labelled, role) + "; use the id of the permission you mean",
        p, p.span);
    return;
  }
  if (p.label != actual.name) {
    const auto [message, help] = name_problem(p.label);
    add(file, catalog::kUnknownPermissionName, message, help, p, p.label_span, Severity::Warning);
  }
}

void Evaluator::judge_name(std::size_t file, const RawPermission &p) {
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
        fmt::format("declare it in the Teams app manifest ({{\"name\": \"{}\", \"type\": \"Application\"}})", p.name),
        p, p.span);
    record(file, p, permission, "Role", false);
    return;
  }
  record(file, p, permission, p.type == DeclaredType::Scope ? "Scope" : "Role", true);
}

}  // namespace callcheck::detail::audit

namespace callcheck::detail {

auto evaluate_audit(const std::vector<AppFile> &apps, const std::vector<Report> &payloads, const AuditOptions &options)
    -> AuditOutcome {
  return audit::Evaluator(apps, payloads, options).run();
}

}  // namespace callcheck::detail
