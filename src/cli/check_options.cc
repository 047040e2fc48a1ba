// The run configuration from the command line: the options of `check`
// (CLI11), build_options() and use_colour() (cli/commands.h).
#include <unistd.h>

#include <cstdlib>  // std::getenv

#include "cli/cli11.h"
#include <fmt/format.h>

#include "callcheck/callcheck.h"
#include "catalog/policy.h"
#include "cli/commands.h"
#include "cli/input.h"
#include "cli/trust_root.h"
#include "permissions/token.h"
#include "request/request.h"
#include "util/suggest.h"

namespace callcheck::cli {
namespace {

// A JWT: three base64url segments joined by dots (the first two at least
// 8 characters, the last may be empty: alg "none"), or anything starting
// like a base64 JSON header ("eyJ"). "my.token.jwt" is a file name.
auto looks_like_token(std::string_view s) -> bool {
  if (s.substr(0, 3) == "eyJ") return true;
  std::size_t dots = 0;
  std::size_t segment = 0;
  for (const char c : s) {
    if (c == '.') {
      if (segment < 8 && dots < 2) return false;
      ++dots;
      segment = 0;
      continue;
    }
    const bool b64 = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!b64) return false;
    ++segment;
  }
  return dots == 2;
}

}  // namespace

auto OptionFilter::operator()(const char *names) const -> const char * {
  if (args_ == nullptr) return names;
  std::string_view rest(names);
  while (!rest.empty()) {
    const std::size_t comma = rest.find(',');
    const std::string_view name = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
    if (name.empty() || name[0] != '-') return names;
    const bool is_long = name.size() > 2 && name[1] == '-';
    for (const std::string &arg : *args_) {
      if (is_long) {
        if (arg.rfind(name, 0) == 0 && (arg.size() == name.size() || arg[name.size()] == '=')) return names;
      } else if (arg.size() > 1 && arg[0] == '-' && arg[1] != '-' && arg.find(name[1], 1) != std::string::npos) {
        return names;
      }
    }
  }
  return nullptr;
}

// The same limits as "exclude" in .callcheck.json (CC401 there), so a glob means one thing in both.
auto glob_validator() -> CLI::Validator {
  return CLI::Validator(
      [](const std::string &glob) -> std::string {
        if (glob.empty()) return "an empty glob matches nothing";
        if (glob.size() > detail::kMaxGlobBytes) {
          return fmt::format("a glob of {} bytes; globs are limited to {} bytes", glob.size(), detail::kMaxGlobBytes);
        }
        return {};
      },
      "GLOB");
}

