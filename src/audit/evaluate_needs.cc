// What the payloads need (steps 1 and 3 of evaluate.cc's outline), and the
// findings over the whole repository: missing, excess, RSC, Teams.
#include "audit/evaluator.h"

namespace callcheck::detail::audit {

void Evaluator::requirements() {
  for (std::size_t i = 0; i < payloads_.size(); ++i) {
    const Report &r = payloads_[i];
    if (r.input_error) continue;
    const CallKind kind = r.scenario.kind;
    // "Neither targets nor meetingInfo, media not recognised" is any JSON
    // object that is not a call body (a manifest next to the payloads).
    const bool call_like = !r.scenario.evidence.empty() || r.scenario.media != MediaHosting::Unknown;
    if (kind == CallKind::Ambiguous && !call_like) continue;
    if (kind == CallKind::Ambiguous) {
      payload_findings_[i].push_back(
          Raw{&catalog::kPayloadNotAudited,
              "this body matches no single create-call scenario (CC301): the "
              "permissions it needs are not derived, so the audit cannot count it",
              "make the body one documented scenario (`callcheck check` says which)",
              r.scenario.evidence_span.begin.line != 0         ? r.scenario.evidence_span
              : r.scenario.media_evidence_span.begin.line != 0 ? r.scenario.media_evidence_span
                                                               : Span{Position{1, 1}, Position{1, 1}},
              r.scenario.evidence.empty() ? r.scenario.media_evidence : r.scenario.evidence, std::nullopt});
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
        if (d.code == catalog::kInvalidJson.code || d.code == catalog::kInvalidEncoding.code ||
            d.code == catalog::kLimitExceeded.code || d.code == catalog::kNulCharacter.code ||
            d.code == catalog::kNumberOutOfRange.code) {
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
    for (const ScopeAlternative &alt : r.alternatives) req.options.push_back(Option{alt.scopes, std::string(alt.note)});
    requirements_.push_back(std::move(req));
  }
}

auto Evaluator::declared(const std::string &name) const -> bool {
  return declared_role_.count(name) > 0 || declared_rsc_.count(name) > 0;
}

auto Evaluator::missing_of(const Option &o) const -> std::vector<std::string> {
  std::vector<std::string> out;
  for (const Scope &s : o.scopes) {
    if (!declared(std::string(s.name))) out.emplace_back(s.name);
  }
  return out;
}

void Evaluator::need(const std::string &name, const Requirement &req, const Scope &scope) {
  const Report &r = payloads_[req.payload];
  Position at = scope.name.rfind("Calls.AccessMedia.", 0) == 0 && r.scenario.media_evidence_span.begin.line != 0
                    ? r.scenario.media_evidence_span.begin
                    : r.scenario.evidence_span.begin;
  if (at.line == 0) at = Position{1, 1};  // a mid-call body: no scenario evidence, the body itself
  auto &n = needs_[name];
  n.name = name;
  if (const PermissionInfo *p = table_.by_name(name)) n.rsc = p->rsc;
  n.needed_by.push_back(AuditPayload{r.source, r.origin, at, std::string(scope.reason)});
}

void Evaluator::solve() {
  for (const Requirement &req : requirements_) {
    std::size_t chosen = req.options.size();
    for (std::size_t k = 0; k < req.options.size(); ++k) {
      if (!missing_of(req.options[k]).empty()) continue;
      for (const Scope &s : req.options[k].scopes) used_.emplace(s.name);
      if (chosen == req.options.size()) chosen = k;
    }
    if (chosen == req.options.size()) {
      std::size_t best = 0;
      for (std::size_t k = 1; k < req.options.size(); ++k) {
        if (missing_of(req.options[k]).size() < missing_of(req.options[best]).size()) best = k;
      }
      chosen = best;
      for (const Scope &s : req.options[best].scopes) {
        if (declared(std::string(s.name))) {
          used_.emplace(s.name);
        } else {
          missing_[std::string(s.name)].push_back(&req);
        }
      }
    }
    chosen_.push_back(chosen);
    for (const Scope &s : req.options[chosen].scopes) need(std::string(s.name), req, s);
  }
}

auto Evaluator::anchor_file(bool rsc) const -> std::size_t {
  for (std::size_t i = 0; i < apps_.size(); ++i) {
    if (apps_[i].input_error) continue;
    if (rsc == apps_[i].teams.has_value()) return i;
  }
  for (std::size_t i = 0; i < apps_.size(); ++i) {
    if (!apps_[i].input_error) return i;
  }
  return 0;
}

auto Evaluator::payload_list(const std::string &name, std::size_t limit) const -> std::string {
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

auto Evaluator::all_read() const -> bool {
  return !apps_.empty() && std::none_of(apps_.begin(), apps_.end(), [](const AppFile &a) { return a.input_error; });
}

void Evaluator::missing_findings() {
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
          names += fmt::format("{}`{}`", names.empty() ? "" : " + ", s.name);
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
      help = fmt::format(
          "add {{\"name\": \"{}\", \"type\": \"Application\"}} to the Teams manifest's "
          "authorization.permissions.resourceSpecific",
          name);
    } else if (p != nullptr && !p->application.empty()) {
      help = fmt::format(
          "add {{\"id\": \"{}\", \"type\": \"Role\"}} to the Microsoft Graph entry of "
          "requiredResourceAccess (an application permission: admin consent)",
          p->application);
    }
    const AppFile &a = apps_[file];
    if (!rsc && a.teams) {
      help += "; no --app file is an Entra app registration: audit it together with this manifest";
    }
    findings_[file].push_back(Raw{&catalog::kMissingPermission, std::move(message), std::move(help), a.anchor,
                                  a.anchor_pointer, std::nullopt});
  }
}

void Evaluator::excess_findings() {
  if (!all_read()) return;
  for (const Judged &j : judged_) {
    if (!j.counted || !j.permission->calls() || used_.count(std::string(j.permission->name)) > 0) continue;
    const RawPermission &p = *j.raw;
    add(j.file, catalog::kExcessPermission,
        fmt::format("`{}` is declared, but no audited request body needs it ({} audited)", j.permission->name,
                    requirements_.size()),
        options_.strict ? "remove it (least privilege: an admin consents to every declared permission)"
                        : "remove it, unless code the audit does not see needs it (`--strict` makes this an error)",
        p, p.span, options_.strict ? std::optional<Severity>(Severity::Error) : std::nullopt);
    excess_.emplace(j.permission->name);
  }
}

void Evaluator::rsc_hint() {
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
        for (const Scope &s : o.scopes) rsc_names.emplace(s.name);
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

void Evaluator::teams_findings() {
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
      findings_[i].push_back(
          Raw{&catalog::kCallingNotEnabled,
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
      findings_[i].push_back(
          Raw{&catalog::kTeamsAppIdMismatch,
              fmt::format("`webApplicationInfo.id` is `{}`, but the app registration audited with it is `{}`", web,
                          *app_ids.begin()),
              "webApplicationInfo.id must be the Entra application (client) id whose permissions the bot uses; RSC "
              "is granted to that app",
              t.web_app_span, t.web_app_pointer, std::nullopt});
    }
  }
}

}  // namespace callcheck::detail::audit
