#include "cli/outputs.h"

#include <fmt/format.h>

#include <algorithm>  // std::sort
#include <sstream>    // std::ostringstream

#include "callcheck/rules.h"
#include "cli/safe_write.h"
#include "cli/trust_root.h"
#include "util/suggest.h"

namespace callcheck::cli {
namespace {

auto format_name_list() -> std::vector<std::string_view> {
  std::vector<std::string_view> names;
  for (const FormatInfo &f : kFormats) names.push_back(f.name);
  return names;
}

}  // namespace

auto parse_outputs(const std::vector<std::string> &formats, const std::string &output_file, Out &err, bool &ok)
    -> std::vector<OutputSpec> {
  ok = true;
  std::vector<OutputSpec> specs;
  const std::vector<std::string> given = formats.empty() ? std::vector<std::string>{"text"} : formats;
  for (const std::string &value : given) {
    // The first ':' ends the name: FILE may hold more of them.
    const std::size_t colon = value.find(':');
    const std::string name = value.substr(0, colon);
    OutputSpec spec;
    const auto format = parse_format(name);
    if (!format) {
      const std::vector<std::string_view> names = format_name_list();
      const std::string near = detail::closest(name, names);
      err << fmt::format("callcheck: --format: unknown format `{}`{}; the formats are {}\n", printable(name),
                         near.empty() ? "" : fmt::format(" (did you mean `{}`?)", near), detail::join_list(names));
      ok = false;
      continue;
    }
    spec.format = *format;
    if (colon != std::string::npos) {
      spec.file = value.substr(colon + 1);
      if (spec.file.empty()) {
        err << fmt::format("callcheck: --format {}: no file after `:`; leave out the `:` for standard output\n", name);
        ok = false;
        continue;
      }
    }
    specs.push_back(std::move(spec));
  }
  if (!ok) return specs;
  std::size_t on_stdout = 0;
  for (const OutputSpec &s : specs) on_stdout += s.file.empty() ? 1 : 0;
  if (on_stdout > 1) {
    err << "callcheck: --format: more than one format writes to standard output; give the others a file "
           "(--format NAME:FILE)\n";
    ok = false;
    return specs;
  }
  if (!output_file.empty()) {
    if (on_stdout == 0 && !formats.empty()) {
      err << "callcheck: --output-file: every --format names its own file; there is no output left for it\n";
      ok = false;
      return specs;
    }
    if (on_stdout == 0) specs.push_back(OutputSpec{});
    for (OutputSpec &s : specs) {
      if (s.file.empty()) s.file = output_file;
    }
  }
  for (std::size_t i = 0; i < specs.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (!specs[i].file.empty() && specs[i].file == specs[j].file) {
        err << fmt::format("callcheck: --format: two outputs write to `{}`\n", printable(specs[i].file));
        ok = false;
        return specs;
      }
    }
  }
  return specs;
}

Outputs::Outputs(const std::vector<OutputSpec> &specs, const RenderOptions &base, OutputOptions options, Out &err)
    : options_(options), err_(err) {
  for (const OutputSpec &spec : specs) {
    auto sink = std::make_unique<Sink>();
    sink->spec = spec;
    RenderOptions render = base;
    render.quiet = options.quiet;
    // Colour is for a terminal, never in a file; the renderers that have
    // none (every one but text) ignore it.
    render.color = options.colour && spec.file.empty();
    sink->options = render;
    sink->renderer = make_renderer(spec.format, render);
    if (spec.format == Format::Text) sink->text.emplace(render);
    sinks_.push_back(std::move(sink));
  }
}

Outputs::~Outputs() = default;

auto Outputs::target(Sink &sink, Out &out) -> Out & { return sink.spec.file.empty() ? out : sink.file; }

template <typename Write>
void Outputs::through_stream(Sink &sink, Out &out, const Write &write) {
  if (sink.stream == nullptr) sink.stream = std::make_unique<std::ostringstream>();
  write(*sink.stream);
  drain(*sink.stream, target(sink, out));
}

void Outputs::begin(Out &out) {
  for (auto &s : sinks_) {
    if (s->text) continue;  // text has no preamble
    through_stream(*s, out, [&](std::ostream &to) { s->renderer->begin(to); });
  }
}

namespace {

// --quiet: errors only.
auto errors_only(const Report &report) -> Report {
  Report shown = report;
  shown.diagnostics.clear();
  for (const Diagnostic &d : report.diagnostics) {
    if (d.severity == Severity::Error) shown.diagnostics.push_back(d);
  }
  return shown;
}

}  // namespace

