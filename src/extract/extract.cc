// Checking what the readers extracted (markdown.cc, http.cc, ndjson.cc):
// each request body through check() at its place in the file, each skipped
// block as CC502, a file with no request as CC503.
#include "extract/extract.h"

#include <fmt/format.h>

#include "callcheck/check.h"
#include "callcheck/rules.h"
#include "catalog/policy.h"
#include "catalog/cc502_non_request_block.h"
#include "catalog/cc503_no_request_found.h"
#include "catalog/diagnostic.h"

namespace callcheck::detail {
namespace {

// One diagnostic of a code this module owns, honouring --select/--ignore and
// per-rule levels as the pipeline does.
void add_diagnostic(Report &report, const RuleMeta &rule, std::string message, Position at, const Options &options) {
  if (auto d = make_diagnostic(Policy(options), rule, std::move(message), "", Span{at, at})) {
    report.diagnostics.push_back(std::move(*d));
  }
}

}  // namespace

auto is_calls_url(std::string_view url) -> bool {
  url = url.substr(0, url.find_first_of("?#"));
  while (!url.empty() && url.back() == '/') url.remove_suffix(1);
  return url == "calls" || (url.size() >= 6 && url.substr(url.size() - 6) == "/calls");
}

auto check_body(const ExtractedBody &body, std::string_view source_name, const Options &options) -> Report {
  if (body.kind == BodyKind::Request) {
    // Where the body sits in its file: a Source per body, the Options shared.
    const Source source{source_name, body.line - 1, body.column - 1, body.request_line};
    Report report = check(body.text, source, options);
    report.origin = body.origin;
    return report;
  }
  Report report;
  report.source = std::string(source_name);
  report.origin = body.origin;
  add_diagnostic(report, catalog::kNonRequestBlock, body.note + "; skipped", Position{body.line, body.column}, options);
  return report;
}

auto no_request_report(std::string_view source_name, std::string_view what, const Options &options)
    -> std::optional<Report> {
  Report report;
  report.source = std::string(source_name);
  add_diagnostic(report, catalog::kNoRequestFound,
                 fmt::format("no create-call request body (POST …/calls) found in this {}", what), Position{1, 1},
                 options);
  if (report.diagnostics.empty()) return std::nullopt;
  return report;
}

}  // namespace callcheck::detail
