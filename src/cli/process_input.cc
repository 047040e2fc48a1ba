#include "cli/process_input.h"

#include <fmt/format.h>

#include "catalog/cc010_unreadable_input.h"
#include "catalog/diagnostic.h"
#include "cli/extract_inputs.h"
#include "cli/safe_write.h"
#include "fix/edits.h"
#include "fix/fix_file.h"

namespace callcheck::cli {
namespace {

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

}  // namespace

auto input_error(const Input &in, const std::string &message) -> Outcome {
  Outcome o;
  o.report.source = in.display;
  o.report.input_error = true;
  Diagnostic d =
      detail::make_diagnostic(catalog::kUnreadableInput, fmt::format("cannot read `{}`: {}", in.display, message), "",
                              Span{Position{1, 1}, Position{1, 1}});
  o.report.diagnostics.push_back(std::move(d));
  return o;
}

void keep_counts_only(Report &report) {
  for (Diagnostic &d : report.diagnostics) {
    d.message = std::string();
    d.pointer = std::string();
    d.help = std::string();
    d.fix.reset();
    d.message_id = std::string();
  }
  report.origin = std::string();
  report.scenario = Scenario();
  report.request = RequestInfo();
  report.required_scopes = std::vector<Scope>();
  report.alternatives = std::vector<ScopeAlternative>();
}

auto process(const Input &in, const Options &options, std::size_t cap, const std::string &stdin_text, bool stdin_ok,
             const std::string &stdin_error, const CheckArgs *fixing) -> Outcome {
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

}  // namespace callcheck::cli
