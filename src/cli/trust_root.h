// The trust boundary (issue 18). callcheck runs in CI on pull requests: the
// configuration, file names and symlinks are then the author's, so nothing it
// reads on a repository's behalf may come from outside that repository.
//
// The boundary of an input is the closest folder at or above the input's
// folder that holds `.git` (a folder, or the file git writes for worktrees
// and submodules). With no `.git` anywhere above, it is the working
// directory when the input was named inside it, else the folder named on
// the command line (a directory argument itself, or a file argument's
// folder): a folder above both the repository and what the user named (/tmp,
// $HOME, a CI workspace's parent) is never trusted.
//
// Inside the boundary, a `.callcheck.json` with `"root": true` is a root of
// its own for the paths configurations name (config_session.h); it can only
// narrow the boundary, never widen it.
#ifndef CALLCHECK_CLI_TRUST_ROOT_H_
#define CALLCHECK_CLI_TRUST_ROOT_H_

#include <filesystem>   // std::filesystem::path
#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view

#include "callcheck/diagnostic.h"
#include "config/config.h"

namespace callcheck::cli {

// Names separated by single '/', none of them "." or "..", and a name at
// the end: relative (plain_relative) or after one leading '/'
// (plain_absolute), a path lexically_normal() leaves as it is.
[[nodiscard]] auto plain_relative(std::string_view path) -> bool;
[[nodiscard]] auto plain_absolute(std::string_view path) -> bool;

// The working directory, read once (callcheck never changes it); empty
// when it cannot be known.
[[nodiscard]] auto working_directory() -> const std::string &;

// Absolute and lexically normal, without resolving symlinks; no trailing '/'.
[[nodiscard]] auto absolute_lexical(const std::filesystem::path &path) -> std::filesystem::path;

// The boundary for an input in folder `dir` that was named through
// `named_dir` (both absolute_lexical). Cached; not thread-safe (the CLI
// calls it before starting workers).
[[nodiscard]] auto trust_boundary(const std::filesystem::path &dir, const std::filesystem::path &named_dir)
    -> std::filesystem::path;
[[nodiscard]] auto trust_boundary_of(const std::string &dir, const std::string &named_dir) -> std::string;

// Whether `path` lies inside `root` (or is it), comparing lexically.
[[nodiscard]] auto lexically_inside(const std::filesystem::path &path, const std::filesystem::path &root) -> bool;

// Whether `path`, with every symlink resolved, lies inside `root` (also
// resolved). A path that does not exist yet is resolved as far as it exists.
[[nodiscard]] auto resolves_inside(const std::string &path, const std::string &root) -> bool;

// The one check for every path a configuration names (detail::ConfigPath):
// relative, and inside `root` once `..` and symlinks are resolved. Returns
// the path to open, or the CC401 to report at the entry.
struct ConfigPathCheck {
  std::filesystem::path resolved;  // absolute_lexical; empty on error
  std::optional<Diagnostic> error;
};
[[nodiscard]] auto check_config_path(const detail::ConfigPath &named, const std::filesystem::path &config_dir,
                                     const std::filesystem::path &root) -> ConfigPathCheck;

// The message of a refused payload symlink (CC010).
inline constexpr const char *kSymlinkLeaves = "symlink leaves the repository; pass --follow-symlinks to allow";

// `text` with control characters (C0, DEL, C1) shown as \xNN, for the lines
// the CLI itself prints to stderr.
[[nodiscard]] auto printable(const std::string &text) -> std::string;

}  // namespace callcheck::cli

#endif  // CALLCHECK_CLI_TRUST_ROOT_H_
