// Scenario recognition (GRAPH.md 2.2): an explicit, ordered decision list
// over the payload, recording which property decided.
#ifndef CALLCHECK_SCENARIO_CLASSIFY_H_
#define CALLCHECK_SCENARIO_CLASSIFY_H_

#include <vector>  // std::vector

#include "callcheck/report.h"
#include "document/document.h"
#include "finding.h"

namespace callcheck::detail {

// Classifies the payload. Ambiguous shapes add a finding (CC301) to `out`.
// Works on any DOM (guards every assumption); Unknown without a DOM.
[[nodiscard]] auto classify(const Document &doc, std::vector<Finding> &out) -> Scenario;

}  // namespace callcheck::detail

#endif  // CALLCHECK_SCENARIO_CLASSIFY_H_
