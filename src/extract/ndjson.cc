// NDJSON: one body per line, blank lines skipped.
#include "extract/extract.h"

namespace callcheck::detail {

auto ndjson_body(std::string_view line, std::uint32_t line_number) -> std::optional<ExtractedBody> {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line.find_first_not_of(" \t") == std::string_view::npos) return std::nullopt;
  ExtractedBody body;
  body.text = std::string(line);
  body.line = line_number;
  return body;
}

}  // namespace callcheck::detail
