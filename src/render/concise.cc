// `--format concise`: one line per finding, `path:line:col: severity CODE name: message`,
// the first line of the text format without its code frame, help and docs
// lines, then the text format's summary line. Everything that came from a
// payload or a file name goes through visible() (render/escape.h), so a
// finding can never spill onto a second line.
#include <fmt/format.h>

#include <ostream>  // std::ostream

#include "render/escape.h"
#include "render/renderers.h"

namespace callcheck::detail {
namespace {

class ConciseRenderer final : public Renderer {
 public:
  explicit ConciseRenderer(RenderOptions options) : options_(std::move(options)) {}

  void file(std::ostream &out, const Report &report, std::string_view text) override {
    (void)text;
    const std::string source = visible_path(report.source);
    for (const Diagnostic &d : report.diagnostics) {
      out << fmt::format("{}:{}:{}: {} {} {}: {}\n", source, d.span.begin.line, d.span.begin.column,
                         to_string(d.severity), visible(d.code), visible(d.name), visible(d.message));
    }
    if (report.omitted > 0) {
      out << fmt::format("{}: {} more {} omitted\n", source, report.omitted,
                         report.omitted == 1 ? "finding" : "findings");
    }
  }

  void end(std::ostream &out, const Summary &summary) override {
    if (!options_.quiet) out << text_summary(summary);
  }

 private:
  RenderOptions options_;
};

}  // namespace

auto make_concise_renderer(const RenderOptions &options) -> std::unique_ptr<Renderer> {
  return std::make_unique<ConciseRenderer>(options);
}

}  // namespace callcheck::detail
