// The one diagnostic factory: every Diagnostic callcheck reports is made
// here from its rule's catalogue entry, so code, name and default severity
// cannot disagree with `callcheck rules`, and the policy is applied the same
// way by the pipeline, the configuration layer, the extractor and the audit.
#ifndef CALLCHECK_CATALOG_DIAGNOSTIC_H_
#define CALLCHECK_CATALOG_DIAGNOSTIC_H_

#include <optional>  // std::optional
#include <string>    // std::string

#include "callcheck/diagnostic.h"
#include "callcheck/rules.h"
#include "catalog/policy.h"

namespace callcheck::detail {

// At the rule's default severity.
[[nodiscard]] auto make_diagnostic(const RuleMeta &meta, std::string message, std::string pointer, Span span,
                                   std::string help = {}) -> Diagnostic;
// At the severity `policy` gives the rule; nullopt when the rule is off.
[[nodiscard]] auto make_diagnostic(const Policy &policy, const RuleMeta &meta, std::string message, std::string pointer,
                                   Span span, std::string help = {}) -> std::optional<Diagnostic>;

}  // namespace callcheck::detail

#endif  // CALLCHECK_CATALOG_DIAGNOSTIC_H_
