// The library entry point: check one payload held in memory.
//
//   callcheck::Options options;
//   options.api = callcheck::ApiVersion::V1;
//   callcheck::Report report = callcheck::check(body, "request.json", options);
//
// Options is the run's configuration; where one input comes from (its place
// in a containing file, its request line) is a callcheck::Source.
//   if (report.worst() == callcheck::Severity::Error) { /* do not send */ }
//
// check() is thread-safe, never prints, never reads files and never exits.
// Schemas are compiled once per process, on first use. It needs about 256 KiB
// of thread stack.
#ifndef CALLCHECK_CHECK_H_
#define CALLCHECK_CHECK_H_

#include <string_view>  // std::string_view

#include "callcheck/options.h"
#include "callcheck/report.h"
#include "callcheck/source.h"

namespace callcheck {

[[nodiscard]] auto check(std::string_view text, const Source &source, const Options &options) -> Report;

// check(text, Source{source_name}, options): an input with no provenance
// beyond its name (a body that starts at line 1, column 1, no request line).
[[nodiscard]] auto check(std::string_view text, std::string_view source_name, const Options &options) -> Report;

}  // namespace callcheck

#endif  // CALLCHECK_CHECK_H_
