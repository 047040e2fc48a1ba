// The rule catalogue as the JSON document `callcheck rules --format json`
// prints and the C ABI's callcheck_rules() returns: one writer for both.
#ifndef CALLCHECK_RENDER_RULES_DOCUMENT_H_
#define CALLCHECK_RENDER_RULES_DOCUMENT_H_

#include <string>

namespace callcheck::detail {

// One rule per line; `explanations` adds each rule's documentation (the
// C ABI's document carries it, the CLI's points at `explain` instead).
[[nodiscard]] auto rules_document(bool explanations) -> std::string;

}  // namespace callcheck::detail

#endif  // CALLCHECK_RENDER_RULES_DOCUMENT_H_
