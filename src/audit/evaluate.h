// The audit proper: what the payloads need (from check()'s per-body
// required_scopes and alternatives, src/permissions/) against what the app
// files declare, as findings CC601-CC616, a summary for the renderers and the
// minimal requiredResourceAccess. Pure: no I/O.
#ifndef CALLCHECK_AUDIT_EVALUATE_H_
#define CALLCHECK_AUDIT_EVALUATE_H_

#include <string>  // std::string
#include <vector>  // std::vector

#include "audit/app_file.h"
#include "callcheck/audit.h"
#include "callcheck/options.h"
#include "callcheck/report.h"

namespace callcheck::detail {

struct AuditOptions {
  Options options;      // rule selection and levels (select, ignore, "rules")
  bool strict = false;  // an excess Calls.* permission is an error
};

struct AuditOutcome {
  std::vector<Report> app_reports;                        // one per app file, in order
  std::vector<std::vector<Diagnostic>> payload_findings;  // one per payload report (CC615)
  AuditSummary summary;
  std::string minimal;  // {"requiredResourceAccess": [...]}: what the payloads need, JSON text
};

[[nodiscard]] auto evaluate_audit(const std::vector<AppFile> &apps, const std::vector<Report> &payloads,
                                  const AuditOptions &options) -> AuditOutcome;

}  // namespace callcheck::detail

#endif  // CALLCHECK_AUDIT_EVALUATE_H_