void add_check_options(CLI::App &cmd, CheckArgs &a, const OptionFilter &named) {
  cmd.add_option("paths", a.paths, "Files or directories to check; - reads stdin")->required();
  // NAME[:FILE], repeatable: one run, several reports (cli/outputs.h checks the values).
  if (const char *n = named("--format")) {
    cmd.add_option(n, a.formats,
                   "Output format: " + format_names() +
                       "; NAME:FILE writes that one to FILE (repeatable; at most one without FILE, on standard output)")
        ->allow_extra_args(false)
        ->type_name("NAME[:FILE]");
  }
  if (const char *n = named("-o,--output-file")) {
    cmd.add_option(n, a.output_file, "Write the output without a FILE here instead of standard output");
  }
  if (const char *n = named("--statistics")) {
    cmd.add_flag(n, a.statistics, "After the findings, count them per rule");
  }
  if (const char *n = named("--exit-zero")) {
    cmd.add_flag(n, a.exit_zero, "Exit 0 even when findings reach --fail-on (2 still means failure)");
  }
  if (const char *n = named("-q,--quiet")) {
    cmd.add_flag(n, a.quiet, "Report errors only: no warnings, infos or summary line");
  }
  if (const char *n = named("--fail-on")) {
    cmd.add_option(n, a.fail_on, "Lowest severity that makes the exit code 1: error, warning, info")
        ->check(CLI::IsMember({"error", "warning", "info"}));
  }
  if (const char *n = named("--request")) {
    cmd.add_option(n, a.request,
                   "The calls-API request the bodies are for (answer, playPrompt, participant-invite, ...; "
                   "`callcheck schemas` lists them); a request line or the configuration's `request` decides first");
  }
  if (const char *n = named("--api")) {
    cmd.add_option(n, a.api, "Graph API profile: v1.0 or beta (default v1.0)")->check(CLI::IsMember({"v1.0", "beta"}));
  }
  // Multi-value options take exactly one argument per occurrence (split on
  // commas, repeatable), so `--scopes A bad.json good.json` can never swallow
  // the paths behind it: pre-commit appends file names after `args`.
  if (const char *n = named("--scopes")) {
    cmd.add_option(n, a.scopes, "Granted application permissions, comma separated (repeatable)")
        ->delimiter(',')
        ->allow_extra_args(false);
  }
  if (const char *n = named("--token")) {
    cmd.add_option(n, a.token_file,
                   "File holding an access token (JWT) whose roles are the granted "
                   "permissions; - reads stdin");
  }
  if (const char *n = named("--config")) {
    cmd.add_option(n, a.config_file, "Use this configuration file instead of discovering .callcheck.json");
  }
  if (const char *n = named("--no-config")) {
    cmd.add_flag(n, a.no_config, "Do not read any configuration file");
  }
  if (const char *n = named("--select")) {
    cmd.add_option(n, a.select, "Only these rules (codes, names or code prefixes; comma separated, repeatable)")
        ->delimiter(',')
        ->allow_extra_args(false);
  }
  if (const char *n = named("--ignore")) {
    cmd.add_option(n, a.ignore, "Skip these rules (codes, names or code prefixes; comma separated, repeatable)")
        ->delimiter(',')
        ->allow_extra_args(false);
  }
  if (const char *n = named("--preview")) {
    cmd.add_flag(n, a.preview, "Also run the rules whose status is preview (opt-in)");
  }
  if (const char *n = named("--show-scopes,-v,--verbose")) {
    cmd.add_flag(n, a.show_scopes,
                 "Text output: print each file's scenario and required permissions, also when it is clean");
  }
  if (const char *n = named("--show-config")) {
    cmd.add_flag(n, a.show_config, "Print to stderr which configuration applies to each input");
  }
  if (const char *n = named("--follow-symlinks")) {
    cmd.add_flag(n, a.follow_symlinks, "Read payloads through symlinks that leave the repository");
  }
  if (const char *n = named("--exclude")) {
    cmd.add_option(n, a.exclude,
                   "Do not check paths matching this glob, relative to the working directory; a glob without / "
                   "matches any file or folder of that name (repeatable; also applies to files named here)")
        ->allow_extra_args(false)
        ->check(glob_validator())
        ->type_name("GLOB");
  }
  if (const char *n = named("--no-ignore")) {
    cmd.add_flag(n, a.no_ignore,
                 "Directory walks: also check hidden files and folders and what .gitignore or .git/info/exclude "
                 "ignore");
  }
  if (const char *n = named("--baseline")) {
    cmd.add_option(n, a.baseline, "Hide the findings recorded in this baseline file");
  }
  if (const char *n = named("--write-baseline")) {
    cmd.add_option(n, a.write_baseline, "Record today's findings in this file and exit 0");
  }
  if (const char *n = named("-j,--jobs")) {
    cmd.add_option(n, a.jobs, "Files checked in parallel (default: number of cores)")->check(CLI::Range(1, 256));
  }
  if (const char *n = named("--color")) {
    cmd.add_option(n, a.color, "Colour: auto, always, never")->check(CLI::IsMember({"auto", "always", "never"}));
  }
  if (const char *n = named("--stdin-filename")) {
    cmd.add_option(n, a.stdin_name, "Name shown for stdin input");
  }
  if (const char *n = named("--join-url")) {
    cmd.add_option(n, a.join_url, "Compare every body with the meeting of this Teams join link");
  }
  if (const char *n = named("--fix")) {
    cmd.add_flag(n, a.fix, "Apply the safe fixes to the files in place, then report what remains");
  }
  if (const char *n = named("--unsafe-fixes")) {
    cmd.add_flag(n, a.unsafe_fixes, "With --fix or --diff: also the fixes that may change the meaning");
  }
  if (const char *n = named("--diff")) {
    cmd.add_flag(n, a.diff, "Print the fixes as a unified diff and change nothing (exit 1 if any)");
  }
  if (const char *n = named("--fix-only")) {
    cmd.add_flag(n, a.fix_only, "Apply the fixes and report only how many; exit 0 unless an input fails");
  }
  if (const char *n = named("--max-bytes")) {
    cmd.add_option(n, a.limits.max_bytes, "Limit: bytes per input (default 1048576)")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 30U));
  }
  if (const char *n = named("--max-depth")) {
    cmd.add_option(n, a.limits.max_depth, "Limit: nesting depth (default 64)")->check(CLI::Range(1U, 10000U));
  }
  if (const char *n = named("--max-string")) {
    cmd.add_option(n, a.limits.max_string_bytes, "Limit: bytes per string (default 8192)")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 30U));
  }
  if (const char *n = named("--max-key")) {
    cmd.add_option(n, a.limits.max_key_bytes, "Limit: bytes per member name (default 256)")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 20U));
  }
  if (const char *n = named("--max-members")) {
    cmd.add_option(n, a.limits.max_members, "Limit: members per object (default 1000)")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 24U));
  }
  if (const char *n = named("--max-elements")) {
    cmd.add_option(n, a.limits.max_elements, "Limit: elements per array (default 10000)")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 24U));
  }
}

