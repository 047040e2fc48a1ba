// What a stage reports before positions and catalogue data are attached.
#ifndef CALLCHECK_FINDING_H_
#define CALLCHECK_FINDING_H_

#include <optional>  // std::optional
#include <string>    // std::string

#include "callcheck/diagnostic.h"

namespace callcheck::detail {

struct Finding {
  std::string code;     // catalogue code; name and severity come from the catalogue
  std::string message;  // one sentence, no trailing period
  std::string pointer;  // RFC 6901
  std::string help;     // what to do instead; may be empty
  bool at_key = false;  // point at the member name rather than its value
  // Byte offsets into the Document's text; the pipeline adds the spans.
  std::optional<Fix> fix{};
};

}  // namespace callcheck::detail

#endif  // CALLCHECK_FINDING_H_
