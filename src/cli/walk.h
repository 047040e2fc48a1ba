// The walk of one directory argument for expand_inputs() (cli/input.h):
// its inputs handed on in byte order of their paths as they are met, so a
// walk of any size holds one folder's listing per level, never every path.
#ifndef CALLCHECK_CLI_WALK_H_
#define CALLCHECK_CLI_WALK_H_

#include <cstddef>     // std::size_t
#include <filesystem>  // std::filesystem::path
#include <memory>      // std::unique_ptr
#include <string>      // std::string

#include "cli/input.h"

namespace callcheck::cli {

struct WalkCount {
  std::size_t inputs = 0;   // handed to the sink
  std::size_t skipped = 0;  // matching names and folders skipped as hidden, ignored or excluded
};

// The walk of `arg` as named (a directory; `named` its absolute path):
// next() gives its inputs one at a time (cli/input.h expand_inputs() says
// which), in byte order of their paths.
class DirectoryWalk {
 public:
  DirectoryWalk(const std::string &arg, const std::filesystem::path &named, const ExpandOptions &options);
  ~DirectoryWalk();
  DirectoryWalk(const DirectoryWalk &) = delete;
  auto operator=(const DirectoryWalk &) -> DirectoryWalk & = delete;
  // False once every input was given.
  [[nodiscard]] auto next(Input &in) -> bool;
  [[nodiscard]] auto count() const -> WalkCount;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

// Relative to the working directory, '/' separators: what --exclude matches.
[[nodiscard]] auto relative_to_working(const std::filesystem::path &absolute) -> std::string;

}  // namespace callcheck::cli

#endif  // CALLCHECK_CLI_WALK_H_
