// What a stage reports before positions and catalogue data are attached.
#ifndef CALLCHECK_FINDING_H_
#define CALLCHECK_FINDING_H_

#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <utility>      // std::move

#include "callcheck/rules.h"

namespace callcheck::detail {

// Built from a catalogue entry (src/catalog/, or a rule's kMeta), never from a
// code string: a mistyped code does not compile.
struct Finding {
  Finding(const RuleMeta &rule_, std::string message_, std::string pointer_, std::string help_ = {},
          bool at_key_ = false, std::optional<Fix> fix_ = std::nullopt)
      : rule(&rule_), message(std::move(message_)), pointer(std::move(pointer_)), help(std::move(help_)),
        at_key(at_key_), fix(std::move(fix_)) {}

  const RuleMeta *rule;  // name and severity come from the catalogue
  std::string message;   // one sentence, no trailing period
  std::string pointer;   // RFC 6901
  std::string help;      // what to do instead; may be empty
  bool at_key = false;   // point at the member name rather than its value
  // Byte offsets into the Document's text; the pipeline adds the spans.
  std::optional<Fix> fix;
  std::string_view message_id;  // a lint rule's (rules/rule.h Message); "" for the pipeline's codes
};

}  // namespace callcheck::detail

#endif  // CALLCHECK_FINDING_H_
