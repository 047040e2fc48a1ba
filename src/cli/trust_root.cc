#include "cli/trust_root.h"

#include <sys/stat.h>

#include <climits>       // PATH_MAX
#include <cstdlib>       // realpath
#include <map>           // std::map
#include <system_error>  // std::error_code

#include <fmt/format.h>

#include "callcheck/rules.h"
#include "cli/input.h"
#include "catalog/cc401_invalid_config.h"
#include "catalog/diagnostic.h"
#include "render/escape.h"

namespace callcheck::cli {
namespace fs = std::filesystem;
namespace {

auto cwd() -> fs::path {
  std::error_code ec;
  fs::path p = fs::current_path(ec);
  return ec ? fs::path("/") : p;
}

// folder -> the closest folder at or above it holding .git; empty = none.
// On strings, not fs::path: a path compares and splits component by
// component, and this ran on every run's first input (issue 14).
auto git_root(const std::string &dir) -> std::string {
  static std::map<std::string, std::string> cache;
  std::vector<std::string> visited;
  std::string found;
  std::string at = dir;
  while (true) {
    if (const auto it = cache.find(at); it != cache.end()) {
      found = it->second;
      break;
    }
    visited.push_back(at);
    // Only whether it exists: a .git file (worktree, submodule) counts too.
    const std::string git = at.empty() || at.back() == '/' ? at + ".git" : at + "/.git";
    struct stat st {};
    if (::lstat(git.c_str(), &st) == 0) {
      found = at;
      break;
    }
    const std::size_t slash = at.rfind('/');
    const std::string parent = !plain_absolute(at) ? fs::path(at).parent_path().native()
                               : slash == 0        ? std::string("/")
                                                   : at.substr(0, slash);
    if (parent == at || parent.empty()) break;
    at = parent;
  }
  for (const std::string &v : visited) cache[v] = found;
  return found;
}

// weakly_canonical(): for a path that exists, that is canonical(), which
// libstdc++ computes with realpath(); realpath() alone skips its fs::path
// parsing, most of the start of a one-file run (issue 14).
auto canonical_or_weak(const std::string &path) -> std::optional<std::string> {
  char buf[PATH_MAX];
  if (!path.empty() && ::realpath(path.c_str(), buf) != nullptr) return std::string(buf);
  std::error_code ec;
  fs::path p = fs::weakly_canonical(path, ec);
  if (ec) return std::nullopt;
  return p.native();
}

// lexically_inside() for a path and a root that are "/" or plain_absolute
// (realpath() gives nothing else): a prefix of whole names.
auto plain_inside(std::string_view path, std::string_view root) -> bool {
  if (root == "/") return true;
  return path.size() >= root.size() && path.compare(0, root.size(), root) == 0 &&
         (path.size() == root.size() || path[root.size()] == '/');
}

auto plain_or_root(std::string_view path) -> bool { return path == "/" || plain_absolute(path); }

// lexically_inside() on strings: an fs::path built only for other spellings.
auto inside(const std::string &path, const std::string &root) -> bool {
  if (plain_or_root(path) && plain_or_root(root)) return plain_inside(path, root);
  return lexically_inside(path, root);
}

}  // namespace

auto plain_relative(std::string_view path) -> bool {
  if (path.empty() || path.front() == '/' || path.back() == '/') return false;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    const std::size_t n = end - start;
    if (n == 0) return false;
    if (path[start] == '.' && (n == 1 || (n == 2 && path[start + 1] == '.'))) return false;
    start = end + 1;
  }
  return true;
}

auto plain_absolute(std::string_view path) -> bool {
  return path.size() > 1 && path.front() == '/' && plain_relative(path.substr(1));
}

auto working_directory() -> const std::string & {
  static const std::string working = [] {
    std::error_code ec;
    const fs::path p = fs::current_path(ec);
    return ec ? std::string() : p.native();
  }();
  return working;
}

