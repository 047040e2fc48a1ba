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
  ++files;
  errors += report.count(Severity::Error);
  warnings += report.count(Severity::Warning);
  infos += report.count(Severity::Info);
  omitted += report.omitted;
  if (report.input_error) ++input_errors;
  if (!report.diagnostics.empty() || report.omitted > 0) ++files_with_findings;
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
