// .gitignore and .git/info/exclude for directory walks (issue 17 item 3).
//
// gitignore(5) semantics, pinned by tests/scripts/gitignore.sh against `git
// check-ignore`: blank lines and `#` comments are skipped, `\#` and `\!`
// are literal, trailing unescaped spaces dropped; `!` re-includes; a
// trailing `/` matches folders only; a `/` at the start or in the middle
// anchors the pattern to the folder of its file, otherwise it matches the
// name at any depth below it; `**` and the rest are glob.h's Git syntax. A
// deeper file wins over a shallower one, a later line over an earlier one,
// and .git/info/exclude ranks below every .gitignore. A folder that is
// ignored is not walked, so nothing under it can be re-included (as git).
//
// Only files of the repository are read (never core.excludesFile or
// ~/.config/git/ignore: CI and a laptop must see the same files), through
// read_file() with a fixed cap, and only when they resolve inside the trust
// boundary. Matching costs O(pattern bytes x path) per entry (glob.h), and
// the cap bounds the pattern bytes, so a hostile .gitignore costs time
// linear in its size and never more.
#ifndef CALLCHECK_CLI_IGNORE_H_
#define CALLCHECK_CLI_IGNORE_H_

#include <cstddef>      // std::size_t
#include <memory>       // std::shared_ptr
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include "config/glob.h"

namespace callcheck::cli {

// A .gitignore larger than this is not used (a note says so).
inline constexpr std::size_t kMaxIgnoreBytes = std::size_t{256} << 10U;
// A line longer than this is skipped: no real path pattern is that long.
inline constexpr std::size_t kMaxIgnoreLine = 1024;

struct IgnorePattern {
  detail::Glob glob;
  bool negated = false;
  bool dir_only = false;
  bool anchored = false;  // matched against the path below the file's folder, not the name
};

// The patterns of one file, in file order.
struct IgnoreFile {
  std::string dir;  // absolute, '/' separators, no trailing '/': what the patterns are relative to
  std::vector<IgnorePattern> patterns;
};

// Parses the text of one ignore file whose patterns apply below `dir`.
[[nodiscard]] auto parse_ignore(std::string_view text, std::string dir) -> IgnoreFile;

// The files that apply to one folder, shallowest first; shared by the
// folders below it (each adds its own .gitignore to a copy of the list
// only when it has one).
using IgnoreChain = std::vector<std::shared_ptr<const IgnoreFile>>;

// Whether `path` (absolute, '/' separators) is ignored by `chain`.
[[nodiscard]] auto ignored(const IgnoreChain &chain, std::string_view path, bool is_dir) -> bool;

}  // namespace callcheck::cli

#endif  // CALLCHECK_CLI_IGNORE_H_
