// .callcheck.json: parsed and validated from text (the CLI finds and reads the
// file; the library never touches the file system), then resolved into the
// Options of one payload, and the suppressions applied to its Report.
//
// Precedence, lowest first: built-in defaults < the top level of the config
// < each matching entry of `overrides`, in file order < command-line flags
// (--api, --scopes/--token, --select, --ignore, --join-url replace the config's value).
//
// Messages never quote a configuration's text unless it reads like a name
// (see shown()): a CC401 about a file that is not a configuration at all (a
// credentials file, a token pasted into a member) must not print its values.
// The CLI shows no code frame for configuration or baseline files either.
//
// Suppression pointers: a suppression hides findings of its rule whose
// pointer equals `pointer`; a pointer ending in "/*" hides findings anywhere
// strictly below the prefix ("/targets/*" covers "/targets/0/identity" but not
// "/targets" itself). A member literally named "*" therefore cannot be the
// last token of an exact suppression.
#ifndef CALLCHECK_CONFIG_CONFIG_H_
#define CALLCHECK_CONFIG_CONFIG_H_

#include <cstddef>      // std::size_t
#include <map>          // std::map
#include <memory>       // std::shared_ptr
#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include "callcheck/options.h"
#include "callcheck/diagnostic.h"
#include "callcheck/report.h"
#include "finding.h"

namespace callcheck::detail {

class Document;

struct ConfigOverride {
  std::vector<std::string> files;  // globs, relative to the config's folder
  std::optional<ApiVersion> api;
  std::map<std::string, RuleLevel> rules;  // canonical code -> level
  std::optional<std::string> join_url;     // checked by parse_join_url on load
  std::optional<std::string> request;      // the calls-API request of matching files (issue 12)
};

struct Suppression {
  std::vector<std::string> files;  // globs, relative to the config's folder
  std::string pointer;             // exact, or a prefix ending in "/*"
  std::string code;                // canonical code (names are resolved on load)
  std::string reason;
  Span span;  // the entry, in the config file (for CC402)
};

// A path a configuration names (today `baseline`; later schemas or app
// manifests), with where it is written: the CLI resolves it against the
// configuration's root and reports CC401 at `span` when it leaves it.
struct ConfigPath {
  std::string value;    // as written, relative to the config's folder
  std::string member;   // "baseline", for messages
  std::string pointer;  // "/baseline"
  Span span;            // of the value
};

// An entry of `schemas`: a team policy (callcheck/policy.h) for the files
// its globs match. `compiled` is filled in by whoever reads the schema files
// (the CLI, src/cli/user_schemas.h); apply_config adds it to the Options of
// every matching file.
struct ConfigSchema {
  std::vector<std::string> files;  // globs, relative to the config's folder
  ConfigPath schema;               // checked like `baseline` (trust_root.h check_config_path)
  std::shared_ptr<const PolicySchema> compiled;
};

// A glob longer than this is CC401. Matching is O(pattern x path), so this
// bounds the work per file whatever the repository's configuration says.
inline constexpr std::size_t kMaxGlobBytes = 256;

struct Config {
  bool root = false;  // "root": true: a trust boundary (src/cli/trust_root.h)
  std::optional<ApiVersion> api;
  std::optional<std::vector<std::string>> scopes;
  std::map<std::string, RuleLevel> rules;  // canonical code -> level
  std::optional<std::vector<std::string>> select;
  std::optional<std::vector<std::string>> ignore;
  std::optional<bool> preview;
  std::vector<ConfigOverride> overrides;
  std::vector<Suppression> suppressions;
  std::optional<std::string> join_url;  // checked by parse_join_url on load
  std::optional<std::string> request;   // the calls-API request every body is for (issue 12)
  std::optional<ConfigPath> baseline;
  std::vector<ConfigPath> app;        // `callcheck audit` declarations (each checked like `baseline`)
  std::vector<ConfigSchema> schemas;  // team policies, in file order
  // Paths not to check, relative to the config's folder (glob.h excluded_by):
  // skipped in walks, and with a note when named on the command line.
  std::vector<std::string> exclude;
};

struct ConfigLoad {
  Config config;
  std::vector<Diagnostic> errors;  // CC401, located in the config text; empty = usable
  // CC303/CC304 for the spellings in `scopes`, located at their entries:
  // reported once per configuration (the CLI renders them after the run, with
  // the severity the configuration's own levels give them), while
  // `config.scopes` holds the canonical names every payload is checked with.
  std::vector<Diagnostic> scope_notices;
};

// Parses `text` strictly (the payload parser and limits), validates it
// against schemas/callcheck/config.schema.json, then checks every rule
// reference against the catalogue and every suppression pointer.
[[nodiscard]] auto parse_config(std::string_view text) -> ConfigLoad;

// `text` in backquotes when it reads like a name or code (at most 64 bytes
// of letters, digits and `_.-:/@$#*`, not a token), else `placeholder`:
// configuration messages never quote values that could be secrets.
[[nodiscard]] auto shown(std::string_view text, std::string_view placeholder) -> std::string;

// A CC401 for one schema finding in a configuration or baseline document,
// located in `doc`, with any string value it quotes replaced unless shown().
[[nodiscard]] auto config_schema_error(const Document &doc, const Finding &finding) -> Diagnostic;

// Applies the top level of `config` and then each override whose `files`
// match `relative_path` (relative to the config's folder, '/' separators);
// then adds the compiled policy of each `schemas` entry whose `files` match.
// Command-line values are applied by the caller afterwards.
void apply_config(const Config &config, std::string_view relative_path, Options &options);

// Whether a rule (by canonical code) can produce findings under `options`:
// not "off", selected, not ignored. Matches the pipeline's own filter.
[[nodiscard]] auto rule_enabled(const Options &options, std::string_view code) -> bool;

// How each suppression of one config was used during a run.
struct SuppressionUse {
  bool applicable = false;  // its files matched a checked payload with its rule enabled
  std::size_t hidden = 0;   // findings it removed
};

// Whether `suppression_pointer` (exact or ".../*") covers `pointer`.
[[nodiscard]] auto pointer_covered(std::string_view suppression_pointer, std::string_view pointer) -> bool;

// Removes from `report` the findings hidden by `suppressions`, for a payload
// at `relative_path` checked with `options`; `uses` (one per suppression) is
// updated. Reports of unreadable inputs are left alone.
void apply_suppressions(Report &report, std::string_view relative_path, const std::vector<Suppression> &suppressions,
                        const Options &options, std::vector<SuppressionUse> &uses);

// CC402 for every suppression that applied to some payload but hid nothing,
// sorted by position. `options` are the config's top-level options.
[[nodiscard]] auto unused_suppressions(const std::vector<Suppression> &suppressions,
                                       const std::vector<SuppressionUse> &uses, const Options &options)
    -> std::vector<Diagnostic>;

}  // namespace callcheck::detail

#endif  // CALLCHECK_CONFIG_CONFIG_H_
