// The rule catalogue: every code callcheck can emit, with its documentation.
#ifndef CALLCHECK_RULES_H_
#define CALLCHECK_RULES_H_

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include "callcheck/diagnostic.h"

namespace callcheck {

enum class Status : std::uint8_t { Stable, Preview, Deprecated, Removed };
[[nodiscard]] auto to_string(Status status) -> std::string_view;  // "stable", ...

// A lint rule's message ids (ESLint's messageId): which of its messages a
// finding carries (Diagnostic::message_id). Static storage.
struct MessageIds {
  const std::string_view *data = nullptr;
  std::size_t size = 0;
  [[nodiscard]] auto begin() const -> const std::string_view * { return data; }
  [[nodiscard]] auto end() const -> const std::string_view * { return data + size; }
};

struct RuleMeta {
  std::string_view code;  // "CC201"
  std::string_view name;  // "callback-uri-not-https"
  Severity severity;      // default severity
  Status status;
  std::string_view summary;         // one line
  std::string_view explanation;     // Markdown: What it does / Why is this bad? / Example / Use instead
                                    // (/ Fix safety, when the rule has a fix)
  FixSafety fix = FixSafety::None;  // the fix's safety; None: the rule has no fix
  // The lint rule's message ids, declared in its header (kMessageIds) and
  // filled in by rule_catalog(); empty for codes a pipeline stage emits.
  MessageIds messages{};
};

// Every rule, sorted by code. The reference stays valid for the process lifetime.
[[nodiscard]] auto rule_catalog() -> const std::vector<RuleMeta> &;
// By code ("CC201") or name ("callback-uri-not-https"); nullptr if unknown.
[[nodiscard]] auto find_rule(std::string_view code_or_name) -> const RuleMeta *;
// Where the rule's page is published: docs/rules/<code>-<name>.md of the
// source tree (generated from the catalogue) under the project's homepage,
// e.g. "https://callcheck.dev/rules/cc202-callback-uri-not-https". "" if unknown.
[[nodiscard]] auto rule_url(std::string_view code_or_name) -> std::string;
// The page's file name under docs/rules/: "cc202-callback-uri-not-https.md".
[[nodiscard]] auto rule_page(const RuleMeta &meta) -> std::string;

}  // namespace callcheck

#endif  // CALLCHECK_RULES_H_
