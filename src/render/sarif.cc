#include "render/renderers.h"

namespace callcheck::detail {

// Placeholder until the CI formats land (issue 5): renders JSON meanwhile.
auto make_sarif_renderer(const RenderOptions &options) -> std::unique_ptr<Renderer> {
  return make_json_renderer(options);
}

}  // namespace callcheck::detail
