// One renderer per file, all behind callcheck::make_renderer().
#ifndef CALLCHECK_RENDER_RENDERERS_H_
#define CALLCHECK_RENDER_RENDERERS_H_

#include <memory>  // std::unique_ptr

#include "callcheck/render.h"

namespace callcheck::detail {

[[nodiscard]] auto make_text_renderer(const RenderOptions &options) -> std::unique_ptr<Renderer>;
[[nodiscard]] auto make_json_renderer(const RenderOptions &options) -> std::unique_ptr<Renderer>;
[[nodiscard]] auto make_sarif_renderer(const RenderOptions &options) -> std::unique_ptr<Renderer>;
[[nodiscard]] auto make_junit_renderer(const RenderOptions &options) -> std::unique_ptr<Renderer>;
[[nodiscard]] auto make_github_renderer(const RenderOptions &options) -> std::unique_ptr<Renderer>;

}  // namespace callcheck::detail

#endif  // CALLCHECK_RENDER_RENDERERS_H_
