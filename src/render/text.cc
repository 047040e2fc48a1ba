// path:line:col: severity CODE name: message, a code frame, then the
// scenario and scopes of each file and one summary line. Every string that
// came from a payload or a file name goes through visible() (render/escape.h):
// a name holding a newline, ESC or U+009B cannot start a line of its own, move
// the cursor or start a workflow command in a CI log.
#include <fmt/format.h>

#include <algorithm>  // std::max
#include <charconv>   // std::to_chars
#include <cstdint>    // std::uint64_t
#include <iterator>   // std::begin, std::end
#include <string>     // std::string
#include <vector>     // std::vector
#include <optional>   // std::optional
#include <ostream>    // std::ostream

#include "callcheck/rules.h"
#include "document/line_index.h"
#include "render/escape.h"
#include "render/renderers.h"
#include "rules/urls.h"

namespace callcheck::detail {
namespace {

constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kDim = "\x1b[2m";

auto severity_colour(Severity s) -> std::string_view {
  switch (s) {
    case Severity::Error: return "\x1b[1;31m";
    case Severity::Warning: return "\x1b[1;33m";
    case Severity::Info: return "\x1b[1;36m";
  }
  return "";
}

// Decimal digits of `n`, appended.
void append_number(std::string &to, std::uint64_t n) {
  char digits[20];
  const auto end = std::to_chars(std::begin(digits), std::end(digits), n).ptr;
  to.append(digits, end);
}

auto plural(std::size_t n, std::string_view word) -> std::string {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

}  // namespace

void TextFileWriter::append(std::string &to, const Report &report, std::string_view text) {
  // Indexed for the first code frame only: most files have no finding.
  std::optional<LineIndex> lines;
  // The shown path, made the first time a line needs it.
  source_.clear();
  const auto source = [&]() -> std::string_view {
    if (source_.empty() && !report.source.empty()) append_visible_path(source_, report.source);
    return source_;
  };
  const std::string_view reset = options_.color ? kReset : "";
  // A finding renders to ~360 bytes (6,000 files of bench/compare.sh's pool):
  // room made once instead of the string doubling its way there, about four
  // reallocations per file.
  if (!report.diagnostics.empty()) to.reserve(to.size() + 400 * report.diagnostics.size());
  for (const Diagnostic &d : report.diagnostics) {
    const std::string_view colour = options_.color ? severity_colour(d.severity) : "";
    const std::string_view bold = options_.color ? kBold : "";
    // path:line:col: severity CODE name: message
    to += bold;
    to += source();
    to += ':';
    append_number(to, d.span.begin.line);
    to += ':';
    append_number(to, d.span.begin.column);
    to += ':';
    to += reset;
    to += ' ';
    to += colour;
    to += to_string(d.severity);
    to += reset;
    to += ' ';
    append_visible(to, d.code);
    to += ' ';
    append_visible(to, d.name);
    to += ": ";
    append_visible(to, d.message);
    to += '\n';
    // An input that could not be read has no text: a frame would be one blank line.
    if (!text.empty()) {
      if (!lines) lines.emplace(text);
      frame(to, *lines, d);
    }
    if (!d.help.empty()) {
      to += "  = help: ";
      append_visible(to, d.help);
      to += '\n';
    }
    if (const std::string_view url = rule_url_view(d.code); !url.empty()) {
      to += "  = docs: ";
      to += url;
      to += '\n';
    }
  }
  if (report.omitted > 0) {
    to += source();
    to += ": ";
    append_number(to, report.omitted);
    to += report.omitted == 1 ? " more finding omitted\n" : " more findings omitted\n";
  }
  // A mid-call request (issue 12) classifies no call: its line names the request instead.
  const bool mid_call = !report.request.name.empty() && report.request.name != "create";
  if (options_.show_scopes && !report.input_error && (report.scenario.kind != CallKind::Unknown || mid_call)) {
    const std::string_view dim = options_.color ? kDim : "";
    to += dim;
    to += source();
    if (mid_call) {
      to += ": request ";
      append_visible(to, report.request.name);
      to += " (decided by ";
      to += report.request.decided_by;
      to += ')';
    } else {
      to += ": scenario ";
      to += to_string(report.scenario.kind);
      to += ", ";
      to += to_string(report.scenario.media);
      to += " media";
      if (!report.scenario.evidence.empty()) {
        to += " (decided by ";
        append_visible(to, report.scenario.evidence);
        to += ')';
      }
    }
    to += reset;
    to += '\n';
    if (!report.required_scopes.empty()) {
      to += dim;
      to += source();
      to += ": required scopes: ";
      scopes(to, report.required_scopes);
      to += reset;
      to += '\n';
    }
    for (const ScopeAlternative &alt : report.alternatives) {
      to += dim;
      to += source();
      to += ": or: ";
      scopes(to, alt.scopes);
      if (!alt.note.empty()) {
        to += " (";
        append_visible(to, alt.note);
        to += ')';
      }
      to += reset;
      to += '\n';
    }
  }
}

void TextFileWriter::frame(std::string &to, const LineIndex &lines, const Diagnostic &d) const {
  // No frame for unknown positions (column 0 would underflow the caret pad).
  const std::uint32_t line = d.span.begin.line;
  if (line == 0 || d.span.begin.column == 0) return;
  // line_count() indexes the whole text; a line with text exists, so only
  // an empty one needs it.
  const std::string_view raw = lines.line_text(line);
  if (raw.empty() && line > lines.line_count()) return;
  if (raw.size() > 200) return;  // minified or generated: a frame would not help
  // Controls, invalid bytes and a BOM are shown escaped (the BOM as
  // \ufeff), and the caret is placed by where each column ended up.
  // Most lines are shown as read: appended from the text itself, a column
  // per byte, not copied into a VisibleLine first (an allocation per finding).
  const bool as_read = shown_as_read(raw);
  const VisibleLine code = as_read ? VisibleLine{} : visible_line(raw);
  const auto offset = [&](std::uint32_t column) {
    return as_read ? offset_as_read(column, raw.size()) : code.offset(column);
  };
  const std::size_t gutter_at = to.size();
  append_number(to, line);
  const std::size_t gutter = to.size() - gutter_at;
  to += " | ";
  to += as_read ? raw : std::string_view(code.text);
  to += '\n';
  const std::uint32_t begin = offset(d.span.begin.column);
  std::size_t width = 1;
  if (d.span.end.line == line && d.span.end.column > d.span.begin.column) {
    width = std::max<std::size_t>(1, offset(d.span.end.column) - begin);
  }
  to.append(gutter, ' ');
  to += " | ";
  to.append(begin, ' ');
  to += options_.color ? severity_colour(d.severity) : "";
  to += '^';
  to.append(width - 1, '~');
  to += options_.color ? kReset : "";
  to += '\n';
}

// Scope names joined by ", ", shown as visible() shows the joined list.
void TextFileWriter::scopes(std::string &to, const std::vector<Scope> &list) {
  names_.clear();
  for (const Scope &s : list) {
    if (!names_.empty()) names_ += ", ";
    names_ += s.name;
  }
  append_visible(to, names_);
}

namespace {

class TextRenderer final : public Renderer {
 public:
  explicit TextRenderer(const RenderOptions &options) : options_(options), writer_(options) {}

