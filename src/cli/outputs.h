// Several outputs from one run (issue 17 item 4): `--format NAME[:FILE]`
// repeated, `-o FILE` for the one without a file. Findings are checked once
// and every renderer sees the same reports in the same order; files are
// written whole through safe_write_file() once the run is over, standard
// output is checked by finish_output() in main(), so any failed write is exit 2.
#ifndef CALLCHECK_CLI_OUTPUTS_H_
#define CALLCHECK_CLI_OUTPUTS_H_

#include <iosfwd>       // std::ostringstream
#include <map>          // std::map
#include <memory>       // std::unique_ptr
#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include "callcheck/render.h"
#include "cli/out.h"
#include "render/renderers.h"

namespace callcheck::cli {

struct OutputSpec {
  Format format = Format::Text;
  std::string file;  // "" = standard output
};

// The --format values (NAME or NAME:FILE; none = text) and -o FILE, which
// names where the output without a FILE goes. Refuses an unknown NAME (with
// a did-you-mean), an empty FILE, two outputs on standard output, two on
// one file, and -o when every --format names its own file.
[[nodiscard]] auto parse_outputs(const std::vector<std::string> &formats, const std::string &output_file, Out &err,
                                 bool &ok) -> std::vector<OutputSpec>;

struct OutputOptions {
  bool quiet = false;       // drop findings below error (--quiet)
  bool statistics = false;  // counts per rule after the findings (--statistics)
  bool colour = false;      // text on standard output may be coloured
};

// The Renderer calls, on the CLI's Out instead of a std::ostream: what the
// commands and ConfigSession hand reports to.
class OutputSink {
 public:
  OutputSink() = default;
  OutputSink(const OutputSink &) = delete;
  auto operator=(const OutputSink &) -> OutputSink & = delete;
  virtual ~OutputSink() = default;
  virtual void begin(Out &out) { (void)out; }
  virtual void file(Out &out, const Report &report, std::string_view text) = 0;
  virtual void audit(Out &out, const AuditSummary &audit) { (void)out, (void)audit; }
  virtual void end(Out &out, const Summary &summary) { (void)out, (void)summary; }
};

// One sink that feeds every output. Text is written without a stream
// (detail::TextFileWriter); the other formats' renderers write into a
// std::ostringstream made on their first call, moved to the output after
// each one. Its end() also prints the
// statistics: after a text or concise standard output, or on standard
// output when nothing else is written there, otherwise on `err` so a JSON
// or SARIF document on standard output stays one document.
class Outputs final : public OutputSink {
 public:
  Outputs(const std::vector<OutputSpec> &specs, const RenderOptions &base, OutputOptions options, Out &err);
  Outputs(const Outputs &) = delete;
  auto operator=(const Outputs &) -> Outputs & = delete;
  ~Outputs() override;
  void begin(Out &out) override;
  void file(Out &out, const Report &report, std::string_view text) override;
  // Rendering off this thread: when there is one output and its format
  // renders each file alone (render/renderers.h), render_apart() may be
  // called on any thread and file_rendered() then does in input order what
  // file() does, writing the chunk instead of rendering again.
  [[nodiscard]] auto renders_apart() const -> bool;
  [[nodiscard]] auto render_apart(const Report &report, std::string_view text) const -> std::string;
  void file_rendered(Out &out, const Report &report, std::string_view chunk);
  void audit(Out &out, const AuditSummary &audit) override;
  void end(Out &out, const Summary &summary) override;
  // Writes every FILE output; false after one line per failure on `err`.
  [[nodiscard]] auto write_files(Out &err) -> bool;

 private:
  struct Sink {
    OutputSpec spec;
    RenderOptions options;
    std::unique_ptr<Renderer> renderer;
    std::optional<detail::TextFileWriter> text;  // Format::Text: file() without the renderer
    std::unique_ptr<std::ostringstream> stream;  // what `renderer` writes, until it is moved on
    Out file{-1, Out::Mode::Collect};            // FILE outputs
  };
  auto target(Sink &sink, Out &out) -> Out &;
  // Calls `write` with the sink's stream, then moves what it wrote to the output.
  template <typename Write>
  void through_stream(Sink &sink, Out &out, const Write &write);
  // The findings counted for --quiet and --statistics, as file() shows them.
  void tally(const Report &report);
  std::vector<std::unique_ptr<Sink>> sinks_;
  OutputOptions options_;
  Out &err_;
  std::string scratch_;                                                // one text file's bytes, reused
  std::map<std::string, std::pair<std::string, std::size_t>> counts_;  // code -> (name, findings)
  std::size_t dropped_warnings_ = 0;
  std::size_t dropped_infos_ = 0;
  std::size_t dropped_files_ = 0;
};

}  // namespace callcheck::cli

#endif  // CALLCHECK_CLI_OUTPUTS_H_
