#include "document/rapidjson_adapter.h"

#include <unistd.h>

#include <algorithm>           // std::remove_if
#include <atomic>              // std::atomic
#include <condition_variable>  // std::condition_variable
#include <cstdlib>             // std::getenv
#include <fstream>             // std::ifstream
#include <map>                 // std::map
#include <mutex>               // std::mutex
#include <system_error>        // std::system_error
#include <thread>              // std::thread

#include <fmt/format.h>

#include "callcheck/callcheck.h"
#include "catalog/policy.h"
#include "cli/commands.h"
#include "cli/config_session.h"
#include "cli/exit_code.h"
#include "cli/extract_inputs.h"
#include "cli/input.h"
#include "cli/outputs.h"
#include "cli/safe_write.h"
#include "cli/trust_root.h"
#include "util/suggest.h"
#include "config/config.h"
#include "fix/edits.h"
#include "fix/fix_file.h"
#include "permissions/permissions.h"
#include "permissions/token.h"
#include "catalog/cc001_invalid_json.h"
#include "catalog/cc007_number_out_of_range.h"
#include "catalog/cc010_unreadable_input.h"
#include "catalog/cc502_non_request_block.h"
#include "catalog/diagnostic.h"
#include "request/request.h"

namespace callcheck::cli {
namespace {

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
};

// --diff: what the configuration reports (unused suppressions, ...) is not a diff.
class Silent final : public Renderer {
 public:
  void file(std::ostream &out, const Report &report, std::string_view text) override {
    (void)out, (void)report, (void)text;
  }
};

auto input_error(const Input &in, const std::string &message) -> Outcome {
  Outcome o;
  o.report.source = in.display;
  o.report.input_error = true;
  Diagnostic d = detail::make_diagnostic(catalog::kUnreadableInput,
                                         fmt::format("cannot read `{}`: {}", in.display, message), "",
                                         Span{Position{1, 1}, Position{1, 1}});
  o.report.diagnostics.push_back(std::move(d));
  return o;
}

// --fix/--diff on one input held in memory: `o.text` becomes the fixed text
// (what the findings are then reported on) unless only a diff is wanted.
// Nothing is written when the result would not parse (fix/fix_file.h), and
// stdin is never rewritten.
auto fix_input(const Input &in, InputKind kind, const Options &options, const CheckArgs &args, Outcome &o)
    -> std::string {
  const detail::FixInput as = kind == InputKind::Json       ? detail::FixInput::Json
                              : kind == InputKind::Markdown ? detail::FixInput::Markdown
                                                            : detail::FixInput::Http;
  detail::FixResult r = detail::fix_text(o.text, as, in.display, options, args.unsafe_fixes);
  if (r.fixed == 0) return {};
  if (!r.parses) {
    o.fix_note = fmt::format("{}: {} not applied: the fixed text would not parse", in.display,
                             r.fixed == 1 ? std::string("1 fix") : fmt::format("{} fixes", r.fixed));
    return {};
  }
  if (args.diff) {
    o.diff = detail::unified_diff(o.text, r.text, in.display);
    o.fixed = r.fixed;
    return {};
  }
  if (in.is_stdin) return {};
  if (std::string error = safe_write_file(in.path, r.text); !error.empty()) {
    return "cannot write the fixed file: " + error;
  }
  o.fixed = r.fixed;
  o.text = std::move(r.text);
  return {};
}

// --fix/--diff on the configuration files in use: their CC303 fixes, in
// rounds, written only when the result is still a valid configuration.
auto fix_configs(const std::vector<std::pair<std::string, std::string>> &files, const CheckArgs &args,
                 std::ostream &out, std::ostream &err, std::size_t &fixed) -> bool {
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

auto process(const Input &in, const Options &options, std::size_t cap, const std::string &stdin_text,
             bool stdin_ok, const std::string &stdin_error, const CheckArgs *fixing = nullptr) -> Outcome {
  if (!in.error.empty()) return input_error(in, in.error);
  Outcome o;
  const InputKind kind = input_kind(in.display);
  if (kind == InputKind::Ndjson && !in.is_stdin) {
    o.ndjson = true;
    return o;
  }
  if (in.is_stdin) {
    if (!stdin_ok) return input_error(in, stdin_error);
    o.text = stdin_text;
  } else {
    ReadResult r = read_file(in.path, cap);
    if (!r.ok) return input_error(in, r.error);
    o.text = std::move(r.bytes);
  }
  if (fixing != nullptr && kind != InputKind::Ndjson) {
    if (const std::string error = fix_input(in, kind, options, *fixing, o); !error.empty()) {
      return input_error(in, error);
    }
  }
  if (kind == InputKind::Json) {
    o.report = check(o.text, in.display, options);
  } else if (kind == InputKind::Ndjson) {
    check_ndjson_text(o.text, in.display, options, [&](const Report &r) { o.extracted.push_back(r); });
    o.text.clear();  // positions are line numbers of the stream; no code frames
  } else {
    o.extracted = check_extracted(kind, o.text, in.display, options);
  }
  return o;
}

// A JWT: three base64url segments joined by dots (the first two at least
// 8 characters, the last may be empty: alg "none"), or anything starting
// like a base64 JSON header ("eyJ"). "my.token.jwt" is a file name.
auto looks_like_token(std::string_view s) -> bool {
  if (s.substr(0, 3) == "eyJ") return true;
  std::size_t dots = 0;
  std::size_t segment = 0;
  for (const char c : s) {
    if (c == '.') {
      if (segment < 8 && dots < 2) return false;
      ++dots;
      segment = 0;
      continue;
    }
    const bool b64 = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!b64) return false;
    ++segment;
  }
  return dots == 2;
}

}  // namespace

