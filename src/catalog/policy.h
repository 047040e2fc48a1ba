// The one rule policy: which findings a run reports and at what severity.
// check(), suppressions, baselines and the configuration loader all ask this
// file, so `--ignore CC2` means the same thing to each of them.
//
// Input validity (CC001-CC007, CC010) is never optional: a file that is not
// well-formed, unambiguous JSON has no meaning to check, and a selector that
// hid it would turn "could not read" into "clean" (the parser-disagreement
// bypass of issue 18). Those codes ignore select, ignore, levels,
// suppressions and baselines; only fixing the input removes them.
#ifndef CALLCHECK_CATALOG_POLICY_H_
#define CALLCHECK_CATALOG_POLICY_H_

#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include "callcheck/options.h"
#include "callcheck/rules.h"

namespace callcheck::detail {

[[nodiscard]] auto always_reported(std::string_view code) -> bool;

// Why a selector (rule code, name or code prefix) or a rule-level key is not
// usable: unknown (with a did-you-mean), or an attempt to switch off an
// always-reported code.
struct SelectorProblem {
  std::string message;
  std::string help;
};
// `for_ignore`: the selector removes rules (ignore, "off"); naming an
// always-reported code exactly there is a problem, a prefix covering one is not.
[[nodiscard]] auto check_selector(std::string_view selector, bool for_ignore) -> std::optional<SelectorProblem>;
[[nodiscard]] auto check_rule_key(std::string_view key, RuleLevel level) -> std::optional<SelectorProblem>;

// Whether `selectors` (codes, names, prefixes such as "CC2") name `meta`.
[[nodiscard]] auto selected_by(const std::vector<std::string> &selectors, const RuleMeta &meta) -> bool;

class Policy {
 public:
  explicit Policy(const Options &options)
      : options_(options), plain_(options.select.empty() && options.ignore.empty() && options.rule_levels.empty()) {}
  // The severity findings of `meta` get under the options; nullopt when the
  // rule is off (not selected, ignored, "off", or preview without --preview).
  // check() asks it for every rule of every payload, and most runs select
  // nothing: a stable rule then has its own severity, without a look at any
  // selector.
  [[nodiscard]] auto severity(const RuleMeta &meta) const -> std::optional<Severity> {
    if (plain_ && meta.status == Status::Stable) return meta.severity;
    return configured_severity(meta);
  }
  // No select, ignore or rule level: whether a rule runs depends on the
  // rule (and --preview) only.
  [[nodiscard]] auto plain() const -> bool { return plain_; }
  [[nodiscard]] auto enabled(const RuleMeta &meta) const -> bool { return severity(meta).has_value(); }
  [[nodiscard]] auto enabled(std::string_view code) const -> bool;
  // Suppressions and baselines may hide a finding of this rule.
  [[nodiscard]] static auto hideable(std::string_view code) -> bool { return !always_reported(code); }

 private:
  [[nodiscard]] auto configured_severity(const RuleMeta &meta) const -> std::optional<Severity>;

  const Options &options_;
  bool plain_;
};

}  // namespace callcheck::detail

#endif  // CALLCHECK_CATALOG_POLICY_H_
