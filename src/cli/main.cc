// The CLI is thin: arguments -> Options -> check() -> render -> exit code.
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>    // std::find
#include <cstdlib>      // std::getenv, std::_Exit
#include <memory>       // std::unique_ptr
#include <sstream>      // std::ostringstream
#include <string_view>  // std::string_view
#include <thread>       // std::thread::hardware_concurrency

#include "callcheck/callcheck.h"
#include "cli/cli11.h"
#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/safe_write.h"
#include "cli/trust_root.h"
#include "config/config.h"
#include "util/suggest.h"

namespace {

using callcheck::cli::CheckArgs;
using callcheck::cli::OptionFilter;
using callcheck::cli::Out;

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
  if (is_subcommand(arg)) return "";
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

// `callcheck [check] PATH... [FLAG...]` where every argument after `check`
// is a path (no dash first, not empty, not named like a command) or one of
// the flags below, each at most once: the usual pre-commit run, filled in
// without CLI11 (building the command and parsing it was 10 % of a one-file
// run, issue 14). Anything else goes through CLI11 as before, so its
// messages and its reading of every other form stay the only ones.
auto plain_check(const std::vector<std::string> &args, CheckArgs &a) -> bool {
  struct Flag {
    std::string_view name;
    bool CheckArgs::*member;
  };
  static constexpr Flag kFlags[] = {
      {"--statistics", &CheckArgs::statistics},
      {"--exit-zero", &CheckArgs::exit_zero},
      {"-q", &CheckArgs::quiet},
      {"--quiet", &CheckArgs::quiet},
      {"--no-config", &CheckArgs::no_config},
      {"--preview", &CheckArgs::preview},
      {"--show-scopes", &CheckArgs::show_scopes},
      {"-v", &CheckArgs::show_scopes},
      {"--verbose", &CheckArgs::show_scopes},
      {"--show-config", &CheckArgs::show_config},
      {"--follow-symlinks", &CheckArgs::follow_symlinks},
      {"--no-ignore", &CheckArgs::no_ignore},
      {"--fix", &CheckArgs::fix},
      {"--unsafe-fixes", &CheckArgs::unsafe_fixes},
      {"--diff", &CheckArgs::diff},
      {"--fix-only", &CheckArgs::fix_only},
  };
  if (args.size() < 2 || args.front() != "check") return false;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string &arg = args[i];
    if (arg.empty() || is_subcommand(arg)) return false;
    if (arg[0] != '-') {
      a.paths.push_back(arg);
      continue;
    }
    const Flag *flag = std::find_if(std::begin(kFlags), std::end(kFlags), [&](const Flag &f) { return f.name == arg; });
    if (flag == std::end(kFlags) || a.*flag->member) return false;  // a repeated flag: CLI11 decides
    a.*flag->member = true;
  }
  if (a.paths.empty()) return false;
  a.jobs = std::max(1U, std::thread::hardware_concurrency());
  return true;
}

// The end of a run whose output is flushed (issue 14): no destructors for
// what the run built and the kernel takes back anyway (the parsed schemas,
// the request tables, the per-thread arenas: 130 k instructions of a
// one-file run). Sanitizer builds return, for LeakSanitizer's check at exit.
auto leave(int code) -> int {
#if CALLCHECK_CLI_QUICK_EXIT
  std::_Exit(code);  // standard error is written as it goes (Out::Mode::Unit)
#endif
  return code;
}

auto internal_error(Out &err, const std::exception &e) -> int {
  err << fmt::format("callcheck: internal error: {}\n", e.what());
  return callcheck::cli::kFailure;
}

// --help, or a version flag among others: CLI11 prints it into streams of
// ours (there is no std::cout, cli/cli11.h); unchecked, as it always was.
auto cli11_exit(const CLI::App &app, const CLI::Error &e, Out &out, Out &err) -> int {
  std::ostringstream to_out;
  std::ostringstream to_err;
  const int code = app.exit(e, to_out, to_err);
  out << to_out.str();
  err << to_err.str();
  return code;
}

