// `callcheck audit PATH... --app FILE`: the CLI half of the permission audit.
// It reads the payloads (through check() and the extractors, exactly as
// `callcheck check` does, with the same configuration) and the app files, hands
// both to the library (src/audit/evaluate.h) and renders the result: one report
// per app file (its findings), one per payload (its scenario and required
// permissions; the body's own lint findings are `callcheck check`'s), then the
// audit summary. Exit codes: 2 when an input cannot be read or an app file is
// in none of the formats, 1 for findings at or above --fail-on, else 0.
// --write-minimal goes through safe_write_file (issue 18): atomic, never
// through a planted symlink.
#include <fmt/format.h>

#include "audit/app_file.h"
#include "audit/evaluate.h"
#include "callcheck/callcheck.h"
#include "cli/commands.h"
#include "cli/config_session.h"
#include "cli/exit_code.h"
#include "cli/extract_inputs.h"
#include "cli/input.h"
#include "cli/outputs.h"
#include "cli/safe_write.h"
#include "cli/trust_root.h"
#include "catalog/cc010_unreadable_input.h"
#include "catalog/diagnostic.h"

namespace callcheck::cli {
namespace {

constexpr std::size_t kMaxAppBytes = std::size_t{16} << 20U;  // src/audit/read_app.cc's limit

auto unreadable(const std::string &display, const std::string &error) -> Report {
  Report r;
  r.source = display;
  r.input_error = true;
  Diagnostic d = detail::make_diagnostic(catalog::kUnreadableInput, fmt::format("cannot read `{}`: {}", display, error),
                                         "", Span{Position{1, 1}, Position{1, 1}});
  r.diagnostics.push_back(std::move(d));
  return r;
}

// One payload input -> its reports (one per extracted body), as check() sees it.
struct Payload {
  std::vector<Report> reports;
  std::string text;  // for code frames
};

auto read_payload(const Input &in, const Options &options, std::size_t cap, const ReadResult &stdin_text) -> Payload {
  Payload p;
  if (!in.error.empty()) {
    p.reports.push_back(unreadable(in.display, in.error));
    return p;
  }
  const InputKind kind = input_kind(in.display);
  if (kind == InputKind::Ndjson && !in.is_stdin) {
    const std::string error =
        stream_ndjson_file(in.path, in.display, options, cap, [&](const Report &r) { p.reports.push_back(r); });
    if (!error.empty()) p.reports.push_back(unreadable(in.display, error));
    return p;
  }
  ReadResult r = in.is_stdin ? stdin_text : read_file(in.path, cap);
  if (!r.ok) {
    p.reports.push_back(unreadable(in.display, r.error));
    return p;
  }
  p.text = std::move(r.bytes);
  if (kind == InputKind::Json) {
    p.reports.push_back(check(p.text, in.display, options));
  } else if (kind == InputKind::Ndjson) {
    check_ndjson_text(p.text, in.display, options, [&](const Report &report) { p.reports.push_back(report); });
    p.text.clear();
  } else {
    p.reports = check_extracted(kind, p.text, in.display, options);
  }
  return p;
}

}  // namespace

auto run_audit(const AuditArgs &args, Out &out, Out &err) -> int {
  bool ok = true;
  const CheckArgs &c = args.check;
  const std::vector<OutputSpec> specs = parse_outputs(c.formats, c.output_file, err, ok);
  if (!ok) return kFailure;
  const Options options = build_options(c, err, ok);
  if (!ok) return kFailure;
  std::vector<std::string> notes;
  std::vector<Input> inputs = expand_inputs(c.paths, expand_options(c, directory_extensions(), notes));
  ReadResult stdin_text;
  bool stdin_read = false;
  for (Input &in : inputs) {
    if (!in.is_stdin) continue;
    in.display = c.stdin_name;
    if (!stdin_read) stdin_text = read_stdin(c.limits.max_bytes);  // once, with the files' cap
    stdin_read = true;
  }

  RenderOptions render_options;
  render_options.fail_on = *parse_severity(c.fail_on);
  render_options.tool_version = CALLCHECK_VERSION;
  const auto renderer =
      std::make_unique<Outputs>(specs, render_options, OutputOptions{false, false, use_colour(c.color)}, err);
  Summary summary;
  renderer->begin(out);
  ConfigSession config(c, options);
  std::vector<std::string> written;
  for (const OutputSpec &spec : specs) {
    if (!spec.file.empty()) written.push_back(spec.file);
  }
  if (!args.write_minimal.empty()) written.push_back(args.write_minimal);
  (void)config.drop_own_and_excluded(inputs, written, notes);
  for (const std::string &note : notes) err << note << "\n";
  if (!config.prepare(inputs)) {
    const int code = config.fail(*renderer, out, summary);
    (void)renderer->write_files(err);
    return code;
  }

  // The app files: --app, else the configurations' "app".
  std::vector<std::string> app_paths = args.apps;
  std::vector<std::string> app_displays;
  if (app_paths.empty()) {
    app_paths = config.app_files();
    for (const std::string &p : app_paths) app_displays.push_back(display_path(p));
  } else {
    for (const std::string &p : app_paths) app_displays.push_back(display_path(p));
  }
  if (app_paths.empty()) {
    err << "callcheck: audit needs the files that declare the app's permissions: --app FILE (or \"app\": [...] in "
           ".callcheck.json)\n";
    return kFailure;
  }
  if (inputs.empty()) {
    err << "callcheck: no input files found\n";
    return kFailure;
  }

  std::vector<detail::AppFile> apps;
  std::vector<Report> unreadable_apps;
  for (std::size_t i = 0; i < app_paths.size(); ++i) {
    ReadResult r = read_file(app_paths[i], kMaxAppBytes, "");
    if (!r.ok) {
      unreadable_apps.push_back(unreadable(app_displays[i], r.error));
      continue;
    }
    apps.push_back(detail::read_app_file(r.bytes, app_displays[i]));
  }

  std::vector<Report> reports;
  std::vector<std::size_t> text_of;  // report -> index into texts
  std::vector<std::string> texts;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    Payload p = read_payload(inputs[i], config.options(i), c.limits.max_bytes, stdin_text);
    texts.push_back(std::move(p.text));
    for (Report &r : p.reports) {
      reports.push_back(std::move(r));
      text_of.push_back(texts.size() - 1);
    }
  }

