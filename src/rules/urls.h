// rule_url() (callcheck/rules.h) without the copy, for the renderers: a view
// of the catalog's own string, valid for the whole process (a std::string per
// finding was an allocation per finding in the text and JSON outputs).
#ifndef CALLCHECK_RULES_URLS_H_
#define CALLCHECK_RULES_URLS_H_

#include <string_view>  // std::string_view

namespace callcheck::detail {

// Empty for a code or name that is no rule's.
[[nodiscard]] auto rule_url_view(std::string_view code_or_name) -> std::string_view;

}  // namespace callcheck::detail

#endif  // CALLCHECK_RULES_URLS_H_