// The command line as CLI11 sees it: the App, the subcommands a run can
// enter (nullptr when not built) and the values they fill in. Not copied:
// CLI11 keeps pointers to the values.
struct Cli {
  CLI::App app{"callcheck: checks Microsoft Graph calls-API request bodies", "callcheck"};
  CheckArgs check_args;
  CheckArgs scopes_args;
  std::string rules_format = "text";
  std::string explain_what;
  std::string schema_name;
  bool schema_bundle = false;
  std::string schema_api = "v1.0";
  CheckArgs server_args;
  callcheck::cli::JoinUrlArgs join_args;
  callcheck::cli::AuditArgs audit_args;
  CLI::App *check = nullptr;
  CLI::App *scopes = nullptr;
  CLI::App *rules = nullptr;
  CLI::App *explain = nullptr;
  CLI::App *schemas = nullptr;
  CLI::App *server = nullptr;
  CLI::App *version = nullptr;
  CLI::App *join = nullptr;
  CLI::App *audit = nullptr;

  // `bare`: no arguments. `named` says which options are registered (cli/commands.h).
  Cli(const std::vector<std::string> &args, bool bare, const OptionFilter &named) {
    if (const char *n = named("--version")) {
      app.set_version_flag(n, [] {
        std::string text = callcheck::cli::version_text();
        text.pop_back();  // CLI11 ends the line itself
        return text;
      });
    }
    // No help flag unless an argument can ask for it; a subcommand copies
    // its parent's when it is added.
    if (named("-h,--help") == nullptr) app.set_help_flag();
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

    check_args.jobs = std::max(1U, std::thread::hardware_concurrency());
    check = command("check", "Check payloads (the default command)");
    if (check != nullptr) add_check_options(*check, check_args, named);

    scopes = command("scopes", "Print the scenario and required permissions of each payload");
    if (scopes != nullptr) {
      scopes->add_option("paths", scopes_args.paths, "Files or directories")->required();
      if (const char *n = named("--format")) {
        scopes->add_option(n, scopes_args.format, "text or json")->check(CLI::IsMember({"text", "json"}));
      }
      if (const char *n = named("--api")) {
        scopes->add_option(n, scopes_args.api, "v1.0 or beta")->check(CLI::IsMember({"v1.0", "beta"}));
      }
      if (const char *n = named("--follow-symlinks")) {
        scopes->add_flag(n, scopes_args.follow_symlinks, "Read payloads through symlinks that leave the repository");
      }
    }

    rules = command("rules", "List every rule");
    if (rules != nullptr) {
      if (const char *n = named("--format")) {
        rules->add_option(n, rules_format, "text, json or markdown")
            ->check(CLI::IsMember({"text", "json", "markdown"}));
      }
    }

    explain = command("explain", "Print the documentation of one rule");
    if (explain != nullptr) {
      explain->add_option("rule", explain_what, "Code (CC201) or name")->required();
    }

    schemas = command("schemas", "List the embedded schemas, or print one");
    if (schemas != nullptr) {
      schemas->add_option("name", schema_name, "Schema name (e.g. call, beta/call, callcheck/report)");
      if (const char *n = named("--bundle")) {
        schemas->add_flag(
            n, schema_bundle,
            "Print one self-contained draft-07 schema for editors (definitions inside, local $refs only)");
      }
      if (const char *n = named("--api")) {
        schemas->add_option(n, schema_api, "Profile of --bundle: v1.0 or beta")->check(CLI::IsMember({"v1.0", "beta"}));
      }
    }

    server = command("server", "Language server (LSP) on stdin/stdout, for editors");
    if (server != nullptr) {
      if (const char *n = named("--api")) {
        server->add_option(n, server_args.api, "Graph API profile when no configuration says: v1.0 or beta")
            ->check(CLI::IsMember({"v1.0", "beta"}));
      }
      if (const char *n = named("--preview")) {
        server->add_flag(n, server_args.preview, "Also run the rules whose status is preview");
      }
    }

    version = command("version", "Print the version");

    join = command("join-url", "Print the create-call body that joins the meeting of a Teams link");
    if (join != nullptr) {
      join->add_option("url", join_args.url, "The meeting's join link (quote it: it contains & and ?)")->required();
      if (const char *n = named("--callback-uri")) {
        join->add_option(n, join_args.callback_uri, "The bot's https notification URL");
      }
      if (const char *n = named("--api")) {
        join->add_option(n, join_args.api, "v1.0 or beta")->check(CLI::IsMember({"v1.0", "beta"}));
      }
      if (const char *n = named("--tenant")) {
        join->add_option(n, join_args.tenant, "The tenant the call is created in (short links carry none)");
      }
      if (const char *n = named("--media")) {
        join->add_option(n, join_args.media, "service or app hosted media")->check(CLI::IsMember({"service", "app"}));
      }
      if (const char *n = named("--format")) {
        join->add_option(n, join_args.format, "text (the body) or json ({body, facts})")
            ->check(CLI::IsMember({"text", "json"}));
      }
    }

    audit = command("audit", "Audit the app registration's permissions against what the payloads need");
    if (audit != nullptr) {
      audit->add_option("paths", audit_args.check.paths, "Payload files or directories")->required();
      if (const char *n = named("--app")) {
        audit->add_option(n, audit_args.apps, "A file that declares the app's permissions (repeatable)")
            ->allow_extra_args(false);
      }
      if (const char *n = named("--strict")) {
        audit->add_flag(n, audit_args.strict, "An excess Calls.* permission is an error, not a warning");
      }
      if (const char *n = named("--write-minimal")) {
        audit->add_option(n, audit_args.write_minimal,
                          "Write the minimal requiredResourceAccess (JSON) the payloads need to this file");
      }
      if (const char *n = named("--format")) {
        audit
            ->add_option(n, audit_args.check.formats,
                         "Output format: " + callcheck::format_names() +
                             "; NAME:FILE writes that one to FILE (repeatable; at most one without FILE)")
            ->allow_extra_args(false)
            ->type_name("NAME[:FILE]");
      }
      if (const char *n = named("-o,--output-file")) {
        audit->add_option(n, audit_args.check.output_file,
                          "Write the output without a FILE here instead of standard output");
      }
      if (const char *n = named("--fail-on")) {
        audit->add_option(n, audit_args.check.fail_on, "Lowest severity that makes the exit code 1")
            ->check(CLI::IsMember({"error", "warning", "info"}));
      }
      if (const char *n = named("--api")) {
        audit->add_option(n, audit_args.check.api, "Graph API profile: v1.0 or beta")
            ->check(CLI::IsMember({"v1.0", "beta"}));
      }
      if (const char *n = named("--config")) {
        audit->add_option(n, audit_args.check.config_file, "Use this configuration file");
      }
      if (const char *n = named("--no-config")) {
        audit->add_flag(n, audit_args.check.no_config, "Do not read any configuration file");
      }
      if (const char *n = named("--select")) {
        audit->add_option(n, audit_args.check.select, "Only these rules (comma separated, repeatable)")
            ->delimiter(',')
            ->allow_extra_args(false);
      }
      if (const char *n = named("--ignore")) {
        audit->add_option(n, audit_args.check.ignore, "Skip these rules (comma separated, repeatable)")
            ->delimiter(',')
            ->allow_extra_args(false);
      }
      if (const char *n = named("--follow-symlinks")) {
        audit->add_flag(n, audit_args.check.follow_symlinks,
                        "Read payloads through symlinks that leave the repository");
      }
      if (const char *n = named("--exclude")) {
        audit
            ->add_option(n, audit_args.check.exclude,
                         "Do not check paths matching this glob, relative to the working directory (repeatable)")
            ->allow_extra_args(false)
            ->check(callcheck::cli::glob_validator())
            ->type_name("GLOB");
      }
      if (const char *n = named("--no-ignore")) {
        audit->add_flag(n, audit_args.check.no_ignore,
                        "Directory walks: also check hidden files and what .gitignore ignores");
      }
      if (const char *n = named("--color")) {
        audit->add_option(n, audit_args.check.color, "Colour: auto, always, never")
            ->check(CLI::IsMember({"auto", "always", "never"}));
      }
    }
  }
  Cli(const Cli &) = delete;
  auto operator=(const Cli &) -> Cli & = delete;
  Cli(Cli &&) = delete;
  auto operator=(Cli &&) -> Cli & = delete;
  ~Cli() = default;
};

}  // namespace

