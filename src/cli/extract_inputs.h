// Inputs beyond .json (issue 5): the CLI half of extraction. Markdown and
// .http/.rest files are read whole (they are small, and capped like any
// file) and give one report per extracted body; NDJSON is streamed line by
// line, so a file of millions of payloads runs in constant memory.
#ifndef CALLCHECK_CLI_EXTRACT_INPUTS_H_
#define CALLCHECK_CLI_EXTRACT_INPUTS_H_

#include <cstdint>      // std::uint8_t
#include <functional>   // std::function
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include "callcheck/check.h"
#include "callcheck/report.h"

namespace callcheck::cli {

enum class InputKind : std::uint8_t { Json, Markdown, Http, Ndjson };

// By extension (case-insensitive): .md/.markdown, .http/.rest, .ndjson/.jsonl;
// anything else is one JSON payload.
[[nodiscard]] auto input_kind(std::string_view path) -> InputKind;

// Extensions a directory argument expands to. Only .json: a directory of docs
// or request collections holds many pages that are not about calls, so
// Markdown/.http/NDJSON are checked only when named (pre-commit names them).
[[nodiscard]] auto directory_extensions() -> std::vector<std::string>;

// Every report of a Markdown or .http file held in memory, in file order;
// a file without a request body gives one CC503 report.
[[nodiscard]] auto check_extracted(InputKind kind, std::string_view text, const std::string &display,
                                   const Options &options) -> std::vector<Report>;

using ReportSink = std::function<void(const Report &report)>;

// NDJSON from a file, one line in memory at a time (a line longer than
// `line_cap` is reported as CC004 by check()). Returns "" or an I/O error.
[[nodiscard]] auto stream_ndjson_file(const std::string &path, const std::string &display, const Options &options,
                                      std::size_t line_cap, const ReportSink &sink) -> std::string;
// NDJSON already in memory (stdin).
void check_ndjson_text(std::string_view text, const std::string &display, const Options &options,
                       const ReportSink &sink);

}  // namespace callcheck::cli

#endif  // CALLCHECK_CLI_EXTRACT_INPUTS_H_