auto use_colour(const std::string &mode) -> bool {
  if (mode == "always") return true;
  if (mode == "never") return false;
  // FORCE_COLOR (https://force-color.org) is the CI's way to say its log
  // renders ANSI colour though it is not a terminal; it wins over NO_COLOR,
  // as in Node.js. --color always/never win over both.
  const char *force_color = std::getenv("FORCE_COLOR");
  if (force_color != nullptr && *force_color != '\0') return true;
  const char *no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  return ::isatty(STDOUT_FILENO) == 1;
}

auto build_options(const CheckArgs &args, std::ostream &err, bool &ok) -> Options {
  Options options;
  ok = true;
  options.limits = args.limits;
  if (!args.api.empty()) options.api = *parse_api_version(args.api);
  if (!args.request.empty()) {
    if (detail::find_request(args.request) == nullptr) {
      std::string known;
      std::vector<std::string_view> names;
      for (const detail::RequestDef &r : detail::all_requests()) {
        known += (known.empty() ? "" : ", ") + std::string(r.name);
        names.push_back(r.name);
      }
      const std::string near = detail::closest(args.request, names);
      err << fmt::format("callcheck: --request: unknown request `{}`{}; known: {}\n", printable(args.request),
                         near.empty() ? "" : fmt::format(" (did you mean `{}`?)", near), known);
      ok = false;
    }
    options.request = args.request;
  }
  options.select = args.select;
  options.ignore = args.ignore;
  options.preview = args.preview;
  // Rule selectors on the command line are held to the configuration's rules
  // (catalog/policy.h): a typo must never widen or narrow a run silently.
  auto selectors_ok = [&](const std::vector<std::string> &list, std::string_view flag, bool for_ignore) {
    for (const std::string &item : list) {
      if (const auto problem = detail::check_selector(item, for_ignore)) {
        err << fmt::format("callcheck: {}: {}; {}\n", flag, printable(problem->message), problem->help);
        ok = false;
      }
    }
  };
  selectors_ok(args.select, "--select", false);
  selectors_ok(args.ignore, "--ignore", true);
  if (!ok) return options;
  if (!args.scopes.empty()) {
    std::vector<std::string> granted;
    for (const std::string &s : args.scopes) {
      if (!s.empty()) granted.push_back(s);
    }
    options.granted_scopes = granted;
  }
  if (!args.token_file.empty()) {
    // A fixed cap (a JWT is a few KB), not --max-bytes, so no flag is named.
    constexpr std::size_t kMaxTokenBytes = 64 * 1024;
    ReadResult r =
        args.token_file == "-" ? read_stdin(kMaxTokenBytes, "") : read_file(args.token_file, kMaxTokenBytes, "");
    if (!r.ok) {
      // Never the argument itself: `--token "$TOKEN"` is an easy mistake,
      // and this line would put the token into the CI log.
      if (looks_like_token(args.token_file)) {
        err << "callcheck: --token: this looks like a token, not a file; write it to a file or pass - to read "
               "stdin\n";
      } else {
        err << fmt::format("callcheck: cannot read the --token file: {}\n", r.error);
      }
      ok = false;
      return options;
    }
    const detail::TokenRoles roles = detail::decode_token_roles(r.bytes);
    if (!roles.ok) {
      err << fmt::format("callcheck: the token in `{}` is not usable: {}\n", display_path(args.token_file),
                         roles.error);
      ok = false;
      return options;
    }
    std::vector<std::string> granted = options.granted_scopes.value_or(std::vector<std::string>{});
    granted.insert(granted.end(), roles.roles.begin(), roles.roles.end());
    options.granted_scopes = granted;
    options.token_tenant = roles.tenant;
  }
  if (!args.join_url.empty()) {
    // A link that cannot be read leaves nothing to compare with: refuse it
    // here rather than report CC240 once per file.
    const JoinUrlResult link = parse_join_url(args.join_url);
    if (!link) {
      err << fmt::format("callcheck: --join-url: {}; {}\n", to_string(link.error()), join_url_help(link.error()));
      ok = false;
      return options;
    }
    options.join_url = args.join_url;
  }
  return options;
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

auto run_check(const CheckArgs &args, std::ostream &out, std::ostream &err) -> int {
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
  std::vector<Input> inputs = expand_inputs(args.paths, ExpandOptions{directory_extensions(), args.follow_symlinks});

  // stdin is read once, up front, with the same cap as files.
  std::string stdin_text;
  bool stdin_ok = true;
  std::string stdin_error;
  for (const Input &in : inputs) {
    if (!in.is_stdin) continue;
    ReadResult r = read_stdin(args.limits.max_bytes);
    stdin_ok = r.ok;
    stdin_error = r.error;
    stdin_text = std::move(r.bytes);
    break;
  }
  std::vector<Input> named = std::move(inputs);  // one list of paths, not two
  for (Input &in : named) {
    if (in.is_stdin) in.display = args.stdin_name;
  }

  RenderOptions render_options;
  render_options.show_scopes = args.show_scopes;
  render_options.fail_on = *parse_severity(args.fail_on);
  render_options.tool_version = CALLCHECK_VERSION;
  const auto outputs = std::make_unique<Outputs>(
      specs, render_options, OutputOptions{args.quiet, args.statistics, use_colour(args.color)}, err);
  Silent silent;  // --diff prints only the diff
  Renderer *const renderer = args.diff ? static_cast<Renderer *>(&silent) : outputs.get();
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
  bool prepared = session->prepare(named);
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

  // A pool of workers; results are rendered strictly in input order, and
  // workers never run more than a window ahead, so memory stays bounded.
  const std::size_t n = named.size();
  constexpr std::size_t kWindow = 256;
  // A ring of kWindow slots: slot i % kWindow is free again once input
  // i - kWindow has been rendered, so memory does not grow with the input count.
  std::vector<std::optional<Outcome>> results(std::min(n, kWindow));
  std::mutex mutex;
  std::condition_variable ready;
  std::condition_variable room;
  std::size_t next_render = 0;
  std::atomic<std::size_t> next_job{0};
  auto worker = [&] {
    while (true) {
      const std::size_t i = next_job.fetch_add(1);
      if (i >= n) return;
      {
        std::unique_lock<std::mutex> lock(mutex);
        room.wait(lock, [&] { return i < next_render + kWindow; });
      }
      Outcome o = process(named[i], config.options(i), args.limits.max_bytes, stdin_text, stdin_ok, stdin_error,
                          fixing);
      {
        const std::lock_guard<std::mutex> lock(mutex);
        results[i % kWindow] = std::move(o);
      }
      ready.notify_one();
    }
  };
  const unsigned jobs = static_cast<unsigned>(std::min<std::size_t>(args.jobs, std::max<std::size_t>(1, n)));
  std::vector<std::thread> threads;
  if (jobs > 1) {
    try {
      for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);
    } catch (const std::system_error &) {
      // No threads on this platform (the WebAssembly build): the workers that
      // started carry on; with none, this thread does every job itself.
    }
  }
  const bool parallel = !threads.empty();
  for (std::size_t i = 0; i < n; ++i) {
    Outcome o;
    if (parallel) {
      std::unique_lock<std::mutex> lock(mutex);
      ready.wait(lock, [&] { return results[i % kWindow].has_value(); });
      o = std::move(*results[i % kWindow]);
      results[i % kWindow].reset();
      next_render = i + 1;
      room.notify_all();
    } else {
      o = process(named[i], config.options(i), args.limits.max_bytes, stdin_text, stdin_ok, stdin_error, fixing);
    }
    summary.fixed += o.fixed;
    if (!o.fix_note.empty()) err << "callcheck: " << printable(o.fix_note) << "\n";
    if (args.diff) {
      // --diff is the diff and nothing else; unreadable inputs still fail.
      out << o.diff;
      if (o.fixed > 0) ++diff_files;
      if (o.report.input_error) ++summary.input_errors;
      continue;
    }
    auto emit = [&](Report report, std::string_view text) {
      config.post_process(i, report);
      summary.add(report);
      if (const auto worst = report.worst(); worst && *worst <= render_options.fail_on) worst_hit = true;
      if (args.fix_only && !report.input_error) report.diagnostics.clear();
      renderer->file(out, report, text);
    };
    if (o.ndjson) {
      const std::string error = stream_ndjson_file(named[i].path, named[i].display, config.options(i), args.limits.max_bytes,
                                                   [&](const Report &r) { emit(r, ""); });
      if (!error.empty()) emit(input_error(named[i], error).report, "");
    } else if (!o.extracted.empty()) {
      for (const Report &r : o.extracted) emit(r, o.text);
    } else {
      emit(o.report, o.text);
    }
  }
  for (std::thread &t : threads) t.join();
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
  if (n == 0) {
    err << "callcheck: no input files found\n";
    return kFailure;
  }
  if (config.writing_baseline()) return config.write_baseline(err);
  if (args.fix_only) return kClean;
  return worst_hit && !args.exit_zero ? kFindings : kClean;
}

