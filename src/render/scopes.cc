#include "render/scopes.h"

#include <fmt/format.h>

#include <map>     // std::map
#include <string>  // std::string

#include "render/escape.h"

namespace callcheck::detail {
namespace {

class ScopesText final : public ScopesRenderer {
 public:
  void file(std::ostream &out, const Report &r, std::string_view text) override {
    (void)text;
    const std::string source = visible(r.source);
    const std::string origin = r.origin.empty() ? "" : " (" + visible(r.origin) + ")";
    if (r.input_error) {
      out << fmt::format("{}: {}\n", source, visible(r.diagnostics.front().message));
      return;
    }
    if (!r.diagnostics.empty()) {
      for (const Diagnostic &d : r.diagnostics) {
        out << fmt::format("{}:{}:{}: error {} {}: {}\n", source, d.span.begin.line, d.span.begin.column, d.code,
                           d.name, visible(d.message));
      }
      out << fmt::format("{}{}\n  scenario: not determined: the input is not valid\n", source, origin);
      return;
    }
    out << fmt::format("{}{}\n", source, origin);
    if (!r.request.name.empty()) {
      out << fmt::format("  request:  {} (decided by {})\n", visible(r.request.name), r.request.decided_by);
    }
    if (!r.request.permissions.empty()) out << fmt::format("  permissions: {}\n", visible(r.request.permissions));
    if (r.request.name == "create" || r.request.name.empty()) {
      out << fmt::format("  scenario: {}, {} media\n", to_string(r.scenario.kind), to_string(r.scenario.media));
    }
    if (!r.scenario.summary.empty()) out << fmt::format("  summary:  {}\n", r.scenario.summary);
    if (!r.scenario.evidence.empty()) out << fmt::format("  evidence: {}\n", r.scenario.evidence);
    if (r.required_scopes.empty()) {
      out << (r.request.permissions.empty() ? "  required: (none determined)\n" : "  required: none of its own\n");
    }
    for (const Scope &s : r.required_scopes) out << fmt::format("  required: {} - {}\n", s.name, s.reason);
    for (const ScopeAlternative &alt : r.alternatives) {
      std::string names;
      for (const Scope &s : alt.scopes) {
        names += names.empty() ? "" : " + ";
        names += s.name;
      }
      out << fmt::format("  or:       {}{}{}\n", names, alt.note.empty() ? "" : " - ", alt.note);
    }
  }

  void requests(std::ostream &out, std::string_view source, const std::vector<Report> &reports) override {
    std::map<std::string, std::vector<std::string>> share;
    for (const Report &r : reports) {
      for (const Scope &s : r.required_scopes) {
        share[std::string(s.name)].push_back(r.request.name.empty() ? std::string("?") : r.request.name);
      }
    }
    out << fmt::format("{}: all {} requests\n", visible(source), reports.size());
    if (share.empty()) out << "  union:    (none determined)\n";
    for (const auto &[name, needed_by] : share) {
      std::string who;
      for (const std::string &q : needed_by) who += (who.empty() ? "" : ", ") + visible(q);
      out << fmt::format("  union:    {} - needed by {}\n", name, who);
    }
  }
};

class ScopesJson final : public ScopesRenderer {
 public:
  explicit ScopesJson(const RenderOptions &options) : json_(make_renderer(Format::Json, options)) {}
  void begin(std::ostream &out) override { json_->begin(out); }
  void file(std::ostream &out, const Report &report, std::string_view text) override { json_->file(out, report, text); }
  void requests(std::ostream &out, std::string_view source, const std::vector<Report> &reports) override {
    (void)out, (void)source, (void)reports;
  }
  void end(std::ostream &out, const Summary &summary) override { json_->end(out, summary); }

 private:
  std::unique_ptr<Renderer> json_;
};

}  // namespace

auto make_scopes_renderer(bool json, const RenderOptions &options) -> std::unique_ptr<ScopesRenderer> {
  if (json) return std::make_unique<ScopesJson>(options);
  return std::make_unique<ScopesText>();
}

}  // namespace callcheck::detail
