// Several outputs from one run (issue 17 item 4): `--format NAME[:FILE]`
// repeated, `-o FILE` for the one without a file. Findings are checked once
// and every renderer sees the same reports in the same order; files are
// written whole through safe_write_file() once the run is over, standard
// output is checked by finish_output() in main(), so any failed write is exit 2.
#ifndef CALLCHECK_CLI_OUTPUTS_H_
#define CALLCHECK_CLI_OUTPUTS_H_

#include <map>      // std::map
#include <memory>   // std::unique_ptr
#include <ostream>  // std::ostream
#include <sstream>  // std::ostringstream
#include <string>   // std::string
#include <vector>   // std::vector

#include "callcheck/render.h"

namespace callcheck::cli {

struct OutputSpec {
  Format format = Format::Text;
  std::string file;  // "" = standard output
};

// The --format values (NAME or NAME:FILE; none = text) and -o FILE, which
// names where the output without a FILE goes. Refuses an unknown NAME (with
// a did-you-mean), an empty FILE, two outputs on standard output, two on
// one file, and -o when every --format names its own file.
[[nodiscard]] auto parse_outputs(const std::vector<std::string> &formats, const std::string &output_file,
                                 std::ostream &err, bool &ok) -> std::vector<OutputSpec>;

struct OutputOptions {
  bool quiet = false;       // drop findings below error (--quiet)
  bool statistics = false;  // counts per rule after the findings (--statistics)
  bool colour = false;      // text on standard output may be coloured
};

// One Renderer that feeds every output. Its end() also prints the
// statistics: after a text or concise standard output, or on standard
// output when nothing else is written there, otherwise on `err` so a JSON
// or SARIF document on standard output stays one document.
class Outputs final : public Renderer {
 public:
  Outputs(const std::vector<OutputSpec> &specs, const RenderOptions &base, OutputOptions options, std::ostream &err);
  void begin(std::ostream &out) override;
  void file(std::ostream &out, const Report &report, std::string_view text) override;
  // Rendering off this thread: when there is one output and its format
  // renders each file alone (render/renderers.h), render_apart() may be
  // called on any thread and file_rendered() then does in input order what
  // file() does, writing the chunk instead of rendering again.
  [[nodiscard]] auto renders_apart() const -> bool;
  [[nodiscard]] auto render_apart(const Report &report, std::string_view text) const -> std::string;
  void file_rendered(std::ostream &out, const Report &report, std::string_view chunk);
  void audit(std::ostream &out, const AuditSummary &audit) override;
  void end(std::ostream &out, const Summary &summary) override;
  // Writes every FILE output; false after one line per failure on `err`.
  [[nodiscard]] auto write_files(std::ostream &err) -> bool;

 private:
  struct Sink {
    OutputSpec spec;
    RenderOptions options;
    std::unique_ptr<Renderer> renderer;
    std::ostringstream buffer;  // FILE outputs
  };
  auto stream(Sink &sink, std::ostream &out) -> std::ostream &;
  // The findings counted for --quiet and --statistics, as file() shows them.
  void tally(const Report &report);
  std::vector<std::unique_ptr<Sink>> sinks_;
  OutputOptions options_;
  std::ostream &err_;
  std::map<std::string, std::pair<std::string, std::size_t>> counts_;  // code -> (name, findings)
  std::size_t dropped_warnings_ = 0;
  std::size_t dropped_infos_ = 0;
  std::size_t dropped_files_ = 0;
};

}  // namespace callcheck::cli

#endif  // CALLCHECK_CLI_OUTPUTS_H_
