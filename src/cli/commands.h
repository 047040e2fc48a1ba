// The subcommands. Each returns an exit code and writes only to the streams given.
#ifndef CALLCHECK_CLI_COMMANDS_H_
#define CALLCHECK_CLI_COMMANDS_H_

#include <string>  // std::string
#include <vector>  // std::vector

#include "callcheck/check.h"
#include "cli/input.h"
#include "cli/out.h"

namespace CLI {
class App;
class Validator;
}  // namespace CLI

namespace callcheck::cli {

struct CheckArgs {
  std::vector<std::string> paths;
  std::string format = "text";       // scopes, audit: the one output format
  std::vector<std::string> formats;  // check: --format NAME[:FILE], repeatable (none = text)
  std::string output_file;           // check: -o FILE, for the output without a FILE
  bool statistics = false;           // check: counts per rule after the findings
  bool exit_zero = false;            // check: exit 0 whatever was found (2 still means failure)
  bool quiet = false;                // check: errors only, no summary line
  std::string fail_on = "error";
  std::string api;      // "" = from config, else v1.0
  std::string request;  // --request NAME: the calls-API request of every body (issue 12); "" = decide
  std::vector<std::string> scopes;
  std::string token_file;
  std::string config_file;
  bool no_config = false;
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  bool preview = false;
  bool show_scopes = false;
  std::string baseline;
  std::string write_baseline;
  unsigned jobs = 1;
  std::string color = "auto";
  std::string stdin_name = "<stdin>";
  std::string join_url;              // "" = from config, else compare every body with this link
  bool follow_symlinks = false;      // read payloads through symlinks leaving the repository
  bool show_config = false;          // stderr: the configuration that applies to each input
  bool no_ignore = false;            // walks: also hidden names and what .gitignore ignores
  std::vector<std::string> exclude;  // --exclude GLOB, repeatable: relative to the working directory
  Limits limits;
  // Fixes (issue 16): --fix writes the safe ones, --unsafe-fixes adds the
  // unsafe ones, --diff only prints them, --fix-only hides what remains.
  bool fix = false;
  bool unsafe_fixes = false;
  bool diff = false;
  bool fix_only = false;
  [[nodiscard]] auto fixing() const -> bool { return fix || diff || fix_only; }
};

struct JoinUrlArgs {
  std::string url;
  std::string callback_uri;  // "" = placeholder
  std::string api = "v1.0";
  std::string tenant;  // "" = the link's, or a placeholder for short links
  std::string media = "service";
  std::string format = "text";
};

struct AuditArgs {
  CheckArgs check;                // paths, format, fail-on, api, config, select/ignore, limits, colour
  std::vector<std::string> apps;  // --app: where the permissions are declared ("" = config's "app")
  bool strict = false;            // an excess Calls.* permission is an error
  std::string write_minimal;      // --write-minimal FILE
};

// Which options of a command a run registers with CLI11 (issue 14). CLI11
// compares every new option's names with each option already added, so the
// 40 options of `check` were a quarter of a one-file run. main() parses first
// with only the options its arguments can name, and on any parse error
// (--help included) again with all of them, so every message and help text
// is what CLI11 says for the whole command.
class OptionFilter {
 public:
  // `args` nullptr: every option.
  explicit OptionFilter(const std::vector<std::string> *args) : args_(args) {}
  // `names` (CLI11's list, "-o,--output-file") when an argument can name one
  // of them (--long, --long=VALUE, a short letter anywhere in a -xyz group),
  // else nullptr. A positional (no dash) always passes.
  [[nodiscard]] auto operator()(const char *names) const -> const char *;

 private:
  const std::vector<std::string> *args_;
};

// The options of `callcheck check` into `a`, those `named` lets through (check_options.cc).
void add_check_options(CLI::App &cmd, CheckArgs &a, const OptionFilter &named);
// --exclude GLOB: the limits of "exclude" in .callcheck.json (CC401 there), so a glob means one thing in both.
[[nodiscard]] auto glob_validator() -> CLI::Validator;

// Whether text output is coloured for --color MODE (run_check.cc): auto = FORCE_COLOR (non-empty)
// forces it, else NO_COLOR (non-empty) turns it off, else a terminal.
[[nodiscard]] auto use_colour(const std::string &mode) -> bool;
// How the paths of `args` are expanded (run_check.cc); the notes for stderr go to `notes`.
[[nodiscard]] auto expand_options(const CheckArgs &args, std::vector<std::string> extensions,
                                  std::vector<std::string> &notes) -> ExpandOptions;
// Options from the command line (run_check.cc); false in `ok` after a message on `err`.
[[nodiscard]] auto build_options(const CheckArgs &args, Out &err, bool &ok) -> Options;

[[nodiscard]] auto run_check(const CheckArgs &args, Out &out, Out &err) -> int;
// `callcheck server` (run_server.cc): LSP on stdin/stdout until `exit`.
[[nodiscard]] auto run_server(const CheckArgs &args, Out &err) -> int;
// The permission audit of the payloads against the app's declarations (run_audit.cc).
[[nodiscard]] auto run_audit(const AuditArgs &args, Out &out, Out &err) -> int;
[[nodiscard]] auto run_scopes(const CheckArgs &args, Out &out, Out &err) -> int;
[[nodiscard]] auto run_rules(const std::string &format, Out &out) -> int;
// `--version`: the release, the embedded Graph schemas and the permission table.
[[nodiscard]] auto version_text() -> std::string;
[[nodiscard]] auto run_explain(const std::string &what, Out &out, Out &err) -> int;
// Prints the create-call body that joins the meeting of a Teams link.
[[nodiscard]] auto run_join_url(const JoinUrlArgs &args, Out &out, Out &err) -> int;
[[nodiscard]] auto run_schemas(const std::string &name, Out &out, Out &err) -> int;
[[nodiscard]] auto run_bundle(const std::string &name, const std::string &api, Out &out, Out &err) -> int;

}  // namespace callcheck::cli

#endif  // CALLCHECK_CLI_COMMANDS_H_
