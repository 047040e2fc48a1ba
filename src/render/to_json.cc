// to_json() is the JSON renderer run over one report, so the library's
// document and the CLI's can never drift apart.
#include <sstream>  // std::ostringstream

#include "callcheck/render.h"

namespace callcheck {

auto to_json(const Report &report) -> std::string {
  std::ostringstream out;
  const auto renderer = make_renderer(Format::Json, RenderOptions{});
  Summary summary;
  summary.add(report);
  renderer->begin(out);
  renderer->file(out, report, "");
  renderer->end(out, summary);
  return out.str();
}

}  // namespace callcheck
