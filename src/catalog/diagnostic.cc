#include "catalog/diagnostic.h"

#include <utility>  // std::move

namespace callcheck::detail {

auto make_diagnostic(const RuleMeta &meta, std::string message, std::string pointer, Span span, std::string help)
    -> Diagnostic {
  Diagnostic d;
  d.code = std::string(meta.code);
  d.name = std::string(meta.name);
  d.severity = meta.severity;
  d.message = std::move(message);
  d.pointer = std::move(pointer);
  d.span = span;
  d.help = std::move(help);
  return d;
}

auto make_diagnostic(const Policy &policy, const RuleMeta &meta, std::string message, std::string pointer, Span span,
                     std::string help) -> std::optional<Diagnostic> {
  const std::optional<Severity> severity = policy.severity(meta);
  if (!severity) return std::nullopt;
  Diagnostic d = make_diagnostic(meta, std::move(message), std::move(pointer), span, std::move(help));
  d.severity = *severity;
  return d;
}

}  // namespace callcheck::detail
