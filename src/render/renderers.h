// One renderer per file, all behind callcheck::make_renderer().
#ifndef CALLCHECK_RENDER_RENDERERS_H_
#define CALLCHECK_RENDER_RENDERERS_H_

#include <memory>  // std::unique_ptr
#include <string>  // std::string

#include "callcheck/render.h"

namespace callcheck::detail {

[[nodiscard]] auto make_text_renderer(const RenderOptions &options) -> std::unique_ptr<Renderer>;
[[nodiscard]] auto make_json_renderer(const RenderOptions &options) -> std::unique_ptr<Renderer>;
[[nodiscard]] auto make_sarif_renderer(const RenderOptions &options) -> std::unique_ptr<Renderer>;
[[nodiscard]] auto make_junit_renderer(const RenderOptions &options) -> std::unique_ptr<Renderer>;
[[nodiscard]] auto make_github_renderer(const RenderOptions &options) -> std::unique_ptr<Renderer>;
[[nodiscard]] auto make_gitlab_renderer(const RenderOptions &options) -> std::unique_ptr<Renderer>;
[[nodiscard]] auto make_concise_renderer(const RenderOptions &options) -> std::unique_ptr<Renderer>;
// The text format's closing line ("3 files checked: ..."), which concise shares.
[[nodiscard]] auto text_summary(const Summary &summary) -> std::string;

}  // namespace callcheck::detail

#endif  // CALLCHECK_RENDER_RENDERERS_H_