void Outputs::tally(const Report &report) {
  bool any_shown = false;
  for (const Diagnostic &d : report.diagnostics) {
    if (options_.quiet && d.severity != Severity::Error) {
      ++(d.severity == Severity::Warning ? dropped_warnings_ : dropped_infos_);
      continue;
    }
    any_shown = true;
    auto &entry = counts_[d.code];
    entry.first = d.name;
    ++entry.second;
  }
  if (options_.quiet && !report.diagnostics.empty() && !any_shown && report.omitted == 0) ++dropped_files_;
}

void Outputs::file(Out &out, const Report &report, std::string_view text) {
  tally(report);
  Report errors;
  if (options_.quiet) errors = errors_only(report);
  const Report &shown = options_.quiet ? errors : report;
  for (auto &s : sinks_) {
    if (s->text) {
      scratch_.clear();
      s->text->append(scratch_, shown, text);
      target(*s, out) << scratch_;
      continue;
    }
    through_stream(*s, out, [&](std::ostream &to) { s->renderer->file(to, shown, text); });
  }
}

auto Outputs::renders_apart() const -> bool {
  if (sinks_.size() != 1) return false;
  const Format format = sinks_.front()->spec.format;
  return format == Format::Json || detail::renders_files_apart(format);
}

auto Outputs::render_apart(const Report &report, std::string_view text) const -> std::string {
  const Sink &sink = *sinks_.front();
  const Report *shown = &report;
  Report errors;
  if (options_.quiet) {
    errors = errors_only(report);
    shown = &errors;
  }
  if (sink.spec.format == Format::Json) return detail::json_file_chunk(*shown);
  if (sink.spec.format == Format::Text) return detail::text_file_chunk(*shown, text, sink.options);
  const std::unique_ptr<Renderer> renderer = make_renderer(sink.spec.format, sink.options);
  std::ostringstream chunk;
  renderer->file(chunk, *shown, text);
  return chunk.str();
}

void Outputs::file_rendered(Out &out, const Report &report, std::string_view chunk) {
  tally(report);
  Sink &sink = *sinks_.front();
  if (sink.spec.format == Format::Json) {
    through_stream(sink, out, [&](std::ostream &to) { detail::json_place_chunk(*sink.renderer, to, chunk); });
    return;
  }
  target(sink, out) << chunk;
}

void Outputs::audit(Out &out, const AuditSummary &audit) {
  for (auto &s : sinks_) {
    through_stream(*s, out, [&](std::ostream &to) { s->renderer->audit(to, audit); });
  }
}

void Outputs::end(Out &out, const Summary &summary) {
  Summary shown = summary;
  shown.warnings -= std::min(shown.warnings, dropped_warnings_);
  shown.infos -= std::min(shown.infos, dropped_infos_);
  shown.files_with_findings -= std::min(shown.files_with_findings, dropped_files_);
  for (auto &s : sinks_) {
    if (s->text) {
      if (!s->options.quiet) target(*s, out) << detail::text_summary(shown);
      continue;
    }
    through_stream(*s, out, [&](std::ostream &to) { s->renderer->end(to, shown); });
  }
  if (!options_.statistics) return;
  // Beside the terminal-readable output on standard output, or alone there;
  // never inside a JSON, SARIF, JUnit or GitLab document.
  bool stdout_free = true;
  for (const auto &s : sinks_) {
    if (s->spec.file.empty() && !format_info(s->spec.format).terminal) stdout_free = false;
  }
  Out &to = stdout_free ? out : err_;
  std::vector<std::pair<std::string, std::pair<std::string, std::size_t>>> rows(counts_.begin(), counts_.end());
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto &a, const auto &b) { return a.second.second > b.second.second; });
  std::size_t total = 0;
  for (const auto &row : rows) total += row.second.second;
  to << fmt::format("statistics: {} finding{} of {} rule{}\n", total, total == 1 ? "" : "s", rows.size(),
                    rows.size() == 1 ? "" : "s");
  for (const auto &row : rows) {
    const std::string url = rule_url(row.first);
    to << fmt::format("{:>6}  {} {}{}\n", row.second.second, printable(row.first), printable(row.second.first),
                      url.empty() ? "" : "  " + url);
  }
}

auto Outputs::write_files(Out &err) -> bool {
  bool ok = true;
  for (auto &s : sinks_) {
    if (s->spec.file.empty()) continue;
    const std::string problem = safe_write_file(s->spec.file, s->file.str());
    if (!problem.empty()) {
      err << fmt::format("callcheck: cannot write `{}`: {}\n", printable(s->spec.file), problem);
      ok = false;
    }
  }
  return ok;
}

}  // namespace callcheck::cli
