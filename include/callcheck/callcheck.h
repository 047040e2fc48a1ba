// Umbrella header for the callcheck library.
#ifndef CALLCHECK_CALLCHECK_H_
#define CALLCHECK_CALLCHECK_H_

#include "callcheck/audit.h"       // IWYU pragma: export
#include "callcheck/check.h"       // IWYU pragma: export
#include "callcheck/diagnostic.h"  // IWYU pragma: export
#include "callcheck/join.h"        // IWYU pragma: export
#include "callcheck/options.h"     // IWYU pragma: export
#include "callcheck/policy.h"      // IWYU pragma: export
#include "callcheck/render.h"      // IWYU pragma: export
#include "callcheck/report.h"      // IWYU pragma: export
#include "callcheck/rules.h"       // IWYU pragma: export
#include "callcheck/source.h"      // IWYU pragma: export
#include "callcheck/version.h"     // IWYU pragma: export
#include "callcheck/vocabulary.h"  // IWYU pragma: export

#endif  // CALLCHECK_CALLCHECK_H_