auto absolute_lexical(const fs::path &path) -> fs::path {
  // The working directory once: callcheck never changes it, and
  // fs::absolute() asks the kernel (getcwd) on every call, several system
  // calls per input of a walk (issue 14). Where it cannot be known, and for
  // the empty path, fs::absolute() decides as before.
  static const std::optional<fs::path> working = []() -> std::optional<fs::path> {
    if (working_directory().empty()) return std::nullopt;
    return fs::path(working_directory());
  }();
  // The common case of a walk, a relative path of plain names ("calls/a.json"):
  // the working directory and the path joined are already lexically normal.
  // fs::path's normalisation was most of the start of a run over many files.
  if (working && !path.empty() && !path.is_absolute() && plain_relative(path.native())) {
    const std::string &base = working->native();
    return fs::path(base == "/" ? "/" + path.native() : base + "/" + path.native());
  }
  // An absolute path of plain names is its own normal form (a hook or a
  // script names files by their full path).
  if (plain_absolute(path.native())) return path;
  fs::path p;
  if (path.is_absolute()) {
    p = path;
  } else if (working && !path.empty()) {
    p = *working / path;
  } else {
    std::error_code ec;
    p = fs::absolute(path, ec);
    if (ec) p = path;
  }
  p = p.lexically_normal();
  // "a/b/" normalises to "a/b/"; keep one spelling per folder.
  if (p.has_filename() || p == p.root_path()) return p;
  return p.parent_path();
}

auto trust_boundary_of(const std::string &dir, const std::string &named_dir) -> std::string {
  std::string root = git_root(dir);
  if (!root.empty()) return root;
  static const std::string working = absolute_lexical(cwd()).native();
  return inside(named_dir, working) ? working : named_dir;
}

auto trust_boundary(const fs::path &dir, const fs::path &named_dir) -> fs::path {
  return trust_boundary_of(dir.native(), named_dir.native());
}

auto lexically_inside(const fs::path &path, const fs::path &root) -> bool {
  if (plain_or_root(path.native()) && plain_or_root(root.native())) return plain_inside(path.native(), root.native());
  const fs::path rel = path.lexically_relative(root);
  if (rel.empty()) return false;
  const auto first = rel.begin();
  return first == rel.end() || *first != "..";
}

auto resolves_inside(const std::string &path, const std::string &root) -> bool {
  static std::map<std::string, std::optional<std::string>> roots;
  auto it = roots.find(root);
  if (it == roots.end()) it = roots.emplace(root, canonical_or_weak(root)).first;
  const std::optional<std::string> real = canonical_or_weak(path);
  if (!it->second || !real) return false;
  const std::string &top = *it->second;
  return inside(*real, top);
}

auto check_config_path(const detail::ConfigPath &named, const fs::path &config_dir, const fs::path &root)
    -> ConfigPathCheck {
  ConfigPathCheck out;
  auto refuse = [&](std::string message) {
    Diagnostic d = detail::make_diagnostic(catalog::kInvalidConfig, std::move(message), named.pointer, named.span);
    d.help = fmt::format("name a file inside `{}`, relative to this configuration's folder",
                         printable(display_path(root.string())));
    out.error = std::move(d);
    return out;
  };
  const fs::path written(named.value);
  if (written.is_absolute()) {
    return refuse(
        fmt::format("`{}` is an absolute path; a configuration may only name files inside its root", named.member));
  }
  const fs::path resolved = absolute_lexical(config_dir / written);
  if (!lexically_inside(resolved, root)) {
    return refuse(fmt::format("`{}` leaves this configuration's root through `..`", named.member));
  }
  if (!resolves_inside(resolved, root)) {
    return refuse(fmt::format("`{}` leaves this configuration's root through a symlink", named.member));
  }
  out.resolved = resolved;
  return out;
}

// One escaper for everything callcheck prints: the renderers' (render/escape.h).
auto printable(const std::string &text) -> std::string { return detail::visible(text); }

}  // namespace callcheck::cli
