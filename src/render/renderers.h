// One renderer per file, all behind callcheck::make_renderer().
#ifndef CALLCHECK_RENDER_RENDERERS_H_
#define CALLCHECK_RENDER_RENDERERS_H_

#include <memory>       // std::unique_ptr
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

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
// The text format's file() without a stream (issue 14): what it writes for
// `report`, appended to `to`. One writer keeps its scratch strings from file
// to file; text_file_chunk() is one file's bytes, on any thread.
class LineIndex;
class TextFileWriter {
 public:
  explicit TextFileWriter(RenderOptions options) : options_(std::move(options)) {}
  void append(std::string &to, const Report &report, std::string_view text);

 private:
  void frame(std::string &to, const LineIndex &lines, const Diagnostic &d) const;
  void scopes(std::string &to, const std::vector<Scope> &list);
  RenderOptions options_;
  std::string source_;
  std::string names_;
};
[[nodiscard]] auto text_file_chunk(const Report &report, std::string_view text, const RenderOptions &options)
    -> std::string;
// The text format's closing line ("3 files checked: ..."), which concise shares.
[[nodiscard]] auto text_summary(const Summary &summary) -> std::string;

}  // namespace callcheck::detail

#endif  // CALLCHECK_RENDER_RENDERERS_H_