  void file(std::ostream &out, const Report &report, std::string_view text) override {
    // One buffer, reused from file to file and handed to the stream once:
    // appends, no temporaries (issue 14).
    buffer_.clear();
    writer_.append(buffer_, report, text);
    if (!buffer_.empty()) out.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  }

  // `callcheck audit`: what was read, then the four lists.
  void audit(std::ostream &out, const AuditSummary &a) override {
    auto list = [](const std::vector<std::string> &names) {
      std::string out;
      for (const std::string &n : names) out += (out.empty() ? "" : ", ") + visible(n);
      return out.empty() ? std::string("(none)") : out;
    };
    out << fmt::format("audit: {} audited against {} (permission table {})\n",
                       a.payloads == 1 ? std::string("1 request body") : fmt::format("{} request bodies", a.payloads),
                       plural(a.declarations.size(), "app file"), a.table_version);
    for (const AuditDeclaration &d : a.declarations) {
      out << fmt::format("  {}: {}, {}, {}{}\n", visible(d.source), d.format, d.method,
                         d.entries == 1 ? std::string("1 entry") : fmt::format("{} entries", d.entries),
                         d.note.empty() ? "" : " (" + visible(d.note) + ")");
    }
    if (a.unaudited > 0)
      out << fmt::format("  not audited: {}\n",
                         a.unaudited == 1 ? std::string("1 body") : fmt::format("{} bodies", a.unaudited));
    out << fmt::format("  required: {}\n  declared: {}\n  missing:  {}\n  excess:   {}\n", list(a.required),
                       list(a.declared), list(a.missing), list(a.excess));
    if (!a.not_evaluated.empty()) out << fmt::format("  not evaluated (not Calls.*): {}\n", list(a.not_evaluated));
  }

  void end(std::ostream &out, const Summary &s) override {
    if (!options_.quiet) out << text_summary(s);
  }

 private:
  RenderOptions options_;
  TextFileWriter writer_;
  std::string buffer_;  // reused from file to file
};

}  // namespace

auto text_summary(const Summary &s) -> std::string {
  const std::string omitted = s.omitted > 0 ? fmt::format("; {} more omitted", s.omitted) : std::string();
  // "2 files (5 request bodies)" once a file held more than one body.
  const std::string checked =
      s.bodies > s.files
          ? fmt::format("{} ({})", plural(s.files, "file"),
                        s.bodies == 1 ? std::string("1 request body") : fmt::format("{} request bodies", s.bodies))
          : plural(s.files, "file");
  if (s.fixing) {
    const std::size_t remaining = s.errors + s.warnings + s.infos + s.omitted;
    std::string line = fmt::format("{} checked: {} fixed, {} remaining", checked, s.fixed, remaining);
    if (remaining > 0) {
      line += fmt::format(" ({}, {}, {}) in {}", plural(s.errors, "error"), plural(s.warnings, "warning"),
                          plural(s.infos, "info"), plural(s.files_with_findings, "file"));
    }
    return line + omitted + "\n";
  }
  if (s.errors + s.warnings + s.infos + s.omitted == 0) {
    return fmt::format("{} checked, no problems found\n", checked);
  }
  return fmt::format("{} checked: {} ({}, {}, {}) in {}{}\n", checked,
                     plural(s.errors + s.warnings + s.infos, "problem"), plural(s.errors, "error"),
                     plural(s.warnings, "warning"), plural(s.infos, "info"), plural(s.files_with_findings, "file"),
                     omitted);
}

auto text_file_chunk(const Report &report, std::string_view text, const RenderOptions &options) -> std::string {
  std::string chunk;
  TextFileWriter(options).append(chunk, report, text);
  return chunk;
}

auto make_text_renderer(const RenderOptions &options) -> std::unique_ptr<Renderer> {
  return std::make_unique<TextRenderer>(options);
}

}  // namespace callcheck::detail