  detail::AuditOptions audit_options;
  // The rule policy of the audit's own findings: the configuration of the
  // first payload (the one the run is configured by), then the flags.
  audit_options.options = config.options(0);
  audit_options.strict = args.strict;
  const detail::AuditOutcome outcome = detail::evaluate_audit(apps, reports, audit_options);

  bool worst_hit = false;
  auto emit = [&](const Report &r, std::string_view text) {
    summary.add(r);
    if (const auto worst = r.worst(); worst && *worst <= render_options.fail_on) worst_hit = true;
    renderer->file(out, r, text);
  };
  for (const Report &r : unreadable_apps) emit(r, "");
  for (std::size_t i = 0; i < apps.size(); ++i) emit(outcome.app_reports[i], apps[i].text);
  for (std::size_t i = 0; i < reports.size(); ++i) {
    Report r = reports[i];
    // The body's lint findings belong to `callcheck check`; an audit shows
    // what it could not read, and its own findings.
    if (!r.input_error) r.diagnostics = outcome.payload_findings[i];
    emit(r, texts[text_of[i]]);
  }
  renderer->audit(out, outcome.summary);
  renderer->end(out, summary);
  out.flush();
  if (!renderer->write_files(err)) return kFailure;

  if (summary.input_errors > 0) {
    err << fmt::format("callcheck: {} input{} could not be read or recognised\n", summary.input_errors,
                       summary.input_errors == 1 ? "" : "s");
    return kFailure;
  }
  if (!args.write_minimal.empty()) {
    const std::string error = safe_write_file(args.write_minimal, outcome.minimal);
    if (!error.empty()) {
      err << fmt::format("callcheck: cannot write `{}`: {}\n", printable(display_path(args.write_minimal)), error);
      return kFailure;
    }
    err << fmt::format("callcheck: wrote the minimal requiredResourceAccess to `{}`\n",
                       printable(display_path(args.write_minimal)));
  }
  return worst_hit ? kFindings : kClean;
}

}  // namespace callcheck::cli
