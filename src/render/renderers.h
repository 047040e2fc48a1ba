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
// True for the formats whose file() writes what depends only on the report,
// its text and the RenderOptions (text, concise, github): another renderer
// made with the same options writes the same bytes for it, on any thread,
// so a worker may render a file while another one's output is written.
[[nodiscard]] auto renders_files_apart(Format format) -> bool;
// JSON renders files apart in two steps: json_file_chunk() on any thread
// gives a file's object, json_place_chunk() puts it into the document that
// `renderer` (made for Format::Json) writes, in order, byte for byte what
// its file() would have written.
[[nodiscard]] auto json_file_chunk(const Report &report) -> std::string;
void json_place_chunk(Renderer &renderer, std::ostream &out, std::string_view chunk);
// The text format's closing line ("3 files checked: ..."), which concise shares.
[[nodiscard]] auto text_summary(const Summary &summary) -> std::string;

}  // namespace callcheck::detail

#endif  // CALLCHECK_RENDER_RENDERERS_H_
