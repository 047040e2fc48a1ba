// Scenario recognition (GRAPH.md 2.2): an explicit, ordered decision list
// over the payload, recording which property decided.
#ifndef CALLCHECK_SCENARIO_CLASSIFY_H_
#define CALLCHECK_SCENARIO_CLASSIFY_H_

#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include "callcheck/report.h"
#include "document/document.h"
#include "finding.h"

namespace callcheck::detail {

// The key of a root object whose only member wraps a call body
// (`{"Call": {…}}`, `{"requestBody": {…}}`): the value is an object with
// `callbackUri`, `targets`, `mediaConfig` or `meetingInfo`, or typed
// `#microsoft.graph.call`, and the key is no call property. "" otherwise.
// The schema stage reports it (CC229) and classify() recognises no scenario.
[[nodiscard]] auto wrapper_key(const Document &doc) -> std::string_view;

// Classifies the payload. Ambiguous shapes add a finding (CC301) to `out`.
// Works on any DOM (guards every assumption); Unknown without a DOM.
[[nodiscard]] auto classify(const Document &doc, std::vector<Finding> &out) -> Scenario;

}  // namespace callcheck::detail

#endif  // CALLCHECK_SCENARIO_CLASSIFY_H_
