#include <algorithm>    // std::remove_if, std::min, std::max
#include <cstdint>      // std::uint32_t
#include <optional>     // std::optional
#include <string_view>  // std::string_view

#include <fmt/format.h>

#include "callcheck/callcheck.h"
#include "catalog/policy.h"
#include "cli/commands.h"
#include "cli/config_session.h"
#include "cli/exit_code.h"
#include "cli/extract_inputs.h"
#include "cli/input.h"
#include "cli/outputs.h"
#include "cli/process_input.h"
#include "cli/safe_write.h"
#include "cli/trust_root.h"
#include "cli/worker_pool.h"
#include "config/config.h"
#include "fix/edits.h"
#include "fix/fix_file.h"
#include "catalog/diagnostic.h"
#include "permissions/permissions.h"

namespace callcheck::cli {
namespace {

struct NdjsonLine {
  std::string text;
  std::uint32_t number = 0;
};
// An input as the pool's workers take it, and as they hand it back.
struct Taken {
  Input input;
  ConfigSession::Resolved config;
  std::vector<std::string> notes;  // for stderr, before its reports
};
struct Checked {
  Taken taken;
  Outcome outcome;
};
struct CheckedLine {
  std::optional<Report> report;  // nullopt for a blank line
  std::string rendered;          // with Outputs::renders_apart()
};

// Inputs taken from the walk before the workers start: a few hundred KiB of paths.
constexpr std::size_t kChunk = 1024;

// The next (at most) `limit` inputs into `chunk`; false when the stream is
// exhausted (nothing more after them).
auto take(InputStream &stream, std::vector<Input> &chunk, std::size_t limit, const std::string &stdin_name) -> bool {
  chunk.clear();
  Input in;
  while (chunk.size() < limit) {
    if (!stream.next(in)) return false;
    if (in.is_stdin) in.display = stdin_name;
    chunk.push_back(std::move(in));
  }
  return true;
}

// --diff: what the configuration reports (unused suppressions, ...) is not a diff.
class Silent final : public OutputSink {
 public:
  void file(Out &out, const Report &report, std::string_view text) override { (void)out, (void)report, (void)text; }
};

// --fix/--diff on the configuration files in use: their CC303 fixes, in
// rounds, written only when the result is still a valid configuration.
auto fix_configs(const std::vector<std::pair<std::string, std::string>> &files, const CheckArgs &args, Out &out,
                 Out &err, std::size_t &fixed) -> bool {
  constexpr std::size_t kMaxConfigBytes = 1U << 20U;
  for (const auto &[path, display] : files) {
    ReadResult r = read_file(path, kMaxConfigBytes, "");
    if (!r.ok) continue;  // the session reported it already
    std::string text = r.bytes;
    std::size_t n = 0;
    for (int round = 0; round < 10; ++round) {
      const detail::ConfigLoad load = detail::parse_config(text);
      std::vector<detail::FixRef> refs;
      for (const Diagnostic &d : load.scope_notices) {
        if (d.fix) refs.push_back(detail::FixRef{&*d.fix, d.code});
      }
      std::vector<std::string> applied;
      std::string next = refs.empty() ? text : detail::apply_fixes(text, refs, applied);
      if (applied.empty() || next == text) break;
      n += applied.size();
      text = std::move(next);
    }
    if (n == 0) continue;
    if (!detail::parse_config(text).errors.empty()) {
      err << fmt::format("callcheck: {}: fixes not applied: the fixed configuration would not be valid\n",
                         printable(display));
      continue;
    }
    if (args.diff) {
      out << detail::unified_diff(r.bytes, text, display);
    } else if (const std::string error = safe_write_file(path, text); !error.empty()) {
      err << fmt::format("callcheck: cannot write the fixed `{}`: {}\n", printable(display), error);
      return false;
    }
    fixed += n;
  }
  return true;
}

// CC303/CC304 concern the granted names, not a payload: reported once, at the
// flag that gave them, and the canonical list is what every check() receives
// (so no file repeats them at 1:1).
auto lint_flag_scopes(const CheckArgs &args, Options &options) -> std::vector<Report> {
  std::vector<Report> reports(2);
  reports[0].source = "--scopes";
  reports[1].source = "--token";
  if (!options.granted_scopes) return {};
  const detail::GrantedLint lint = detail::lint_granted(*options.granted_scopes);
  // Names from --scopes come first (build_options), then the token's roles.
  const std::size_t from_flag = args.scopes.size();
  for (std::size_t i = 0; i < lint.findings.size(); ++i) {
    const detail::Finding &f = lint.findings[i];
    const bool is_flag = lint.index[i] < from_flag;
    const std::size_t at = is_flag ? lint.index[i] : lint.index[i] - from_flag;
    auto d = detail::make_diagnostic(detail::Policy(options), *f.rule, f.message, "/" + std::to_string(at),
                                     Span{Position{1, 1}, Position{1, 1}}, f.help);
    if (d) reports[is_flag ? 0 : 1].diagnostics.push_back(std::move(*d));
  }
  options.granted_scopes = lint.canonical;
  reports.erase(std::remove_if(reports.begin(), reports.end(), [](const Report &r) { return r.diagnostics.empty(); }),
                reports.end());
  return reports;
}

}  // namespace

auto run_check(const CheckArgs &args, Out &out, Out &err) -> int {
  bool ok = true;
  const std::vector<OutputSpec> specs = parse_outputs(args.formats, args.output_file, err, ok);
  if (!ok) return kFailure;
  if (args.quiet && args.fail_on != "error") {
    err << fmt::format("callcheck: --quiet reports errors only, so --fail-on {} could fail on findings it hides\n",
                       args.fail_on);
    return kFailure;
  }
  Options options = build_options(args, err, ok);
  if (!ok) return kFailure;
  const std::vector<Report> flag_reports = lint_flag_scopes(args, options);
  std::vector<std::string> notes;
  std::size_t excluded_named = 0;
  ExpandOptions expand = expand_options(args, directory_extensions(), notes);
  expand.excluded_named = &excluded_named;

  // stdin is read once, up front, with the same cap as files.
  std::string stdin_text;
  bool stdin_ok = true;
  std::string stdin_error;
  if (std::find(args.paths.begin(), args.paths.end(), "-") != args.paths.end()) {
    ReadResult r = read_stdin(args.limits.max_bytes);
    stdin_ok = r.ok;
    stdin_error = r.error;
    stdin_text = std::move(r.bytes);
  }

  RenderOptions render_options;
  render_options.show_scopes = args.show_scopes;
  render_options.fail_on = *parse_severity(args.fail_on);
  render_options.tool_version = CALLCHECK_VERSION;
  const auto outputs = std::make_unique<Outputs>(
      specs, render_options, OutputOptions{args.quiet, args.statistics, use_colour(args.color)}, err);
  Silent silent;  // --diff prints only the diff
  OutputSink *const renderer = args.diff ? static_cast<OutputSink *>(&silent) : outputs.get();
  Summary summary;
  summary.fixing = args.fix || args.fix_only;
  const CheckArgs *fixing = args.fixing() ? &args : nullptr;
  std::size_t diff_files = 0;
  renderer->begin(out);
  bool worst_hit = false;
  for (const Report &flag_report : flag_reports) {
    summary.add_findings(flag_report);  // findings, not a checked file
    if (const auto worst = flag_report.worst(); worst && *worst <= render_options.fail_on) worst_hit = true;
    renderer->file(out, flag_report, "");
  }
  auto session = std::make_unique<ConfigSession>(args, options);
  std::vector<std::string> written;
  for (const OutputSpec &spec : specs) {
    if (!spec.file.empty()) written.push_back(spec.file);
  }
  // The first kChunk inputs are taken from the walk (cli/input.h
  // InputStream) before anything is checked, so that an invalid --config or
  // --baseline stops the run first; the rest one at a time by the workers,
  // so memory does not grow with their number. --fix, --diff and
  // --show-config take them all at once: their stderr lines keep the order
  // they have always had.
  const std::size_t chunk = fixing != nullptr || args.show_config ? ~std::size_t{0} : kChunk;
  auto stream = std::make_unique<InputStream>(args.paths, expand);
  std::vector<Input> named;
  bool more = take(*stream, named, chunk, args.stdin_name);
  std::vector<std::string> drop_notes;  // after the walk's notes, as when every input was listed first
  std::size_t skipped = session->drop_own_and_excluded(named, written, drop_notes);
  bool prepared = session->prepare(named);
  if (prepared && more && !args.no_config && args.config_file.empty()) {
    // Discovered configurations: every one the inputs use is read first, so
    // that an invalid one (CC401) still stops the run before any payload is
    // checked; then the walk starts again, quietly (its notes were taken),
    // and what is callcheck's own is known for every input from the start.
    // One input per folder is enough: the configuration, baseline and team
    // policies of a folder are those of each input in it; the next one
    // stands in for an input the folder's configuration excludes.
    std::vector<Input> rest;
    std::vector<Input> one(1);
    std::vector<std::string> unused;
    const InputPlace *place = nullptr;
    std::string folder;
    while (prepared && more) {
      more = take(*stream, rest, chunk, args.stdin_name);
      for (std::size_t k = 0; prepared && k < rest.size(); ++k) {
        const std::string_view path = rest[k].path;
        const std::string_view dir = path.substr(0, path.rfind('/') + 1);
        if (rest[k].place.get() == place && dir == folder) continue;
        one.assign(1, rest[k]);
        if (session->drop_own_and_excluded(one, written, unused) == 0) {
          prepared = session->prepare(one);
          place = rest[k].place.get();
          folder = dir;
        }
      }
    }
    if (prepared) {
      expand.notes = nullptr;
      expand.excluded_named = nullptr;
      stream = std::make_unique<InputStream>(args.paths, expand);
      more = take(*stream, named, chunk, args.stdin_name);
      drop_notes.clear();
      skipped = session->drop_own_and_excluded(named, written, drop_notes);
      prepared = session->prepare(named);
    }
  }
  auto give_notes = [&] {
    for (const std::string &note : notes) err << note << "\n";
    for (const std::string &note : drop_notes) err << note << "\n";
    notes.clear();
    drop_notes.clear();
  };
  give_notes();
  if (prepared && fixing != nullptr) {
    // Scope aliases (CC303) are fixed in the configuration files themselves,
    // which are then read again, so what is reported is what remains.
    std::size_t config_fixed = 0;
    if (!fix_configs(session->config_files(), args, out, err, config_fixed)) return kFailure;
    summary.fixed += config_fixed;
    if (args.diff && config_fixed > 0) ++diff_files;
    if (config_fixed > 0 && !args.diff) {
      session = std::make_unique<ConfigSession>(args, options);
      prepared = session->prepare(named);
    }
  }
  ConfigSession &config = *session;
  if (args.show_config) config.show(named, err);
  if (!prepared) {
    const int code = config.fail(*renderer, out, summary);
    if (!args.diff) (void)outputs->write_files(err);  // the configuration errors, in every report asked for
    return code;
  }

  // Checked by one pool of workers (cli/worker_pool.h) for the whole run,
  // rendered strictly in input order. The workers take the inputs prepared
  // above, then go on with the walk themselves, one input at a time (under
  // the pool's lock): walking and resolving the configuration of the next
  // input overlaps with checking the others, and nothing waits for a chunk.
  std::size_t n = 0;
  std::size_t given = 0;  // of `named`
  bool stopped = false;   // a configuration met in the walk is invalid (not expected: see above)
  std::vector<Input> one;
  auto next = [&](Taken &t) {
    if (given < named.size()) {
      t.input = std::move(named[given]);
      t.config = config.resolved(given++);
    } else {
      if (given > 0) named = std::vector<Input>();  // taken: not held for the rest of the run
      given = 0;
      do {
        if (!more) return false;
        more = take(*stream, one, 1, args.stdin_name);
        skipped += config.drop_own_and_excluded(one, written, drop_notes);
      } while (one.empty());
      t.input = std::move(one.front());
      if (!config.resolve(t.input, t.config)) {
        stopped = true;
        more = false;
        return false;
      }
      // Given before this input's reports, as they were given before its chunk's.
      t.notes = std::move(notes);
      t.notes.insert(t.notes.end(), drop_notes.begin(), drop_notes.end());
      notes.clear();
      drop_notes.clear();
    }
    ++n;
    return true;
  };
  // Rendered by the workers too where nothing that runs in order changes the
  // reports first: the rendering thread then only writes.
  const bool apart = !args.diff && !args.fix_only && outputs->renders_apart();
  auto job = [&](Taken &&t) {
    Checked checked{std::move(t), {}};
    Outcome &o = checked.outcome;
    o = process(checked.taken.input, *checked.taken.config.options, args.limits.max_bytes, stdin_text, stdin_ok,
                stdin_error, fixing);
    if (apart && !o.ndjson && checked.taken.config.passes_through) {
      if (o.extracted.empty()) {
        o.rendered.push_back(outputs->render_apart(o.report, o.text));
      } else {
        for (const Report &r : o.extracted) o.rendered.push_back(outputs->render_apart(r, o.text));
      }
      o.rendered_apart = true;
      o.text = std::string();      // no longer needed: the frames are rendered
      keep_counts_only(o.report);  // freed here, not on the consuming thread
      for (Report &r : o.extracted) keep_counts_only(r);
    }
    return checked;
  };
  auto render_one = [&](Checked &&checked) {
    for (const std::string &note : checked.taken.notes) err << note << "\n";
    const Input &input = checked.taken.input;
    const ConfigSession::Resolved &resolved = checked.taken.config;
    Outcome &o = checked.outcome;
    summary.fixed += o.fixed;
    if (!o.fix_note.empty()) err << "callcheck: " << printable(o.fix_note) << "\n";
    if (args.diff) {
      // --diff is the diff and nothing else; unreadable inputs still fail.
      out << o.diff;
      if (o.fixed > 0) ++diff_files;
      if (o.report.input_error) ++summary.input_errors;
      return;
    }
    // Rendered already: counted in order, then written.
    auto tally = [&](const Report &report) {
      summary.add(report);
      if (const auto worst = report.worst(); worst && *worst <= render_options.fail_on) worst_hit = true;
    };
    if (o.rendered_apart) {
      if (o.extracted.empty()) {
        tally(o.report);
        outputs->file_rendered(out, o.report, o.rendered.front());
      } else {
        for (std::size_t k = 0; k < o.extracted.size(); ++k) {
          tally(o.extracted[k]);
          outputs->file_rendered(out, o.extracted[k], o.rendered[k]);
        }
      }
      return;
    }
    auto emit = [&](Report report, std::string_view text) {
      config.post_process(resolved, report);
      summary.add(report);
      if (const auto worst = report.worst(); worst && *worst <= render_options.fail_on) worst_hit = true;
      if (args.fix_only && !report.input_error) report.diagnostics.clear();
      renderer->file(out, report, text);
    };
    if (o.ndjson) {
      // Lines are read in order, checked by a pool of their own (the file
      // may hold millions) and reported in order, one window in memory.
      NdjsonLines lines(args.limits.max_bytes);
      std::string error = lines.open(input.path);
      if (error.empty()) {
        const bool line_apart = apart && resolved.passes_through;
        run_stream<NdjsonLine, CheckedLine>(
            args.jobs, [&](NdjsonLine &l) { return lines.next(l.text, l.number); },
            [&](NdjsonLine &&l) {
              CheckedLine c{check_ndjson_line(l.text, l.number, input.display, *resolved.options), {}};
              if (c.report && line_apart) {
                c.rendered = outputs->render_apart(*c.report, "");
                keep_counts_only(*c.report);
              }
              return c;
            },
            [&](CheckedLine &&c) {
              if (!c.report) return;
              if (line_apart) {
                tally(*c.report);
                outputs->file_rendered(out, *c.report, c.rendered);
              } else {
                emit(std::move(*c.report), "");
              }
            });
        error = lines.error();
      }
      if (!error.empty()) emit(input_error(input, error).report, "");
    } else if (!o.extracted.empty()) {
      for (Report &r : o.extracted) emit(std::move(r), o.text);
    } else {
      emit(std::move(o.report), o.text);
    }
  };
  // No more threads than inputs when the walk ended within the first chunk:
  // one named file is checked on this thread, without starting a worker.
  const unsigned jobs = more ? args.jobs : static_cast<unsigned>(std::min<std::size_t>(args.jobs, named.size()));
  run_stream<Taken, Checked>(std::max(jobs, 1U), next, job, render_one);
  give_notes();
  if (stopped) {
    const int code = config.fail(*renderer, out, summary);
    if (!args.diff) (void)outputs->write_files(err);
    return code;
  }
  if (config.finish(*renderer, out, summary, render_options.fail_on)) worst_hit = true;
  renderer->end(out, summary);
  out.flush();
  if (args.diff && summary.input_errors == 0 && n > 0) {
    err << fmt::format("callcheck: would apply {} fix{} in {} file{}\n", summary.fixed, summary.fixed == 1 ? "" : "es",
                       diff_files, diff_files == 1 ? "" : "s");
    return summary.fixed > 0 && !args.exit_zero ? kFindings : kClean;
  }
  if (!args.diff && !outputs->write_files(err)) return kFailure;
  if (summary.input_errors > 0) {
    err << fmt::format("callcheck: {} of {} input{} could not be read\n", summary.input_errors, n, n == 1 ? "" : "s");
    return kFailure;
  }
  skipped += excluded_named;
  if (n == 0) {
    // Every named file was set aside on purpose (excluded, or callcheck's own): pre-commit names each
    // staged file, and a commit that only touches excluded files must not fail the hook. A run that
    // found no input at all has no verdict.
    if (skipped > 0) {
      err << fmt::format("callcheck: nothing to check: {} named file{} skipped (callcheck's own files or excluded)\n",
                         skipped, skipped == 1 ? "" : "s");
      return kClean;
    }
    err << "callcheck: no input files found\n";
    return kFailure;
  }
  if (config.writing_baseline()) return config.write_baseline(err);
  if (args.fix_only) return kClean;
  return worst_hit && !args.exit_zero ? kFindings : kClean;
}

}  // namespace callcheck::cli
