// `callcheck scopes`: which reports are shown, and with which findings (the
// input-validity ones only), and the exit code; render/scopes.h prints them.
#include <sstream>  // std::ostringstream

#include "callcheck/callcheck.h"
#include "catalog/cc001_invalid_json.h"
#include "catalog/cc007_number_out_of_range.h"
#include "catalog/cc502_non_request_block.h"
#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/extract_inputs.h"
#include "cli/input.h"
#include "cli/process_input.h"
#include "render/scopes.h"

namespace callcheck::cli {
namespace {

// Input validity decides whether the scenario can be trusted at all: a body
// that is not valid JSON, or is ambiguous to parsers (duplicate keys,
// invalid UTF-8, NUL, out-of-range numbers), has no scenario a script should
// grant permissions from. Those findings are reported as errors, exit 1.
auto invalid_input_findings(const Report &r) -> std::vector<Diagnostic> {
  std::vector<Diagnostic> out;
  for (const Diagnostic &d : r.diagnostics) {
    if (d.severity == Severity::Error && d.code >= catalog::kInvalidJson.code &&
        d.code <= catalog::kNumberOutOfRange.code)
      out.push_back(d);
  }
  return out;
}

}  // namespace

auto run_scopes(const CheckArgs &args, Out &out, Out &err) -> int {
  bool ok = true;
  const Options options = build_options(args, err, ok);
  if (!ok) return kFailure;
  std::vector<std::string> notes;
  const std::vector<Input> inputs = expand_inputs(args.paths, expand_options(args, {".json"}, notes));
  for (const std::string &note : notes) err << note << "\n";
  const bool json = args.format == "json";
  std::size_t failures = 0;
  std::size_t invalid = 0;
  RenderOptions render_options;
  render_options.tool_version = CALLCHECK_VERSION;
  const auto renderer = detail::make_scopes_renderer(json, render_options);
  Summary summary;
  std::ostringstream stream;  // what the renderer writes, moved to `out` after each call
  renderer->begin(stream);
  drain(stream, out);
  auto show = [&](const Report &full) {
    // Responses and notifications found in Markdown/.http are not requests.
    for (const Diagnostic &d : full.diagnostics) {
      if (d.code == catalog::kNonRequestBlock.code) return;
    }
    Report r = full;
    r.diagnostics = full.input_error ? full.diagnostics : invalid_input_findings(full);
    if (r.input_error) {
      ++failures;
    } else if (!r.diagnostics.empty()) {
      ++invalid;
    }
    summary.add(r);
    renderer->file(stream, r, "");
    drain(stream, out);
  };
  for (const Input &in : inputs) {
    Outcome o = process(in, options, args.limits.max_bytes, "", false, "stdin is not supported by `scopes`");
    if (o.ndjson) {
      const std::string error = stream_ndjson_file(in.path, in.display, options, args.limits.max_bytes, show);
      if (!error.empty()) show(input_error(in, error).report);
    } else if (!o.extracted.empty()) {
      for (const Report &r : o.extracted) show(r);
      // A whole .http/.md file: what the app needs for all its requests, and each request's share.
      if (o.extracted.size() > 1) {
        renderer->requests(stream, in.display, o.extracted);
        drain(stream, out);
      }
    } else {
      show(o.report);
    }
  }
  renderer->end(stream, summary);
  drain(stream, out);
  if (inputs.empty()) {
    err << "callcheck: no input files found\n";
    return kFailure;
  }
  if (failures > 0) return kFailure;
  return invalid > 0 ? kFindings : kClean;
}

}  // namespace callcheck::cli
