#include <callcheck/render.h>

#include "render/renderers.h"

namespace callcheck {

auto parse_format(std::string_view text) -> std::optional<Format> {
  if (text == "text") return Format::Text;
  if (text == "json") return Format::Json;
  if (text == "sarif") return Format::Sarif;
  if (text == "junit") return Format::Junit;
  if (text == "github") return Format::Github;
  if (text == "gitlab") return Format::Gitlab;
  if (text == "concise") return Format::Concise;
  return std::nullopt;
}

auto to_string(Format format) -> std::string_view {
  switch (format) {
    case Format::Text: return "text";
    case Format::Json: return "json";
    case Format::Sarif: return "sarif";
    case Format::Junit: return "junit";
    case Format::Github: return "github";
    case Format::Gitlab: return "gitlab";
    case Format::Concise: return "concise";
  }
  return "text";
}

void Summary::add(const Report &report) {
  // The bodies of one Markdown, .http or NDJSON file arrive one after the
  // other with its name as their source: a new file is a new source.
  const bool new_file = report.source != last_source || files == 0;
  if (new_file) {
    ++files;
    last_had_findings = false;
  }
  last_source = report.source;
  if (!report.input_error) ++bodies;
  if (report.input_error) ++input_errors;
  const bool findings = !report.diagnostics.empty() || report.omitted > 0;
  if (findings && !last_had_findings) ++files_with_findings;
  last_had_findings = last_had_findings || findings;
  add_findings(report);
}

void Summary::add_findings(const Report &report) {
  errors += report.count(Severity::Error);
  warnings += report.count(Severity::Warning);
  infos += report.count(Severity::Info);
  omitted += report.omitted;
}

auto make_renderer(Format format, const RenderOptions &options) -> std::unique_ptr<Renderer> {
  switch (format) {
    case Format::Text: return detail::make_text_renderer(options);
    case Format::Json: return detail::make_json_renderer(options);
    case Format::Sarif: return detail::make_sarif_renderer(options);
    case Format::Junit: return detail::make_junit_renderer(options);
    case Format::Github: return detail::make_github_renderer(options);
    case Format::Gitlab: return detail::make_gitlab_renderer(options);
    case Format::Concise: return detail::make_concise_renderer(options);
  }
  return detail::make_text_renderer(options);
}

}  // namespace callcheck
