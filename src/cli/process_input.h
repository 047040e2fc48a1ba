// One input of `check` or `scopes`, read and checked: what a worker of the
// pool (cli/worker_pool.h) hands back to be rendered in input order.
#ifndef CALLCHECK_CLI_PROCESS_INPUT_H_
#define CALLCHECK_CLI_PROCESS_INPUT_H_

#include <cstddef>  // std::size_t
#include <string>   // std::string
#include <vector>   // std::vector

#include "callcheck/check.h"
#include "cli/commands.h"
#include "cli/input.h"

namespace callcheck::cli {

// What one input turned into; rendered in input order.
struct Outcome {
  Report report;
  std::string text;  // kept for code frames
  // Markdown/.http: one report per extracted body (then `report` is unused);
  // NDJSON files are streamed by the rendering thread instead (`ndjson`).
  std::vector<Report> extracted;
  bool ndjson = false;
  std::size_t fixed = 0;  // --fix: fixes applied to this input
  std::string diff;       // --diff: what --fix would change
  std::string fix_note;   // why fixes were not applied (stderr)
  // Rendered by the worker (Outputs::render_apart): each report's output, in order.
  bool rendered_apart = false;
  std::vector<std::string> rendered;
};

// The CC010 report of an input that could not be read.
[[nodiscard]] auto input_error(const Input &in, const std::string &message) -> Outcome;

// After a worker has rendered `report` (Outcome::rendered_apart): frees, on
// that worker, what the consuming thread no longer reads. It keeps what
// Summary::add, Outputs::tally and Report::worst() count: the source, the
// input error flag, the omitted counts and each diagnostic's code, name and
// severity.
void keep_counts_only(Report &report);

// Reads `in` (stdin was read once, up front: `stdin_text`, or `stdin_error`
// when !stdin_ok) and checks it by its kind: JSON, NDJSON (a file is left to
// the rendering thread to stream: `ndjson`), Markdown or .http. With
// `fixing`, --fix/--diff are applied first.
[[nodiscard]] auto process(const Input &in, const Options &options, std::size_t cap, const std::string &stdin_text,
                           bool stdin_ok, const std::string &stdin_error, const CheckArgs *fixing = nullptr) -> Outcome;

}  // namespace callcheck::cli

#endif  // CALLCHECK_CLI_PROCESS_INPUT_H_
