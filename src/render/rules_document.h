// The rule catalogue in every form callcheck prints it: `callcheck rules`
// as text, Markdown (the README table, checked by tests/scripts/readme_rules.sh)
// or JSON (which the C ABI's callcheck_rules() returns too: one writer for
// both), and one rule's page for `callcheck explain`.
#ifndef CALLCHECK_RENDER_RULES_DOCUMENT_H_
#define CALLCHECK_RENDER_RULES_DOCUMENT_H_

#include <string>  // std::string

#include "callcheck/rules.h"

namespace callcheck::detail {

// One rule per line; `explanations` adds each rule's documentation (the
// C ABI's document carries it, the CLI's points at `explain` instead).
[[nodiscard]] auto rules_document(bool explanations) -> std::string;
// One aligned line per rule: code, name, severity, status, summary.
[[nodiscard]] auto rules_text() -> std::string;
// The README's rule table; links are relative to the top of the source tree.
[[nodiscard]] auto rules_markdown() -> std::string;
// `callcheck explain`: title, summary line, defaults, then the explanation.
[[nodiscard]] auto rule_explanation(const RuleMeta &meta) -> std::string;

}  // namespace callcheck::detail

#endif  // CALLCHECK_RENDER_RULES_DOCUMENT_H_
