// The words of callcheck's enums: each enum's one to_string switch and its
// parser live in src/vocabulary.cc. Severity, Status, CallKind, MediaHosting
// and Format are declared beside the types that use them (diagnostic.h,
// rules.h, report.h, render.h); the configuration enums are declared here.
#ifndef CALLCHECK_VOCABULARY_H_
#define CALLCHECK_VOCABULARY_H_

#include <cstdint>      // std::uint8_t
#include <optional>     // std::optional
#include <string_view>  // std::string_view

namespace callcheck {

enum class ApiVersion : std::uint8_t { V1, Beta };
[[nodiscard]] auto to_string(ApiVersion api) -> std::string_view;  // "v1.0" / "beta"
[[nodiscard]] auto parse_api_version(std::string_view text) -> std::optional<ApiVersion>;

// Per-rule severity from the configuration: Off removes the rule entirely.
enum class RuleLevel : std::uint8_t { Off, Info, Warning, Error };
[[nodiscard]] auto parse_rule_level(std::string_view text) -> std::optional<RuleLevel>;

}  // namespace callcheck

#endif  // CALLCHECK_VOCABULARY_H_
