// The CLI is thin: arguments -> Options -> check() -> render -> exit code.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>  // std::find
#include <cstdlib>    // std::getenv
#include <iostream>   // std::cout, std::cerr
#include <thread>     // std::thread::hardware_concurrency

#include "callcheck/callcheck.h"
#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/safe_write.h"
#include "cli/trust_root.h"
#include "config/config.h"
#include "util/suggest.h"

namespace {

using callcheck::cli::CheckArgs;

constexpr std::string_view kSubcommands[] = {"check",   "scopes",   "rules", "explain", "schemas",
                                             "version", "join-url", "audit", "server"};

auto is_subcommand(std::string_view s) -> bool {
  return std::find(std::begin(kSubcommands), std::end(kSubcommands), s) != std::end(kSubcommands);
}

// `callcheck chek`: a misspelt command, not a file, when nothing of that name
// exists, it has no path separator or extension, and a command is close. An
// existing file or folder is always a path (`callcheck audit` where ./audit
// is a folder still needs `check`, and says so in --help).
auto misspelt_subcommand(const std::string &arg) -> std::string {
  if (arg.empty() || arg[0] == '-' || arg.find_first_of("/.\\") != std::string::npos) return "";
  struct stat st {};
  if (::lstat(arg.c_str(), &st) == 0) return "";
  const std::vector<std::string_view> names(std::begin(kSubcommands), std::end(kSubcommands));
  return callcheck::detail::closest(arg, names);
}

// CLI11 reports "The following argument was not expected: --formt"; this
// names the closest long option of the command that was run.
auto unknown_option_hint(const CLI::App &app, const std::vector<std::string> &args) -> std::string {
  const CLI::App *command = &app;
  for (const CLI::App *sub : app.get_subcommands({})) {
    if (sub->parsed()) command = sub;
  }
  std::vector<std::string> known;
  for (const CLI::Option *opt : command->get_options({})) {
    for (const std::string &name : opt->get_lnames()) known.push_back("--" + name);
  }
  std::vector<std::string_view> candidates(known.begin(), known.end());
  for (const std::string &arg : args) {
    if (arg.rfind("--", 0) != 0 || arg.size() < 3) continue;
    const std::string name = arg.substr(0, arg.find('='));
    if (std::find(known.begin(), known.end(), name) != known.end()) continue;
    const std::string near = callcheck::detail::closest(name, candidates);
    if (!near.empty()) return fmt::format("callcheck: unknown option `{}`; did you mean `{}`?\n", name, near);
  }
  return "";
}

// The same limits as "exclude" in .callcheck.json (CC401 there), so a glob means one thing in both.
auto glob_validator() -> CLI::Validator {
  return CLI::Validator(
      [](const std::string &glob) -> std::string {
        if (glob.empty()) return "an empty glob matches nothing";
        if (glob.size() > callcheck::detail::kMaxGlobBytes) {
          return fmt::format("a glob of {} bytes; globs are limited to {} bytes", glob.size(),
                             callcheck::detail::kMaxGlobBytes);
        }
        return {};
      },
      "GLOB");
}

void add_check_options(CLI::App &cmd, CheckArgs &a) {
  cmd.add_option("paths", a.paths, "Files or directories to check; - reads stdin")->required();
  // NAME[:FILE], repeatable: one run, several reports (cli/outputs.h checks the values).
  cmd.add_option("--format", a.formats,
                 "Output format: " + callcheck::format_names() +
                     "; NAME:FILE writes that one to FILE (repeatable; at most one without FILE, on standard output)")
      ->allow_extra_args(false)
      ->type_name("NAME[:FILE]");
  cmd.add_option("-o,--output-file", a.output_file, "Write the output without a FILE here instead of standard output");
  cmd.add_flag("--statistics", a.statistics, "After the findings, count them per rule");
  cmd.add_flag("--exit-zero", a.exit_zero, "Exit 0 even when findings reach --fail-on (2 still means failure)");
  cmd.add_flag("-q,--quiet", a.quiet, "Report errors only: no warnings, infos or summary line");
  cmd.add_option("--fail-on", a.fail_on, "Lowest severity that makes the exit code 1: error, warning, info")
      ->check(CLI::IsMember({"error", "warning", "info"}));
  cmd.add_option("--request", a.request,
                 "The calls-API request the bodies are for (answer, playPrompt, participant-invite, ...; "
                 "`callcheck schemas` lists them); a request line or the configuration's `request` decides first");
  cmd.add_option("--api", a.api, "Graph API profile: v1.0 or beta (default v1.0)")
      ->check(CLI::IsMember({"v1.0", "beta"}));
  // Multi-value options take exactly one argument per occurrence (split on
  // commas, repeatable), so `--scopes A bad.json good.json` can never swallow
  // the paths behind it: pre-commit appends file names after `args`.
  cmd.add_option("--scopes", a.scopes, "Granted application permissions, comma separated (repeatable)")
      ->delimiter(',')
      ->allow_extra_args(false);
  cmd.add_option("--token", a.token_file,
                 "File holding an access token (JWT) whose roles are the granted "
                 "permissions; - reads stdin");
  cmd.add_option("--config", a.config_file, "Use this configuration file instead of discovering .callcheck.json");
  cmd.add_flag("--no-config", a.no_config, "Do not read any configuration file");
  cmd.add_option("--select", a.select, "Only these rules (codes, names or code prefixes; comma separated, repeatable)")
      ->delimiter(',')
      ->allow_extra_args(false);
  cmd.add_option("--ignore", a.ignore, "Skip these rules (codes, names or code prefixes; comma separated, repeatable)")
      ->delimiter(',')
      ->allow_extra_args(false);
  cmd.add_flag("--preview", a.preview, "Also run the rules whose status is preview (opt-in)");
  cmd.add_flag("--show-scopes,-v,--verbose", a.show_scopes,
               "Text output: print each file's scenario and required permissions, also when it is clean");
  cmd.add_flag("--show-config", a.show_config, "Print to stderr which configuration applies to each input");
  cmd.add_flag("--follow-symlinks", a.follow_symlinks, "Read payloads through symlinks that leave the repository");
  cmd.add_option("--exclude", a.exclude,
                 "Do not check paths matching this glob, relative to the working directory; a glob without / "
                 "matches any file or folder of that name (repeatable; also applies to files named here)")
      ->allow_extra_args(false)
      ->check(glob_validator())
      ->type_name("GLOB");
  cmd.add_flag("--no-ignore", a.no_ignore,
               "Directory walks: also check hidden files and folders and what .gitignore or .git/info/exclude "
               "ignore");
  cmd.add_option("--baseline", a.baseline, "Hide the findings recorded in this baseline file");
  cmd.add_option("--write-baseline", a.write_baseline, "Record today's findings in this file and exit 0");
  cmd.add_option("-j,--jobs", a.jobs, "Files checked in parallel (default: number of cores)")
      ->check(CLI::Range(1, 256));
  cmd.add_option("--color", a.color, "Colour: auto, always, never")->check(CLI::IsMember({"auto", "always", "never"}));
  cmd.add_option("--stdin-filename", a.stdin_name, "Name shown for stdin input");
  cmd.add_option("--join-url", a.join_url, "Compare every body with the meeting of this Teams join link");
  cmd.add_flag("--fix", a.fix, "Apply the safe fixes to the files in place, then report what remains");
  cmd.add_flag("--unsafe-fixes", a.unsafe_fixes, "With --fix or --diff: also the fixes that may change the meaning");
  cmd.add_flag("--diff", a.diff, "Print the fixes as a unified diff and change nothing (exit 1 if any)");
  cmd.add_flag("--fix-only", a.fix_only, "Apply the fixes and report only how many; exit 0 unless an input fails");
  cmd.add_option("--max-bytes", a.limits.max_bytes, "Limit: bytes per input (default 1048576)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 30U));
  cmd.add_option("--max-depth", a.limits.max_depth, "Limit: nesting depth (default 64)")->check(CLI::Range(1U, 10000U));
  cmd.add_option("--max-string", a.limits.max_string_bytes, "Limit: bytes per string (default 8192)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 30U));
  cmd.add_option("--max-key", a.limits.max_key_bytes, "Limit: bytes per member name (default 256)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 20U));
  cmd.add_option("--max-members", a.limits.max_members, "Limit: members per object (default 1000)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 24U));
  cmd.add_option("--max-elements", a.limits.max_elements, "Limit: elements per array (default 10000)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 24U));
}

}  // namespace

auto main(int argc, char **argv) -> int {
  std::vector<std::string> args(argv + 1, argv + argc);
  const bool bare = args.empty();
  if (!bare) {
    if (const std::string near = misspelt_subcommand(args.front()); !near.empty()) {
      std::cerr << fmt::format(
          "callcheck: unknown command `{}`; did you mean `{}`? (no file `{}` either)\n"
          "Run 'callcheck --help' for usage.\n",
          callcheck::cli::printable(args.front()), near, callcheck::cli::printable(args.front()));
      return callcheck::cli::kFailure;
    }
  }
  // `callcheck PATH...` means `callcheck check PATH...`.
  if (!bare && !is_subcommand(args.front()) && args.front() != "-h" && args.front() != "--help" &&
      args.front() != "--version") {
    args.insert(args.begin(), "check");
  }

  CLI::App app{"callcheck: checks Microsoft Graph calls-API request bodies", "callcheck"};
  app.set_version_flag("--version", [] {
    std::string text = callcheck::cli::version_text();
    text.pop_back();  // CLI11 ends the line itself
    return text;
  });
  app.footer("callcheck PATH... is callcheck check PATH...; a PATH named like a command needs the `check`.");
  app.require_subcommand(1, 1);

  // Only the subcommands a run can enter: CLI11 enters one only through its
  // exact name (no prefixes, aliases or case folding here), so a subcommand
  // that no argument names can never be parsed, and with a subcommand first
  // nothing lists the others (only the top-level --help does). Building every
  // subcommand and option was a fifth of a one-file run (issue 14). Without a
  // subcommand first (--help, --version, no arguments) all of them are built,
  // as before. A subcommand not built is nullptr.
  const bool build_all = bare || !is_subcommand(args.front());
  const auto wanted = [&](std::string_view name) {
    return build_all || std::find(args.begin(), args.end(), name) != args.end();
  };
  const auto command = [&](const char *name, const char *description) -> CLI::App * {
    return wanted(name) ? app.add_subcommand(name, description) : nullptr;
  };

  CheckArgs check_args;
  check_args.jobs = std::max(1U, std::thread::hardware_concurrency());
  CLI::App *check = command("check", "Check payloads (the default command)");
  if (check != nullptr) add_check_options(*check, check_args);

  CheckArgs scopes_args;
  CLI::App *scopes = command("scopes", "Print the scenario and required permissions of each payload");
  if (scopes != nullptr) {
    scopes->add_option("paths", scopes_args.paths, "Files or directories")->required();
    scopes->add_option("--format", scopes_args.format, "text or json")->check(CLI::IsMember({"text", "json"}));
    scopes->add_option("--api", scopes_args.api, "v1.0 or beta")->check(CLI::IsMember({"v1.0", "beta"}));
    scopes->add_flag("--follow-symlinks", scopes_args.follow_symlinks,
                     "Read payloads through symlinks that leave the repository");
  }

  std::string rules_format = "text";
  CLI::App *rules = command("rules", "List every rule");
  if (rules != nullptr) {
    rules->add_option("--format", rules_format, "text, json or markdown")
        ->check(CLI::IsMember({"text", "json", "markdown"}));
  }

  std::string explain_what;
  CLI::App *explain = command("explain", "Print the documentation of one rule");
  if (explain != nullptr) {
    explain->add_option("rule", explain_what, "Code (CC201) or name")->required();
  }

  std::string schema_name;
  bool schema_bundle = false;
  std::string schema_api = "v1.0";
  CLI::App *schemas = command("schemas", "List the embedded schemas, or print one");
  if (schemas != nullptr) {
    schemas->add_option("name", schema_name, "Schema name (e.g. call, beta/call, callcheck/report)");
    schemas->add_flag("--bundle", schema_bundle,
                      "Print one self-contained draft-07 schema for editors (definitions inside, local $refs only)");
    schemas->add_option("--api", schema_api, "Profile of --bundle: v1.0 or beta")
        ->check(CLI::IsMember({"v1.0", "beta"}));
  }

  CheckArgs server_args;
  CLI::App *server = command("server", "Language server (LSP) on stdin/stdout, for editors");
  if (server != nullptr) {
    server->add_option("--api", server_args.api, "Graph API profile when no configuration says: v1.0 or beta")
        ->check(CLI::IsMember({"v1.0", "beta"}));
    server->add_flag("--preview", server_args.preview, "Also run the rules whose status is preview");
  }

  CLI::App *version = command("version", "Print the version");

  callcheck::cli::JoinUrlArgs join_args;
  CLI::App *join = command("join-url", "Print the create-call body that joins the meeting of a Teams link");
  if (join != nullptr) {
    join->add_option("url", join_args.url, "The meeting's join link (quote it: it contains & and ?)")->required();
    join->add_option("--callback-uri", join_args.callback_uri, "The bot's https notification URL");
    join->add_option("--api", join_args.api, "v1.0 or beta")->check(CLI::IsMember({"v1.0", "beta"}));
    join->add_option("--tenant", join_args.tenant, "The tenant the call is created in (short links carry none)");
    join->add_option("--media", join_args.media, "service or app hosted media")
        ->check(CLI::IsMember({"service", "app"}));
    join->add_option("--format", join_args.format, "text (the body) or json ({body, facts})")
        ->check(CLI::IsMember({"text", "json"}));
  }

  callcheck::cli::AuditArgs audit_args;
  CLI::App *audit = command("audit", "Audit the app registration's permissions against what the payloads need");
  if (audit != nullptr) {
    audit->add_option("paths", audit_args.check.paths, "Payload files or directories")->required();
    audit->add_option("--app", audit_args.apps, "A file that declares the app's permissions (repeatable)")
        ->allow_extra_args(false);
    audit->add_flag("--strict", audit_args.strict, "An excess Calls.* permission is an error, not a warning");
    audit->add_option("--write-minimal", audit_args.write_minimal,
                      "Write the minimal requiredResourceAccess (JSON) the payloads need to this file");
    audit
        ->add_option("--format", audit_args.check.formats,
                     "Output format: " + callcheck::format_names() +
                         "; NAME:FILE writes that one to FILE (repeatable; at most one without FILE)")
        ->allow_extra_args(false)
        ->type_name("NAME[:FILE]");
    audit->add_option("-o,--output-file", audit_args.check.output_file,
                      "Write the output without a FILE here instead of standard output");
    audit->add_option("--fail-on", audit_args.check.fail_on, "Lowest severity that makes the exit code 1")
        ->check(CLI::IsMember({"error", "warning", "info"}));
    audit->add_option("--api", audit_args.check.api, "Graph API profile: v1.0 or beta")
        ->check(CLI::IsMember({"v1.0", "beta"}));
    audit->add_option("--config", audit_args.check.config_file, "Use this configuration file");
    audit->add_flag("--no-config", audit_args.check.no_config, "Do not read any configuration file");
    audit->add_option("--select", audit_args.check.select, "Only these rules (comma separated, repeatable)")
        ->delimiter(',')
        ->allow_extra_args(false);
    audit->add_option("--ignore", audit_args.check.ignore, "Skip these rules (comma separated, repeatable)")
        ->delimiter(',')
        ->allow_extra_args(false);
    audit->add_flag("--follow-symlinks", audit_args.check.follow_symlinks,
                    "Read payloads through symlinks that leave the repository");
    audit
        ->add_option("--exclude", audit_args.check.exclude,
                     "Do not check paths matching this glob, relative to the working directory (repeatable)")
        ->allow_extra_args(false)
        ->check(glob_validator())
        ->type_name("GLOB");
    audit->add_flag("--no-ignore", audit_args.check.no_ignore,
                    "Directory walks: also check hidden files and what .gitignore ignores");
    audit->add_option("--color", audit_args.check.color, "Colour: auto, always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}));
  }

  if (bare) {
    // Nothing to do is a usage error: the help on stderr, exit 2.
    std::cerr << app.help();
    return callcheck::cli::kFailure;
  }
  try {
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    app.parse(reversed);
  } catch (const CLI::CallForHelp &e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion &e) {
    return app.exit(e);
  } catch (const CLI::ParseError &e) {
    const std::string hint = unknown_option_hint(app, args);
    std::cerr << (hint.empty() ? fmt::format("callcheck: {}\n", e.what()) : hint);
    std::cerr << "Run 'callcheck --help' for usage.\n";
    return callcheck::cli::kFailure;
  }

  // Every subcommand's output is checked once it is written (safe_write.h).
  const auto done = [](int code) { return callcheck::cli::finish_output(std::cout, std::cerr, code); };
  const auto entered = [](const CLI::App *command) { return command != nullptr && command->parsed(); };
  try {
    if (entered(check)) return done(callcheck::cli::run_check(check_args, std::cout, std::cerr));
    if (entered(scopes)) return done(callcheck::cli::run_scopes(scopes_args, std::cout, std::cerr));
    if (entered(audit)) return done(callcheck::cli::run_audit(audit_args, std::cout, std::cerr));
    if (entered(rules)) return done(callcheck::cli::run_rules(rules_format, std::cout));
    if (entered(explain)) return done(callcheck::cli::run_explain(explain_what, std::cout, std::cerr));
    if (entered(schemas)) {
      if (schema_bundle) return done(callcheck::cli::run_bundle(schema_name, schema_api, std::cout, std::cerr));
      return done(callcheck::cli::run_schemas(schema_name, std::cout, std::cerr));
    }
    if (entered(join)) return done(callcheck::cli::run_join_url(join_args, std::cout, std::cerr));
    if (entered(server)) return callcheck::cli::run_server(server_args, std::cerr);
    if (entered(version)) {
      std::cout << callcheck::cli::version_text();
      return done(callcheck::cli::kClean);
    }
  } catch (const std::exception &e) {
    std::cerr << fmt::format("callcheck: internal error: {}\n", e.what());
    return callcheck::cli::kFailure;
  }
  return callcheck::cli::kFailure;
}
