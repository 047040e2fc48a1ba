// The options of the C ABI, given as JSON text (include/callcheck/callcheck_c.h),
// turned into callcheck::Options with the CLI's rules: the same names, the same
// validation of rule selectors, and an error for anything unknown.
#ifndef CALLCHECK_CAPI_OPTIONS_H_
#define CALLCHECK_CAPI_OPTIONS_H_

#include <string>       // std::string
#include <string_view>  // std::string_view

#include "callcheck/check.h"

namespace callcheck::detail {

struct AbiOptions {
  Options options;
  std::string request_line;  // "request": the body's request line (a Source, not configuration)
  Severity fail_on = Severity::Error;
  std::string error;  // one line; empty when the options are usable
};

[[nodiscard]] auto parse_abi_options(std::string_view json) -> AbiOptions;

}  // namespace callcheck::detail

#endif  // CALLCHECK_CAPI_OPTIONS_H_
