// One renderer per file, all behind callcheck::make_renderer().
#ifndef CALLCHECK_RENDER_RENDERERS_H_
#define CALLCHECK_RENDER_RENDERERS_H_

#include <memory>  // std::unique_ptr
#include <string>  // std::string

#include "callcheck/render.h"

namespace callcheck::detail {

// make_text_renderer(), make_json_renderer(), ...: one per row of
// callcheck/format_table.h, each defined in render/<name>.cc.
#define CALLCHECK_FORMAT_FACTORY(enumerator, name, extension, terminal) \
  [[nodiscard]] auto make_##name##_renderer(const RenderOptions &options)->std::unique_ptr<Renderer>;
CALLCHECK_FORMATS(CALLCHECK_FORMAT_FACTORY)
#undef CALLCHECK_FORMAT_FACTORY
// The text format's closing line ("3 files checked: ..."), which concise shares.
[[nodiscard]] auto text_summary(const Summary &summary) -> std::string;

}  // namespace callcheck::detail

#endif  // CALLCHECK_RENDER_RENDERERS_H_