auto use_colour(const std::string &mode) -> bool {
  if (mode == "always") return true;
  if (mode == "never") return false;
  // FORCE_COLOR (https://force-color.org) is the CI's way to say its log
  // renders ANSI colour though it is not a terminal; it wins over NO_COLOR,
  // as in Node.js. --color always/never win over both.
  const char *force_color = std::getenv("FORCE_COLOR");
  if (force_color != nullptr && *force_color != '\0') return true;
  const char *no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  return ::isatty(STDOUT_FILENO) == 1;
}

auto expand_options(const CheckArgs &args, std::vector<std::string> extensions, std::vector<std::string> &notes)
    -> ExpandOptions {
  ExpandOptions o;
  o.extensions = std::move(extensions);
  o.follow_symlinks = args.follow_symlinks;
  o.use_ignore = !args.no_ignore;
  o.exclude = args.exclude;
  o.notes = &notes;
  return o;
}

auto build_options(const CheckArgs &args, Out &err, bool &ok) -> Options {
  Options options;
  ok = true;
  options.limits = args.limits;
  if (!args.api.empty()) options.api = *parse_api_version(args.api);
  if (!args.request.empty()) {
    if (detail::find_request(args.request) == nullptr) {
      std::string known;
      std::vector<std::string_view> names;
      for (const detail::RequestDef &r : detail::all_requests()) {
        known += (known.empty() ? "" : ", ") + std::string(r.name);
        names.push_back(r.name);
      }
      const std::string near = detail::closest(args.request, names);
      err << fmt::format("callcheck: --request: unknown request `{}`{}; known: {}\n", printable(args.request),
                         near.empty() ? "" : fmt::format(" (did you mean `{}`?)", near), known);
      ok = false;
    }
    options.request = args.request;
  }
  options.select = args.select;
  options.ignore = args.ignore;
  options.preview = args.preview;
  // Rule selectors on the command line are held to the configuration's rules
  // (catalog/policy.h): a typo must never widen or narrow a run silently.
  auto selectors_ok = [&](const std::vector<std::string> &list, std::string_view flag, bool for_ignore) {
    for (const std::string &item : list) {
      if (const auto problem = detail::check_selector(item, for_ignore)) {
        err << fmt::format("callcheck: {}: {}; {}\n", flag, printable(problem->message), problem->help);
        ok = false;
      }
    }
  };
  selectors_ok(args.select, "--select", false);
  selectors_ok(args.ignore, "--ignore", true);
  if (!ok) return options;
  if (!args.scopes.empty()) {
    std::vector<std::string> granted;
    for (const std::string &s : args.scopes) {
      if (!s.empty()) granted.push_back(s);
    }
    options.granted_scopes = granted;
  }
  if (!args.token_file.empty()) {
    // A fixed cap (a JWT is a few KB), not --max-bytes, so no flag is named.
    constexpr std::size_t kMaxTokenBytes = 64 * 1024;
    ReadResult r =
        args.token_file == "-" ? read_stdin(kMaxTokenBytes, "") : read_file(args.token_file, kMaxTokenBytes, "");
    if (!r.ok) {
      // Never the argument itself: `--token "$TOKEN"` is an easy mistake,
      // and this line would put the token into the CI log.
      if (looks_like_token(args.token_file)) {
        err << "callcheck: --token: this looks like a token, not a file; write it to a file or pass - to read "
               "stdin\n";
      } else {
        err << fmt::format("callcheck: cannot read the --token file: {}\n", r.error);
      }
      ok = false;
      return options;
    }
    const detail::TokenRoles roles = detail::decode_token_roles(r.bytes);
    if (!roles.ok) {
      err << fmt::format("callcheck: the token in `{}` is not usable: {}\n", display_path(args.token_file),
                         roles.error);
      ok = false;
      return options;
    }
    std::vector<std::string> granted = options.granted_scopes.value_or(std::vector<std::string>{});
    granted.insert(granted.end(), roles.roles.begin(), roles.roles.end());
    options.granted_scopes = granted;
    options.token_tenant = roles.tenant;
  }
  if (!args.join_url.empty()) {
    // A link that cannot be read leaves nothing to compare with: refuse it
    // here rather than report CC240 once per file.
    const JoinUrlResult link = parse_join_url(args.join_url);
    if (!link) {
      err << fmt::format("callcheck: --join-url: {}; {}\n", to_string(link.error()), join_url_help(link.error()));
      ok = false;
      return options;
    }
    options.join_url = args.join_url;
  }
  return options;
}

}  // namespace callcheck::cli