auto main(int argc, char **argv) -> int {
  Out out(STDOUT_FILENO);
  Out err(STDERR_FILENO, Out::Mode::Unit);
  // `callcheck --version` or `callcheck version`, alone: the text, without
  // building the command line (CLI11's full parse was 1.3 M instructions of a
  // 1.5 M run, issue 14). Anything more goes through CLI11 as before.
  if (argc == 2 && (std::string_view(argv[1]) == "--version" || std::string_view(argv[1]) == "version")) {
    out << callcheck::cli::version_text();
    return leave(callcheck::cli::finish_output(out, err, callcheck::cli::kClean));
  }
  std::vector<std::string> args(argv + 1, argv + argc);
  const bool bare = args.empty();
  if (!bare) {
    if (const std::string near = misspelt_subcommand(args.front()); !near.empty()) {
      err << fmt::format(
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

  const auto done = [&](int code) { return leave(callcheck::cli::finish_output(out, err, code)); };
  if (CheckArgs plain; plain_check(args, plain)) {
    try {
      return done(callcheck::cli::run_check(plain, out, err));
    } catch (const std::exception &e) {
      return internal_error(err, e);
    }
  }

  // With a subcommand first, the first parse registers only the options the
  // arguments name; any parse error (--help too) is left to a second parse
  // with every option, whose messages are CLI11's for the whole command.
  std::unique_ptr<Cli> cli;
  if (!bare && is_subcommand(args.front())) {
    cli = std::make_unique<Cli>(args, bare, OptionFilter(&args));
    try {
      cli->app.parse(std::vector<std::string>(args.rbegin(), args.rend()));
    } catch (const CLI::ParseError &) {
      cli.reset();
    }
  }
  if (cli == nullptr) {
    cli = std::make_unique<Cli>(args, bare, OptionFilter(nullptr));
    CLI::App &app = cli->app;
    if (bare) {
      // Nothing to do is a usage error: the help on stderr, exit 2.
      err << app.help();
      return callcheck::cli::kFailure;
    }
    try {
      std::vector<std::string> reversed(args.rbegin(), args.rend());
      app.parse(reversed);
    } catch (const CLI::Success &e) {  // --help, --version
      return cli11_exit(app, e, out, err);
    } catch (const CLI::ParseError &e) {
      const std::string hint = unknown_option_hint(app, args);
      err << (hint.empty() ? fmt::format("callcheck: {}\n", e.what()) : hint);
      err << "Run 'callcheck --help' for usage.\n";
      return callcheck::cli::kFailure;
    }
  }

  // Every subcommand's output is checked once it is written (safe_write.h).
  const auto entered = [](const CLI::App *command) { return command != nullptr && command->parsed(); };
  try {
    if (entered(cli->check)) return done(callcheck::cli::run_check(cli->check_args, out, err));
    if (entered(cli->scopes)) return done(callcheck::cli::run_scopes(cli->scopes_args, out, err));
    if (entered(cli->audit)) return done(callcheck::cli::run_audit(cli->audit_args, out, err));
    if (entered(cli->rules)) return done(callcheck::cli::run_rules(cli->rules_format, out));
    if (entered(cli->explain)) return done(callcheck::cli::run_explain(cli->explain_what, out, err));
    if (entered(cli->schemas)) {
      if (cli->schema_bundle) {
        return done(callcheck::cli::run_bundle(cli->schema_name, cli->schema_api, out, err));
      }
      return done(callcheck::cli::run_schemas(cli->schema_name, out, err));
    }
    if (entered(cli->join)) return done(callcheck::cli::run_join_url(cli->join_args, out, err));
    if (entered(cli->server)) return callcheck::cli::run_server(cli->server_args, err);
    if (entered(cli->version)) {
      out << callcheck::cli::version_text();
      return done(callcheck::cli::kClean);
    }
  } catch (const std::exception &e) {
    return internal_error(err, e);
  }
  return callcheck::cli::kFailure;
}
