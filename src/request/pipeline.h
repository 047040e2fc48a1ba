// What check() does differently once the request is known (issue 12): which
// schema root, which rules, which scenario a mid-call request reports.
#ifndef CALLCHECK_REQUEST_PIPELINE_H_
#define CALLCHECK_REQUEST_PIPELINE_H_

#include <string_view>  // std::string_view

#include "callcheck/check.h"
#include "callcheck/report.h"
#include "callcheck/rules.h"
#include "request/request.h"
#include "schema/navigator.h"

namespace callcheck::detail {

// True when the request named before the body is read (request line,
// configuration, flag) takes no body and `text` is blank: keepAlive is posted
// without one, which is then checked as `{}`.
[[nodiscard]] auto bodyless_and_blank(std::string_view text, const Options &options, std::string_view request_line)
    -> bool;

// The navigator of a request's body schema, built once per process.
[[nodiscard]] auto request_navigator(ApiVersion api, const RequestDef &request) -> const Navigator &;

// A mid-call request classifies no call: its scenario only names it.
[[nodiscard]] auto request_scenario(const RequestDef &request) -> Scenario;

// Whether `rule` runs on a body of `request`. Create runs every rule; the
// others run the rules that read any Graph value (placeholders, GUIDs, phone
// numbers, @odata.type, callbackUri, undeclared members of nested types, the
// request line) and the request rules, which guard on the request themselves.
[[nodiscard]] auto runs_on(const RuleMeta &rule, const RequestDef &request) -> bool;

}  // namespace callcheck::detail

#endif  // CALLCHECK_REQUEST_PIPELINE_H_
