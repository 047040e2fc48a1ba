// Renderers turn reports into what users and machines read. They stream:
// begin(), one file() per report in input order, [audit(),] end().
#ifndef CALLCHECK_RENDER_H_
#define CALLCHECK_RENDER_H_

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t
#include <memory>       // std::unique_ptr
#include <optional>     // std::optional
#include <ostream>      // std::ostream
#include <string>       // std::string
#include <string_view>  // std::string_view

#include "callcheck/audit.h"
#include "callcheck/format_table.h"
#include "callcheck/report.h"

namespace callcheck {

// One value per row of callcheck/format_table.h, in its order.
enum class Format : std::uint8_t {
#define CALLCHECK_FORMAT_ENUMERATOR(enumerator, name, extension, terminal) enumerator,
  CALLCHECK_FORMATS(CALLCHECK_FORMAT_ENUMERATOR)
#undef CALLCHECK_FORMAT_ENUMERATOR
};

struct FormatInfo {
  Format format;
  std::string_view name;       // the --format value, "sarif"
  std::string_view extension;  // of its golden, tests/golden/format/report.<extension>
  bool terminal;               // for people (text, concise), not a document
};

// Every format, in the table's order (the order the CLI lists them).
inline constexpr FormatInfo kFormats[] = {
#define CALLCHECK_FORMAT_INFO(enumerator, name, extension, terminal) {Format::enumerator, #name, extension, terminal},
    CALLCHECK_FORMATS(CALLCHECK_FORMAT_INFO)
#undef CALLCHECK_FORMAT_INFO
};

[[nodiscard]] auto parse_format(std::string_view text) -> std::optional<Format>;
[[nodiscard]] auto to_string(Format format) -> std::string_view;
[[nodiscard]] auto format_info(Format format) -> const FormatInfo &;
// "text, json, sarif, ...": the names for help and error messages.
[[nodiscard]] auto format_names() -> std::string;

struct RenderOptions {
  bool color = false;                  // ANSI colour (text only)
  Severity fail_on = Severity::Error;  // junit: which findings are failures
  bool show_scopes = false;            // text: scenario and scopes under each file (--show-scopes)
  bool quiet = false;                  // text, concise: no summary line (--quiet)
  std::string tool_version;
};

struct Summary {
  // Inputs: a Markdown, .http or NDJSON file with three request bodies is
  // one file and three bodies (its reports arrive one after the other, with
  // the same source).
  std::size_t files = 0;
  std::size_t bodies = 0;  // reports of request bodies (every report but an unreadable input)
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t infos = 0;
  std::size_t input_errors = 0;  // files that could not be read
  std::size_t files_with_findings = 0;
  std::size_t omitted = 0;         // findings left out past the per-file cap
  bool fixing = false;             // `check --fix`: `fixed` is shown
  std::size_t fixed = 0;           // fixes applied (the counts above are what remains)
  std::string last_source;         // the previous report's source, to count files
  bool last_had_findings = false;  // ... and whether that file was already counted with findings
  void add(const Report &report);
  // Findings that are not about a checked input (a flag, a configuration
  // file): counted as findings, not as a file or a body.
  void add_findings(const Report &report);
};

class Renderer {
 public:
  virtual ~Renderer() = default;
  virtual void begin(std::ostream &out) { (void)out; }
  // `text` is the whole file the report's positions refer to (for code frames);
  // it may be empty.
  virtual void file(std::ostream &out, const Report &report, std::string_view text) = 0;
  // `callcheck audit` only: once, after the last file() and before end().
  virtual void audit(std::ostream &out, const AuditSummary &audit) { (void)out, (void)audit; }
  virtual void end(std::ostream &out, const Summary &summary) { (void)out, (void)summary; }
};

[[nodiscard]] auto make_renderer(Format format, const RenderOptions &options) -> std::unique_ptr<Renderer>;

// The `--format json` document for one report: byte for byte what
// `callcheck check --format json` prints when it checked only this input
// (the JSON renderer writes it; newline included). The C ABI returns it.
[[nodiscard]] auto to_json(const Report &report) -> std::string;

}  // namespace callcheck

#endif  // CALLCHECK_RENDER_H_
