// The rule interface (internal). One rule per header in this folder, each
// documenting itself in its kMeta; rules.cc is the one sorted list.
#ifndef CALLCHECK_RULES_RULE_H_
#define CALLCHECK_RULES_RULE_H_

#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include "callcheck/check.h"
#include "callcheck/report.h"
#include "callcheck/rules.h"
#include "document/document.h"
#include "finding.h"
#include "schema/navigator.h"

namespace callcheck::detail {

struct RuleContext {
  const Document &doc;
  const Navigator &nav;
  const Scenario &scenario;
  ApiVersion api = ApiVersion::V1;
  std::string_view request_line;             // "" unless the body came from a .http/.md request
  const std::vector<Finding> &schema_findings;

  // The value at `pointer`, or nullptr.
  [[nodiscard]] auto find(std::string_view pointer) const -> const Value * { return doc.find(pointer); }
  // True when the schema already reported something at `pointer` (or, with
  // `or_below`, anywhere inside it): rules never repeat a schema diagnostic.
  [[nodiscard]] auto schema_reported(std::string_view pointer, bool or_below = false) const -> bool;
};

class DiagnosticSink {
 public:
  void report(const RuleMeta &meta, std::string pointer, std::string message, std::string help = {},
              bool at_key = false) {
    findings_.push_back(Finding{std::string(meta.code), std::move(message), std::move(pointer), std::move(help), at_key});
  }
  [[nodiscard]] auto findings() -> std::vector<Finding> & { return findings_; }

 private:
  std::vector<Finding> findings_;
};

class Rule {
 public:
  Rule() = default;
  Rule(const Rule &) = delete;
  auto operator=(const Rule &) -> Rule & = delete;
  virtual ~Rule() = default;
  [[nodiscard]] virtual auto meta() const -> const RuleMeta & = 0;
  // Pipeline codes (parse errors, schema findings, scopes) are emitted by
  // their stage; their rule only documents them, so the default does nothing.
  virtual void check(const RuleContext &context, DiagnosticSink &sink) const {
    (void)context;
    (void)sink;
  }
};

// Every rule, sorted by code.
[[nodiscard]] auto builtin_rules() -> const std::vector<const Rule *> &;

}  // namespace callcheck::detail

#endif  // CALLCHECK_RULES_RULE_H_
