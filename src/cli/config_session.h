// The CLI side of .callcheck.json and baselines: finds and reads the files
// (the library never does), resolves each input's Options, and applies
// suppressions and the baseline to each Report after check().
//
// Discovery: for each input, the closest .callcheck.json in its folder or a
// folder above it, never above the input's trust boundary (trust_root.h: the
// repository root, the folder holding .git; with no .git above, the working
// directory, or the folder named on the command line when the input is
// outside the working directory). Cached per folder. --config FILE uses one
// file for every input; --no-config reads none (it wins over --config).
// Precedence is documented in src/config/config.h.
//
// Trust (issue 18): a discovered .callcheck.json that is a symlink leaving
// the boundary is CC401 and never read. Every path a configuration names
// (`baseline`) goes through check_config_path(): absolute paths and `..` or
// symlinks leaving the configuration's root are CC401 at the entry. A
// configuration's root is its own folder with "root": true, else the closest
// folder above it (up to the boundary) whose configuration says "root": true,
// else the boundary. --config FILE and --baseline FILE, named by the user,
// may be anywhere; the paths inside --config FILE stay inside its root
// (computed from its own location). No code frame is ever shown for a
// configuration or baseline file: what failed to parse may be a secret.
//
// Exit codes: an unreadable or invalid configuration or baseline is CC401,
// rendered like any finding, and the run stops with 2 before any payload is
// checked: callcheck could not do the job it was configured to do.
#ifndef CALLCHECK_CLI_CONFIG_SESSION_H_
#define CALLCHECK_CLI_CONFIG_SESSION_H_

#include <cstdint>     // std::uint32_t
#include <filesystem>  // std::filesystem::path
#include <map>         // std::map
#include <memory>      // std::unique_ptr
#include <string>      // std::string
#include <vector>      // std::vector

#include "callcheck/callcheck.h"
#include "cli/commands.h"
#include "cli/input.h"
#include "cli/outputs.h"
#include "cli/user_schemas.h"

namespace callcheck::detail {
class BaselineWriter;
}  // namespace callcheck::detail

namespace callcheck::cli {

class ConfigSession {
 public:
  ConfigSession(const CheckArgs &args, const Options &base);
  ~ConfigSession();
  ConfigSession(const ConfigSession &) = delete;
  auto operator=(const ConfigSession &) -> ConfigSession & = delete;

  // Before prepare(): removes the inputs callcheck must not check (issue 17
  // item 3): its own files (any .callcheck.json, the configuration in use,
  // the baselines it reads or writes, `written`: the reports this run
  // writes) and what a configuration's `exclude` matches. Silent for files
  // found in a walk; one line on `notes` for each one named explicitly.
  // Returns how many were removed.
  auto drop_own_and_excluded(std::vector<Input> &inputs, const std::vector<std::string> &written,
                             std::vector<std::string> &notes) -> std::size_t;

  // Resolves the Options of every input up front, so that workers only read.
  // False when a configuration or baseline file is unreadable or invalid.
  [[nodiscard]] auto prepare(const std::vector<Input> &inputs) -> bool;
  // Renders the CC401 reports of a failed prepare() and returns the exit code (2).
  [[nodiscard]] auto fail(OutputSink &renderer, Out &out, Summary &summary) -> int;

  [[nodiscard]] auto options(std::size_t input) const -> const Options &;

  // --show-config: one line per input on `err`, after prepare(): the
  // configuration that applies ("none", "none (--no-config)", "--config
  // FILE" or its path) and the trust boundary.
  void show(const std::vector<Input> &inputs, Out &err) const;

  // The paths post_process() matches suppressions and baselines against:
  // only for inputs that have a configuration, a baseline or a baseline written.
  struct Relative {
    std::string config;
    std::string baseline;
    std::string write;
  };
  // What post_process() needs of one input, carried with it (through the
  // worker pool) instead of indexed: resolve() may then go on with the next
  // inputs of a walk, on another thread, while this one is checked and
  // reported. The configuration and baseline live as long as the session.
  struct LoadedConfig;
  struct LoadedBaseline;
  struct Resolved {
    std::shared_ptr<const Options> options;
    LoadedConfig *config = nullptr;
    LoadedBaseline *baseline = nullptr;
    Relative relative;
    // post_process() leaves its reports as they are (no configuration,
    // baseline or --write-baseline for it): they may then be rendered on
    // another thread before they reach post_process().
    bool passes_through = true;
  };
  // The input `input` of the last prepare().
  [[nodiscard]] auto resolved(std::size_t input) const -> Resolved;
  // prepare() for one more input, the earlier ones kept (they are not held):
  // false when a configuration or baseline it needs is unreadable or invalid.
  [[nodiscard]] auto resolve(const Input &in, Resolved &out) -> bool;

  // After check(), in input order, from one thread: suppressions, then the
  // baseline (or recording, with --write-baseline).
  void post_process(std::size_t input, Report &report) { post_process(resolved(input), report); }
  void post_process(const Resolved &input, Report &report);

