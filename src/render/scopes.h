// `callcheck scopes`: the request, scenario and permissions of each report,
// as text, or as the `check --format json` document (the JSON renderer:
// schemas/callcheck/report.schema.json). Which reports and which of their
// findings are shown is the command's choice (cli/run_scopes.cc); this only
// renders them.
#ifndef CALLCHECK_RENDER_SCOPES_H_
#define CALLCHECK_RENDER_SCOPES_H_

#include <memory>       // std::unique_ptr
#include <ostream>      // std::ostream
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include "callcheck/render.h"

namespace callcheck::detail {

class ScopesRenderer : public Renderer {
 public:
  // After the file() calls of a Markdown or .http file with several bodies:
  // what the app needs for all of them, and which request needs each
  // permission (text only; the JSON document has every report already).
  virtual void requests(std::ostream &out, std::string_view source, const std::vector<Report> &reports) = 0;
};

[[nodiscard]] auto make_scopes_renderer(bool json, const RenderOptions &options) -> std::unique_ptr<ScopesRenderer>;

}  // namespace callcheck::detail

#endif  // CALLCHECK_RENDER_SCOPES_H_
