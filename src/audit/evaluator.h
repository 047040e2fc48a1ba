// The audit's evaluator, one class over three files: judging the declared
// entries (evaluate.cc), the payloads' requirements and the findings over the
// whole repository (evaluate_needs.cc), and the outcome the renderers get
// (evaluate_output.cc). Internal to src/audit/; evaluate_audit() (evaluate.h)
// is its entry point.
#ifndef CALLCHECK_AUDIT_EVALUATOR_H_
#define CALLCHECK_AUDIT_EVALUATOR_H_

#include "document/rapidjson_adapter.h"

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

namespace callcheck::detail::audit {

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

inline auto plural(std::size_t n, std::string_view one, std::string_view many) -> std::string {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

inline auto where(const Report &r, Position p) -> std::string {
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

  auto run() -> AuditOutcome;

 private:
  // ---- judging declared entries ------------------------------------------

  void add(std::size_t file, const RuleMeta &rule, std::string message, std::string help, const RawPermission &p,
           Span span, std::optional<Severity> severity = std::nullopt);

  auto id_help(const PermissionInfo &p, bool role) const -> std::string;

  // A name that is not exact: a documentation spelling, other case, a typo,
  // or a name Microsoft's data lists without an id.
  auto name_problem(std::string_view name) const -> std::pair<std::string, std::string>;

  void judge(std::size_t file, const RawPermission &p);

  void record(std::size_t file, const RawPermission &p, const PermissionInfo *permission, std::string type,
              bool counted, bool rsc = false);

  void judge_rsc(std::size_t file, const RawPermission &p);

  void judge_id(std::size_t file, const RawPermission &p, bool other_resource);

  auto label_permission(std::string_view label) const -> const PermissionInfo *;

  void check_label(std::size_t file, const RawPermission &p, const PermissionInfo &actual,
                   const PermissionInfo *labelled);

  void judge_name(std::size_t file, const RawPermission &p);

  // ---- requirements -----------------------------------------------------------

  void requirements();

  auto declared(const std::string &name) const -> bool;

  auto missing_of(const Option &o) const -> std::vector<std::string>;

  void need(const std::string &name, const Requirement &req, const Scope &scope);

  void solve();

  // ---- findings over the whole repository ----------------------------------------

  // Where a missing permission is reported: the Teams manifest for RSC
  // names, else the first Entra-side declaration, else the first file.
  auto anchor_file(bool rsc) const -> std::size_t;

  auto payload_list(const std::string &name, std::size_t limit) const -> std::string;

  // Without every app file's declarations a missing or excess verdict is
  // about the wrong thing (the run exits 2 anyway).
  auto all_read() const -> bool;

  void missing_findings();

  void excess_findings();

  // A tenant-wide join permission that only meeting joins with an RSC
  // alternative use (CC611).
  void rsc_hint();

  void teams_findings();

  // ---- output -------------------------------------------------------------------------

  auto diagnostic(const Raw &raw) const -> std::optional<Diagnostic>;

  static void sort(std::vector<Diagnostic> &list);

  auto minimal() const -> std::string;

  auto outcome() -> AuditOutcome;

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

}  // namespace callcheck::detail::audit

#endif  // CALLCHECK_AUDIT_EVALUATOR_H_
