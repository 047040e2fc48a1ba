// The run configuration from the command line: build_options() and
// use_colour() (cli/commands.h).
#include <unistd.h>

#include <cstdlib>  // std::getenv

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

auto build_options(const CheckArgs &args, std::ostream &err, bool &ok) -> Options {
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
