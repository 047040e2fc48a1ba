// The audit's outcome: findings through the policy, the summary and the
// minimal requiredResourceAccess.
#include "audit/evaluator.h"

namespace callcheck::detail::audit {

auto Evaluator::diagnostic(const Raw &raw) const -> std::optional<Diagnostic> {
  std::optional<Diagnostic> d =
      make_diagnostic(Policy(options_.options), *raw.rule, raw.message, raw.pointer, raw.span, raw.help);
  if (!d) return std::nullopt;
  const bool configured = options_.options.rule_levels.count(std::string(raw.rule->code)) > 0;
  if (raw.severity && (!configured || raw.rule == &catalog::kExcessPermission)) d->severity = *raw.severity;
  return d;
}

void Evaluator::sort(std::vector<Diagnostic> &list) {
  auto key = [](const Diagnostic &d) {
    return std::tie(d.span.begin.line, d.span.begin.column, d.code, d.pointer, d.message);
  };
  std::sort(list.begin(), list.end(), [&](const Diagnostic &a, const Diagnostic &b) { return key(a) < key(b); });
  list.erase(
      std::unique(list.begin(), list.end(), [&](const Diagnostic &a, const Diagnostic &b) { return key(a) == key(b); }),
      list.end());
}

auto Evaluator::minimal() const -> std::string {
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
    const std::string_view id = scope ? (p.delegated.empty() ? p.personal : p.delegated) : p.application;
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

auto Evaluator::outcome() -> AuditOutcome {
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
    for (const Scope &sc : requirements_[r].options[chosen_[r]].scopes) required.emplace(sc.name);
  }
  std::set<std::string> declared_names;
  std::set<std::string> not_evaluated;
  for (const Judged &j : judged_) {
    if (!j.counted) continue;
    declared_names.emplace(j.permission->name);
    if (!j.permission->calls()) not_evaluated.emplace(j.permission->name);
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
    d.entries = static_cast<std::size_t>(
        std::count_if(judged_.begin(), judged_.end(), [&](const Judged &j) { return &apps_[j.file] == &a; }));
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

}  // namespace callcheck::detail::audit
