// `--format github`: GitHub Actions workflow commands, one per finding, which
// the runner turns into annotations on the pull request:
//   ::error file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE name::message
// Property values and the message are escaped as the runner unescapes them
// (render/escape.h), so a payload cannot end the command early or start a new
// one. Positions that are unknown (0) are left out. GitHub's columns are
// inclusive and only meaningful on one line, so endColumn is the last column
// of a one-line span. The closing summary is plain text, not a command.
#include <fmt/format.h>

#include <ostream>  // std::ostream

#include "render/escape.h"
#include "render/renderers.h"

namespace callcheck::detail {
namespace {

constexpr auto command(Severity s) -> std::string_view {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "notice";
  }
  return "error";
}

class GithubRenderer final : public Renderer {
 public:
  void file(std::ostream &out, const Report &r, std::string_view text) override {
    (void)text;
    for (const Diagnostic &d : r.diagnostics) {
      std::string properties = "file=" + github_property_escape(r.source);
      const Span &s = d.span;
      if (s.begin.line != 0) {
        properties += fmt::format(",line={}", s.begin.line);
        if (s.begin.column != 0) properties += fmt::format(",col={}", s.begin.column);
        if (s.end.line != 0 && !(s.end < s.begin)) {
          properties += fmt::format(",endLine={}", s.end.line);
          if (s.end.line == s.begin.line && s.begin.column != 0 && s.end.column > s.begin.column) {
            properties += fmt::format(",endColumn={}", s.end.column - 1);
          }
        }
      }
      properties += ",title=" + github_property_escape(d.code + " " + d.name);
      std::string message = d.message;
      if (!d.pointer.empty()) message += " (at " + d.pointer + ")";
      if (!d.help.empty()) message += "\nhelp: " + d.help;
      out << fmt::format("::{} {}::{}\n", command(d.severity), properties, github_message_escape(message));
    }
    // Findings past the per-file cap: one annotation at the level of the
    // worst of them, so a hidden error still shows as an error.
    if (r.omitted > 0) {
      out << fmt::format("::{} file={},title=callcheck omitted-findings::{} more {} omitted\n",
                         command(r.omitted_worst.value_or(Severity::Info)), github_property_escape(r.source), r.omitted,
                         r.omitted == 1 ? "finding" : "findings");
    }
  }

  // Plain text, not a workflow command: the findings are the annotations.
  void audit(std::ostream &out, const AuditSummary &a) override {
    auto list = [](const std::vector<std::string> &names) {
      std::string joined;
      for (const std::string &n : names) joined += (joined.empty() ? "" : ", ") + visible(n);
      return joined.empty() ? std::string("none") : joined;
    };
    out << fmt::format("callcheck audit: required {}; declared {}; missing {}; excess {}\n", list(a.required),
                       list(a.declared), list(a.missing), list(a.excess));
  }

  void end(std::ostream &out, const Summary &s) override {
    out << fmt::format("callcheck: {} file{} checked: {} error{}, {} warning{}, {} info{}, {} unreadable{}\n", s.files,
                       s.files == 1 ? "" : "s", s.errors, s.errors == 1 ? "" : "s", s.warnings,
                       s.warnings == 1 ? "" : "s", s.infos, s.infos == 1 ? "" : "s", s.input_errors,
                       s.omitted > 0 ? fmt::format(", {} omitted", s.omitted) : std::string());
  }
};

}  // namespace

auto make_github_renderer(const RenderOptions &options) -> std::unique_ptr<Renderer> {
  (void)options;
  return std::make_unique<GithubRenderer>();
}

}  // namespace callcheck::detail