// Input validity decides whether the scenario can be trusted at all: a body
// that is not valid JSON, or is ambiguous to parsers (duplicate keys,
// invalid UTF-8, NUL, out-of-range numbers), has no scenario a script should
// grant permissions from. Those findings are reported as errors, exit 1.
auto invalid_input_findings(const Report &r) -> std::vector<Diagnostic> {
  std::vector<Diagnostic> out;
  for (const Diagnostic &d : r.diagnostics) {
    if (d.severity == Severity::Error && d.code >= catalog::kInvalidJson.code && d.code <= catalog::kNumberOutOfRange.code) out.push_back(d);
  }
  return out;
}

auto run_scopes(const CheckArgs &args, std::ostream &out, std::ostream &err) -> int {
  bool ok = true;
  const Options options = build_options(args, err, ok);
  if (!ok) return kFailure;
  const std::vector<Input> inputs = expand_inputs(args.paths, ExpandOptions{{".json"}, args.follow_symlinks});
  const bool json = args.format == "json";
  std::size_t failures = 0;
  std::size_t invalid = 0;
  // JSON: the `check --format json` document (schemas/callcheck/report.schema.json)
  // whose diagnostics are only the input-validity errors.
  RenderOptions render_options;
  render_options.tool_version = CALLCHECK_VERSION;
  const auto renderer = make_renderer(Format::Json, render_options);
  Summary summary;
  if (json) renderer->begin(out);
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
    if (json) {
      summary.add(r);
      renderer->file(out, r, "");
      return;
    }
    const std::string source = printable(r.source);
    const std::string origin = r.origin.empty() ? "" : " (" + printable(r.origin) + ")";
    if (r.input_error) {
      out << fmt::format("{}: {}\n", source, printable(r.diagnostics.front().message));
      return;
    }
    if (!r.diagnostics.empty()) {
      for (const Diagnostic &d : r.diagnostics) {
        out << fmt::format("{}:{}:{}: error {} {}: {}\n", source, d.span.begin.line, d.span.begin.column, d.code,
                           d.name, printable(d.message));
      }
      out << fmt::format("{}{}\n  scenario: not determined: the input is not valid\n", source, origin);
      return;
    }
    out << fmt::format("{}{}\n", source, origin);
    if (!r.request.name.empty()) {
      out << fmt::format("  request:  {} (decided by {})\n", printable(r.request.name), r.request.decided_by);
    }
    if (!r.request.permissions.empty()) out << fmt::format("  permissions: {}\n", printable(r.request.permissions));
    if (r.request.name == "create" || r.request.name.empty()) {
      out << fmt::format("  scenario: {}, {} media\n", to_string(r.scenario.kind), to_string(r.scenario.media));
    }
    if (!r.scenario.summary.empty()) out << fmt::format("  summary:  {}\n", r.scenario.summary);
    if (!r.scenario.evidence.empty()) out << fmt::format("  evidence: {}\n", r.scenario.evidence);
    if (r.required_scopes.empty()) {
      out << (r.request.permissions.empty() ? "  required: (none determined)\n" : "  required: none of its own\n");
    }
    for (const Scope &s : r.required_scopes) out << fmt::format("  required: {} - {}\n", s.name, s.reason);
    for (const ScopeAlternative &alt : r.alternatives) {
      std::string names;
      for (const Scope &s : alt.scopes) names += (names.empty() ? "" : " + ") + s.name;
      out << fmt::format("  or:       {}{}\n", names, alt.note.empty() ? "" : " - " + alt.note);
    }
  };
  for (const Input &in : inputs) {
    Outcome o = process(in, options, args.limits.max_bytes, "", false, "stdin is not supported by `scopes`");
    if (o.ndjson) {
      const std::string error = stream_ndjson_file(in.path, in.display, options, args.limits.max_bytes, show);
      if (!error.empty()) show(input_error(in, error).report);
    } else if (!o.extracted.empty()) {
      for (const Report &r : o.extracted) show(r);
      if (!json && o.extracted.size() > 1) {
        // A whole .http/.md file: what the app needs for all its requests, and each request's share.
        std::map<std::string, std::vector<std::string>> share;
        for (const Report &r : o.extracted) {
          for (const Scope &s : r.required_scopes) {
            share[s.name].push_back(r.request.name.empty() ? std::string("?") : r.request.name);
          }
        }
        out << fmt::format("{}: all {} requests\n", printable(in.display), o.extracted.size());
        if (share.empty()) out << "  union:    (none determined)\n";
        for (const auto &[name, requests] : share) {
          std::string who;
          for (const std::string &q : requests) who += (who.empty() ? "" : ", ") + printable(q);
          out << fmt::format("  union:    {} - needed by {}\n", name, who);
        }
      }
    } else {
      show(o.report);
    }
  }
  if (json) renderer->end(out, summary);
  if (inputs.empty()) {
    err << "callcheck: no input files found\n";
    return kFailure;
  }
  if (failures > 0) return kFailure;
  return invalid > 0 ? kFindings : kClean;
}

}  // namespace callcheck::cli
