#include <callcheck/render.h>

#include "render/renderers.h"

#include <cstddef>   // std::size_t
#include <iterator>  // std::size
#include <string>    // std::string

namespace callcheck {

auto parse_format(std::string_view text) -> std::optional<Format> {
  for (const FormatInfo &f : kFormats) {
    if (f.name == text) return f.format;
  }
  return std::nullopt;
}

auto format_info(Format format) -> const FormatInfo & {
  // The enum is made from the same rows in the same order; a value cast
  // from a wider integer is no row.
  const auto i = static_cast<std::size_t>(format);
  return i < std::size(kFormats) ? kFormats[i] : kFormats[0];
}

auto to_string(Format format) -> std::string_view { return format_info(format).name; }

auto format_names() -> std::string {
  std::string out;
  for (const FormatInfo &f : kFormats) {
    if (!out.empty()) out += ", ";
    out += f.name;
  }
  return out;
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

namespace detail {

auto renders_files_apart(Format format) -> bool {
  return format == Format::Text || format == Format::Concise || format == Format::Github;
}

}  // namespace detail

auto make_renderer(Format format, const RenderOptions &options) -> std::unique_ptr<Renderer> {
  switch (format) {
#define CALLCHECK_FORMAT_CASE(enumerator, name, extension, terminal) \
  case Format::enumerator: return detail::make_##name##_renderer(options);
    CALLCHECK_FORMATS(CALLCHECK_FORMAT_CASE)
#undef CALLCHECK_FORMAT_CASE
  }
  return detail::make_text_renderer(options);
}

}  // namespace callcheck
