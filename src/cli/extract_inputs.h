// Inputs beyond .json (issue 5): the CLI half of extraction. Markdown and
// .http/.rest files are read whole (they are small, and capped like any
// file) and give one report per extracted body; NDJSON is streamed line by
// line, so a file of millions of payloads runs in constant memory.
#ifndef CALLCHECK_CLI_EXTRACT_INPUTS_H_
#define CALLCHECK_CLI_EXTRACT_INPUTS_H_

#include <cstdint>      // std::uint8_t
#include <functional>   // std::function
#include <optional>     // std::optional
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

// The lines of an NDJSON file, one in memory at a time, read in blocks (not
// a call per byte). A line longer than `line_cap` is cut after line_cap + 1
// bytes, so check() still reports CC004 for it without this reader ever
// holding more than that. Regular files only (FIFOs are refused, never read).
class NdjsonLines {
 public:
  NdjsonLines(std::size_t line_cap) : cap_(line_cap) {}
  NdjsonLines(const NdjsonLines &) = delete;
  auto operator=(const NdjsonLines &) -> NdjsonLines & = delete;
  ~NdjsonLines();
  // "" or why the file cannot be read.
  [[nodiscard]] auto open(const std::string &path) -> std::string;
  // The next line (without its newline) and its 1-based number; false after
  // the last one, or on a read error (then error() says so). As before, the
  // text after the last newline is a line too, even when empty.
  [[nodiscard]] auto next(std::string &line, std::uint32_t &number) -> bool;
  [[nodiscard]] auto error() const -> const std::string & { return error_; }

 private:
  auto fill() -> bool;
  int fd_ = -1;
  std::size_t cap_;
  std::string buffer_;
  std::size_t begin_ = 0;  // unread bytes are buffer_[begin_, end_)
  std::size_t end_ = 0;
  bool eof_ = false;
  bool done_ = false;
  std::uint32_t number_ = 0;
  std::string error_;
};

// One NDJSON line as check() sees it: nullopt for a blank line.
[[nodiscard]] auto check_ndjson_line(std::string_view line, std::uint32_t number, const std::string &display,
                                     const Options &options) -> std::optional<Report>;

// NDJSON from a file, one line in memory at a time (a line longer than
// `line_cap` is reported as CC004 by check()). Returns "" or an I/O error.
[[nodiscard]] auto stream_ndjson_file(const std::string &path, const std::string &display, const Options &options,
                                      std::size_t line_cap, const ReportSink &sink) -> std::string;
// NDJSON already in memory (stdin).
void check_ndjson_text(std::string_view text, const std::string &display, const Options &options,
                       const ReportSink &sink);

}  // namespace callcheck::cli

#endif  // CALLCHECK_CLI_EXTRACT_INPUTS_H_