  // After the last input: renders CC402 (per config) and CC403 (per
  // baseline) as reports of their own, so every format shows them. True when
  // one of them is at or above `fail_on`.
  [[nodiscard]] auto finish(OutputSink &renderer, Out &out, Summary &summary, Severity fail_on) -> bool;

  // `"app"` of every configuration prepare() loaded, as paths (resolved
  // against each configuration's folder), in load order, without repeats.
  [[nodiscard]] auto app_files() const -> std::vector<std::string>;

  [[nodiscard]] auto writing_baseline() const -> bool { return !args_.write_baseline.empty(); }
  // --fix/--diff: every configuration file in use (path as read, display).
  [[nodiscard]] auto config_files() const -> std::vector<std::pair<std::string, std::string>>;
  // Writes --write-baseline; kClean, or kFailure when the file cannot be written.
  [[nodiscard]] auto write_baseline(Out &err) const -> int;

 private:
  auto explicit_config() -> int;
  auto input_config(const Input &in, std::filesystem::path &boundary) -> int;
  auto input_config(const Input &in, std::uint32_t &boundary) -> int;  // the boundary as an index (PerInput)
  auto config_for(const std::filesystem::path &start_dir, const std::filesystem::path &boundary) -> int;
  auto config_for_uncached(const std::filesystem::path &start_dir, const std::filesystem::path &boundary) -> int;
  auto intern(const Options &options) -> std::shared_ptr<const Options>;
  auto intern_boundary(const std::string &boundary) -> std::uint32_t {
    const auto [it, added] = boundary_index_.emplace(boundary, static_cast<std::uint32_t>(boundaries_.size()));
    if (added) boundaries_.push_back(it->first);
    return it->second;
  }
  auto load_config(const std::string &absolute, const std::filesystem::path &boundary, bool discovered) -> int;
  auto config_root(const LoadedConfig &c, const std::filesystem::path &boundary) -> std::filesystem::path;
  auto declares_root(const std::filesystem::path &file, const std::filesystem::path &boundary) -> bool;
  auto load_baseline(const std::string &absolute, const Options &filter_options) -> int;
  void emit(OutputSink &renderer, Out &out, Summary &summary, const Report &report, std::string_view text);

  const CheckArgs &args_;
  Options base_;
  std::vector<std::unique_ptr<LoadedConfig>> configs_;
  std::vector<std::unique_ptr<LoadedBaseline>> baselines_;
  std::map<std::string, int> dir_cache_;       // folder + boundary -> config index, -1 = none
  std::map<std::string, bool> root_cache_;     // config path -> says "root": true
  std::map<std::string, int> config_index_;    // absolute path -> config index
  std::map<std::string, int> baseline_index_;  // absolute path -> baseline index
  static constexpr std::uint32_t kNoRelative = ~std::uint32_t{0};
  struct PerInput {
    // Shared: inputs under one configuration (almost all of them) hold one
    // copy, so memory does not grow with the number of files.
    std::shared_ptr<const Options> options;
    int config = -1;
    std::uint32_t boundary = 0;  // index into boundaries_: a few per run, not one path per input
    int baseline = -1;
    std::uint32_t relative = kNoRelative;  // index into relatives_
  };
  auto resolve_input(const Input &in, Relative &rel) -> PerInput;
  [[nodiscard]] auto carried(const PerInput &p) const -> Resolved;  // all but `relative`
  [[nodiscard]] auto valid() const -> bool;                         // every configuration and baseline loaded is usable
  std::vector<PerInput> inputs_;
  std::vector<Relative> relatives_;
  std::vector<std::string> boundaries_;                  // distinct trust boundaries (PerInput::boundary)
  std::map<std::string, std::uint32_t> boundary_index_;  // boundary -> index in boundaries_
  // One-entry caches for consecutive inputs of one folder (a walk lists a
  // folder's files together): the place -> boundary index, the folder and
  // boundary -> configuration, a configuration without `overrides` or `schemas` -> Options.
  // Held, so that a place freed meanwhile cannot come back at its address.
  std::shared_ptr<const InputPlace> last_place_;
  std::uint32_t last_place_boundary_ = 0;
  std::string last_dir_;
  std::string last_dir_boundary_;
  int last_dir_config_ = -1;
  std::vector<std::shared_ptr<const Options>> config_options_;  // per configuration without overrides or schemas
  std::vector<std::shared_ptr<const Options>> option_sets_;     // distinct by ==; a handful per run
  std::shared_ptr<const Options> unconfigured_;                 // every input without a configuration
  std::unique_ptr<detail::BaselineWriter> writer_;
  std::string write_path_;
  UserSchemaCache user_schemas_;  // team policies, each compiled once per run
};

}  // namespace callcheck::cli

#endif  // CALLCHECK_CLI_CONFIG_SESSION_H_
