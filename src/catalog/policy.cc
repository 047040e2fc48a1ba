#include "catalog/policy.h"

#include <algorithm>  // std::any_of
#include <cctype>     // std::toupper

#include <fmt/format.h>

#include "util/suggest.h"
#include "catalog/cc001_invalid_json.h"
#include "catalog/cc002_duplicate_key.h"
#include "catalog/cc003_invalid_encoding.h"
#include "catalog/cc004_limit_exceeded.h"
#include "catalog/cc005_nul_character.h"
#include "catalog/cc006_byte_order_mark.h"
#include "catalog/cc007_number_out_of_range.h"
#include "catalog/cc010_unreadable_input.h"

namespace callcheck::detail {
namespace {

auto severity_of(RuleLevel level) -> Severity {
  switch (level) {
    case RuleLevel::Error: return Severity::Error;
    case RuleLevel::Warning: return Severity::Warning;
    case RuleLevel::Info:
    case RuleLevel::Off: return Severity::Info;
  }
  return Severity::Error;
}

auto names_a_rule(std::string_view selector) -> bool {
  if (selector.empty()) return false;
  if (find_rule(selector) != nullptr) return true;
  return std::any_of(rule_catalog().begin(), rule_catalog().end(),
                     [&](const RuleMeta &m) { return m.code.substr(0, selector.size()) == selector; });
}

auto unknown(std::string_view selector, std::string_view what) -> SelectorProblem {
  // Codes are upper case everywhere (`cc2` is a typo of `CC2`, as in the
  // configuration, where the same value is rejected).
  std::string upper(selector);
  for (char &c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::string suggestion = names_a_rule(upper) ? upper : std::string();
  if (suggestion.empty()) {
    std::vector<std::string_view> words;
    for (const RuleMeta &m : rule_catalog()) {
      words.push_back(m.code);
      words.push_back(m.name);
    }
    suggestion = closest(selector, words);
  }
  return SelectorProblem{fmt::format("`{}` is not a rule {}", selector, what),
                         suggestion.empty() ? std::string("`callcheck rules` lists every code and name")
                                            : fmt::format("did you mean `{}`?", suggestion)};
}

auto cannot_switch_off(const RuleMeta &meta) -> SelectorProblem {
  return SelectorProblem{
      fmt::format("{} {} is always reported (input validity) and cannot be switched off", meta.code, meta.name),
      "fix the input instead; `callcheck explain " + std::string(meta.code) + "` says how"};
}

}  // namespace

auto always_reported(std::string_view code) -> bool {
  // Every always-reported code is CC0xx: check() asks this for every rule
  // of every payload, and most are not.
  if (code.substr(0, 3) != "CC0") return false;
  return code == catalog::kInvalidJson.code || code == catalog::kDuplicateKey.code ||
         code == catalog::kInvalidEncoding.code || code == catalog::kLimitExceeded.code ||
         code == catalog::kNulCharacter.code || code == catalog::kByteOrderMark.code ||
         code == catalog::kNumberOutOfRange.code || code == catalog::kUnreadableInput.code;
}

auto check_selector(std::string_view selector, bool for_ignore) -> std::optional<SelectorProblem> {
  if (!names_a_rule(selector)) return unknown(selector, "code, name or code prefix");
  if (for_ignore) {
    if (const RuleMeta *meta = find_rule(selector); meta != nullptr && always_reported(meta->code)) {
      return cannot_switch_off(*meta);
    }
  }
  return std::nullopt;
}

auto check_rule_key(std::string_view key, RuleLevel level) -> std::optional<SelectorProblem> {
  const RuleMeta *meta = find_rule(key);
  if (meta == nullptr) return unknown(key, "code or name");
  if (always_reported(meta->code)) {
    if (level == RuleLevel::Off) return cannot_switch_off(*meta);
    return SelectorProblem{fmt::format("{} {} is always reported at its own severity ({})", meta->code, meta->name,
                                       to_string(meta->severity)),
                           "remove this entry"};
  }
  return std::nullopt;
}

auto selected_by(const std::vector<std::string> &selectors, const RuleMeta &meta) -> bool {
  for (const std::string &item : selectors) {
    if (item == meta.code || item == meta.name) return true;
    // A prefix such as "CC2" selects a whole group, as in ruff.
    if (!item.empty() && item.size() < meta.code.size() && meta.code.substr(0, item.size()) == item) return true;
  }
  return false;
}

auto Policy::configured_severity(const RuleMeta &meta) const -> std::optional<Severity> {
  if (always_reported(meta.code)) return meta.severity;
  if (meta.status == Status::Removed) return std::nullopt;
  if (meta.status == Status::Preview && !options_.preview) return std::nullopt;
  if (!options_.select.empty() && !selected_by(options_.select, meta)) return std::nullopt;
  if (!options_.ignore.empty() && selected_by(options_.ignore, meta)) return std::nullopt;
  if (options_.rule_levels.empty()) return meta.severity;
  if (const auto it = options_.rule_levels.find(std::string(meta.code)); it != options_.rule_levels.end()) {
    if (it->second == RuleLevel::Off) return std::nullopt;
    return severity_of(it->second);
  }
  return meta.severity;
}

auto Policy::enabled(std::string_view code) const -> bool {
  const RuleMeta *meta = find_rule(code);
  return meta != nullptr && enabled(*meta);
}

}  // namespace callcheck::detail
