// Reading inputs safely (RELIABILITY.md R1): regular files only, opened
// non-blocking, size checked before reading, read with a cap.
#ifndef CALLCHECK_CLI_INPUT_H_
#define CALLCHECK_CLI_INPUT_H_

#include <cstddef>      // std::size_t
#include <cstdio>       // std::FILE
#include <memory>       // std::shared_ptr, std::unique_ptr
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

namespace callcheck::cli {

struct ReadResult {
  bool ok = false;
  std::string bytes;
  std::string error;  // one line, e.g. "not a regular file (FIFO)"; never the content
};

// Reads at most `cap` bytes; a larger file is an error naming the limit and
// `limit_flag`, the option that sets it ("" for a fixed cap).
[[nodiscard]] auto read_file(const std::string &path, std::size_t cap, std::string_view limit_flag = "--max-bytes")
    -> ReadResult;
[[nodiscard]] auto read_stdin(std::size_t cap, std::string_view limit_flag = "--max-bytes") -> ReadResult;

// Where inputs were found: one copy shared by the inputs of a folder's walk,
// so a list of many files does not hold two absolute paths per file.
struct InputPlace {
  std::string root;   // absolute: the trust boundary of its inputs (cli/trust_root.h)
  std::string named;  // absolute: the folder named on the command line for them
};

struct Input {
  std::string path;     // as opened
  std::string display;  // relative, '/' separators
  bool is_stdin = false;
  bool explicit_path = false;               // named on the command line itself, not found in a walk
  std::string error;                        // expansion error (missing path, ...); empty when fine
  std::shared_ptr<const InputPlace> place;  // never null in what expand_inputs() returns

  [[nodiscard]] auto root() const -> const std::string & { return place->root; }
  [[nodiscard]] auto named() const -> const std::string & { return place->named; }
};

struct ExpandOptions {
  // What a directory expands to: extensions with the dot, lower case,
  // compared case-insensitively ("A.JSON" is a .json file).
  std::vector<std::string> extensions;
  // Read payloads through symlinks that leave the input's trust boundary,
  // and descend into symlinked directories (each directory once, under the
  // path that sorts first).
  bool follow_symlinks = false;
  // Walks skip what .gitignore and .git/info/exclude ignore (cli/ignore.h)
  // and names starting with '.'; --no-ignore turns both off.
  bool use_ignore = true;
  // --exclude: globs (config/glob.h excluded_by) relative to the working
  // directory; applied in walks and to paths named on the command line.
  std::vector<std::string> exclude;
  // Where the lines for stderr go ("callcheck: x.json: not checked: ..."):
  // an excluded path named explicitly, an ignore file not used. May be null.
  std::vector<std::string> *notes = nullptr;
  std::size_t *excluded_named = nullptr;  // counts the paths named yet excluded; may be null
};

// Expands the arguments in the given order; "-" is stdin. A directory is
// walked recursively and its matching files are listed sorted by path. A
// walk never enters .git or node_modules, and skips (unless !use_ignore)
// names starting with '.' and what the repository's ignore files ignore;
// what --exclude matches is skipped in walks and, with a note, when named. Not read, reported with `error` (CC010):
// a missing path; a symlink that leaves the trust boundary, named or met in
// a walk (unless follow_symlinks); a broken symlink with a matching name; a
// folder that cannot be listed; and a named directory that yields no input.
// Symlinked directories inside the boundary are not descended into unless
// follow_symlinks (their files are checked where they really are); entries
// that are neither files nor directories (FIFOs, sockets) are skipped.
[[nodiscard]] auto expand_inputs(const std::vector<std::string> &args, const ExpandOptions &options)
    -> std::vector<Input>;
class DirectoryWalk;  // cli/walk.h

// expand_inputs() one input at a time, in the same order: a walk of any size
// holds one folder's listing per level, never every path. `args` and
// `options` must outlive it.
class InputStream {
 public:
  InputStream(const std::vector<std::string> &args, const ExpandOptions &options);
  ~InputStream();
  InputStream(const InputStream &) = delete;
  auto operator=(const InputStream &) -> InputStream & = delete;
  // False once every input was given.
  [[nodiscard]] auto next(Input &in) -> bool;

 private:
  auto start(const std::string &arg, Input &in) -> bool;
  auto start_file(const std::string &arg, std::string folder, Input &in) -> bool;
  [[nodiscard]] auto excluded(const std::string &arg, const Input &in) const -> bool;
  const std::vector<std::string> &args_;
  const ExpandOptions &options_;
  std::size_t arg_ = 0;
  std::unique_ptr<DirectoryWalk> walk_;
  Input walked_;  // the directory argument being walked
};

// The path shown to users: relative to the working directory when inside it.
[[nodiscard]] auto display_path(const std::string &path) -> std::string;

}  // namespace callcheck::cli

#endif  // CALLCHECK_CLI_INPUT_H_
